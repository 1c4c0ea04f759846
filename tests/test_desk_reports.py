"""The desk's reports hold the whole period: every check-in of a month (not the last 30 a resident's log keeps),
every pension question by topic (answered by the bot, or not), each counted once."""
from __future__ import annotations

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiohttp.test_utils import TestClient, TestServer
from conftest import asked_allowance_age_unknown, at, enrolled, signed_up
from openpyxl import load_workbook

from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, sign_in

LI = 1001
SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture
async def desk(app, clock):
    """The desk, signed in when first used (after the clock has moved on)."""
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    client.signed_in = False
    yield client
    await client.close()


async def _sign_in(desk, app) -> None:
    if not desk.signed_in:
        await sign_in(desk, LI, app.svc.clock.ts())
        desk.signed_in = True


async def _sheet(desk, app, period: str, name: str) -> list[tuple]:
    await _sign_in(desk, app)
    resp = await desk.get(f"/reports.xlsx?period={period}")
    assert resp.status == 200
    return list(load_workbook(io.BytesIO(await resp.read()))[name].iter_rows(min_row=2, values_only=True))


async def test_last_months_answer_rate_counts_every_day_of_the_month(desk, app, people, clock):
    """张阿姨 answers her 09:00 check-in every day of December but one she misses and one she answers late:
    38 check-ins by the time the report is read, more than her log keeps."""
    zhang, rid = await enrolled(people, app)
    await at(app, clock, datetime(2026, 11, 24, 9, 0, tzinfo=SH))
    for day in range(55):
        when = datetime(2026, 11, 24, 9, 0, tzinfo=SH) + timedelta(days=day)
        if when.month == 1 and when.day > 3:
            break
        await at(app, clock, when)
        if (when.month, when.day) == (12, 2):  # missed: reminded at 09:30, staff alerted at 10:00
            await at(app, clock, when.replace(minute=30))
            await at(app, clock, when.replace(hour=10))
            continue
        if (when.month, when.day) == (12, 3):  # answered only after the staff alert: late, still answered
            await at(app, clock, when.replace(minute=30))
            await at(app, clock, when.replace(hour=10))
            clock.set(when.replace(hour=10, minute=5))
        await zhang.click(zhang.last("身体好吗"), "我很好")
    clock.set(datetime(2027, 1, 3, 12, 0, tzinfo=SH))
    days = {row[0]: row[1:] for row in await _sheet(desk, app, "last_month", "签到")}
    assert len(days) == 31 and min(days) == "2026-12-01" and max(days) == "2026-12-31"
    assert days["2026-12-01"] == (1, 1, 100.0)
    assert days["2026-12-02"] == (0, 1, 0.0)
    assert days["2026-12-03"] == (1, 1, 100.0)  # asked once, answered late
    assert all(days[f"2026-12-{d:02d}"] == (1, 1, 100.0) for d in range(4, 32))


async def test_questions_by_topic_count_every_question_once_and_the_thumbs_down_among_them(desk, app, people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("老年综合津贴每个月多少钱")
    assert "180" in zhang.last("来源").text
    await zhang.send("长护险怎么申请")
    answer = zhang.last("来源")
    await zhang.click(answer, "👎")
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("公积金贷款利率是多少")
    assert "不太确定" in zhang.last().text
    await zhang.click(zhang.last(), "问社工")  # handed to staff: still the one question
    rows = {row[0]: row[1:] for row in await _sheet(desk, app, "week", "提问")}
    assert rows == {"老年综合津贴": (1, 0), "长期护理保险（长护险）": (1, 1), "转人工": (1, 0)}, rows
    html = await (await desk.get("/reports?period=month")).text()
    assert "老年综合津贴" in html and "长期护理保险" in html


async def test_an_age_given_for_a_question_does_not_count_it_twice(desk, app, people):
    liu = await asked_allowance_age_unknown(app, people)
    assert "150" in liu.last("来源").text
    assert {row[0]: row[1:] for row in await _sheet(desk, app, "month", "提问")} == {"老年综合津贴": (1, 0)}


async def test_a_months_report_holds_that_months_incidents_among_a_long_history(desk, app, clock):
    """Three hundred days of calls, one at 23:50 each night (one a day is missing its record): last month's report
    has November's 30, none of October's or December's, whatever the history before them."""
    first = datetime(2026, 2, 17, 23, 50, tzinfo=SH)
    for day in range(300):
        created = (first + timedelta(days=day)).timestamp()
        n = await app.svc.store.create_incident({"kind": "help", "created": created, "status": "open", "level": 0},
                                                {"at": created, "event": "created"}, {})
        await app.svc.store.close_incident(n, {"status": "resolved", "outcome": "handled"}, None)
    await app.svc.store.r.delete(app.svc.store.k("incident", 200))  # a number whose record is not there
    clock.set(datetime(2026, 12, 10, 12, 0, tzinfo=SH))
    summary = {row[0]: row[1] for row in await _sheet(desk, app, "last_month", "概要")}
    assert summary["求助"] == 30 and summary["🙋求助"] == 30


async def _age_asked(app, people):
    """刘奶奶, whose age the register does not know, asks how much the 老年综合津贴 is; the bot asks her age."""
    person = await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000003"))
    await app.svc.store.save_resident({**person, "birth_date": ""})
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("老年综合津贴每个月多少钱")
    assert "多大年纪" in liu.last().text
    return liu


@pytest.mark.parametrize("reply", ["不记得了", "一百五"])
async def test_an_age_reply_the_bot_cannot_read_is_no_second_question_and_staff_get_the_question(desk, app, people,
                                                                                                reply):
    liu = await _age_asked(app, people)
    await liu.send(reply)
    await liu.click(liu.last("问社工"), "问社工")
    li = people("李社工")  # on duty on Monday morning
    assert f"老年综合津贴每个月多少钱（问年纪时答：{reply}）" in li.last("居民提问").text
    await li.send("/questions")
    listed = li.last("待处理的居民提问").text
    assert listed.count("老年综合津贴每个月多少钱") == 1 and f"] {reply}" not in listed  # the question once, not her reply
    assert {row[0]: row[1:] for row in await _sheet(desk, app, "month", "提问")} == {"老年综合津贴": (1, 0)}


async def test_the_same_question_again_instead_of_an_age_is_not_counted_again(desk, app, people):
    liu = await _age_asked(app, people)
    await liu.send("到底多少钱")
    assert "多大年纪" in liu.last().text
    await liu.send("78")
    assert "150" in liu.last("来源").text
    assert {row[0]: row[1:] for row in await _sheet(desk, app, "month", "提问")} == {"老年综合津贴": (1, 0)}


async def test_a_new_question_instead_of_an_age_counts_as_the_new_question(desk, app, people):
    liu = await _age_asked(app, people)
    await liu.send("长护险怎么申请")
    assert "来源" in liu.last().text
    rows = {row[0]: row[1:] for row in await _sheet(desk, app, "month", "提问")}
    assert rows == {"老年综合津贴": (1, 0), "长期护理保险（长护险）": (1, 0)}, rows
