"""A new 🆘 on a claimed or arrived incident is a new urgent call (Incidents.renew). Its alerts must survive the
worker dying between recording a step and sending it, as a first alert and an escalation do: the renewal's first
round was only followed up when its level-1 deadline came (3 minutes later), and a renewal escalation recorded
but not sent was lost."""
from datetime import datetime

from conftest import signed_up
from test_incident_followups import SH, arrived_at, restarted, until

from bot.testing.tools import Person

RENEWED = "又发来紧急求助"


def power_cut_in(app, method: str) -> None:
    """The worker dies (a power cut) the moment Incidents.`method` would send: what it recorded before stays."""
    async def dies(*args, **kwargs):
        raise RuntimeError("power cut")

    setattr(app.svc.incidents, method, dies)


async def test_a_renewed_sos_whose_worker_died_before_alerting_reaches_staff_within_seconds(people, app, clock,
                                                                                           make_app):
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    power_cut_in(app, "_renewed_alert")
    try:
        await people("王老伯").send("救命，我又摔倒了")
    except RuntimeError:
        pass
    assert (await app.svc.store.incident(1))["renewed"]
    after = await restarted(make_app, app)
    staff = [Person(after, p.id, p.name) for p in (wa, li)]
    heard = await until(after, clock, datetime(2026, 11, 23, 10, 1, tzinfo=SH), staff, every=0.25)
    assert [sum(RENEWED in t for t in h) for h in heard] == [1, 1]  # the claimer and the on-duty, once each


async def test_a_renewal_escalation_recorded_but_not_sent_is_sent_by_another_worker(people, app, clock, make_app):
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await people("王老伯").send("救命，我又摔倒了")
    assert RENEWED in li.last().text
    real = app.svc.incidents._renewed_alert

    async def dies_at_level_one(inc, level, reason, **kw):
        if level >= 1:
            raise RuntimeError("power cut")
        return await real(inc, level, reason, **kw)

    app.svc.incidents._renewed_alert = dies_at_level_one
    await until(app, clock, datetime(2026, 11, 23, 10, 3, 30, tzinfo=SH), (), every=0.5)  # level 1 falls due at 10:03
    assert (await app.svc.store.incident(1))["renew_level"] == 1
    after = await restarted(make_app, app)
    staff = [Person(after, chen.id, chen.name)]
    heard = await until(after, clock, datetime(2026, 11, 23, 10, 6, tzinfo=SH), staff, every=0.5)
    assert sum(RENEWED in t for t in heard[0]) == 1  # 陈书记 (the head, level 1), before level 2 at 10:08


async def test_a_claim_without_arrival_whose_worker_died_before_alerting_is_told_by_another_worker(people, app, clock,
                                                                                                make_app):
    """王社工 claims at 10:00 and never arrives: at 10:30 all staff must hear it. The worker moved the reminder to
    10:35 before sending it and died: nobody heard until 10:35."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    wa, li = people("王社工"), people("李社工")
    await wa.press_data(1, "inc:claim:1")
    real = app.svc.incidents._alert

    async def dies_on_no_arrival(n, level, audience=None, reason="", **kw):
        if reason == "alert.no_arrival":
            raise RuntimeError("power cut")
        return await real(n, level, audience, reason, **kw)

    app.svc.incidents._alert = dies_on_no_arrival
    await until(app, clock, datetime(2026, 11, 23, 10, 30, 30, tzinfo=SH), (), every=0.5)
    after = await restarted(make_app, app)
    staff = [Person(after, li.id, li.name)]
    heard = await until(after, clock, datetime(2026, 11, 23, 10, 33, tzinfo=SH), staff, every=0.5)
    assert sum("还没有到达" in t for t in heard[0]) == 1
