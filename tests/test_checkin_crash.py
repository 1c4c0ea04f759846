"""The check-in ladder when the worker dies between recording a step and sending its message (staged as in
tests/test_renew_crash.py: the sending raises, then a new process on the same Redis runs on). A missed check-in
must still reach staff, and the resident's reminder must still come, once each."""
from conftest import TUESDAY_9, at, enrolled
from test_incident_followups import restarted, until

from bot.testing.tools import Person

REMINDER = "还没收到您今天的回复"


def power_cut_on(app, tag: str) -> None:
    """The worker dies the moment it sends a message tagged `tag`."""
    real = app.svc.outbox.send

    async def dies(msg, *args, **kwargs):
        if msg.tag.startswith(tag):
            raise RuntimeError("power cut")
        return await real(msg, *args, **kwargs)

    app.svc.outbox.send = dies


async def test_a_missed_check_in_whose_worker_died_before_alerting_reaches_staff_within_seconds(people, app, clock,
                                                                                               make_app):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await at(app, clock, TUESDAY_9.replace(minute=30))

    async def dies(n):
        raise RuntimeError("power cut")

    app.svc.incidents.alert_first = dies
    await at(app, clock, TUESDAY_9.replace(hour=10))  # the miss is recorded (an incident), its alert never left
    after = await restarted(make_app, app)
    li = Person(after, people("李社工").id, "李社工")
    heard = await until(after, clock, TUESDAY_9.replace(hour=10, minute=1), [li], every=0.25)
    await at(after, clock, TUESDAY_9.replace(hour=10, minute=5))
    assert sum("签到无回复 #1" in t for t in heard[0]) == 1
    assert sum("签到无回复" in m.text for m in li.inbox) == 1


async def test_a_reminder_whose_worker_died_before_sending_it_still_comes_once(people, app, clock, make_app):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    power_cut_on(app, "checkin-reminder")
    await at(app, clock, TUESDAY_9.replace(minute=30))
    after = await restarted(make_app, app)
    me = Person(after, zhang.id, "张阿姨")
    for minute in range(31, 40):  # the drain runs on as the scheduler would
        await at(after, clock, TUESDAY_9.replace(minute=minute))
    assert sum(REMINDER in m.text for m in me.inbox) == 1
