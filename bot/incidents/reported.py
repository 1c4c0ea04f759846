"""A cry that names a resident on the register who is not the sender's ("3号楼的张阿姨摔倒了" from 刘奶奶's son, or from
a neighbour who never signed up: `stranger_named`): that resident's own call — opened, or joined if one of hers is
open (a request of hers raised to an emergency) — so staff see her registered address, phone, family and doctor, and
it escalates as her call does, her family included. It is marked as reported by the sender (name, whose contact and
how, phone to call back).

The sender hears that staff were told, 120 and the committee phone: never her address or phone, and not how her call
ends (that news is for her own family). His repeats join her call: staff hear them once a minute, each is on its
record. Whom the words name: `named_in` ("张阿姨", "老张", "5号楼的张阿姨" too); two residents the words may mean are no
one's call (bot/incidents/family_other.py and stranger_call.py list both for staff). What the sender says next:
`remember`, `last_report` (bot/incidents/report_after.py).
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.menu import keyboard
from ..residents import (CALLED, Called, door_said, for_someone, full_address, lives_at, residents_at,
                         residents_called, unseen_told_key)
from ..types import MEDIA
from .help_request import forward_media
from .outage import called_at
from .own_name import others_named
from .repeats import REPEAT_INTERVAL_SECONDS

RECENT_SECONDS = 2 * 3600  # what the sender says this long after a report is still about it


async def remember(svc, uid: int, n: int) -> None:
    """The call this person last reported about someone else, and when."""
    await svc.store.set_pref(uid, "reported", f"{n}:{svc.clock.ts()}")


async def reported_at(svc, uid: int) -> float:
    """When this person last reported a call (or cried on their own, as a stranger: stranger_call.py); 0: never."""
    last = await svc.store.pref(uid, "reported")
    return float(last.split(":", 1)[1]) if last else 0.0


async def last_report(svc, uid: int) -> dict | None:
    """The call this person last reported about someone else, while it is open and the report recent."""
    return await recent_call(svc, uid, "reported", RECENT_SECONDS)


async def recent_call(svc, holder: int, name: str, seconds: float) -> dict | None:
    """The call `holder`'s pref `name` keeps ("n:when"), while it is open and `when` less than `seconds` ago."""
    if not (last := await svc.store.pref(holder, name)):
        return None
    n, at = last.split(":", 1)
    inc = await svc.store.incident(int(n))
    if inc is None or inc["status"] == "resolved" or svc.clock.ts() - float(at) > seconds:
        return None
    return inc


async def named_in(svc, words: str, near: list[dict] | tuple = ()) -> Called:
    """The residents the words may mean, as people call them ("3号楼的张阿姨" for 张桂芳 of 3号), and whether it is
    plainly one (bot/residents/called.py); `near`: the sender's own residents, for "隔壁"."""
    return await residents_called(svc.store, words, near)


def candidates(svc, people) -> list[dict]:
    """The residents the words may mean, as a call's packet lists them for staff (name, address, phone)."""
    prefix = svc.settings.community.address_prefix
    return [{"rid": p["id"], "name": p["name"], "address": full_address(prefix, p), "phone": p.get("phone", "")}
            for p in people]


# the sender at the door said: "我是3号楼602的住户", "我住3号楼602", "我家在3号楼602室" (not "3号楼602的老太太摔倒了")
AT_MY_DOOR = re.compile(r"我(?:就|也)?(?:是|住|家)[^，,。！!？?\s]{0,3}\d")


async def named_by_stranger(svc, words: str) -> tuple[Called, str]:
    """The residents an unregistered person's cry may mean, and how: "" (named or placed by them: a report,
    "3号楼的张阿姨摔倒了"), "door" (a door given as theirs, or alone: "我住3号楼602，我摔倒了", "3号楼602 救命":
    whoever is registered there) or "name" (her name given as theirs: "我是张阿姨，我摔倒了"). Claimed, it may not be
    her: staff check by her registered phone first (bot/incidents/packet.py)."""
    called, door = await named_in(svc, words), door_said(words)
    if door and not called.people:
        return await residents_at(svc.store, door), "door"
    named = called.one is not None and (CALLED.search(words) or called.one["name"] in words)
    if door and called.one is not None and not named and AT_MY_DOOR.search(words) and lives_at(called.one, door):
        return called, "door"  # "我是3号楼602的住户" (not "我是3号楼602张阿姨的女儿": a report about her)
    if called.one is not None and others_named(words, called.one)[0] != words:  # "我是张阿姨…": her introduction
        return called, "name"
    return called, ""


async def stranger_named(ctx: Ctx, words: str) -> bool:
    """Whether an unregistered person's cry plainly names one resident, or gives her door (then her call, reported
    by them: their Telegram name, no phone known, and what they claimed). What they sent with it is forwarded as a
    stranger's is (bot/residents/onboarding.py). Several the words may mean: their own call lists them
    (stranger_call.py)."""
    called, claims = await named_by_stranger(ctx.svc, words)
    if (person := called.one) is None:
        return await _again_on_hers(ctx, words)
    reporter = stranger_reporter(ctx.svc, ctx.ev.first_name, claims, tg_id=ctx.ev.user_id)
    await reported_resident(ctx, person, words, reporter, forward=False)
    return True


