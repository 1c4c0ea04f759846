"""Whom the desk showed this signed-in staff member holding each call: its own record, not the form's word.

The ✅ form's `held` says whom the page showed holding the call, so a colleague's call closes only once she has read
whose it is (bot/incidents/outcome_ask.py). A browser can post any `held`; the server keeps, in her session (Redis),
each holder its pages showed her for each call, and takes the field only if it is one of them. Anything else is
dropped (the chat's question then says whose call it is), and the reply says so."""
from __future__ import annotations

from aiohttp import web

from . import auth
from .server import SESSION, SVC

KEEP = 300  # calls remembered per session (the oldest go first); a desk shows far fewer open at once


async def remember(request: web.Request, incs: list[dict]) -> None:
    """The holder (or nobody: "") each of these calls showed on the page being rendered."""
    session = request.get(SESSION)
    token = request.cookies.get(auth.cookie_name(request.app[SVC]))
    if session is None or not token or not incs:
        return
    shown = session.get("shown") or {}
    before = {k: list(v) for k, v in shown.items()}
    for inc in incs:
        held = shown.pop(str(inc["id"]), [])  # (popped and put back: the latest shown last, kept longest)
        holder = inc.get("claimed_by") or ""
        shown[str(inc["id"])] = held if holder in held else held + [holder]
    while len(shown) > KEEP:
        shown.pop(next(iter(shown)))
    if shown != before:
        session["shown"] = shown
        await request.app[SVC].store.put_console("session", token, session, auth.SESSION_SECONDS)


def held(request: web.Request, n: int, said: str) -> tuple[str, bool]:
    """(the holder her page showed, as the form says it — else ""; whether the form named one it never showed)."""
    shown = ((request.get(SESSION) or {}).get("shown") or {}).get(str(n), [])
    return (said, False) if said in shown else ("", bool(said))
