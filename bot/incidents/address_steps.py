"""Where the resident is, alongside the alert (never before it): the registered address read back for a yes/no, a
typed address or a location pin, or an address the cry itself carried. Any difference from the register is shown to
staff side by side, loudly (bot/incidents/packet.py).

help.confirm_address reads back the registered address [✅ 对] [❌ 不对]
help.ask_address    waits for a typed address or a location pin
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.both import label_both, t_both
from ..flows.menu import keyboard, show_menu
from ..residents import differing_parts, full_address, has_any
from ..types import Button
from .call_questions import asked_typed
from .cant_press import CONFUSED


def _incidents(ctx: Ctx):
    return ctx.svc.incidents


# a room of their own home ("我在卫生间", "在厨房里"): the registered address, and where in the flat they are
IN_HOME = re.compile(r"^(我|人)?(现在|还)?(在|躺在|倒在|坐在)?(卫生间|厕所|浴室|洗澡间|厨房|灶披间|卧室|房间|睡房|客厅|阳台"
                     r"|床上|床边|沙发|地上|地板上)")
# not knowing where she is, to "请告诉我您现在在哪里" ("我也不知道在哪", "不晓得这是哪里")
LOST = re.compile(r"不知道|不晓得|勿晓得|说不清|讲不清|搞不清|不清楚|不记得|想不起来|认不出")
# a no to the read-back taken back ("刚才说错了 是在家", "按错了 地址是对的")
TAKEN_BACK = re.compile(r"(说|按|讲|弄)错了?.{0,6}(在家|家里|地址(是)?对|是对的|没错)")
# a bare door number beside the no ("不是302是303", "不对，303"): the last one that is not the register's
BARE_ROOM = re.compile(r"(?<![\d.:：])(\d{3,4})(?![\d.:：号弄楼])")
PLAIN_YES = re.compile(r"(对|对的|是|是的|嗯|嗯嗯|好|好的|没错|对对对?|是是是?|yes|ok)[\s，,。.!！~～]*", re.I)
NOT_WORDS = re.compile(r"[\d\s，,。.!！、]|号楼|号|弄|室|楼|幢|层|路|是的|对的|不是|不对|是|对|嗯|我在|在|yes|no", re.I)
# not at the door read back, in her words: one set, read while the read-back waits (bot/flows/call_answers.py) and
# after her ✅ 对 (ELSEWHERE) — a word added here is heard both ways
NOT_HOME = r"(?<!还)不在(家|屋里)|没在家|搬(家|走)了|不住(那|这)(里|儿)了|\b(not at home|i'?m not (at )?home)\b"
OTHER_PLACE = r"在(?!家|屋里|自己家)\S"  # "在菜场", "在女儿家": somewhere, never home ("在家", "在自己家")
ADDRESS_KNOWN = {"confirmed": "help.address_thanks", "corrected": "help.address_corrected",
                 "location": "help.location_thanks", "unparsed": "help.address_unparsed"}


async def kept(ctx: Ctx, n: int, key: str) -> None:
    """Where they are, kept on the call: `key` says it reached staff ("已告诉社工"), true only once a staff member has
    the call; while none has (its alerts reached nobody: reached_late.py), that it is kept, and the numbers to call."""
    inc = await ctx.svc.store.incident(n) or {}
    if key != "help.address_thanks" and inc.get("caller_unreached"):
        show_menu(ctx, "help.address_kept", phone=ctx.svc.settings.community.committee_phone)
    else:
        ctx.say(t_both(ctx, key), keyboard=keyboard(ctx))  # (both: after a 🆘 whose language was only guessed)


def ask_address(ctx: Ctx, n: int, person: dict, key: str = "help.confirm_address") -> None:
    """Her registered address read back for a yes/no (`key`: its wording), else where she is asked."""
    if has_any(person):
        address = full_address(ctx.svc.settings.community.address_prefix, person)
        if asked_typed(ctx, "confirm_address", n, person):  # she said she cannot press: in words she can type
            return
        ctx.goto("help", "confirm_address", incident=n)
        ctx.say(t_both(ctx, key, address=address),  # in both when her language is only guessed
                buttons=((Button(label_both(ctx, "btn.addr_yes"), f"addr:yes:{n}"),
                          Button(label_both(ctx, "btn.addr_no"), f"addr:no:{n}")),))
    else:
        ask_typed_address(ctx, n)


def ask_typed_address(ctx: Ctx, n: int, key: str = "help.ask_address") -> None:
    ctx.goto("help", "ask_address", incident=n)
    ctx.say(t_both(ctx, key), keyboard=((ctx.t("help.location_button"),),), request="location")


async def own_open_incident(ctx: Ctx, n: int) -> dict | None:
    """The resident's own incident n, still open; else None, and they are told the button is out of date."""
    inc = await ctx.svc.store.incident(n)
    if not inc or inc["resident"] != ctx.me.resident_id or inc["status"] == "resolved":
        show_menu(ctx, "bad.stale_button")
        return None
    return inc


