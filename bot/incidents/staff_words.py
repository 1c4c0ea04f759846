"""A staff member's typed words outside any step, on her phone, where a button was meant: beside a cry for help
(colleague.py, which goes first), what she says of an alert and what she asks.

her words                                     the answer
"收到" "我来" "我马上去" "#1 我去看看"           🙋 of each alert she can take (#n, resident)
"已经到了" "联系上了"                          📍 of each she holds or can take
"家属到了" "医生来了"                           noted on the record of the call she holds (not her arrival)
words nothing here means, holding one call      noted on its record (staff.py, last: "他说腿疼 我陪他去医院")
"听过了" "看过照片了" "不紧急"                  🆘 按紧急处理 · ✅ 已听 of each voice or photo nobody has heard
"处理好了" "1号解决了" "是误报" "1号好了"       the ✅ outcomes of each
"我处理不了" "取消认领" "1号转给王社工"         🔁 转交 of each she holds (straight to the colleague named)
"我下班了" "交班" "1号交给王社工"              the same: her shift over, a call still in hand
"电话打不通" "王老伯电话没人接"                 whom else to call, and its next button (whom_to_call.py)
"有哪些没处理的" · "谁在值班" · "王老伯怎么样了"  /open · /duty · /incident N of his open call
"3号怎么样" "2号谁接的" · "谁接了"              /incident N · /open (who holds each)
"1号处理好了吗" · "王社工到了没"                /incident N · /open: asked, not told
"王老伯那边我到了" (a colleague's call, named)  its 📍 (noted, its holder told, as on its packet)
"张阿姨今天签到了吗"                            her check-in, as her family reads it
"1号" · "3" · "王老伯" alone                   /incident N of that call (a bare number: if there is one)
"王社工电话多少" · "帮助" · "我来值班"          a colleague's phone · /help · /duty (staff_asks.py)
"撤销" holding none, after closing one            it stays closed; one tap to raise his call again (undo.py)
(a button of a call that is over, pressed)    who closed it and how, or the call it joined (`tell_over`)

Words never act by themselves (typed on the move, about which call?): she taps to confirm, as on the packet (a
line on her own call's record aside). A
number (#2, 2号) or a resident's name narrows the offer to that call. Only staff get here (engine.on_staff), so a
resident typing "王老伯怎么样了" reads nothing of his.
"""
from __future__ import annotations

import re

from .. import roster
from ..flows import staff_views
from ..flows.base import Ctx
from ..residents import residents_called
from ..textfit import clip
from .packet import NAME_CHARS, actions
from .held_calls import lost
from .closed import RESOLVED as OUTCOMES  # ✅ 已解决's outcomes (staff.py)
from . import staff_asks, undo, whom_to_call

NUMBER = re.compile(r"[#＃第]\s*(\d{1,6})\s*号?|(\d{1,6})\s*号(?![楼门室线])")  # not "5号楼"
QUESTION = re.compile(r"[?？吗呢么]|怎么|怎样|咋|如何|哪|谁|什么|几|多少|\b(how|who|what|which)\b", re.I)
BARE_FINE = re.compile(r"^(都|已经|全都?)?好了$")  # "1号好了", or "好了" from the one holding a call: it is done
DONE = re.compile(r"(处理|解决|办|弄|搞)(好|完|定)|解决了|已解决|搞定|误报|送(到|去|进)?了?(医|院)|住院了|没事了|看(过|好)了|(人|他|她|老人)没事"
                  r"|(人|都|一切)(在家|正常|挺好|很好|还好)|" + BARE_FINE.pattern + "|"
                  r"\b(done|resolved|sorted|false alarm)\b", re.I)
TAKE = re.compile(r"^(好的?|好|ok)?[，,。 ]*(收到|我来|我去|我马上|马上(去|到|过去)|这就(去|过)|交给我|我负责|我接|(我|已经)*在路上)|"
                  r"\b(on my way|i'?ll (take|go|handle)|got it)\b", re.I)
