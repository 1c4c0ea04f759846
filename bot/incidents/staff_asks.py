"""What a staff member asks on the move that is no call's business: a colleague's phone ("王社工电话多少", "书记电话"),
how the bot works ("帮助", "怎么用"), taking or giving up a shift ("我来值班", "明天我休息": the duty view, with its
[接班] [交还值班] buttons; the one on duty who cannot do it, "我今天请假": colleagues asked, shift_handoff.py). Each
answered, never the menu hint.
"""
from __future__ import annotations

import re

from .. import roster
from ..flows import staff_views
from ..flows.base import Ctx
from ..flows.menu import show_menu
from . import shift_handoff
from .packet import tappable

PHONE_ASKED = re.compile(r"电话|手机|号码|联系方式|\bphone\b", re.I)
HEAD_WORDS = re.compile(r"书记|主任|领导|\bhead\b", re.I)
HELP_ASKED = re.compile(r"^(帮助|帮忙说明|说明|使用说明|怎么用|怎么操作|有什么功能|help|how does (it|this) work)[?？。!！]*$", re.I)
SHIFT = re.compile(r"我(来|去)?值班|我(来)?接班|换班|顶班|代班|替班|调班|请假|(明天|今天|今晚|下午|上午)?我?(要)?休息"
                   r"|\btake (the )?shift\b", re.I)


async def answer(ctx: Ctx, text: str) -> bool:
    """Her question answered; False when it is none of these."""
    if PHONE_ASKED.search(text) and (colleagues := _colleagues_named(ctx, text)):
        ctx.say("\n".join(ctx.t("staffasks.phone", name=st.name, phone=tappable(st.phone)) for st in colleagues))
        return True
    if HELP_ASKED.match(text.strip()):
        show_menu(ctx, "help_text.staff")
        return True
    if await shift_handoff.ask_cover(ctx, text):  # the one on duty cannot do it: colleagues asked
        return True
    if SHIFT.search(text):
        await staff_views.show_duty(ctx)
        return True
    return False


def _colleagues_named(ctx: Ctx, text: str) -> list:
    """The staff her words name ("王社工"), or the head(s) for "书记"."""
    named = [st for st in ctx.svc.settings.staff if st.name in text and st.phone]
    return named or ([st for st in roster.heads(ctx.svc.settings) if st.phone] if HEAD_WORDS.search(text) else [])
