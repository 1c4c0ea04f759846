"""Who may see the desk: staff of this committee only, signed in the Telegram way or with a one-time link.

- Telegram Mini App: the page posts Telegram's `initData`; its signature is checked against this bot's token
  (aiogram's `safe_parse_webapp_init_data`), `auth_date` must be recent (aiogram does not check that), and
  the user must be one of this committee's staff.
- Office PC: `/web` in the staff chat sends a link that works once, within LINK_SECONDS.
Either way the browser gets a short-lived session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS), named
for the committee: cookies ignore ports, so one browser signed in to two committees' desks keeps both sessions;
every POST must carry the session's CSRF token. Times come from the one clock (svc.clock).
"""
from __future__ import annotations

import asyncio
import hmac
import logging
import secrets

from aiohttp import web

from .. import roster
from ..services import Services

log = logging.getLogger(__name__)

COOKIE = "desk_session"  # a deployment without committees; each committee's is `desk_session_<id>`
SESSION_SECONDS = 30 * 60        # idle time after which a session ends (each request extends it)
INIT_DATA_MAX_AGE = 10 * 60      # Telegram's initData older than this is refused (a replayed copy)
LINK_SECONDS = 5 * 60            # a one-time sign-in link from /web
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf"


def _telegram_check():
    """aiogram's check, imported at the first Mini App sign-in: importing aiogram takes seconds of CPU that the
    console, the residents commands and a python-telegram-bot process would otherwise pay at every start."""
    from aiogram.utils.web_app import safe_parse_webapp_init_data

    return safe_parse_webapp_init_data


async def staff_from_init_data(svc: Services, token: str | None, init_data: str):
    """The staff member Telegram vouches for, or None (forged, tampered, too old, not staff of ours)."""
    if not token or not init_data:
        return None
    check = await asyncio.to_thread(_telegram_check)  # the first import off the event loop: alerts go on meanwhile
    try:
        data = check(token, init_data)
    except Exception:  # bad signature (ValueError) or a well-signed but malformed payload
        return None
    age = svc.clock.ts() - data.auth_date.timestamp()
    if data.user is None or not (-60 <= age <= INIT_DATA_MAX_AGE):
        return None
    return roster.staff_by_tg(svc.settings, data.user.id)


async def new_link(svc: Services, staff) -> str:
    """A one-time sign-in token for a staff member (the link /web sends)."""
    token = secrets.token_urlsafe(24)
    await svc.store.put_console("signin", token, {"staff": staff.id, "exp": svc.clock.ts() + LINK_SECONDS},
                                LINK_SECONDS + 5)
    return token


async def staff_from_link(svc: Services, token: str):
    """Takes the link (it never works again) and returns its staff member if it is still valid."""
    got = await svc.store.take_console("signin", token) if token else None
    if not got or got.get("exp", 0) < svc.clock.ts():
        return None
    return roster.staff_by_id(svc.settings, got.get("staff"))


def cookie_name(svc: Services) -> str:
    """This committee's session cookie (its session lives under its own key prefix: no other desk finds it)."""
    return f"{COOKIE}_{svc.settings.committee}" if svc.settings.committee else COOKIE


async def start_session(svc: Services, request: web.Request, response: web.StreamResponse, staff) -> None:
    token = secrets.token_urlsafe(32)
    session = {"staff": staff.id, "csrf": secrets.token_urlsafe(24), "exp": svc.clock.ts() + SESSION_SECONDS}
    await svc.store.put_console("session", token, session, SESSION_SECONDS)
    response.set_cookie(cookie_name(svc), token, httponly=True, samesite="Strict", secure=is_https(request, svc),
                        path="/", max_age=int(SESSION_SECONDS))
    log.info("console: staff %s signed in", staff.id)


async def end_session(svc: Services, request: web.Request, response: web.StreamResponse) -> None:
    token = request.cookies.get(cookie_name(svc))
    if token:
        await svc.store.drop_console("session", token)
    response.del_cookie(cookie_name(svc), path="/")


async def current(svc: Services, request: web.Request) -> tuple[object, dict] | None:
    """(staff member, session) for a signed-in request, extending the session; None otherwise."""
    token = request.cookies.get(cookie_name(svc))
    if not token:
        return None
    session = await svc.store.console("session", token)
    now = svc.clock.ts()
    if not session or session.get("exp", 0) < now:
        return None
    staff = roster.staff_by_id(svc.settings, session.get("staff"))
    if staff is None:  # no longer staff of this committee
        await svc.store.drop_console("session", token)
        return None
    session["exp"] = now + SESSION_SECONDS
    await svc.store.put_console("session", token, session, SESSION_SECONDS)
    return staff, session


async def say_next(svc: Services, request: web.Request, session: dict, text: str) -> None:
    """A line for the next page this session opens: a form posted without the page's script (the incident page's
    buttons) is answered by a redirect, and what the engine said ("#3 已由 李社工 接手") would be lost."""
    token = request.cookies.get(cookie_name(svc))
    if token and text:
        await svc.store.put_console("session", token, {**session, "said": text[:1000]}, SESSION_SECONDS)


async def take_said(svc: Services, request: web.Request, session: dict) -> str:
    """The line left for this page, once."""
    said = session.pop("said", "")
    if said:
        await svc.store.put_console("session", request.cookies[cookie_name(svc)], session, SESSION_SECONDS)
    return said


def csrf_ok(session: dict, request: web.Request, form) -> bool:
    sent = request.headers.get(CSRF_HEADER) or (form.get(CSRF_FIELD) if form is not None else None) or ""
    return hmac.compare_digest(str(sent), session["csrf"])


def is_https(request: web.Request, svc: Services) -> bool:
    public = svc.settings.console.public_url or ""
    return (request.secure or request.headers.get("X-Forwarded-Proto", "") == "https"
            or public.startswith("https://"))