THERE = re.compile(r"^我(已经)?到|到了|已到|到现场|到门口|在现场|联系上|已联系|\b(arrived|i'?m there|here now)\b", re.I)
GIVE_UP = re.compile(r"(处理|去|来|赶|过)不了|走不开|赶不过去|过不去|去不成|转给|转交|交给(?!我)|交班|下班|谁(能|可以|有空)去"
                     r"|谁(能|可以|有空)?接一下"
                     r"|换个?人|取消(认领|接单)|不是我的|撤销|撤回|(接|点|按)错了|\b(can'?t go|hand (it )?over)\b", re.I)
OTHER_CAME = re.compile(r"(家属|家人|女儿|儿子|老伴|亲戚|医生|救护车|120|110|警察|民警|物业|邻居|保姆|护工)(已经|也|都)?(到|来)了?")
HEARD = re.compile(r"听(过|了|完|到)|已听|看(过|了|完)(照片|图片|图)|(不|是|很|挺)?紧急|\b(listened|heard it)\b", re.I)
INTENTS = (("done", DONE), ("heard", HEARD), ("handover", GIVE_UP), ("take", TAKE), ("there", THERE))
# "处理好了" is done; "收到了" is take, not there; "我去不了" gives it up, never takes it
# what each answers with, the first the packet offers now: 🙋 (a voice's 🆘/✅ 已听) else 📍 else the outcomes
OFFERS = {"take": (("claim",), ("urgent", "heard"), ("arrive",), ("resolve",)),
          "there": (("arrive",), ("urgent", "heard"), ("resolve",)),
          "done": (("resolve",), ("heard",)),
          "handover": (("handover",),),
          "heard": (("urgent", "heard"),)}  # a voice or photo she listened to: 🆘 按紧急处理 or ✅ 已听
LABELS = {"claim": "btn.claim", "arrive": "btn.arrived", "urgent": "btn.media_urgent", "heard": "btn.media_heard",
          "handover": "btn.handover"}
OPEN_ASKED = re.compile(r"(没|未|还没)(处理|解决|人接|接单)|待处理|(有|还有)(哪些|什么|几个|几件|多少)|"
                        r"\b(open (calls|cases)|what'?s open)\b", re.I)
DUTY_ASKED = re.compile(r"谁.{0,3}值班|值班.{0,3}(是谁|谁|哪位)|\bwho'?s on duty\b|\bwho is on duty\b", re.I)
AFTER_NAME = re.compile(r"^(那边|那里|这边|家里?|的)?[，,。 ]*")
WHO_HAS = re.compile(r"谁(在|已经)?(接了|接的|接单|在?处理|负责|跟进|去了|去的)|(接|处理|负责)的?人?是谁|有人(去|接|到|在?处理|管)|"
                     r"\bwho('?s| is)? (took|has|handling|on)\b", re.I)  # "谁接了", "2号谁接的", "刘奶奶那边谁去了"
AFTER_ASKED = re.compile(r"怎么样|怎样|咋样|如何|情况|好点|还好吗|\bhow'?s\b|\bhow is\b", re.I)
CHECKIN_ASKED = re.compile(r"签到|报平安|打卡|\bcheck.?in", re.I)
BARE_NAME = 8  # a name typed alone ("王老伯", "3号楼张阿姨") is no longer than this
ACTION_CHARS = 16  # longer words are about something else ("我来问一下，明天的会几点开")


