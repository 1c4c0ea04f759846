"""A button its presser may not press, or one no longer known: what she reads instead.

A call's staff button pressed by someone no longer on the staff list, in a chat that call's alert reached as a staff
member's, is a former staff member's old alert: she reads that she is no longer on the list, that the tap did nothing
and the on-duty staff have the call — never a stranger's sign-up greeting, which read as if the tap had done
something else."""
from __future__ import annotations

from ..residents import ask_for_contact
from ..routes import STAFF
from .base import Ctx
from .menu import show_menu


async def refused_button(ctx: Ctx, route) -> None:
    """`route`: the feature's button the data names (None: no feature claims it, or its data is not of its shape)."""
    if route is not None and route.roles == STAFF and ctx.me.role != "staff" and await _alerted_as_staff(ctx):
        ctx.say(ctx.t("bad.not_staff_any_more", phone=ctx.svc.settings.community.committee_phone))
    elif ctx.me.role == "stranger":
        await ask_for_contact(ctx)
    else:
        show_menu(ctx, "bad.stale_button")


async def _alerted_as_staff(ctx: Ctx) -> bool:
    """Whether the call the button names ("inc:claim:7", "out:7:hospital") was sent to this chat as to staff."""
    n = next((int(a) for a in ctx.ev.data.split(":")[1:] if a.isdigit()), None)
    if n is None:
        return False
    return any(chat == ctx.ev.chat and role == "staff" for chat, _, role in await ctx.svc.store.alert_messages(n))
