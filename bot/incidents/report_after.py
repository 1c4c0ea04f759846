"""What a family contact sends after telling of someone else ("隔壁老太太摔倒了", "3号楼的张阿姨摔倒了"), while that call
is open and the report recent (bot/incidents/reported.py `last_report`): it is about that call, never a call about
their own resident, nor "没太明白".

- words ("在3号楼201", "她自己起来了 没事了"): on the call's record and to the staff holding it; a cry again joins it
  as the first cry did (a repeat, paced); their own ("我妈也摔倒了"), someone else named anew ("隔壁老太太也晕倒
  了": a report of its own) and a bare thanks go the usual way;
- a voice, photo or location: forwarded to the staff holding the call, marked as the reporter's.
The sender is told it was passed on, 120 and the committee phone; never the resident's address or phone.
"""
from __future__ import annotations

import re

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.menu import keyboard
from ..flows.understanding import is_emergency, understand
from .alerting import listeners
from .family_asks import MINE, OWN, names_someone_else
from .family_other import about_someone_else, other_reporter
from .help_request import forward_media
from .reported import last_report, named_in, reported_resident

SMALL_TALK = re.compile(r"(?:谢谢|多谢|感谢|好的|好|收到|知道了|嗯|哦|OK|ok|你好|您好)[啦了呀！!。，,\s]*")


async def _reporter(ctx: Ctx, text: str = "") -> dict | None:
    """Who sends it, as staff read it; None when the cry (`text`) names someone: read afresh, as the first was."""
    from . import family  # (family reads the words first, then asks here)

    links, people = await family.linked_people(ctx)
    theirs = {p["id"] for p in people}
    if text and (names_someone_else(text, people)
                 or any(p["id"] not in theirs for p in (await named_in(ctx.svc, text, people)).people)):
        return None
    return other_reporter(ctx, family.reporter_of(ctx, links), people)


async def media_on_report(ctx: Ctx) -> bool:
    """A voice, photo or location after their report: to whoever holds that call; the sender answered."""
    inc = await last_report(ctx.svc, ctx.ev.user_id)
    if inc is None:
        return False
    reached = await forward_media(ctx, inc["id"], reporter=await _reporter(ctx))
    _answered(ctx, "family.other_cry_sent", reached)
    return True


async def words_on_report(ctx: Ctx, text: str) -> bool:
    """Words after their report: about that call (see above). Whether they were taken as such."""
    svc = ctx.svc
    if OWN.search(text) or MINE.search(text) or SMALL_TALK.fullmatch(text):
        return False
    inc = await last_report(svc, ctx.ev.user_id)
    if inc is None:
        return False
    cry = bool(ctx.cried) or is_emergency(await understand(svc, text))
    if (reporter := await _reporter(ctx, text if cry else "")) is None:
        return False  # a cry naming someone: a report of its own (or this one's again), as the first was
    if cry:  # a cry again: as the first
        if person := await svc.store.resident(inc.get("resident")):
            await reported_resident(ctx, person, text, reporter)
        else:
            await about_someone_else(ctx, text, reporter)
        return True
    n, now = inc["id"], svc.clock.ts()
    await svc.store.add_timeline(n, {"at": now, "event": "family_added", "by": reporter["name"], "words": text[:300]})
    told = lambda chat: staff_langs.t(svc, chat, "alert.reporter_added", n=n, reporter=reporter["name"],  # noqa: E731
                                      relation=reporter["relation"], words=text[:300])
    reached = await roster.pass_on(svc, await listeners(svc, inc), told, None, tag=f"added:{n}", urgent_intro=True)
    _answered(ctx, "family.other_added", reached)
    return True


def _answered(ctx: Ctx, key: str, reached: int) -> None:
    ctx.say(t_both(ctx, key if reached else "stranger.not_reached", phone=ctx.svc.settings.community.committee_phone),
            keyboard=keyboard(ctx), urgent=True)
