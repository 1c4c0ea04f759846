"""The desk tried the way a staff member on a phone uses it: a button tapped on the desk while a colleague taps the
same call's button in the chat, a page without its live script, a note pasted too long, a resident the register
knows little about (a sign-up staff approved: no address; an old row without a phone)."""
from __future__ import annotations

import asyncio
import re

import pytest
from aiohttp.test_utils import TestClient, TestServer
from conftest import signed_up

from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, sign_in
from bot.testing.tools import Person

LI, WANG = 1001, 1002  # 李社工 is on duty (she has the packet in her chat); 王社工 works from the desk


@pytest.fixture
async def desk(app, clock):
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    client.csrf = await sign_in(client, WANG, clock.ts())
    yield client
    await client.close()


def flash(html: str) -> str:
    m = re.search(r'class="flash"[^>]*>([^<]*)<', html)
    return m.group(1) if m else ""


async def _call(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命")
    return wang, (await app.svc.store.open_incident_ids())[-1]


async def test_resolved_in_chat_and_on_the_desk_at_once_closes_once_and_the_other_is_told_who_did(desk, app, people):
    wang, n = await _call(people, app)
    li = people("李社工")
    await li.click(li.last(f"#{n}"), "我来处理")
    await li.click(li.last(f"#{n}"), "已解决")
    ask = li.last("结果")
    page, said = await asyncio.gather(
        desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "hospital"},
                  headers={"HX-Request": "true"}),
        li.click(ask, "已处理"))
    inc = await app.svc.store.incident(n)
    assert inc["status"] == "resolved"
    assert [e["event"] for e in await app.svc.store.timeline(n)].count("resolved") == 1
    closes = [m.text for m in wang.inbox if "已经处理好" in m.text or "已解决" in m.text]
    assert len(closes) == 1, closes  # the resident told once
    if inc["resolved_by"] == "li":  # the desk lost: its line names who closed it, and how
        line = flash(await page.text())
        assert "李社工" in line and "已处理" in line, line
    else:  # the chat lost: her answer names 王社工, and her question is not edited into her own outcome
        assert any("王社工" in o.text for o in said), [o.text for o in said]
        assert "已处理" not in ask.text or "王社工" in ask.text


async def test_a_claim_lost_on_the_incident_page_without_its_script_says_who_has_it(desk, app, people):
    """A plain form post (the incident page's buttons, or a phone with scripts off) was answered by a redirect that
    dropped the line the engine said: the loser saw the page again and no word of who had taken it."""
    wang, n = await _call(people, app)
    li = people("李社工")
    await li.click(li.last(f"#{n}"), "我来处理")
    page = await desk.post(f"/incident/{n}/claim", data={"csrf": desk.csrf, "back": f"/incident/{n}"})
    assert page.status == 200 and str(page.url).endswith(f"/incident/{n}")
    assert "已由 李社工 接手" in flash(await page.text())
    again = await desk.get(f"/incident/{n}")  # said once, not on every later page
    assert flash(await again.text()) == ""
    assert (await app.svc.store.incident(n))["claimed_by"] == "li"


async def test_an_over_long_note_is_refused_with_a_clear_line_and_what_was_typed_stays(desk, app):
    before = await app.svc.store.resident("r1")
    note = "钥匙放在隔壁302。" * 80  # pasted from a chat: 800 characters
    resp = await desk.post("/residents/r1/edit", data={
        "csrf": desk.csrf, "name": "张阿姨", "phone": "13900000001", "road": "建新路", "lane": "27", "building": "3",
        "room": "602", "lives_alone": "yes", "birth_date": "1944-03-12", "notes": note, "reason": "家访补充"})
    html = await resp.text()
    assert resp.status == 422
    assert re.search(r'id="error">[^<]*备注[^<]*500', html)
    assert note in html and "家访补充" in html  # nothing typed is lost
    assert (await app.svc.store.resident("r1")) == before
    assert await app.svc.store.audit("r1") == []