async def answer(ctx: Ctx, text: str) -> bool:
    """Answers her words if they are about an alert or ask what staff commands show; False: the menu hint."""
    if await staff_asks.answer(ctx, text):  # a colleague's phone, how it works, a shift
        return True
    if DUTY_ASKED.search(text):
        await staff_views.show_duty(ctx)
        return True
    if CHECKIN_ASKED.search(text) and await _checkin_asked(ctx, text):
        return True
    m = NUMBER.search(text)
    n = int(m.group(1) or m.group(2)) if m else None
    asked = AFTER_ASKED.search(text) or WHO_HAS.search(text)
    if n is not None and asked:  # "3号怎么样", "2号谁接的": that call's record (who has it, her phone)
        await staff_views.show_incident(ctx, str(n))
        return True
    if asked and await _asked_after(ctx, text):  # "王老伯怎么样了", "刘奶奶那边谁去了"
        return True
    if OPEN_ASKED.search(text) or WHO_HAS.search(text):  # "谁接了": each open call, and who holds it
        await staff_views.show_open(ctx)
        return True
    rest = NUMBER.sub(" ", text).strip(" ，,。.!！~？?")
    if n is None and rest.isdigit() and len(rest) <= 6 and await ctx.svc.store.incident(int(rest)):
        n, rest = int(rest), ""  # a bare "3" on a busy day: #3, when there is one
    if n is not None and not rest:  # "#1", "1号": that call's record
        await staff_views.show_incident(ctx, str(n))
        return True
    if await _asked_after(ctx, text, bare=True):  # "王老伯": his call, as "王老伯怎么样了"
        return True
    if whom_to_call.UNREACHABLE.search(rest):  # the numbers of any resident's call; the buttons of hers
        await whom_to_call.answer(ctx, _narrowed(await _hers(ctx, anyones=True), n, rest),
                                  lambda inc, name: offer_rows(ctx, inc, name, "there") if _mine(ctx, inc) else [])
        return True
    if undo.UNDO.search(rest) and not await undo.held(ctx) and await undo.answer(ctx):  # closed by mistake
        return True
    if OTHER_CAME.search(rest) and await noted(ctx, n, rest):  # "家属到了": on her call's record, not her arrival
        return True
    giving_up = GIVE_UP.search(rest) and not DONE.search(rest)  # "我处理不了 谁能去" asks nothing
    if (QUESTION.search(rest) or rest.endswith(("没", "没有"))) and (DONE.search(rest) or THERE.search(rest)):
        await (staff_views.show_incident(ctx, str(n)) if n is not None else staff_views.show_open(ctx))
        return True  # "1号处理好了吗", "王社工到了没": asked, not told
    if len(rest) > ACTION_CHARS or QUESTION.search(rest) and not giving_up:
        return False
    intent = _intent(rest) or _intent(await _unnamed(ctx, rest))
    if intent is None or n is None and BARE_FINE.match(rest) and not await held_by_her(ctx):
        return False  # a bare "好了" holding none: an "OK", never the outcomes of a call nobody has taken
    await _offer(ctx, intent, n, rest)
    return True


async def held_by_her(ctx: Ctx) -> list[tuple[dict, str]]:
    return [c for c in await _hers(ctx) if c[0].get("claimed_by") == ctx.me.staff_id]


async def noted_on_held(ctx: Ctx, text: str) -> bool:
    """Words no button means, typed holding one call ("他说腿疼 我陪他去医院"): on its record (of several: not guessed;
    "99", "好的": no news to keep)."""
    return len(re.sub(r"[\W\d_号]", "", text)) >= 4 and len(await held_by_her(ctx)) == 1 \
        and await noted(ctx, None, text)


async def noted(ctx: Ctx, n: int | None, text: str) -> bool:
    """Someone else come to the call she holds (the one named, else her latest): her words on its record."""
    held = await held_by_her(ctx)
    if not (held := _narrowed(held, n, text)):
        return False
    inc, name = held[-1]
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    await ctx.svc.store.add_timeline(inc["id"], {"at": ctx.svc.clock.ts(), "event": "staff_added", "by": me.name,
                                                 "words": clip(text, 300)})
    ctx.say(ctx.t("staffwords.noted", n=inc["id"], name=clip(name or "?", NAME_CHARS)))
    return True


def _intent(words: str) -> str | None:
    return next((name for name, said in INTENTS if said.search(words)), None)


