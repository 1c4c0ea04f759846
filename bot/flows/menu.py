"""The big reply-keyboard menus: what residents, staff and family see at the bottom of the chat."""
from __future__ import annotations

from .base import Ctx

RESIDENT_MENU = (("menu.sos",), ("menu.help",), ("menu.qa", "menu.call"))
STAFF_MENU = (("menu.open", "menu.duty"), ("menu.checkins", "menu.questions"), ("menu.web",))
CONTACT_MENU = (("menu.sos",), ("menu.call",))


def keyboard(ctx: Ctx, role: str | None = None):
    layout = {"resident": RESIDENT_MENU, "staff": STAFF_MENU, "contact": CONTACT_MENU}.get(role or ctx.me.role)
    if layout is None:
        return ()
    if ctx.me.guessed:  # in both, one a row, so that none is cut short on a phone (bot/flows/both.py)
        return tuple((ctx.svc.cat.pair(k, ctx.me.guessed),) for row in layout for k in row)
    return tuple(tuple(ctx.t(k) for k in row) for row in layout)


def menu_action(ctx: Ctx, text: str) -> str | None:
    """Which menu key a pressed (or typed) label belongs to, in any locale."""
    clean = text.strip()
    for layout in (RESIDENT_MENU, STAFF_MENU):
        for row in layout:
            for key in row:
                if clean in ctx.svc.cat.all_values(key):
                    return key
    return None


def show_menu(ctx: Ctx, text_key: str = "menu.prompt", **kw) -> None:
    ctx.say(ctx.t(text_key, **kw), keyboard=keyboard(ctx))