async def test_a_resident_with_no_phone_and_no_address_on_every_page_and_the_form_speaks_chinese(desk, app, clock):
    store = app.svc.store
    await store.save_resident({"id": "r90", "name": "孙阿婆", "phone": "", "tg_id": 7090, "road": "", "lane": "",
                               "building": "", "room": "", "lives_alone": True, "birth_date": "", "contacts": [],
                               "doctor": None, "notes": ""})
    sun = Person(app, 7090, "孙阿婆")
    await sun.send("救命")
    n = (await store.open_incident_ids())[-1]
    for path in ("/", "/now/list", f"/incident/{n}", "/residents", "/residents/r90", "/residents/r90/edit",
                 "/checkins", "/reports", "/residents/export.xlsx"):
        assert (await desk.get(path)).status == 200, path
    page = await (await desk.get("/residents/r90")).text()
    assert 'href="tel:"' not in page  # no empty number to tap
    # the packet (in the chat, and on the desk) told staff to phone her to ask where she is: she has no phone
    for packet in (app.svc.outbox.messenger.to(LI)[-1].text, await (await desk.get(f"/incident/{n}")).text()):
        assert "请打电话问清楚" not in packet and "没有登记电话" in packet and "家属" in packet
    resp = await desk.post("/residents/r90/edit", data={"csrf": desk.csrf, "name": "孙阿婆", "road": "建新路",
                                                        "reason": "上门登记"})
    assert resp.status == 422
    assert re.search(r'id="error">[^<]*电话没有填或不是电话号码', await resp.text())


async def test_claimed_on_the_desk_and_in_the_chat_at_once_one_wins_the_other_is_told_who(desk, app, people):
    wang, n = await _call(people, app)
    li = people("李社工")
    page, said = await asyncio.gather(
        desk.post(f"/incident/{n}/claim", data={"csrf": desk.csrf}, headers={"HX-Request": "true"}),
        li.click(li.last(f"#{n}"), "我来处理"))
    events = [e["event"] for e in await app.svc.store.timeline(n)]
    assert events.count("claimed") == 1
    assert sum("已经接手您的求助" in t for t in wang.texts()) == 1  # the resident hears of one helper
    winner = (await app.svc.store.incident(n))["claimed_by"]
    if winner == "li":
        assert "已由 李社工 接手" in flash(await page.text())
    else:
        assert any("已由 王社工 接手" in o.text for o in said)


async def test_a_double_tap_on_the_desks_claim_claims_once_and_says_it_is_already_hers(desk, app, people):
    wang, n = await _call(people, app)
    first, second = await asyncio.gather(*(
        desk.post(f"/incident/{n}/claim", data={"csrf": desk.csrf}, headers={"HX-Request": "true"}) for _ in "12"))
    lines = [flash(await first.text()), flash(await second.text())]
    assert [e["event"] for e in await app.svc.store.timeline(n)].count("claimed") == 1
    assert sum("已经接手您的求助" in t for t in wang.texts()) == 1
    assert any("您已经接手了" in line for line in lines), lines  # not "已由 王社工 接手" to 王社工 herself


async def test_a_sign_in_link_from_another_committees_desk_opens_nothing_here(make_app, settings, clock):
    from bot.desk.auth import new_link

    ours = await make_app()
    other_staff = settings.staff[0].model_copy(update={"telegram_id": 424242, "id": "zhou", "name": "周社工"})
    theirs = await make_app(settings_=settings.model_copy(update={"staff": [other_staff]}), prefix_="other:")
    token = await new_link(theirs.svc, other_staff)  # what /web gave her on her own committee's bot
    async with TestClient(TestServer(make_web_app(ours.engine, BOT_TOKEN))) as desk:
        resp = await desk.post("/signin", data={"token": token}, allow_redirects=False)
        assert resp.status == 403 and "desk_session" not in resp.cookies
        for path in ("/", "/residents", "/residents/r1", "/incident/1"):
            page = await desk.get(path)
            html = await page.text()
            assert page.status == 401 and "王老伯" not in html and "13900000002" not in html, path


async def test_a_button_on_the_incident_page_after_the_session_ran_out_says_how_to_sign_in_again(desk, app, people,
                                                                                               clock):
    """The incident page's buttons post a plain form: with the session gone she got a bare "sign in again" in
    English, on a blank page."""
    wang, n = await _call(people, app)
    clock.advance(minutes=31)
    resp = await desk.post(f"/incident/{n}/claim", data={"csrf": desk.csrf, "back": f"/incident/{n}"})
    html = await resp.text()
    assert resp.status == 401 and "重新打开" in html and "/web" in html
    assert (await app.svc.store.incident(n))["status"] == "open"
