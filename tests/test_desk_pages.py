"""The desk's pages, as a staff member uses them: the same incident actions as the chat, a register with an
audit trail, an Excel import that shows what it will do first, check-ins and reports."""
from __future__ import annotations

import io
import re

import pytest
from aiohttp.test_utils import TestClient, TestServer
from conftest import enrolled, signed_up
from openpyxl import Workbook, load_workbook

from bot.desk import make_web_app
from bot.desk.reports import percentile
from bot.testing.desk import BOT_TOKEN, csrf_of, sign_in

LI, WANG = 1001, 1002


async def _client(app):
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    return client


@pytest.fixture
async def desk(app, clock):
    client = await _client(app)
    client.csrf = await sign_in(client, LI, clock.ts())
    yield client
    await client.close()


async def _call(people, app, name="王老伯", phone="13900000002"):
    resident = await signed_up(people(name), phone)
    await resident.send("救命")
    return resident, (await app.svc.store.open_incident_ids())[-1]


async def test_claim_from_the_now_page_edits_the_chat_packet_and_tells_the_resident(desk, app, people):
    wang, n = await _call(people, app)
    li = people("李社工")
    packet = li.m.to(LI)[-1]
    assert "我来处理" in str(packet.buttons)
    page = await (await desk.get("/")).text()
    assert f"#{n}" in page and "王老伯" in page and "等待接单" in page
    resp = await desk.post(f"/incident/{n}/claim", data={"csrf": desk.csrf}, headers={"HX-Request": "true"})
    part = await resp.text()
    assert resp.status == 200 and "已接单" in part and "李社工" in part
    assert "李社工 已接单" in packet.text  # edited in place
    assert packet.edits >= 1 and "我来处理" not in str(packet.buttons)
    assert any("李社工" in m.text and "接手" in m.text for m in wang.m.to(wang.id))
    # 王社工 presses claim too late, on his own desk: he is told who has it, nothing changes
    other = await _client(app)
    try:
        csrf = await sign_in(other, WANG, app.svc.clock.ts())
        late = await other.post(f"/incident/{n}/claim", data={"csrf": csrf}, headers={"HX-Request": "true"})
        assert "李社工" in await late.text()
    finally:
        await other.close()
    assert (await app.svc.store.incident(n))["claimed_by"] == "li"


async def test_arrive_and_resolve_from_the_desk_close_the_call_everywhere(desk, app, people):
    wang, n = await _call(people, app)
    await desk.post(f"/incident/{n}/arrive", data={"csrf": desk.csrf}, headers={"HX-Request": "true"})
    assert (await app.svc.store.incident(n))["status"] == "arrived"
    bad = await desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "rm -rf"})
    assert bad.status == 400 and (await app.svc.store.incident(n))["status"] == "arrived"
    await desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "handled"},
                    headers={"HX-Request": "true"})
    inc = await app.svc.store.incident(n)
    assert inc["status"] == "resolved" and inc["outcome"] == "handled"
    assert "没有待处理" in await (await desk.get("/now/list")).text()
    assert "已解决" in people("李社工").m.to(LI)[0].text  # the chat packet, edited


async def test_incident_page_shows_timeline_packet_and_who_was_reached(desk, app, people):
    wang, n = await _call(people, app)
    await desk.post(f"/incident/{n}/claim", data={"csrf": desk.csrf})
    html = await (await desk.get(f"/incident/{n}")).text()
    assert "李社工 接单" in html                      # timeline, in the chat's words
    assert "建新路27弄5号302室" in html and "王丽" in html  # the responder packet
    assert re.search(r"李社工\s*<span class=\"muted\">\(社工\)", html)  # reached
    assert (await desk.get("/incident/99999")).status == 404


