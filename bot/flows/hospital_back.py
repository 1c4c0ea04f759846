"""Out of hospital, told by the resident herself ("我出院了", "我从医院回来了"): a kind line for her, and staff hear she is
back (they may want to visit) — whether or not her daily greeting was paused (bot/checkins/conversation.py starts it
again then), and whether or not she has the greeting at all (bot/flows/resident.py). Never a cry: a danger named
beside it is read as one. A daughter's "我妈出院了" is read in bot/incidents/family_away.py."""
from __future__ import annotations

import re

from ..incidents import help_request
from .base import Ctx
from .menu import keyboard
from .understanding import danger_in

BACK = re.compile(r"^(我|阿拉|我自己)?(已经|今天|今朝|刚刚?|昨天|总算|终于|前天)*(出院(回家|回来)?了|从医院(里)?回(来|家)了|出院回(来|家)了)"
                  r"|^(i'?m|i am|i'?ve been|i have been|i was|i got) (now |just )?(back )?(home )?(out of|back from|"
                  r"discharged( from)?)( the)? ?(hospital)?\b", re.I)
ASKED = re.compile(r"吗|伐|[？?]|能不能|可以|什么时候|\bcan i\b|\bwhen\b", re.I)  # "我什么时候能出院": a question


def back_from_hospital(svc, text: str) -> bool:
    """Her own words that she is out of hospital, now; not asked about, no danger beside it."""
    text = text.strip()
    return bool(BACK.search(text)) and not ASKED.search(text) and not danger_in(svc, text)


async def told(ctx: Ctx, text: str, resumed: str = "") -> bool:
    """Her "我出院了": staff hear it as news of her (🏥), she reads a kind line (and `resumed`: her greeting back).
    False: not such words."""
    if ctx.me.role != "resident" or not back_from_hospital(ctx.svc, text):
        return False
    words = text.strip()[:300]
    reached = await help_request.start_help(ctx, "help", category="hospital_back", source="text", words=words,
                                            detail=words, quiet=True)  # (0: nobody reached, or her open call's: heard)
    lines = [ctx.t("help.hospital_back_noted", phone=ctx.svc.settings.community.committee_phone)] * bool(reached)
    if lines or resumed:
        ctx.say("\n".join(lines + [resumed] * bool(resumed)), keyboard=keyboard(ctx))
    return True