async def _unnamed(ctx: Ctx, rest: str) -> str:
    """"刘奶奶我去看看": her words after the name of an open call's resident they start with (else as they are)."""
    for _, name in await _hers(ctx, anyones=True):
        if len(name) >= 2 and rest.startswith(name):
            return AFTER_NAME.sub("", rest[len(name):])
    return rest


def _narrowed(calls: list[tuple[dict, str]], n: int | None, text: str) -> list[tuple[dict, str]]:
    """The call numbered, else those about the resident named, else all."""
    calls = [c for c in calls if n is None or c[0]["id"] == n]
    return [c for c in calls if c[1] and c[1] in text] or calls


async def _offer(ctx: Ctx, intent: str, n: int | None, text: str) -> None:
    """The buttons of each alert she can act on that her words may mean, each named; or plainly none, and /open."""
    offers = []
    for inc, name in await _hers(ctx, anyones=intent == "there" or intent == "handover" and _head(ctx)):
        if not _mine(ctx, inc) and n != inc["id"] and not (name and name in text):
            continue  # the head moves a colleague's call only when she says which ("1号转给李社工"); anyone got
            # to the one she names ("王老伯那边我到了": noted, its holder told, as its packet's 📍 does)
        if n is not None and inc["id"] != n:
            continue
        can = actions(ctx.svc, inc)
        for group in OFFERS[intent]:
            if all(a in can for a in group):
                offers.append((inc, name, group))
                break
    named = [o for o in offers if o[1] and o[1] in text]  # "王老伯那里我去": his
    held = [o for o in offers if o[0].get("claimed_by") == ctx.me.staff_id] if intent == "done" and n is None else []
    offers = named or held or offers  # "人送医院了": hers, never one still waiting a tap away from closed
    if not offers:
        none = "staffwords.none_held" if intent == "handover" else "staffwords.none_n" if n else "staffwords.none"
        await staff_views.show_open(ctx, ctx.t(none, n=n))
        return
    to = next((st for st in ctx.svc.settings.staff if st.id != ctx.me.staff_id and st.name in text), None)
    lines, rows = [ctx.t(f"staffwords.{intent}")], []
    for inc, name, group in offers:
        lines.append(await staff_views.open_line(ctx, inc))
        if group == ("handover",) and to:  # "转给王社工": to her, in one tap
            rows.append([ctx.button("staffwords.handto", f"inc:handto:{inc['id']}:{to.id}", n=inc["id"],
                                    name=clip(name or "?", NAME_CHARS), to=to.name)])
        else:
            rows += _buttons(ctx, inc["id"], clip(name or "?", NAME_CHARS), group)
    ctx.say("\n".join(lines), buttons=rows)


def offer_rows(ctx: Ctx, inc: dict, name: str, intent: str = "take") -> list[list]:
    """The buttons of one alert her words may mean: the first group its packet offers now (🙋, else 📍, …)."""
    can = actions(ctx.svc, inc)
    group = next((g for g in OFFERS[intent] if all(a in can for a in g)), None)
    return _buttons(ctx, inc["id"], clip(name or "?", NAME_CHARS), group) if group else []


def _buttons(ctx: Ctx, n: int, name: str, group: tuple[str, ...]) -> list[list]:
    if group == ("resolve",):  # as ✅ 已解决 asks next: the outcome, which closes it
        return [[ctx.button("staffwords.outcome", f"out:{n}:{o}", n=n, label=ctx.t(f"outcome.{o}"))
                 for o in pair] for pair in (OUTCOMES[:2], OUTCOMES[2:])]
    return [[ctx.button("staffwords.button", f"inc:{a}:{n}", n=n, name=name, label=ctx.t(LABELS[a]))] for a in group]


def _head(ctx: Ctx) -> bool:
    """The committee head: she may hand over a colleague's call too (handover.py)."""
    return getattr(roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id), "role", "") == "head"