async def test_search_edit_with_reason_and_the_audit_trail(desk, app):
    found = await (await desk.post("/residents/search", data={"csrf": desk.csrf, "q": "0002"})).text()
    assert "王老伯" in found and "张阿姨" not in found
    found = await (await desk.post("/residents/search", data={"csrf": desk.csrf, "q": "天平路120弄"})).text()
    assert "刘奶奶" in found and "王老伯" not in found
    rid = (await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000002")))["id"]
    form = await (await desk.get(f"/residents/{rid}/edit")).text()
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
    fields.update(room="303", csrf=desk.csrf, reason="")
    if 'name="lives_alone" value="yes" checked' in form:
        fields["lives_alone"] = "yes"
    no_reason = await desk.post(f"/residents/{rid}/edit", data=fields)
    assert no_reason.status == 422 and (await app.svc.store.resident(rid))["room"] == "302"
    taken = await desk.post(f"/residents/{rid}/edit", data={**fields, "reason": "x", "phone": "13900000001"})
    assert taken.status == 422 and (await app.svc.store.resident(rid))["phone"] == "13900000002"
    ok = await desk.post(f"/residents/{rid}/edit", data={**fields, "reason": "搬到隔壁"}, allow_redirects=False)
    assert ok.status == 303
    person = await app.svc.store.resident(rid)
    assert person["room"] == "303" and person["lives_alone"] and person["contacts"][0]["name"] == "王丽"
    page = await (await desk.get(f"/residents/{rid}")).text()
    assert "搬到隔壁" in page and "李社工" in page and "302 → 303" in page


async def test_excel_import_shows_a_preview_and_applies_only_on_confirm(desk, app):
    def xlsx(rows):
        wb = Workbook()
        ws = wb.active
        ws.append(["姓名", "电话", "路", "弄", "号", "室", "独居"])
        for r in rows:
            ws.append(r)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    bad = xlsx([["孙爷爷", "13900000077", "建新路", 9, 1, 101, "是"], ["王老伯", "13900000002", "建新路", 27, 5, 305, "是"],
                ["", "12", "", "", "", "", ""]])
    resp = await desk.post("/residents/import", data={"csrf": desk.csrf, "file": io.BytesIO(bad)})
    html = await resp.text()
    assert "孙爷爷" in html and "姓名是空的" in html and 'id="confirm"' not in html
    assert await app.svc.store.resident_id_by_phone("13900000077") is None
    good = xlsx([["孙爷爷", "13900000077", "建新路", 9, 1, 101, "是"], ["王老伯", "13900000002", "建新路", 27, 5, 305, "是"]])
    html = await (await desk.post("/residents/import", data={"csrf": desk.csrf, "file": io.BytesIO(good)})).text()
    assert re.search(r"新增 1 · ✏️ 修改 1 · ＝ 不变 0 · ❌ 有错 0", html)
    assert await app.svc.store.resident_id_by_phone("13900000077") is None  # a preview changes nothing
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    done = await (await desk.post("/residents/import/confirm", data={"csrf": desk.csrf, "token": token})).text()
    assert re.search(r"新增 1 人，修改 1 人", done)
    rid = await app.svc.store.resident_id_by_phone("13900000077")
    assert rid and (await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000002")))["room"] == "305"
    again = await desk.post("/residents/import/confirm", data={"csrf": desk.csrf, "token": token})
    assert again.status == 410
    assert "Excel" in await (await desk.get(f"/residents/{rid}")).text()  # the import is in the audit trail


async def test_export_is_the_register_as_excel(desk):
    resp = await desk.get("/residents/export.xlsx")
    ws = load_workbook(io.BytesIO(await resp.read())).active
    assert [c.value for c in ws[1]][:2] == ["name", "phone"]
    assert "王老伯" in [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]


async def test_checkins_grid_shows_who_has_answered(desk, app, people, clock):
    zhang, rid = await enrolled(people, app)
    html = await (await desk.get("/checkins")).text()
    assert "张阿姨" in html and "今日签到" in html


async def test_report_counts_and_times_and_its_excel_file(desk, app, people, clock):
    wang, n = await _call(people, app)
    clock.advance(minutes=2)
    await desk.post(f"/incident/{n}/claim", data={"csrf": desk.csrf})
    clock.advance(minutes=10)
    await desk.post(f"/incident/{n}/arrive", data={"csrf": desk.csrf})
    await desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "false_alarm"})
    html = await (await desk.get("/reports?period=week")).text()
    figures = re.findall(r"<b>([^<]*)</b><span>([^<]*)</span>", html)
    assert ("1", "求助") in figures and ("2.0", "接单中位数（分钟）") in figures and ("12.0", "到达中位数（分钟）") in figures
    assert ("1", "误报") in figures and "data-chart" in html
    ws = load_workbook(io.BytesIO(await (await desk.get("/reports.xlsx?period=week")).read())).worksheets[0]
    rows = {r[0]: r[1] for r in ws.iter_rows(values_only=True)}
    assert rows["求助"] == 1 and rows["误报"] == 1 and rows["接单中位数（分钟）"] == 2.0
    zhang, rid = await enrolled(people, app)
    await app.svc.store.log_checkin(rid, {"slot": clock.ts() - 60, "outcome": "answered", "at": clock.ts()})
    days = load_workbook(io.BytesIO(await (await desk.get("/reports.xlsx?period=week")).read()))["签到"]
    assert list(days.iter_rows(values_only=True))[-1] == (clock.now().strftime("%Y-%m-%d"), 1, 1, 100.0)
    await wang.send("救命")  # a call this very minute counts too
    html = await (await desk.get("/reports?period=month")).text()
    assert ("2", "求助") in re.findall(r"<b>([^<]*)</b><span>([^<]*)</span>", html)