def reply_door(text: str, person: dict) -> dict:
    """The door in a reply to the read-back: its parts, or a bare number other than the registered room as the room."""
    if parts := door_in(text):
        return parts
    rooms = [m for m in BARE_ROOM.findall(text) if m != str(person.get("room") or "")]
    return {"room": rooms[-1]} if rooms else {}


def _more_than_door(text: str, parts: dict) -> bool:
    """Words beside the address itself ("是5号302 门锁着的"), not only the door and a yes ("对，5号302")."""
    for value in parts.values():
        text = text.replace(str(value), "")
    return len(NOT_WORDS.sub("", text)) >= 2


def door_in(text: str) -> dict:
    """The parts of an address in these words, if they name a door (a lane, building or room); else {}: a road
    alone in a cry says where it happened, not where the person is."""
    from nlu.entities import parse_address

    parts = {k: v for k, v in parse_address(text).items() if v}
    return parts if parts.keys() & {"lane", "building", "room"} else {}


async def stated_in_cry(ctx: Ctx, n: int, person: dict) -> str:
    """A door in the cry's words that differs from the register, or a place not her home ("我在女儿家摔倒了": "unparsed"):
    recorded beside it, loudly, staff's packet refreshed at once; "corrected" then, else "". The registered door in a cry proves nothing about where they are now ("我住
    5号302，现在在菜场摔倒了"): the read-back still asks."""
    parts = door_in(ctx.ev.text)
    if not parts and away_said(ctx.ev.text, alone=False):  # "我在女儿家摔倒了": not at the register's door
        await _incidents(ctx).address_stated(n, {}, ctx.ev.text, disputed=True, tell=False)
        await _incidents(ctx).refresh(n)
        return "unparsed"
    if not parts or has_any(person) and not differing_parts(person, parts):
        return ""
    await _incidents(ctx).address_stated(n, parts, ctx.ev.text, tell=False)  # the cry's own alert carries it
    await _incidents(ctx).refresh(n)
    return "corrected"


async def on_address_answer(ctx: Ctx, answer: str, n: int) -> None:
    inc = await own_open_incident(ctx, n)
    if inc is None:
        return
    person = await ctx.svc.store.resident(inc["resident"])
    address = full_address(ctx.svc.settings.community.address_prefix, person)
    said = ctx.ev.text.strip() if ctx.ev.kind == "text" else ""
    if answer == "yes":
        if ctx.ev.kind == "button":  # (typed: her message is hers, never edited)
            ctx.edit_pressed(t_both(ctx, "help.confirm_address", address=address) + "\n✅")
        await _incidents(ctx).address_confirmed(n)
        await _incidents(ctx).refresh(n)
        if said and not PLAIN_YES.fullmatch(said):  # "是5号302 门锁着的", "我在卫生间": staff read the rest
            await _incidents(ctx).told_more(n, said)
        ctx.goto(None)
        ctx.say(t_both(ctx, "help.address_thanks"), keyboard=keyboard(ctx))
    elif said and reply_door(said, person):  # "不是302是303": the other door, to staff now, not asked again
        ctx.goto("help", "ask_address", incident=n)
        await on_address_text(ctx, n)
    else:
        if ctx.ev.kind == "button":
            ctx.edit_pressed(t_both(ctx, "help.confirm_address", address=address) + "\n❌")
        ask_typed_address(ctx, n)


