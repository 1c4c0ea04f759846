"""At night an old person shut out of her home is at risk (the cold, the dark stairwell), though no emergency. Before
(session 19 probe, Monday 23:30): "我进不去家门了 钥匙丢了" reached the on-duty phone only, the next staff member after
31 minutes, the head after two hours and her family never — a sleeping duty phone left her outside half an hour. Now,
at night, her call reaches every colleague and the head within minutes and her family (who may have a key) soon
after, staff read that she is outside at night; by day, and for ordinary requests at night, the pace is as before."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import signed_up

NIGHT = datetime(2026, 11, 23, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # Monday: 王社工 is on duty


async def _asks(people, app, clock, words, when=NIGHT):
    clock.set(when)
    daughter = await signed_up(people("王丽"), "13911110002")
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    return wang, daughter


async def _after(app, clock, minutes):
    clock.advance(minutes=minutes)
    await app.engine.tick()
    await app.engine.tick()


def _has_call(person):
    return [t for t in person.texts() if "#1" in t]


@pytest.mark.parametrize("words", ["我进不去家门了 钥匙丢了", "钥匙忘带了 进不了家门", "我被关在门外了",
                                   "门锁坏了 我在外面进不去"])
async def test_shut_out_at_night_reaches_every_colleague_the_head_and_her_family_within_minutes(people, app, clock,
                                                                                               words):
    wang, daughter = await _asks(people, app, clock, words)
    on_duty, li, head = people("王社工"), people("李社工"), people("陈书记")
    assert any("夜里" in t and "门外" in t for t in _has_call(on_duty)), on_duty.texts()
    assert not _has_call(li)
    assert any("邻居" in t or "门卫" in t for t in wang.texts()), wang.texts()
    await _after(app, clock, 6)
    assert _has_call(li) and _has_call(head), (li.texts(), head.texts())
    assert not _has_call(daughter)
    await _after(app, clock, 10)
    assert _has_call(daughter), daughter.texts()


async def test_shut_out_by_day_keeps_the_requests_pace(people, app, clock):
    wang, daughter = await _asks(people, app, clock, "我进不去家门了 钥匙丢了", when=NIGHT.replace(hour=10))
    wang_staff = people("王社工")  # not on duty by day
    await _after(app, clock, 16)
    assert not _has_call(wang_staff) and not _has_call(daughter)


@pytest.mark.parametrize("words", ["我要登记", "厕所堵了"])
async def test_an_ordinary_request_at_night_keeps_its_pace(people, app, clock, words):
    wang, daughter = await _asks(people, app, clock, words)
    li, head = people("李社工"), people("陈书记")
    await _after(app, clock, 16)
    assert not _has_call(li) and not _has_call(head) and not _has_call(daughter)


async def test_his_daughter_telling_he_is_shut_out_at_night_gets_the_same_pace_and_is_asked_about_a_key(people, app,
                                                                                                        clock):
    """Before: a plain request ("✏️ 其他") at the day's pace."""
    clock.set(NIGHT)
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.send("我爸进不去家门了 钥匙丢了")
    assert any("门外" in t for t in _has_call(people("王社工")))
    assert "钥匙" in daughter.texts()[-1], daughter.texts()
    await _after(app, clock, 6)
    assert _has_call(people("李社工")) and _has_call(people("陈书记"))
