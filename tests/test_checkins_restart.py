"""Restart-safe check-ins: caught up once after an outage, never sent twice, quiet nights respected."""
import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.testing.tools import Person, RecordingMessenger
from conftest import signed_up

SH = ZoneInfo("Asia/Shanghai")
TUESDAY_9 = datetime(2026, 11, 24, 9, 0, tzinfo=SH)
RESIDENTS = (("张阿姨", "13900000001"), ("王老伯", "13900000002"), ("刘奶奶", "13900000003"))


async def enrol_all(people, app):
    out = []
    for name, phone in RESIDENTS:
        person = await signed_up(people(name), phone)
        rid = (await app.svc.store.resident_by_tg(person.id))["id"]
        await app.svc.checkins.enrol(rid)
        out.append(person)
    return out


def sent(app, chat_id, tag="checkin:") -> list:
    return [m for m in app.svc.outbox.messenger.log if m.chat_id == chat_id and m.tag.startswith(tag) and not m.edit]


async def restarted(make_app, app):
    """A new process on the same Redis: nothing in memory survives."""
    return await make_app(prefix_=app.settings.redis.prefix, messenger=RecordingMessenger())


async def test_a_check_in_missed_during_an_outage_is_sent_on_start_and_its_window_counts_from_then(
        people, app, clock, make_app):
    zhang, *_ = await enrol_all(people, app)
    clock.set(TUESDAY_9.replace(hour=10, minute=30))  # down from before nine until half past ten
    after = await restarted(make_app, app)
    cis = after.svc.checkins
    await cis.run_due()
    assert len(sent(after, zhang.id)) == 1 and sent(app, zhang.id) == []
    await cis.run_due()
    assert len(sent(after, zhang.id)) == 1  # once
    clock.set(TUESDAY_9.replace(hour=10, minute=59))
    await cis.run_due()
    assert sent(after, zhang.id, "checkin-reminder") == []
    clock.set(TUESDAY_9.replace(hour=11))
    await cis.run_due()
    assert len(sent(after, zhang.id, "checkin-reminder")) == 1


async def test_two_processes_draining_at_once_send_each_check_in_once(people, app, clock, make_app):
    residents = await enrol_all(people, app)
    other = await restarted(make_app, app)
    clock.set(TUESDAY_9)
    await asyncio.gather(app.svc.checkins.run_due(), other.svc.checkins.run_due())
    for person in residents:
        assert len(sent(app, person.id)) + len(sent(other, person.id)) == 1


async def test_a_crash_between_recording_and_sending_sends_it_once_after_the_lease(people, app, clock, make_app):
    zhang, *_ = await enrol_all(people, app)

    async def power_cut(msg, **kw):
        raise RuntimeError("power cut")

    app.svc.outbox.send = power_cut
    clock.set(TUESDAY_9)
    await app.svc.checkins.run_due()
    after = await restarted(make_app, app)
    cis = after.svc.checkins
    clock.set(TUESDAY_9.replace(minute=1))
    await cis.run_due()
    assert sent(after, zhang.id) == []  # still leased to the process that died
    clock.set(TUESDAY_9.replace(minute=2, second=1))
    await cis.run_due()
    await cis.run_due()
    assert len(sent(after, zhang.id)) == 1
    clock.set(TUESDAY_9.replace(minute=31))
    await cis.run_due()
    assert sent(after, zhang.id, "checkin-reminder") == []  # 30 minutes from the real send, not from nine
    clock.set(TUESDAY_9.replace(minute=32, second=2))
    await cis.run_due()
    assert len(sent(after, zhang.id, "checkin-reminder")) == 1


async def test_overnight_outage_alerts_staff_about_yesterday_and_asks_today_once(people, app, clock, make_app):
    zhang, *_ = await enrol_all(people, app)
    clock.set(TUESDAY_9)
    await app.svc.checkins.run_due()
    clock.set(TUESDAY_9.replace(day=25, hour=10, minute=30))  # down from 09:10 Tuesday to 10:30 Wednesday
    after = await restarted(make_app, app)
    await after.svc.checkins.run_due()
    assert "签到无回复" in Person(after, 1001).last().text
    assert len(sent(after, zhang.id)) == 1 and sent(after, zhang.id, "checkin-reminder") == []


async def test_a_day_lost_to_an_outage_is_not_asked_late(people, app, clock, make_app):
    zhang, *_ = await enrol_all(people, app)
    clock.set(TUESDAY_9.replace(day=25, hour=8))  # down all of Tuesday
    after = await restarted(make_app, app)
    cis = after.svc.checkins
    await cis.run_due()
    assert sent(after, zhang.id) == []
    clock.set(TUESDAY_9.replace(day=25))
    await cis.run_due()
    assert len(sent(after, zhang.id)) == 1


async def test_quiet_hours_hold_the_evening_reminder_but_not_the_staff_alert(people, app, clock):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    cis = app.svc.checkins
    await cis.enrol("r1", ["21:00"])
    for hm in ((21, 0), (21, 30), (21, 59)):
        clock.set(TUESDAY_9.replace(hour=hm[0], minute=hm[1]))
        await cis.run_due()
    assert len(sent(app, zhang.id)) == 1 and sent(app, zhang.id, "checkin-reminder") == []
    clock.set(TUESDAY_9.replace(hour=22))
    await cis.run_due()
    assert "签到无回复 #1" in people("李社工").last().text  # on night duty on Tuesdays: woken, as escalations must


async def test_quiet_hours_delay_an_early_reminder_to_seven(people, make_app, clock, settings):
    s = settings.model_copy(update={"checkin": settings.checkin.model_copy(update={"window_minutes": 60})})
    app = await make_app(settings_=s)
    zhang = await signed_up(Person(app, 5101, "张阿姨"), "13900000001")
    cis = app.svc.checkins
    await cis.enrol("r1", ["05:30"])
    for hm in ((5, 30), (6, 30), (6, 59)):
        clock.set(TUESDAY_9.replace(hour=hm[0], minute=hm[1]))
        await cis.run_due()
    assert len(sent(app, zhang.id)) == 1 and sent(app, zhang.id, "checkin-reminder") == []
    clock.set(TUESDAY_9.replace(hour=7))
    await cis.run_due()
    assert len(sent(app, zhang.id, "checkin-reminder")) == 1


async def test_blocked_resident_shows_as_undeliverable_and_is_tried_again_tomorrow(people, app, clock):
    zhang, *_ = await enrol_all(people, app)
    app.svc.outbox.messenger.blocked.add(zhang.id)
    clock.set(TUESDAY_9)
    await app.svc.checkins.run_due()
    li = people("李社工")
    await li.send("/checkins")
    assert "📵 发不出去 1：张阿姨" in li.last().text
    app.svc.outbox.messenger.blocked.clear()
    clock.set(TUESDAY_9.replace(day=25))
    await app.svc.checkins.run_due()
    assert sum(1 for m in sent(app, zhang.id)) == 2  # tried Tuesday (blocked), delivered Wednesday


async def test_the_scheduler_job_only_wakes_the_drain(people, app, clock):
    from scheduler import make_scheduler

    zhang, *_ = await enrol_all(people, app)
    job = make_scheduler(app.engine).get_job("wake")
    assert job is not None and job.trigger.interval.total_seconds() == 1
    clock.set(TUESDAY_9)
    await job.func()  # what APScheduler runs every second
    await job.func()  # a second wake-up while the first drain runs starts nothing new
    await job.func.__self__.settle()
    await app.svc.checkins.ladder._drain
    assert len(sent(app, zhang.id)) == 1