def own_room(ctx: Ctx, text: str) -> bool:
    """Her registered room number typed alone to the read-back ("602"): a yes."""
    person = ctx.me.extra.get("person") or {}
    return bool(BARE_ROOM.fullmatch(text.strip())) and text.strip() == str(person.get("room") or "-")


async def not_there(ctx: Ctx, n: int) -> None:
    """Words to the read-back that say she is not at that door: another room alone ("502") is her door, to staff
    now; "我不在家", "我搬家了": staff read them, and she is asked where she is."""
    if BARE_ROOM.fullmatch(ctx.ev.text.strip()):
        ctx.goto("help", "ask_address", incident=n)
        await on_address_text(ctx, n)
        return
    await _incidents(ctx).told_more(n, ctx.ev.text.strip())
    await on_address_answer(ctx, "no", n)


async def on_address_text(ctx: Ctx, n: int) -> None:
    from nlu.entities import parse_address

    inc_svc = _incidents(ctx)
    disputed = ctx.session.get("step") == "ask_address"
    if disputed and TAKEN_BACK.search(ctx.ev.text):  # "对不起 刚才说错了 是在家": the register's, after all
        await on_address_answer(ctx, "yes", n)
        return
    if disputed and (LOST.search(ctx.ev.text) or CONFUSED.search(ctx.ev.text)) and not door_in(ctx.ev.text):
        # "我也不知道在哪", "你说什么", "我眼睛不好": never a door asked
        await inc_svc.address_stated(n, {}, ctx.ev.text, disputed=True)  # staff read it now, in her words
        await inc_svc.refresh(n)
        ask_typed_address(ctx, n, "help.address_lost")
        ctx.session.update(asked_twice=True, said_place=ctx.ev.text[:100])
        return
    if not disputed and IN_HOME.match(ctx.ev.text.strip()) and not door_in(ctx.ev.text):
        await on_address_answer(ctx, "yes", n)  # a room of the home: the register's address
        return
    parts = {k: v for k, v in parse_address(ctx.ev.text).items() if v}
    if not parts and disputed and (inc := await ctx.svc.store.incident(n)):  # "303": the room, typed alone
        parts = reply_door(ctx.ev.text, await ctx.svc.store.resident(inc["resident"]) or {})
    said = ctx.session.get("said_place", "")  # words before, not an address either: staff read both
    text = f"{said}；{ctx.ev.text}" if said and not parts else ctx.ev.text
    if not parts and not ctx.session.get("asked_twice"):
        await inc_svc.address_stated(n, parts, text, disputed=disputed)  # staff read it now, in their words
        await inc_svc.refresh(n)
        ask_typed_address(ctx, n, "help.ask_address_again")
        ctx.session.update(asked_twice=True, said_place=text[:100])
        return
    diff = await inc_svc.address_stated(n, parts, text, disputed=disputed)
    await inc_svc.refresh(n)
    ctx.goto(None)
    if not parts:
        await kept(ctx, n, "help.address_unparsed")
    else:
        if not diff and not disputed and _more_than_door(text, parts):  # "是5号302 门锁着的": staff read the rest
            await inc_svc.told_more(n, text)
        await kept(ctx, n, "help.address_corrected" if diff or disputed else "help.address_thanks")


