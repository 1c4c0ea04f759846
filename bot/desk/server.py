"""The desk's aiohttp application: security headers, sign-in, and the staff-only gate in front of every page."""
from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from aiohttp import web

from .. import roster
from ..residents import problem_text
from ..services import Services
from . import auth

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
STATIC = HERE / "static"
HTMX = "htmx-2.0.7.min.js"
CHARTJS = "chart-4.5.1.umd.min.js"
# no inline script, no inline style, nothing from elsewhere; Telegram's web client may frame the Mini App
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' https://web.telegram.org")
PUBLIC = ("/static/", "/signin", "/auth/")
MAX_UPLOAD = 5 * 1024 * 1024

SVC = web.AppKey("svc", Services)
ENGINE = web.AppKey("engine", object)
TOKEN = web.AppKey("token", object)
JINJA = web.AppKey("jinja", jinja2.Environment)
STAFF = web.RequestKey("staff", object)
SESSION = web.RequestKey("session", dict)
LOCALE = web.RequestKey("locale", str)
SAID = web.RequestKey("said", str)  # the line a form posted without the page's script left for this page


def make_web_app(engine, token: str | None = None) -> web.Application:
    """The console for this engine's committee; `token` is the bot token initData is signed with."""
    svc = engine.svc
    app = web.Application(middlewares=[_headers, _gate], client_max_size=MAX_UPLOAD)
    app[SVC], app[ENGINE], app[TOKEN] = svc, engine, token
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals.update(htmx=HTMX, chartjs=CHARTJS)
    app[JINJA] = env
    app.router.add_static("/static/", STATIC, append_version=False)
    app.router.add_get("/signin", signin_page)
    app.router.add_get("/signin/{token}", link_page)
    app.router.add_post("/signin", link_signin)
    app.router.add_post("/auth/webapp", webapp_signin)
    app.router.add_post("/signout", signout)
    from . import views

    views.add_routes(app)
    return app


def render(request: web.Request, name: str, status: int = 200, **ctx) -> web.Response:
    svc = request.app[SVC]
    staff = request.get(STAFF)
    loc = request.get(LOCALE, svc.settings.locale)
    t = lambda key, **kw: svc.cat.t(key, loc, **kw)  # noqa: E731
    html = request.app[JINJA].get_template(name).render(
        t=t, me=staff, csrf=(request.get(SESSION) or {}).get("csrf", ""), locale=loc,
        community=svc.settings.community.name, path=request.path, said=request.get(SAID, ""),
        why=lambda reason: problem_text(t, reason), **ctx)
    return web.Response(text=html, status=status, content_type="text/html")


def _secure(resp, request: web.Request) -> None:
    resp.headers.setdefault("Content-Security-Policy", CSP)
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("Referrer-Policy", "no-referrer")
    if not request.path.startswith("/static/"):
        resp.headers.setdefault("Cache-Control", "no-store")  # pages hold personal data: never cached


@web.middleware
async def _headers(request: web.Request, handler):
    try:
        resp = await handler(request)
    except web.HTTPException as e:
        _secure(e, request)
        raise
    _secure(resp, request)
    return resp


def see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


@web.middleware
async def _gate(request: web.Request, handler):
    """Every page but sign-in and static files: a staff session of this committee, and CSRF on every POST."""
    if request.path.startswith(PUBLIC) and request.path != "/signout":
        return await handler(request)
    svc = request.app[SVC]
    who = await auth.current(svc, request)
    if who is None:  # a page (or a form posted without its script) says how to sign in; the page's script reloads
        if "HX-Request" not in request.headers:
            return render(request, "signin.html", status=401, used=False,
                          expired=bool(request.cookies.get(auth.cookie_name(svc))))
        raise web.HTTPUnauthorized(text="sign in again")
    request[STAFF], request[SESSION] = who
    request[SAID] = await auth.take_said(svc, request, who[1])
    request[LOCALE] = await svc.store.pref(who[0].telegram_id, "locale") or svc.settings.locale
    if request.method == "POST":
        form = await request.post() if request.content_type in (
            "application/x-www-form-urlencoded", "multipart/form-data") else None
        if not auth.csrf_ok(who[1], request, form):
            log.warning("console: POST without a valid CSRF token refused")
            raise web.HTTPForbidden(text="CSRF token missing or wrong")
    return await handler(request)


async def signin_page(request: web.Request) -> web.Response:
    return render(request, "signin.html", status=401, used=False)


async def link_page(request: web.Request) -> web.Response:
    """Opening the link does not use it up (link previews open links too): the button on this page does."""
    return render(request, "link.html", token=request.match_info["token"])


async def link_signin(request: web.Request) -> web.Response:
    svc = request.app[SVC]
    form = await request.post()
    staff = await auth.staff_from_link(svc, str(form.get("token", "")))
    if staff is None:
        return render(request, "signin.html", status=403, used=True)
    resp = see_other("/")
    await auth.start_session(svc, request, resp, staff)
    return resp


async def webapp_signin(request: web.Request) -> web.Response:
    svc = request.app[SVC]
    form = await request.post()
    staff = await auth.staff_from_init_data(svc, request.app[TOKEN], str(form.get("init_data", "")))
    if staff is None:
        log.info("console: Mini App sign-in refused")
        raise web.HTTPForbidden(text="staff only")
    resp = web.Response(status=204)
    await auth.start_session(svc, request, resp, staff)
    return resp


async def signout(request: web.Request) -> web.Response:
    resp = see_other("/signin")
    await auth.end_session(request.app[SVC], request, resp)
    return resp


def base_url(svc: Services) -> str:
    c = svc.settings.console
    return (c.public_url or f"http://{c.listen}:{c.port}").rstrip("/")


async def start_console(app) -> web.AppRunner | None:
    """Starts the console beside the bot (same process, same event loop) when `console.enabled`."""
    c = app.settings.console
    if not c.enabled:
        return None
    runner = web.AppRunner(make_web_app(app.engine, app.secrets.telegram_token), access_log=None)
    await runner.setup()
    app.closers.append(runner.cleanup)
    try:
        await web.TCPSite(runner, c.listen, c.port).start()
    except OSError as e:  # the bot itself must run on: the desk is a convenience, alerts are not
        log.error("console could not listen on %s:%s (%s); the bot runs without it", c.listen, c.port, e.strerror)
        return None
    log.info("console listening on %s:%s", c.listen, c.port)
    return runner


async def signin_link(app, staff=None) -> str:
    """A one-time sign-in link for a staff member (the demo prints one for the first staff member)."""
    staff = staff or app.settings.staff[0]
    return f"{base_url(app.svc)}/signin/{await auth.new_link(app.svc, staff)}"


async def web_command(ctx, arg: str) -> None:
    """/web in the staff chat: a link to the desk that works once, for five minutes."""
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    token = await auth.new_link(ctx.svc, me)
    ctx.say(ctx.t("desk.web_link", url=f"{base_url(ctx.svc)}/signin/{token}", minutes=auth.LINK_SECONDS // 60))


def details_url(svc: Services, n: int) -> str:
    """The Mini App address of an incident's page, or "" when Telegram has no HTTPS address to open."""
    public = svc.settings.console.public_url or ""
    if not (svc.settings.console.enabled and public.startswith("https://")):
        return ""
    return f"{public.rstrip('/')}/incident/{n}"
