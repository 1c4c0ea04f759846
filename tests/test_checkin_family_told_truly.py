"""张阿姨 missed her check-in; an hour on, her son 张明 is told. Before: he read "社工正在去看看" even while Telegram
failed (5xx) for every staff chat and no staff member had been reached — so nobody phoned her. Now, while no staff
member has it, he reads that staff are not reached yet and is asked to phone her (as a cry's family is:
alert.family_intro_unreached); once a staff member is reached, his message says they are going to see her."""
from __future__ import annotations

from conftest import TUESDAY_9, at, enrolled, signed_up
from test_alert_faults import telegram_down
from test_alert_faults_more import ticks

GOING = "社工正在去看看"


async def _missed_until_family_told(people, app, clock):
    zhang, _ = await enrolled(people, app)
    son = await signed_up(people("张明"), "13911110001")
    await at(app, clock, TUESDAY_9)
    await at(app, clock, TUESDAY_9.replace(minute=30))
    return zhang, son


async def test_her_son_is_not_told_staff_are_going_while_no_staff_member_was_reached(people, app, clock):
    zhang, son = await _missed_until_family_told(people, app, clock)
    over = telegram_down(app)
    for hour, minute in ((10, 0), (10, 21), (11, 1)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
        await app.engine.tick()
    told = son.last("签到").text
    assert GOING not in told, told
    assert "还没联系上社工" in told and "打" in told and "电话" in told, told
    over.append(True)  # Telegram answers again: a staff member has it now
    await ticks(app, clock, 4, 30)
    assert "签到无回复 #1" in people("李社工").last("签到无回复").text
    assert GOING in son.last("签到").text  # his message, brought up to date


async def test_her_son_reads_staff_are_going_when_they_have_it(people, app, clock):
    zhang, son = await _missed_until_family_told(people, app, clock)
    for hour, minute in ((10, 0), (10, 21), (11, 1)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
        await app.engine.tick()
    assert GOING in son.last("签到").text
