"""Facts told for the committee's records, by a family contact about the resident or by a resident of herself: each
reaches staff as a request in the teller's own words, and the teller reads that staff will update the register or
keep it for an emergency. The register itself is never changed from a chat: staff check it first.

address  "我爸的地址改了 搬到5号楼101了", "我搬家了 现在住6号楼201": the 🆘's read-back uses the register, so a stale one
         sends staff to the wrong door (seed 000); a door in the words is shown beside the register's, ⚠️ where it
         differs; her registered door told again ("我住3号楼602") changes nothing; his stay with her is family_away.py's
phone    "我换手机号了 新号码13911119999", "我手机号换了": the number staff phone
note     "我爸家的钥匙在隔壁李阿姨那里", "我爸有心脏病 在吃药", "我爸装了心脏起搏器": what staff need at his door (a
         resident's own illness is asked about as "I feel unwell" is: resident.py; her pacemaker or stent is noted)

Asked ("我爸的地址是多少"), or a trouble ("钥匙丢了 我爸进不了门"), it is no fact told: read as usual. Beside a danger
("我爸摔倒了 钥匙在隔壁", "钥匙在隔壁 快来") it is a cry, and staff read the key in its words. `told` is read before the
cry is weighed (a heart condition told leans the model to an emergency): every part of the words must be a fact or
a polite word, with no danger and nothing happening now; `fact_in`, after it, finds a fact amid other words.
"""
from __future__ import annotations

import re

from nlu.features import normalise

from ..flows.base import Ctx
from ..flows.chat_words import QUESTION
from ..flows.menu import show_menu
from ..flows.understanding import danger_in
from ..residents import differing_parts
from . import address_steps, family, family_away
from .raising import open_call

ADDRESS = re.compile(r"(?:地址|住址|门牌)(?:号)?(?:已经|也)?(?:改|换|变)|搬(?:了)?家|搬走|搬(?:到|去|进|过去)"
                     r"|(?:现在|已经|目前)?(?:搬|住)(?:在|到|进)?[^，,。！!？?\s]{0,8}?\d+(?:号楼|号|室|弄|楼)")
PHONE = re.compile(r"(?:手机|电话)(?:号码?)?(?:已经|也)?(?:换|改|变)|换(?:了)?(?:个|一个|新)?(?:的)?(?:手机|电话)"
                   r"|新(?:的)?(?:手机|电话)?号码|号码(?:换|改|变)")
KEY = re.compile(r"钥匙[^，,。！!？?\s]{0,8}?(?:在|放|交给|留|寄|存)|(?:有|放了?|留了?|存了?)[^，,。！!？?\s]{0,6}钥匙")
# a device fitted ("我装了心脏起搏器", "心脏里装了两个支架"): a fact for her file, never "are you unwell?" (its trouble,
# "起搏器好像不对劲", is a red flag)
DEVICE = re.compile(r"(?:装|安|放)(?:了)?[^，,。！!？?\s]{0,4}?(?:起搏器|支架)")
HEALTH = re.compile(r"(?:有|得了|得过|患(?:有)?|查出(?:了)?)[^，,。！!？?\s]{0,4}?(?:心脏病|冠心病|高血压|糖尿病|哮喘|癫痫|脑梗|中风"
                    r"|痴呆|帕金森|慢阻肺|肾病|心衰)|" + DEVICE.pattern +
                    r"|(?:在|每天|一直|长期|天天)(?:都)?吃[^，,。！!？?\s]{0,6}药|(?:对)[^，,。！!？?\s]{1,6}过敏")
# her own move, from a family contact ("我搬家了 现在住6号楼201"): never shown as his door
SELF = re.compile(r"(?:我|我们|我家|阿拉)(?:已经|刚|刚刚|最近|现在)?(?:搬|住|的(?:新)?地址|(?:新)?地址)")
KINDS = (("address", ADDRESS), ("phone", PHONE), ("note", KEY), ("note", HEALTH))
CATEGORY = {"address": "register", "phone": "register", "note": "facts"}
TROUBLE = re.compile(r"丢|掉了|找不到|不见|锁在|锁里|进不去|进不了|进不来|打不开|开不了|开不开|忘(?:了|带)|没带|断了")
# something happening now: never a fact read before the cry is weighed ("我爸有心脏病 现在胸口疼", "心脏病犯了")
NOW = re.compile(r"犯了|发作|疼|痛|晕|喘不|气喘|不行|倒|昏|救|快|急|马上|赶紧|没(?:气|反应|知觉|声音)|叫不醒|不动|出血|流血|吐"
                 r"|摔|跌|不舒服|难受|烧|烫|火|烟|煤气|来人|来看|过来|不开门|不接|打不通|联系不上|没人|不回|没回|吃多|吃错|多吃"
                 r"|吃了(?:一|很多|好多|整|几)")
# a health fact of someone else's ("隔壁王奶奶有心脏病"); a key is held by a neighbour by nature
OTHERS = re.compile(r"隔壁|邻居|楼上|楼下|对门|朋友|同事|老同学")
POLITE = re.compile(r"(?:麻烦|请)?(?:你们|您)?(?:帮忙)?(?:登记|更新|改|记|知道|说)(?:一下|下来|下)?(?:吧|哦|啊)?|谢谢(?:你们|您)?"
                    r"|(?:告诉|跟|和)(?:你们|您)(?:说)?(?:一下)?|(?:有事|需要的话|需要时|万一有事)(?:可以|就)?(?:找|问|联系)[^，,。！!？?\s]{1,4}"
                    r"|(?:他|她|我)?(?:一直|每天|天天)?在(?:吃药|用药)|(?:了|的|哦|啊|呀|吧)"
                    r"|(?:新号码?|号码)?(?:是)?\+?(?:86)?1\d{10}")  # the new number on its own