async def on_address_location(ctx: Ctx, n: int) -> None:
    await _incidents(ctx).address_location(n, ctx.ev.latitude, ctx.ev.longitude, ctx.ev.origin)
    await _incidents(ctx).refresh(n)
    ctx.goto(None)
    await kept(ctx, n, "help.location_thanks")


async def restated(ctx: Ctx, inc: dict, text: str) -> None:
    """A door in her words once the call's address step is done ("5号602", then "不对 是3号602"): staff read the
    words now, the packet shows the door she said last beside the register's, and she is told it reached them."""
    n = inc["id"]
    await _incidents(ctx).address_stated(n, door_in(text), text, disputed=True, said_too=True)
    await _incidents(ctx).refresh(n)
    await kept(ctx, n, "help.address_restated")



# after her yes, her elsewhere or the address said wrong ("不对不对 我在楼下", "我不在家 在女儿家", "地址不对")
ELSEWHERE = re.compile(rf"地址(不对|错了|是错的)|\bwrong address\b|{NOT_HOME}|(^|[，,\s])(不对|不是|错了|说错了|搞错了)"
                       rf"[^。！!？?]{{0,8}}{OTHER_PLACE}", re.I)


# a place not her home, said alone after her yes ("我在女儿家", "在菜场", "I am at the market"); her door or a room of
# her home ("我在门口", "在卫生间": IN_HOME) is where she said
BARE_PLACE = re.compile(r"^(我|人)?(现在|还|正)?在(?!家|屋|自己家|门口|里|房间|这里|这儿)[^，,。！!？?\s]{0,8}?(家|里|店|场|市|院|站|口|边|楼下|楼上"
                        r"|外面|外头|隔壁|公园|路上|那边|那里|银行|车上)"  # never "我在吃饭", "我在等": doing, not where
                        r"|^(i'?m|i am) (now |still )?(at (?!(my |the )?(home|flat|house|apartment|door)\b)"
                        r"|in (the |a )?(hospital|park|street|shop|supermarket|market|car|bus)\b)", re.I)  # never "in pain"


def away_said(text: str, alone: bool = True) -> bool:
    """Her address said wrong in these words, or a place not her home said first (`alone`: and little else)."""
    text = text.strip()
    return bool(ELSEWHERE.search(text) or BARE_PLACE.match(text) and not IN_HOME.match(text)
                and (len(text) <= 30 or not alone))


async def place_in_cry(ctx: Ctx, n: int, words: str) -> bool:
    """A place not her home in her cry on her open call, after her ✅ 对 or to "您需要马上有人来吗？" ("我在女儿家摔倒了"):
    beside the register, loudly (the cry itself went as one); a question waiting is kept. False: none said, or the
    call already has where she is from her."""
    inc = await ctx.svc.store.incident(n) or {}
    if not away_said(words, alone=False) or inc.get("address_state") not in ("pending", "confirmed", "unknown") \
            or inc.get("address_by"):
        return False
    await _incidents(ctx).address_stated(n, door_in(words), words, disputed=True)
    await _incidents(ctx).refresh(n)
    return True


async def said_elsewhere(ctx: Ctx, text: str) -> bool:
    """Her address said wrong after her ✅ 对 (her call open, nothing asked): staff read her words now, the packet's
    confirmation is taken off and her words shown loudly, as after ❌ 不对; she is told it reached them. A danger in
    the words is a cry, read as one."""
    from ..flows.understanding import danger_in
    from .raising import open_call

    if ctx.me.role != "resident" or not away_said(text) or danger_in(ctx.svc, text):
        return False
    inc = await open_call(ctx.svc.store, ctx.me.resident_id)
    if not inc or inc.get("address_state") != "confirmed" or inc.get("address_by"):
        return False
    n = inc["id"]
    await _incidents(ctx).address_stated(n, door_in(text), text, disputed=True, said_too=True)
    await _incidents(ctx).refresh(n)
    await kept(ctx, n, "help.address_restated")
    return True
