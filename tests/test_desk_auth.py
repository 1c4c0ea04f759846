"""The desk lets in staff of this committee only: Telegram's signature checked, fresh, one-time links, CSRF, CSP."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

import pytest
from aiohttp.test_utils import TestClient, TestServer
from conftest import signed_up

from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, csrf_of, sign_in, sign_init_data

LI = 1001  # 李社工, staff in config.yaml


@pytest.fixture
async def desk(app):
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    yield client
    await client.close()


async def _webapp(desk, init_data: str):
    return await desk.post("/auth/webapp", data={"init_data": init_data})


async def test_forged_init_data_signed_with_another_bots_token_is_refused(desk, clock):
    resp = await _webapp(desk, sign_init_data(LI, clock.ts(), token="999:someone-elses-bot"))
    assert resp.status == 403 and "desk_session" not in resp.cookies
    assert (await desk.get("/")).status == 401


async def test_tampered_init_data_is_refused(desk, clock):
    fields = dict(parse_qsl(sign_init_data(5555, clock.ts())))
    fields["user"] = fields["user"].replace("5555", str(LI))  # a stranger makes himself 李社工
    assert (await _webapp(desk, urlencode(fields))).status == 403
    assert (await _webapp(desk, "user=%7B%22id%22%3A1001%7D&auth_date=1")).status == 403  # no hash at all
    assert (await desk.get("/")).status == 401


async def test_old_init_data_is_refused_fresh_is_accepted(desk, clock):
    assert (await _webapp(desk, sign_init_data(LI, clock.ts() - 11 * 60))).status == 403  # replayed later
    assert (await _webapp(desk, sign_init_data(LI, clock.ts() + 3600))).status == 403      # from the future
    resp = await _webapp(desk, sign_init_data(LI, clock.ts() - 60))
    assert resp.status == 204
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie  # plain http here
    assert (await desk.get("/")).status == 200


async def test_secure_cookie_behind_an_https_proxy(desk, clock):
    resp = await desk.post("/auth/webapp", data={"init_data": sign_init_data(LI, clock.ts())},
                           headers={"X-Forwarded-Proto": "https"})
    assert resp.status == 204 and "Secure" in resp.headers["Set-Cookie"]


async def test_residents_family_and_strangers_get_403_and_see_no_one(desk, app, people, clock):
    resident = await signed_up(people("王老伯"), "13900000002")
    for user in (resident.id, 777001):  # a registered resident; someone unknown
        resp = await _webapp(desk, sign_init_data(user, clock.ts()))
        assert resp.status == 403
    page = await desk.get("/residents/r1")
    body = await page.text()
    assert page.status == 401 and "王老伯" not in body and "13900000002" not in body
    assert (await desk.post("/residents/search", data={"q": "王"})).status == 401


async def test_staff_of_another_committee_never_see_this_committees_residents(make_app, settings, clock):
    ours = await make_app()
    other_staff = settings.staff[0].model_copy(update={"telegram_id": 424242, "id": "zhou", "name": "周社工"})
    theirs = await make_app(settings_=settings.model_copy(update={"staff": [other_staff]}), prefix_="other:")
    async with TestClient(TestServer(make_web_app(ours.engine, BOT_TOKEN))) as a, \
            TestClient(TestServer(make_web_app(theirs.engine, "777:their-bot"))) as b:
        # their staff member, signed by our bot or theirs, is not ours
        assert (await _webapp(a, sign_init_data(424242, clock.ts()))).status == 403
        assert (await _webapp(a, sign_init_data(424242, clock.ts(), token="777:their-bot"))).status == 403
        # a session from their desk means nothing on ours
        await sign_in(b, 424242, clock.ts(), token="777:their-bot")
        a.session.cookie_jar.update_cookies({"desk_session": b.session.cookie_jar.filter_cookies(
            b.make_url("/"))["desk_session"].value})
        page = await a.get("/residents/r1")
        assert page.status == 401 and "王老伯" not in await page.text()


async def test_web_link_works_once_within_five_minutes(desk, app, people, clock):
    li = people("李社工")
    await li.send("/web")
    text = li.m.to(li.id)[-1].text
    token = re.search(r"/signin/([\w-]+)", text).group(1)
    assert (await desk.get(f"/signin/{token}")).status == 200  # opening it (a link preview) does not use it up
    first = await desk.post("/signin", data={"token": token}, allow_redirects=False)
    assert first.status == 303 and "desk_session" in first.cookies
    assert (await desk.get("/")).status == 200
    desk.session.cookie_jar.clear()
    again = await desk.post("/signin", data={"token": token}, allow_redirects=False)
    assert again.status == 403 and "desk_session" not in again.cookies
    await li.send("/web")
    late = re.search(r"/signin/([\w-]+)", li.m.to(li.id)[-1].text).group(1)
    clock.advance(minutes=6)
    assert (await desk.post("/signin", data={"token": late}, allow_redirects=False)).status == 403


async def test_residents_cannot_ask_for_a_web_link(people, app):
    resident = await signed_up(people("王老伯"), "13900000002")
    await resident.send("/web")
    assert "/signin/" not in resident.m.to(resident.id)[-1].text


async def test_every_post_needs_the_sessions_csrf_token(desk, app, people, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命")
    n = (await app.svc.store.open_incident_ids())[0]
    csrf = await sign_in(desk, LI, clock.ts())
    for headers in ({}, {"X-CSRF-Token": "wrong"}):
        resp = await desk.post(f"/incident/{n}/claim", data={}, headers=headers)
        assert resp.status == 403
    assert (await app.svc.store.incident(n))["status"] == "open"
    resp = await desk.post(f"/incident/{n}/claim", data={"csrf": csrf}, allow_redirects=False)
    assert resp.status == 303
    assert (await app.svc.store.incident(n))["claimed_by"] == "li"


async def test_pages_forbid_inline_scripts_and_are_never_cached(desk, clock):
    await sign_in(desk, LI, clock.ts())
    for path in ("/", "/residents", "/checkins", "/reports", "/signin"):
        resp = await desk.get(path)
        csp = resp.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert resp.headers["Cache-Control"] == "no-store"
        html = await resp.text()
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], path  # every script is a file
        assert not re.search(r"\son[a-z]+=", html), path  # no inline event handlers either


async def test_sign_out_ends_the_session(desk, clock):
    csrf = await sign_in(desk, LI, clock.ts())
    assert (await desk.post("/signout", data={"csrf": csrf}, allow_redirects=False)).status == 303
    assert (await desk.get("/")).status == 401


async def test_an_idle_session_expires(desk, clock):
    await sign_in(desk, LI, clock.ts())
    clock.advance(minutes=31)
    assert (await desk.get("/")).status == 401


async def test_the_staff_menus_desk_button_sends_a_link(people):
    li = people("李社工")
    await li.send("🗂 工作台")
    assert re.search(r"/signin/[\w-]+", li.m.to(li.id)[-1].text)
