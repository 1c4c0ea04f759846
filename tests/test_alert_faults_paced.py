"""Calls for help whose alerts reach no staff member while Telegram fails (5xx), and what the others hear
(tests/test_alert_faults.py, tests/test_alert_faults_more.py: the rounds are sent again 30 s later).

王老伯's call was claimed by 王社工; at 10:00 he cries again ("救命，我又摔倒了") while Telegram answers 502 to every
staff chat for a minute. The retry gets the new cry to the staff once Telegram is back: the renewal's later levels
keep their pace, as an unclaimed call's do. His daughter 王丽 (its level 2, eight minutes on) is not alarmed within
seconds because Telegram failed for a minute.
"""
from __future__ import annotations

from datetime import datetime

from conftest import signed_up
from test_alert_faults import telegram_down
from test_alert_faults_more import RENEWED, heard, seen, ticks
from test_incident_followups import SH


def told(person, needle: str) -> int:
    return sum(needle in m.text for m in person.inbox)


async def test_a_renewed_cry_telegram_failed_for_a_minute_keeps_its_pace_to_the_family(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")  # his daughter: the renewal's level 2 reaches her
    await wang.send("🆘 紧急求助")
    await people("王社工").press_data(1, "inc:claim:1")
    over, before = telegram_down(app), seen(people)
    await wang.send("救命，我又摔倒了")
    await app.engine.tick()
    await ticks(app, clock, 1, 50)
    over.append(True)  # Telegram answers again, a minute after the new cry
    await ticks(app, clock, 4, 15)  # 10:01:50
    assert all(heard(people, before)), "the staff do not have the new cry two minutes after it"
    assert told(wangli, "发出求助（#1）") == 0, "his daughter alarmed because Telegram failed for a minute"
    await ticks(app, clock, 11, 30)  # 10:07:20: nobody has answered the new cry, its level 2 is not due yet
    assert told(wangli, "发出求助（#1）") == 0
    await ticks(app, clock, 3, 30)  # 10:08:50
    assert told(wangli, "发出求助（#1）") == 1  # the renewal still escalates, at its pace
    assert heard(people, before, RENEWED)[1] >= 1