def test_percentiles_are_nearest_rank():
    assert percentile([], 50) is None
    assert percentile([5, 1, 3], 50) == 3 and percentile(list(range(1, 11)), 90) == 9


async def test_alert_packets_get_a_details_button_that_opens_the_desk(make_app, settings, people):
    s = settings.model_copy(update={"console": settings.console.model_copy(
        update={"enabled": True, "public_url": "https://desk.example.org"})})
    app = await make_app(settings_=s)
    from bot.testing.tools import Person

    wang = Person(app, 6001, "王老伯")
    await wang.send("/start")
    await wang.share_contact("13900000002")
    await wang.send("救命")
    packet = Person(app, LI, "李社工").m.to(LI)[-1]
    n = (await app.svc.store.open_incident_ids())[-1]
    assert ("🗂 详情", f"https://desk.example.org/incident/{n}") in packet.buttons


async def test_checkins_grid_puts_each_resident_in_their_own_column(desk, app, people, clock):
    """Three residents on the same 10:20 check-in, each in a different state by 10:21 (the desk's session lasts 30 idle minutes): the grid must not mix them."""
    from conftest import at

    rids = {}
    for name, phone in (("张阿姨", "13900000001"), ("王老伯", "13900000002"), ("刘奶奶", "13900000003")):
        person, rids[name] = await enrolled(people, app, name, phone)
        await app.svc.checkins.enrol(rids[name], ["10:20"])
        if name == "张阿姨":
            zhang = person
    await at(app, clock, clock.now().replace(minute=20, second=5))
    clock.advance(minutes=1)
    await zhang.click(zhang.last("身体好吗"), "我很好")
    await app.svc.checkins.pause(rids["刘奶奶"], None)
    html = await (await desk.get("/checkins")).text()
    columns = dict(re.findall(r'<section class="col (\w+)">(.*?)</section>', html, re.S))
    assert "张阿姨" in columns["answered"] and "10:21" in columns["answered"]
    assert "王老伯" in columns["waiting"] and "10:20" in columns["waiting"] and "刘奶奶" in columns["paused"]
    assert all(name not in columns[other] for name, own in (("张阿姨", "answered"), ("王老伯", "waiting"),
                                                            ("刘奶奶", "paused")) for other in columns if other != own)
