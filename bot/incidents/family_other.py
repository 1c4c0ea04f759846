"""A family contact's cry for help about someone who is not theirs ("隔壁老王这几天老说胸口闷", "楼上的王阿姨摔倒了" from
刘奶奶's son): never dropped, and never a call about their own resident. Staff on duty hear it at once (else anyone on
the staff the bot can reach), as a stranger's cry is (bot/residents/onboarding.py `unknown_cry_for_help`), but with
who sent it: their name, whose contact they are and how, and their phone to call back. Their own resident is named
only as whose contact they are, never as the one in danger (no address, no phone, no packet). A voice or photo the
cry came with follows it. The sender hears 120 and that staff were told, or, if nobody got it, the committee phone.
Whom the words name: `family_asks.names_someone_else`, as for a worry.
"""
from __future__ import annotations

from .. import roster
from ..flows.base import Ctx
from ..flows.menu import keyboard
from ..types import MEDIA
from .family_asks import names_someone_else
from .packet import tappable


async def cried_about_other(ctx: Ctx, words: str, people: list[dict], reporter: dict) -> bool:
    """Whether the cry names someone not theirs (then passed on to staff as such, and answered)."""
    if not names_someone_else(words, people):
        return False
    svc, phone = ctx.svc, ctx.svc.settings.community.committee_phone
    text = svc.cat.t("family.other_cry_alert", name=reporter["name"], relation=reporter["relation"],
                     resident="、".join(p["name"] for p in people), words=words[:200],
                     phone=tappable(reporter["phone"]))
    ref = ctx.ev.origin if ctx.ev.kind in MEDIA else None
    reached = await roster.pass_on(svc, [], text, ref, tag="family_other", urgent_intro=True)
    ctx.say(ctx.t("family.other_cry_sent" if reached else "stranger.not_reached", phone=phone),
            keyboard=keyboard(ctx), urgent=True)
    return True
