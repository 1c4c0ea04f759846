"""李社工 switched to English with /lang, on the worker that got her message. Another worker process of the committee
kept her old language until it next read them all (before an escalation round): a 🆘 landing there reached her in
Chinese (probe, session 20). Now every worker hears of the change at its next wake-up (once a second, the scheduler's)
and the alert it sends her is in English."""
from __future__ import annotations

from conftest import signed_up

from bot.testing.tools import Person, RecordingMessenger
from scheduler import Waker

LI = 1001  # on duty by the clock fixture (Monday 10:00)


async def woken(app) -> None:
    """The scheduler's wake-up job, once (it runs every second), and what it started."""
    waker = Waker([app.engine])
    await waker.tick()
    await waker.settle()


async def test_a_language_chosen_on_one_worker_is_the_one_anothers_first_alert_speaks(make_app):
    app1 = await make_app(messenger=RecordingMessenger())
    app2 = await make_app(messenger=RecordingMessenger())  # another worker on the same Redis and prefix
    await Person(app1, LI, "李社工").send("/lang en")
    assert "English" in Person(app1, LI).last().text or "language" in Person(app1, LI).last().text.lower()
    await woken(app2)  # a second later: worker 2's wake-up job

    wang = await signed_up(Person(app2, 6001, "王老伯"), "13900000002")
    await wang.send("救命")  # this call lands on worker 2
    alert = Person(app2, LI).last("#1").text
    assert "EMERGENCY #1" in alert, alert

    await wang.send("我没事")  # (his call stays open; staff close it)
    await Person(app2, LI, "李社工").click(Person(app2, LI).last("#1"), "Resolve")

    await Person(app1, LI, "李社工").send("/lang zh")  # and back to Chinese: heard by worker 2 as well
    await woken(app2)
    zhang = await signed_up(Person(app2, 6002, "张阿姨"), "13900000001")
    await zhang.send("救命")
    assert "紧急求助 #2" in Person(app2, LI).last("#2").text
