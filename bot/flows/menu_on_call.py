"""The buttons asked for ("按钮不见了", "菜单", "返回") while her call is open: the big buttons back, then her call's
question still waiting (the address read back, "您需要马上有人来吗？", where she is) — never her cry again, never her
words paged to staff; her call's timeline notes it. With no call open, bot/flows/chat.py answers them. The cancel
words of the same kind ("取消", "退出") may mean she wants it called off: to its questions nobody need come
(bot/flows/call_answers.py), else read as usual. A danger never comes here.
"""
from __future__ import annotations

import re

from ..incidents import address_steps, call_questions, call_state, help_request
from ..incidents.raising import open_call
from .base import Ctx
from .both import t_both
from .chat_words import core, kind_of
from .menu import show_menu
from .understanding import danger_in

CANCEL = re.compile(r"取消|退出|cancel", re.I)


async def buttons_asked(ctx: Ctx, text: str) -> bool:
    """Words asking for the buttons, from a resident whose call is open, answered here: True."""
    if ctx.me.role != "resident" or kind_of(text) != "menu" or CANCEL.search(core(text)) or danger_in(ctx.svc, text):
        return False
    inc = await open_call(ctx.svc.store, ctx.me.resident_id)
    if inc is None:
        return False
    n = inc["id"]
    await ctx.svc.store.add_timeline(n, {"at": ctx.svc.clock.ts(), "event": "resident_asked_buttons", "words": text})
    if inc.get("caller_unreached"):  # no staff member has it yet: the truth, never "社工已经收到"
        help_request.tell_not_reached(ctx)
    else:
        key, fill = call_state.reply(ctx.svc, inc, "help.buttons_on_call")  # who has it, or is there already
        show_menu(ctx, key, phone=ctx.svc.settings.community.committee_phone, **fill)
    waiting = ctx.step if ctx.session.get("incident") == n else None
    if waiting == ("help", "need_now"):
        call_questions.ask_need(ctx, n)
    elif waiting == ("help", "confirm_address"):
        address_steps.ask_address(ctx, n, await ctx.svc.store.resident(inc["resident"]) or {})
    elif waiting == ("help", "ask_address"):  # in words, the big buttons kept (the 📍 button's keyboard would hide them)
        ctx.say(t_both(ctx, "help.ask_address_words"))
    return True