async def _again_on_hers(ctx: Ctx, words: str) -> bool:
    """Their cry again ("救命 快来人"), a moment after they reported a resident or gave her door: on her call."""
    svc, uid = ctx.svc, ctx.ev.user_id
    if not (inc := await last_report(svc, uid)) or not inc.get("resident"):
        return False
    reached = await cried_again_on_hers(svc, inc, uid, words, stranger_reporter(svc, ctx.ev.first_name, tg_id=uid))
    ctx.say(t_both(ctx, "family.other_cry_sent" if reached else "stranger.not_reached",
                  phone=svc.settings.community.committee_phone), keyboard=keyboard(ctx), urgent=True)
    if not reached:  # told once when a staff member has it (reached_late.py)
        await svc.incidents.caller_unreached(inc["id"], [uid])
    return True


async def cried_again_on_hers(svc, inc: dict, uid: int, words: str, reporter: dict) -> int:
    """An unregistered person's cry again after they reported her (or gave her door as theirs): on her call, read as
    theirs ("📣 报告人 楼下小陈") — never a second call with no address, never "张阿姨 又发来求助" (it may not be her).
    How many staff chats have it (0: none, Telegram failing)."""
    await remember(svc, uid, inc["id"])
    reached = await svc.repeats.called_again(inc["id"], words, called_at(svc.clock.ts()), event="reporter_again",
                                             by={**reporter, "reporter": True})
    return 0 if reached == 0 else 1


def stranger_reporter(svc, name: str | None, claims: str = "", phone: str = "", tg_id: int | None = None) -> dict:
    """Who cried, as staff read it: their Telegram name, unregistered, the phone they shared to sign up if any, and
    whose door or name they gave as theirs (`claims`: then whose chat hears who took it, in private, `tg_id`)."""
    claimed = {"claims": claims} if claims else {}  # (`tg_id`: they hear who took it, family_news.py)
    return {"name": name or "?", "relation": svc.cat.t("stranger.relation"),
            "phone": phone or svc.cat.t("stranger.no_phone"), "other": True, **claimed,
            **({"tg_id": tg_id} if tg_id else {})}


async def reported_resident(ctx: Ctx, person: dict, words: str, reporter: dict, forward: bool = True) -> int:
    """Her call, opened or joined, staff alerted or told; the sender answered. The call's number."""
    incidents, phone = ctx.svc.incidents, ctx.svc.settings.community.committee_phone
    how = dict(words=words, source="reported", ask_address=False, reporter=reporter)
    existing, n = await incidents.opened_or_open("emergency", person, **how)
    reached = -1
    if existing and existing["kind"] != "emergency":  # her request, or a missed check-in: now urgent
        extra = {} if existing.get("reporter") else {"reporter": reporter}
        reached = await incidents.raise_call(existing["id"], words, "reported", by_chat=ctx.ev.user_id, **extra)
    elif existing:  # her emergency: the staff holding it hear what he says, once a minute
        reached = await _told_more(ctx, existing["id"], words, reporter)
    if reached >= 0:
        n = existing["id"]
    else:  # (closed a moment ago: a call of its own)
        n = n or await incidents.open("emergency", person, **how)
        reached = await incidents.alert_first(n)
    await remember(ctx.svc, ctx.ev.user_id, n)  # what he says next is about her (bot/incidents/report_after.py)
    if forward and ctx.ev.kind in MEDIA:  # the photo or voice the cry came with, to whoever holds her call
        await forward_media(ctx, n, reporter=reporter)
    ctx.say(t_both(ctx, told_key(words) if reached else "stranger.not_reached", phone=phone),
            keyboard=keyboard(ctx), urgent=True)
    if not reached and not ctx.ev.is_group:  # told once when a staff member has it (reached_late.py)
        await incidents.caller_unreached(n, [ctx.ev.user_id])
    return n


def told_key(words: str) -> str:
    """What the sender reads once staff have her call: 120 first for someone down ("张阿姨摔倒了"); for someone not
    seen behind her door ("张阿姨家好像没人") that staff go and look (110 or 120 on a cry), for someone gone, 110."""
    return unseen_told_key(words) if for_someone(words) else "family.other_cry_sent"


async def _told_more(ctx: Ctx, n: int, words: str, reporter: dict) -> int:
    """His words on her open call: to the staff holding it the first time in a minute; said again within it, only on
    its record (they have it). How many staff chats have it (1 when told within the minute)."""
    store, now = ctx.svc.store, ctx.svc.clock.ts()
    if await store.within_quota(f"reported:{ctx.ev.user_id}:{n}", now, REPEAT_INTERVAL_SECONDS, 1):
        return await ctx.svc.incidents.told_more(n, words, by=reporter)
    await store.add_timeline(n, {"at": now, "event": "family_added", "by": reporter["name"], "words": words[:300]})
    return 1