PARTS = re.compile(r"[，,。！!；;\s]+")


def fact_in(text: str) -> str | None:
    """"address", "phone" or "note" for a fact told (not asked, no trouble, nothing happening now) anywhere in the
    words; else None."""
    text = normalise(text)  # "我換手機號了", "心臟病": as the patterns read them
    return None if QUESTION.search(text) or NOW.search(text) else _kind(text)


def _kind(text: str) -> str | None:
    for kind, pattern in KINDS:
        if pattern.search(text) and not (pattern is KEY and TROUBLE.search(text) or pattern is HEALTH
                                         and OTHERS.search(text)):
            return kind
    return None


def told(svc, text: str) -> str | None:
    """A fact and nothing else: every part of the words a fact or a polite word, no danger, nothing happening now."""
    if danger_in(svc, text):
        return None
    parts = [p for p in PARTS.split(normalise(text)) if p]
    if not parts or not all(fact_in(p) or POLITE.fullmatch(p) for p in parts):
        return None
    return fact_in(text)


async def family_told(ctx: Ctx, text: str, *, alone: bool = False) -> bool:
    """Her fact about the resident she looks out for (`alone`: the words say nothing else) reached staff."""
    kind = told(ctx.svc, text) if alone else fact_in(text)
    if not kind and not alone and _kind(normalise(text)) and not QUESTION.search(text):
        await family.request(ctx, text)  # "钥匙在隔壁 他在里面不开门": a worry beside the fact, someone goes to see
        return True
    if not kind:
        return False
    if family_away.AWAY.search(text) or family_away.STAYING.search(text):
        return False  # "我爸搬到我家住了": his check-in pauses (family_away.py), staff told there
    _, people = await family.linked_people(ctx)
    if not people or kind == "address" and len(people) == 1 and same_door(people[0], text):
        return False
    his = kind != "address" or _names_him(text, people)  # "我搬家了": her own move, never shown as his door
    n = await family.request(ctx, text, category=CATEGORY[kind], noted=f"facts.{'' if his else 'own_'}{kind}_noted")
    if n and kind == "address" and his:
        await beside_register(ctx, n, text)
    return True


def _names_him(text: str, people: list[dict]) -> bool:
    from .family_asks import OWN
    from .family_told import HIM

    if not SELF.match(normalise(text)):  # "地址改了 搬到5号楼101了": about him, whom she writes about
        return True
    return bool(OWN.search(text) or HIM.search(text) or any(p["name"] and p["name"] in text for p in people))


async def resident_told(ctx: Ctx, text: str, *, alone: bool = True) -> bool:
    """Her own fact (`alone`: the words say nothing else; else read where nothing else was understood) reached
    staff as a request, her new door beside the register's."""
    kind = told(ctx.svc, text) if alone else fact_in(text)
    said = normalise(text)
    if not kind or alone and kind == "note" and HEALTH.search(said) and not (KEY.search(said) or DEVICE.search(said)):
        return False  # "我有心脏病": asked whether someone should come, as "I feel unwell" is (resident.py)
    if kind == "address" and same_door(await own_record(ctx), text):
        return False  # "我住3号楼602": where the register says
    await _to_staff(ctx, kind, text)
    return True


async def address_given(ctx: Ctx, text: str) -> None:
    """An address in her words, beside other words ("我搬到6号楼201了，以后找我去那里"): a new one reaches staff; her
    registered one, or none, is only acknowledged. With her call open, any door she names is that call's (restated)."""
    if ctx.me.role == "resident" and (inc := await open_call(ctx.svc.store, ctx.me.resident_id)) is not None:
        return await address_steps.restated(ctx, inc, text)
    if (kind := fact_in(text)) in ("address", "phone") and not same_door(await own_record(ctx), text):
        await _to_staff(ctx, kind, text)
    else:
        show_menu(ctx, "talk.address_noted", phone=ctx.svc.settings.community.committee_phone)


async def own_record(ctx: Ctx) -> dict:
    return ctx.me.extra.get("person") or await ctx.svc.store.resident(ctx.me.resident_id) or {}


def same_door(person: dict, text: str) -> bool:
    """The door in the words is the one the register holds: nothing to change."""
    parts = address_steps.door_in(text)
    return bool(parts) and bool(person) and not differing_parts(person, parts)


async def _to_staff(ctx: Ctx, kind: str, text: str) -> None:
    from . import help_request

    n = await help_request.start_help(ctx, "help", category=CATEGORY[kind], source="text", words=text, detail=text,
                                      noted=f"facts.own_{kind}_noted")
    if n and kind == "address":
        await beside_register(ctx, n, text)


async def beside_register(ctx: Ctx, n: int, text: str) -> None:
    """A door in the words, on the request about him: staff see it beside the register's, the parts that differ
    marked; the register stays as it is."""
    inc = await ctx.svc.store.incident(n)
    parts = address_steps.door_in(text)
    if not parts or not inc or not inc.get("resident"):
        return
    links = await family.linked(ctx) if ctx.me.role == "contact" else []
    by = family.reporter_of(ctx, links) if links else None  # her words, never shown as his own
    await ctx.svc.incidents.address_stated(n, parts, text, by=by,  # (a call these words opened: its alert says it)
                                           tell=(inc.get("words") or "") != text)
    await ctx.svc.incidents.refresh(n)