def _mine(ctx: Ctx, inc: dict) -> bool:  # (a call given back, its holder unreachable: anyone's: held_calls.py)
    return not inc.get("claimed_by") or inc["claimed_by"] == ctx.me.staff_id or lost(inc)


async def _hers(ctx: Ctx, anyones: bool = False) -> list[tuple[dict, str]]:
    """Open calls she may act on, with whom each is about: hers, or nobody's yet (never her own cry for help);
    `anyones`: a colleague's too."""
    store, me, out = ctx.svc.store, ctx.me.staff_id, []
    for n in await store.open_incident_ids():
        inc = await store.incident(n)
        if not inc or inc["status"] == "resolved" or inc.get("staff_caller") == me:
            continue
        if not anyones and not _mine(ctx, inc):
            continue
        person = await staff_views.about(ctx, inc)
        out.append((inc, person.get("name", "")))
    return out


async def _checkin_asked(ctx: Ctx, text: str) -> bool:
    """"张阿姨今天签到了吗": each resident the words may mean, her check-in as a family member reads it; False if
    nobody is named."""
    store, checkins = ctx.svc.store, getattr(ctx.svc, "checkins", None)
    said = (await residents_called(store, text)).people
    for person in said[:4]:
        died = await store.died(person["id"])
        report = await checkins.family_report(person, ctx.me.locale) if checkins and not died else None
        ctx.say(ctx.t("staff.asked_deceased", name=person["name"], who=died["by"], n=died["incident"]) if died
                else report or ctx.t("family.checkin_off", name=person["name"]))
    return bool(said)


async def _asked_after(ctx: Ctx, text: str, bare: bool = False) -> bool:
    """"王老伯怎么样了", "3号楼张阿姨怎么样了": the record of the open call of each resident the words may mean
    (/incident N), or that they have none; False if nobody is named (`bare`: only a name, nothing else)."""
    store, shown, alone = ctx.svc.store, False, text.strip(" ，,。.!！~？?")
    if bare and len(alone) > BARE_NAME:  # (no lookup for the words of every message)
        return False
    called = await residents_called(store, text)
    if bare and alone not in {p["name"] for p in called.people} | set(called.said):
        return False
    ids = {p["id"] for p in called.people}
    for n in await store.open_incident_ids():
        inc = await store.incident(n)
        name = (await staff_views.about(ctx, inc)).get("name", "") if inc else ""
        if inc and (inc.get("resident") in ids or len(name) >= 2 and name in text):
            await staff_views.show_incident(ctx, str(n))
            shown = True
    if shown:
        return True
    for person in called.people[:4]:
        ctx.say(ctx.t("staffwords.no_call", name=person["name"]))
    return bool(called.people)


async def tell_over(ctx: Ctx, inc: dict) -> None:
    """A button of a call that is over, pressed (an old packet, a digest's claim, a packet after a restart): who
    closed it and how — or, for a call joined to the same resident's other call, that one, with its buttons if it is
    hers to take: it is still waiting for someone."""
    n, store = inc["id"], ctx.svc.store
    target = await store.incident(inc["merged_into"]) if inc.get("outcome") == "merged" and inc.get("merged_into") \
        else None
    if target and target["status"] != "resolved":
        name = (await staff_views.about(ctx, target)).get("name", "")
        mine = target.get("claimed_by") in (None, "", ctx.me.staff_id) or target.get("reopened")
        ctx.say("\n".join([ctx.t("staff.merged_into", n=n, m=target["id"], name=name),
                           await staff_views.open_line(ctx, target)]),
                buttons=offer_rows(ctx, target, name) if mine else ())
        return
    inc = target or inc  # joined to a call closed since: how that one ended
    who = roster.staff_by_id(ctx.svc.settings, inc.get("resolved_by"))
    outcome = inc.get("outcome") or ""
    ctx.say(ctx.t("staff.already_resolved_by" if who else "staff.already_resolved_itself", n=inc["id"],
                  who=who.name if who else "", outcome=ctx.t(f"outcome.{outcome}") if outcome else ""))
