"""The staff member on duty says she cannot do it ("我今天请假", "我发烧了，今天值不了班", "谁帮我顶一下班"): every other
staff member the bot can reach, the head too, is asked with one tap — the duty view's own [🙋 我来值班] (`duty:take`,
bot/flows/staff_views.py) — and she is told so; until someone takes it, calls still reach her first. Whoever takes a
duty over, from here or from /duty, is on duty at once, and those it was taken from are told (`taken_from`): their
alerts stop, and they should know. Words about another day ("明天我休息") ask nobody: the duty view, as before.
"""
from __future__ import annotations

import re

from .. import roster
from ..flows.base import Ctx
from ..types import Button, Outbound

CANNOT = re.compile(r"请假|值不了|来不了|(顶|代|替|换)(一下|个)?班|我(今天|今晚|下午|上午|现在)?(要)?休息"
                    r"|(今天|今晚|下午|上午|现在)我(要)?休息|\bday off\b|\bcan'?t (do|take) (the |my |this )?(shift|duty)\b",
                    re.I)
ANOTHER_DAY = re.compile(r"明天|后天|下(个)?(周|礼拜|星期)|(周|星期|礼拜)[一二三四五六日天]|\btomorrow\b|\bnext\b", re.I)


async def ask_cover(ctx: Ctx, text: str) -> bool:
    """Her colleagues asked to take her duty over; False when she is not on duty now or the words are not that."""
    svc = ctx.svc
    me = roster.staff_by_id(svc.settings, ctx.me.staff_id)
    if me is None or not CANNOT.search(text) or ANOTHER_DAY.search(text):
        return False
    if me.id not in {st.id for st in await roster.reachable_on_duty(svc)}:
        return False
    cannot = await roster.unreachable(svc)
    ask = svc.cat.t("shift.ask_cover", name=me.name, words=text.strip()[:100])
    take = Button(svc.cat.t("btn.duty_take"), "duty:take")
    for st in svc.settings.staff:
        if st.id != me.id and st.id not in cannot and st.telegram_id:
            await svc.outbox.send(Outbound(st.telegram_id, ask, buttons=((take,),), tag=f"shift:{me.id}"))
    ctx.say(ctx.t("shift.asked"))
    return True


async def taken_from(svc, taker, before: list) -> None:
    """`taker` took the duty over: those on duty `before` (but the taker) hear who has it now."""
    for st in before:
        if st.id != taker.id and st.telegram_id:
            await svc.outbox.send(Outbound(st.telegram_id, svc.cat.t("shift.taken", name=taker.name), tag="shift"))
