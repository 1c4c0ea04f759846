"""Help come, or called, told while her call's questions wait ("120来了", "邻居来了", "我女儿到了", "my son is here
now", "我打了120"). Her words reach the staff holding the call (📝 又说), then:
- someone is with her now: she reads that it is good they came (the ambulance's: what to take along) and is asked
  nothing more — staff phone her about anything still open (the address unconfirmed shows so on their packet);
- help called, not yet there: it is a yes to "您需要马上有人来吗？" — she reads that it was heard, and where she is is
  asked (the read-back) if it was not asked yet; a question already asked is never asked again at once.
A danger told with them ("120来了 我又摔了一跤") never comes here: the fast lane reads it first.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.menu import keyboard
from ..flows.understanding import HELP_ARRIVED, HELP_CALLED
from .raising import open_call
from .repeats import said_again

AMBULANCE = re.compile(r"救护车|120|ambulance|paramedic", re.I)


async def told_while_asked(ctx: Ctx, text: str, n: int) -> bool:
    """Help come or called, said to her call's question (need_now, the read-back, the typed address); False: other
    words, or her call is not open."""
    arrived, called = HELP_ARRIVED.search(text), HELP_CALLED.search(text)
    inc = await open_call(ctx.svc.store, ctx.me.resident_id) if arrived or called else None
    if inc is None or inc["id"] != n:
        return False
    step = ctx.step
    reached = await said_to_staff(ctx, inc, text)
    if arrived:
        ctx.goto(None)
        if reached:
            key = "help.came_ambulance" if AMBULANCE.search(arrived.group(0)) else "help.came_someone"
            ctx.say(t_both(ctx, key), keyboard=keyboard(ctx))
        return True
    if reached:
        ctx.say(t_both(ctx, "help.called_heard"))
    if step == ("help", "need_now"):  # a yes: where she is, asked once (or kept, if her cry said it)
        from .need_now import on_need

        await on_need(ctx, "yes", n)
    return True


async def said_to_staff(ctx: Ctx, inc: dict, text: str) -> int:
    """Her words on her open call to the staff who hold it (📝 又说; the same again within a minute: only on its
    timeline). 0 when they reached nobody: she reads the truth and the numbers, and once a staff member has it."""
    n = inc["id"]
    reached = await said_again(ctx.svc.store, ctx.svc.clock.ts(), inc, text) or await ctx.svc.incidents.told_more(n, text)
    if not reached:  # (reached_late.py tells her when someone has it)
        from .help_request import tell_not_reached

        tell_not_reached(ctx)
        await ctx.svc.incidents.caller_unreached(n, [ctx.ev.chat])
    return reached
