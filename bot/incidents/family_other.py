"""A family contact's cry for help about someone who is not theirs ("隔壁老太太摔倒了", "楼上的王阿姨摔倒了" from 刘奶奶's
son): never dropped, and never a call about their own resident.

- Someone the register does not name (a neighbour, "有个老人"): a call of its own about someone else, stored before
  anything is sent (so a worker dying mid-way leaves it to the "first:n" safety net), alerted and escalating like any
  emergency, with who sent it: their name, whose contact they are and how, and their phone to call back. Their own
  resident is named only as whose contact they are, never as the one in danger. A voice or photo the cry came with
  goes with each alert round. Their further cries while it is open join it (staff hear the first at once, then a
  count: bot/incidents/repeats.py), never a second call; what they type or send next ("在3号楼201", a location)
  reaches the staff holding it, never a call about their own. Words naming two residents alike: the same call, the
  candidates listed for staff, nobody guessed.
- A resident the register names, and only one: that resident's call (bot/incidents/reported.py).
The sender hears 120 and that staff were told, or, if nobody got it, the committee phone. Whom the words name:
`family_asks.names_someone_else`, as for a worry.
"""
from __future__ import annotations

import re

from .. import roster
from ..flows.base import Ctx
from ..flows.menu import keyboard
from ..flows.understanding import is_emergency, understand
from ..residents import full_address
from ..types import MEDIA
from .alerting import listeners
from .family_asks import MINE, OWN, names_someone_else
from .help_request import forward_media
from .outage import called_at
from .packet import someone_else
from .reported import named_in, reported_resident

RECENT_SECONDS = 2 * 3600  # words this long after the call are still about it
SMALL_TALK = re.compile(r"(?:谢谢|多谢|感谢|好的|好|收到|知道了|嗯|哦|OK|ok|你好|您好)[啦了呀！!。，,\s]*")


async def cried_about_other(ctx: Ctx, words: str, people: list[dict], reporter: dict) -> bool:
    """Whether the cry names someone not theirs (then a call about them, and the sender answered)."""
    theirs = {p["id"] for p in people}
    named = [p for p in await named_in(ctx.svc, words) if p["id"] not in theirs]
    if not names_someone_else(words, people) and not (named and not OWN.search(words)):
        return False
    reporter = other_reporter(ctx, reporter, people)
    if len(named) == 1:
        await reported_resident(ctx, named[0], words, reporter)
    else:  # nobody the register names, or two alike: listed for staff, neither guessed
        await about_someone_else(ctx, words, reporter, named)
    return True


def other_reporter(ctx: Ctx, reporter: dict, people: list[dict]) -> dict:
    """Who sent it, as staff read it on a call not about their resident: "刘强（刘奶奶的儿子）"."""
    relation = ctx.svc.cat.t("family.relation_of", resident="、".join(p["name"] for p in people),
                             relation=reporter["relation"])
    return {**reporter, "relation": relation, "other": True}


async def about_someone_else(ctx: Ctx, words: str, reporter: dict, named: list[dict] = ()) -> int:
    """Their open call about someone else joined, or a new one stored, then alerted; the sender answered."""
    svc, uid = ctx.svc, ctx.ev.user_id
    phone = svc.settings.community.committee_phone
    if n := await open_report_of(svc, uid):
        await svc.repeats.called_again(n, words, called_at(svc.clock.ts()), event="reporter_again")
        if ctx.ev.kind in MEDIA:  # the photo or voice it came with, to whoever holds the call
            await forward_media(ctx, n, reporter=reporter)
        ctx.say(ctx.t("family.other_cry_sent", phone=phone), keyboard=keyboard(ctx), urgent=True)
        return n
    prefix = svc.settings.community.address_prefix
    candidates = [{"rid": p["id"], "name": p["name"], "address": full_address(prefix, p), "phone": p.get("phone", "")}
                  for p in named]
    ev, more = ctx.ev, {"candidates": candidates} if candidates else {}
    if ev.kind in MEDIA:  # what came with the cry goes with each alert round
        more["media"] = [ev.origin.chat_id, ev.message_id]
    n = await svc.incidents.open("emergency", someone_else(svc, {"reporter": reporter}), words=words,
                                 source="reported", category="other_person", ask_address=False, reporter=reporter,
                                 about_other=True, reporter_chat=uid, family_chats=[uid], **more)
    reached = await svc.incidents.alert_first(n)
    ctx.say(ctx.t("family.other_cry_sent" if reached else "stranger.not_reached", phone=phone),
            keyboard=keyboard(ctx), urgent=True)
    return n


async def open_report_of(svc, uid: int) -> int | None:
    """The sender's call about someone else still open, if any (the newest open calls first)."""
    for n in reversed(await svc.store.open_incident_ids()):
        inc = await svc.store.incident(n)
        if inc and inc.get("about_other") and inc.get("reporter_chat") == uid and inc["status"] != "resolved":
            return n
    return None


async def media_on_report(ctx: Ctx) -> bool:
    """A voice, photo or location while their call about someone else is open: to whoever holds that call (it is
    where it belongs, never a request about their own resident); the sender answered as for the cry."""
    n = await open_report_of(ctx.svc, ctx.ev.user_id)
    if n is None:
        return False
    reached = await forward_media(ctx, n, reporter=(await ctx.svc.store.incident(n))["reporter"])
    ctx.say(ctx.t("family.other_cry_sent" if reached else "stranger.not_reached",
                  phone=ctx.svc.settings.community.committee_phone), keyboard=keyboard(ctx), urgent=True)
    return True


async def words_on_report(ctx: Ctx, text: str) -> bool:
    """Words while their call about someone else is open and recent ("在3号楼201", "她自己起来了 没事了"): about that
    call — a cry again joins it as a repeat; anything else reaches the staff holding it and its record — unless they
    speak of their own ("我妈也摔倒了") or only thank or greet."""
    svc = ctx.svc
    if OWN.search(text) or MINE.search(text) or SMALL_TALK.fullmatch(text):
        return False
    n = await open_report_of(svc, ctx.ev.user_id)
    inc = await svc.store.incident(n) if n else None
    if inc is None or svc.clock.ts() - inc["created"] > RECENT_SECONDS:
        return False
    if ctx.cried or is_emergency(await understand(svc, text)):
        await about_someone_else(ctx, text, inc["reporter"])
        return True
    r, now = inc["reporter"], svc.clock.ts()
    await svc.store.add_timeline(n, {"at": now, "event": "family_added", "by": r["name"], "words": text[:300]})
    told = svc.cat.t("alert.reporter_added", n=n, reporter=r["name"], relation=r["relation"], words=text[:300])
    reached = await roster.pass_on(svc, await listeners(svc, inc), told, None, tag=f"added:{n}", urgent_intro=True)
    ctx.say(ctx.t("family.other_added" if reached else "stranger.not_reached",
                  phone=svc.settings.community.committee_phone), keyboard=keyboard(ctx))
    return True
