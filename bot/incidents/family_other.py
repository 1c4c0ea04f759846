"""A family contact's cry for help about someone who is not theirs ("隔壁老太太摔倒了", "楼上的王阿姨摔倒了" from 刘奶奶's
son): never dropped, and never a call about their own resident.

- Someone the register does not name (a neighbour, "有个老人"): a call of its own about someone else, stored before
  anything is sent (so a worker dying mid-way leaves it to the "first:n" safety net), alerted and escalating like any
  emergency, with who sent it: their name, whose contact they are and how, and their phone to call back. Their own
  resident is named only as whose contact they are, never as the one in danger. A voice or photo the cry came with
  goes with each alert round. Their further cries while it is open join it (staff hear the first at once, then a
  count: bot/incidents/repeats.py), never a second call; what they type or send next ("在3号楼201", a location)
  reaches the staff holding it, never a call about their own (bot/incidents/report_after.py). Words that may mean
  two residents ("张阿姨" with 张桂芳 and 张秀英 registered), or one the building said does not fit: the same call,
  the candidates listed for staff, nobody guessed.
- A resident the words plainly mean ("张桂芳", "3号楼的张阿姨", "隔壁的张阿婆" by their resident's building): that
  resident's call (bot/incidents/reported.py).
The sender hears 120 and that staff were told, or, if nobody got it, the committee phone. Whom the words name:
`family_asks.names_someone_else`, as for a worry.
"""
from __future__ import annotations

from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.menu import keyboard
from ..types import MEDIA
from .family_asks import OWN, names_someone_else
from .help_request import forward_media
from .outage import called_at
from .packet import someone_else
from .reported import candidates, last_report, named_in, remember, reported_resident


async def cried_about_other(ctx: Ctx, words: str, people: list[dict], reporter: dict) -> bool:
    """Whether the cry names someone not theirs (then a call about them, and the sender answered)."""
    theirs = {p["id"] for p in people}
    called = await named_in(ctx.svc, words, near=people)
    named = [p for p in called.people if p["id"] not in theirs]
    if not names_someone_else(words, people) and not (named and not OWN.search(words)):
        return False
    reporter = other_reporter(ctx, reporter, people)
    if (person := called.one) and person["id"] not in theirs:
        await reported_resident(ctx, person, words, reporter)
    else:  # nobody the register names, two alike, or one the words do not fit: listed for staff, none guessed
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
    if (inc := await last_report(svc, uid)) and inc.get("about_other"):
        n = inc["id"]
        reached = await svc.repeats.called_again(n, words, called_at(svc.clock.ts()), event="reporter_again")
        if ctx.ev.kind in MEDIA:  # the photo or voice it came with, to whoever holds the call
            await forward_media(ctx, n, reporter=reporter)
        ctx.say(t_both(ctx, "stranger.not_reached" if reached == 0 else "family.other_cry_sent", phone=phone),
                keyboard=keyboard(ctx), urgent=True)
        if reached == 0:  # nobody holding it got it (Telegram failing): told once when someone has (reached_late.py)
            await svc.incidents.caller_unreached(n, [uid])
        return n
    ev, more = ctx.ev, {"candidates": candidates(svc, named)} if named else {}
    if ev.kind in MEDIA:  # what came with the cry goes with each alert round
        more["media"] = [ev.origin.chat_id, ev.message_id]
    n = await svc.incidents.open("emergency", someone_else(svc, {"reporter": reporter}), words=words,
                                 source="reported", category="other_person", ask_address=False, reporter=reporter,
                                 about_other=True, family_chats=[uid], **more)
    await remember(svc, uid, n)
    reached = await svc.incidents.alert_first(n)
    ctx.say(t_both(ctx, "family.other_cry_sent" if reached else "stranger.not_reached", phone=phone),
            keyboard=keyboard(ctx), urgent=True)
    return n
