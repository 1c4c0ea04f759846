"""The time-sensitive scenarios at the instants where the sample roster bites, on the test's own clock:
who gets a 🆘 and its escalation early on a Monday, at a weekend noon, in the last half minute of a day, and
across the minute the day shift hands over to the night shift."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import signed_up

SHANGHAI = ZoneInfo("Asia/Shanghai")
STAFF = ("李社工", "王社工", "陈书记")
INSTANTS = {
    "Monday 05:00": (datetime(2026, 11, 23, 5, 0, tzinfo=SHANGHAI), "王社工"),
    "Saturday 12:00": (datetime(2026, 11, 28, 12, 0, tzinfo=SHANGHAI), "王社工"),
    "Tuesday 23:59:30": (datetime(2026, 11, 24, 23, 59, 30, tzinfo=SHANGHAI), "李社工"),
    "Monday 19:59:30": (datetime(2026, 11, 23, 19, 59, 30, tzinfo=SHANGHAI), "李社工"),
}


def alerted(people, needle: str) -> list[str]:
    return [name for name in STAFF if any(needle in t for t in people(name).texts())]


@pytest.mark.parametrize("instant", INSTANTS)
async def test_a_call_reaches_whoever_is_on_duty_then_everyone(people, app, clock, instant):
    at, on_duty = INSTANTS[instant]
    clock.set(at)
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    assert alerted(people, "紧急求助 #1") == [on_duty]
    assert f"现在值班：{on_duty}" in (await people(on_duty).send("🕒 值班"))[-1].text
    clock.advance(minutes=3.1)  # past midnight, or into the next shift
    await app.engine.tick()
    assert alerted(people, "紧急求助 #1") == list(STAFF)


async def test_the_minute_the_shift_changes_the_next_call_goes_to_the_night_shift(people, app, clock):
    clock.set(datetime(2026, 11, 23, 19, 59, 30, tzinfo=SHANGHAI))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    clock.set(datetime(2026, 11, 23, 20, 0, 0, tzinfo=SHANGHAI))
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert alerted(people, "紧急求助 #1") == ["李社工"]
    assert alerted(people, "紧急求助 #2") == ["王社工"]
