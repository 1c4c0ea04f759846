"""A staff member who is on the register too (a social worker of 65 living alone, enrolled in the check-ins): her
check-in comes to her chat as anyone's, and she answers it as a resident does, while she stays staff for everything
else. Whatever she does with the bot is a sign of life, as a resident's every message is.

ci:ok · typed "我很好"    answered: thanks, her staff keyboard kept (typed, only outside any step and while it waits)
ci:unwell                 a request about her, as a resident's 🤒 is
ci:help                   her own call to colleagues (bot/incidents/colleague.py), never to herself
ci:away · ci:time …       as a resident's (conversation.py)
Her other words ("谁在值班", "我来", "收到") go on to her staff menu and calls as usual.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.chat_words import core
from ..flows.menu import show_menu
from .rules import PENDING

FINE = re.compile(r"我?(很|挺|蛮|还|都)?(好|不错|平安)(的|着呢|呢|啊)?(谢谢(关心|你们|你)?)?|我?没事(的|了)?(谢谢)?"
                  r"|(i'?m )?(fine|ok|good)( thanks?( you)?)?", re.I)


async def her_row(ctx: Ctx) -> dict | None:
    """Her register row, when she is in the register with this Telegram account."""
    return await ctx.svc.store.resident_by_tg(ctx.ev.user_id)


async def on_activity(ctx: Ctx) -> bool:
    """Her every event: a sign of life for her check-in; True when it was her typed "我很好" to it (answered here)."""
    person = await her_row(ctx)
    cis = ctx.svc.checkins
    if not person or not (st := await cis.state(person["id"])).enrolled:
        return False
    ev, answer = ctx.ev, "activity"
    waiting = st.phase in PENDING or st.phase == "missed"
    typed = ev.kind == "text" and ctx.step == (None, None) and waiting and bool(FINE.fullmatch(core(ev.text)))
    if ev.kind == "button" and ev.data.startswith("ci:") and ev.data[3:] in ("ok", "unwell", "help"):
        answer = ev.data[3:]
    elif typed:
        answer = "ok"
    heard = ctx.checkin_heard = await cis.heard_from(person["id"], answer)
    if typed:
        show_menu(ctx, heard.thanks if heard.closed else "checkin.thanks")
    return typed


async def as_resident(ctx: Ctx) -> bool:
    """Her press of a check-in button: she answers as the resident she is (False: she is not one)."""
    person = await her_row(ctx)
    if not person:
        return False
    ctx.me.resident_id, ctx.me.extra = person["id"], {**ctx.me.extra, "person": person}
    return True
