"""Follow-ups of an incident somebody has arrived at but nobody closed are capped and keep quiet at night: a helper
who went home and forgot ✅ 已解决 must not wake every colleague hourly until morning (they would mute the bot and
miss a real 🆘). Calls nobody has claimed, and claims nobody arrived at, are never held back or capped."""
from datetime import datetime
from zoneinfo import ZoneInfo

from aiohttp.test_utils import TestClient, TestServer
from conftest import signed_up

from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, sign_in
from bot.testing.tools import Person, RecordingMessenger

SH = ZoneInfo("Asia/Shanghai")
FOLLOW_UP = "还没有结案"


async def arrived_at(people, app, clock, when: datetime):
    """王老伯 calls at `when`; 王社工 claims it and presses 已到达 at once, then goes home."""
    clock.set(when)
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    wa = people("王社工")
    await wa.press_data(1, "inc:claim:1")
    await wa.press_data(1, "inc:arrive:1")
    assert (await app.svc.store.incident(1))["status"] == "arrived"
    return wa, people("李社工"), people("陈书记")


async def until(app, clock, when: datetime, staff, every: float = 10) -> list[list[str]]:
    """Ticks every `every` minutes up to `when` as the scheduler would; what each of `staff` was newly sent."""
    seen = [len(p.inbox) for p in staff]
    while clock.now() < when:
        clock.advance(minutes=min(every, (when - clock.now()).total_seconds() / 60))
        await app.engine.tick()
    return [[m.text for m in p.inbox[k:]] for p, k in zip(staff, seen)]


def people_of(app):
    """Chat partners of an app built with other settings (the `people` fixture's are the default app's)."""
    ids = {st.name: st.telegram_id for st in app.settings.staff} | {"王老伯": 7002}
    return lambda name: Person(app, ids[name], name)


def follow_ups(texts: list[str]) -> int:
    return sum(FOLLOW_UP in t for t in texts)


def cut_off_sends_to(app, person) -> None:
    """The worker dies (a power cut) the moment it sends `person` anything: what it recorded before stays."""
    real = app.svc.outbox.send

    async def power_cut(msg, **kw):
        if msg.chat_id == person.id:
            raise RuntimeError("power cut")
        return await real(msg, **kw)

    app.svc.outbox.send = power_cut


async def restarted(make_app, app):
    """A new process on the same Redis: nothing in memory survives."""
    return await make_app(prefix_=app.settings.redis.prefix, messenger=RecordingMessenger())


async def test_three_follow_ups_then_the_head_is_told_once_and_the_reminders_stop(people, app, clock):
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    heard = await until(app, clock, datetime(2026, 11, 23, 13, 5, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [3, 2, 2]  # the claimer at 11:00, then all staff at 12:00 and 13:00
    heard = await until(app, clock, datetime(2026, 11, 23, 14, 5, tzinfo=SH), (wa, li, chen))
    assert heard[0] == [] and heard[1] == []  # 14:00: no fourth round for the staff
    note = chen.last("不再提醒")
    assert "#1" in note.text and "3" in note.text and "✅ 已解决" in [b[0] for b in note.buttons]
    heard = await until(app, clock, datetime(2026, 11, 25, 14, 0, tzinfo=SH), (wa, li, chen))
    assert heard == [[], [], []]  # two days on: nobody pinged again
    await chen.click(note, "已解决")
    await chen.click(chen.last("结果是"), "已处理")
    assert (await app.svc.store.incident(1))["status"] == "resolved"


async def test_the_desk_lists_an_incident_whose_reminders_stopped(people, app, clock):
    await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    try:
        await until(app, clock, datetime(2026, 11, 23, 13, 5, tzinfo=SH), ())
        await sign_in(client, 1003, clock.ts())  # 陈书记, the head
        html = await (await client.get("/now/list")).text()
        assert "#1" in html and "不再提醒" not in html
        await until(app, clock, datetime(2026, 11, 23, 14, 5, tzinfo=SH), ())
        await sign_in(client, 1003, clock.ts())  # the session ran out meanwhile
        html = await (await client.get("/now/list")).text()
        assert "#1" in html and "不再提醒" in html
    finally:
        await client.close()


async def test_follow_ups_wait_for_the_quiet_hours_to_end(people, app, clock):
    """Quiet hours 21:30–07:00 (config.yaml). Arrived at 20:00: the claimer is asked at 21:00; the next follow-up
    (22:00) waits for 07:00 and is the same one, to all staff; 08:00 the last; 09:00 the head."""
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 20, 0, tzinfo=SH))
    heard = await until(app, clock, datetime(2026, 11, 23, 21, 5, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [1, 0, 0]
    heard = await until(app, clock, datetime(2026, 11, 24, 6, 59, tzinfo=SH), (wa, li, chen))
    assert heard == [[], [], []]  # a quiet night
    heard = await until(app, clock, datetime(2026, 11, 24, 7, 1, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [1, 1, 1]
    heard = await until(app, clock, datetime(2026, 11, 24, 8, 5, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [1, 1, 1]
    heard = await until(app, clock, datetime(2026, 11, 24, 9, 5, tzinfo=SH), (wa, li, chen))
    assert heard[:2] == [[], []] and len(heard[2]) == 1 and "不再提醒" in heard[2][0]


async def test_an_arrival_late_at_night_is_first_followed_up_in_the_morning_by_asking_the_claimer(people, app, clock):
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 23, 0, tzinfo=SH))
    heard = await until(app, clock, datetime(2026, 11, 24, 6, 59, tzinfo=SH), (wa, li, chen))
    assert heard == [[], [], []]
    heard = await until(app, clock, datetime(2026, 11, 24, 7, 1, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [1, 0, 0]


async def test_a_new_sos_at_3am_escalates_and_keeps_escalating_in_quiet_hours(people, app, clock):
    clock.set(datetime(2026, 11, 24, 3, 0, tzinfo=SH))  # Tuesday 03:00: 王社工's night shift (Monday's)
    wang = await signed_up(people("王老伯"), "13900000002")
    wa, li, chen = people("王社工"), people("李社工"), people("陈书记")
    await wang.send("🆘 紧急求助")
    assert "紧急求助 #1" in wa.last().text
    heard = await until(app, clock, datetime(2026, 11, 24, 3, 4, tzinfo=SH), (li, chen), every=1)
    assert all(any("没人接单" in t for t in h) for h in heard)  # 03:03: all staff and the head
    heard = await until(app, clock, datetime(2026, 11, 24, 3, 40, tzinfo=SH), (chen,), every=1)
    assert sum("没人接单" in t for t in heard[0]) >= 6  # 03:08, then every 5 minutes: never capped


async def test_a_claim_nobody_arrived_at_is_chased_all_night(people, app, clock):
    clock.set(datetime(2026, 11, 24, 3, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    wa, li, chen = people("王社工"), people("李社工"), people("陈书记")
    await wa.press_data(1, "inc:claim:1")
    heard = await until(app, clock, datetime(2026, 11, 24, 4, 0, tzinfo=SH), (li, chen), every=1)
    assert all(sum("还没有到达" in t for t in h) >= 5 for h in heard)  # 03:30, then every 5 minutes


async def test_a_new_sos_at_3am_on_an_arrived_incident_escalates(people, app, clock):
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 22, 0, tzinfo=SH))
    await until(app, clock, datetime(2026, 11, 24, 3, 0, tzinfo=SH), ())
    await people("王老伯").send("救命，我又摔倒了")
    assert "又发来紧急求助" in wa.last().text
    heard = await until(app, clock, datetime(2026, 11, 24, 3, 4, tzinfo=SH), (chen,), every=1)
    assert any("又发来紧急求助" in t for t in heard[0])


async def test_without_quiet_hours_follow_ups_go_at_night_but_still_stop(make_app, settings, clock):
    """A committee that configured no quiet hours gets its follow-ups at any hour, as its check-in reminders;
    the cap still ends them: arrived at 22:00, the head is told at 02:00 and that is all."""
    app = await make_app(settings_=settings.model_copy(
        update={"checkin": settings.checkin.model_copy(update={"quiet_hours": None})}))
    wa, li, chen = await arrived_at(people_of(app), app, clock, datetime(2026, 11, 23, 22, 0, tzinfo=SH))
    heard = await until(app, clock, datetime(2026, 11, 24, 1, 5, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [3, 2, 2]
    heard = await until(app, clock, datetime(2026, 11, 24, 9, 0, tzinfo=SH), (wa, li, chen))
    assert heard[:2] == [[], []] and len(heard[2]) == 1 and "不再提醒" in heard[2][0]


async def test_the_number_of_follow_ups_is_the_policys(make_app, settings, clock):
    esc = settings.escalation
    app = await make_app(settings_=settings.model_copy(update={"escalation": esc.model_copy(
        update={"emergency": esc.emergency.model_copy(update={"arrived_followup_max": 1})})}))
    wa, li, chen = await arrived_at(people_of(app), app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    heard = await until(app, clock, datetime(2026, 11, 23, 11, 5, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [1, 0, 0]
    heard = await until(app, clock, datetime(2026, 11, 23, 15, 0, tzinfo=SH), (wa, li, chen))
    assert heard[:2] == [[], []] and len(heard[2]) == 1 and "已提醒1次" in heard[2][0]


async def test_a_worker_killed_before_the_head_hears_the_reminders_stopped_is_followed_by_one_note(
        people, app, clock, make_app):
    """The last follow-up's interval ends: the worker records that the reminders stop, then dies before the head's
    "🔕 不再提醒" leaves (a power cut mid-send). Another process takes the step up once its lease runs out: the head
    hears it once, and never again."""
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await until(app, clock, datetime(2026, 11, 23, 13, 5, tzinfo=SH), ())  # the three follow-ups
    cut_off_sends_to(app, chen)
    await until(app, clock, datetime(2026, 11, 23, 14, 1, tzinfo=SH), ())
    assert not any("不再提醒" in t for t in chen.texts()) and (await app.svc.store.incident(1))["followup_stopped"]
    after = await restarted(make_app, app)
    head = Person(after, chen.id, "陈书记")
    heard = await until(after, clock, datetime(2026, 11, 23, 14, 3, tzinfo=SH), (head,), every=0.5)
    assert sum("不再提醒" in t for t in heard[0]) == 1
    heard = await until(after, clock, datetime(2026, 11, 24, 14, 0, tzinfo=SH), (head,))
    assert heard == [[]]  # once
    told = [e for e in await after.svc.store.timeline(1) if e["event"] == "alerted"
            and e["reason"] == "alert.followup_stopped"]
    assert [e["to"] for e in told] == [["陈书记"]]


async def test_a_new_sos_on_an_arrived_incident_replaces_its_pending_follow_up(people, app, clock):
    """王老伯 presses 🆘 again two minutes before the second follow-up is due: staff are chasing a live emergency
    (the renewed call escalates), so no "还没有结案?" comes beside it. Once someone is there again (已到达), the
    follow-ups start over: the claimer is asked an interval later."""
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    heard = await until(app, clock, datetime(2026, 11, 23, 11, 58, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [1, 0, 0]
    await people("王老伯").send("救命，我又摔倒了")
    assert "又发来紧急求助" in wa.last().text and "又发来紧急求助" in li.last().text
    heard = await until(app, clock, datetime(2026, 11, 23, 12, 0, 30, tzinfo=SH), (wa, li, chen), every=0.5)
    assert heard == [[], [], []]  # 12:00, when the second follow-up was due: nothing (12:01: the renewal escalates)
    heard = await until(app, clock, datetime(2026, 11, 23, 12, 2, tzinfo=SH), (li, chen), every=0.5)
    assert all(any("又发来紧急求助" in t for t in h) for h in heard)
    await wa.click(wa.last("又发来紧急求助"), "我来处理")
    await wa.press_data(1, "inc:arrive:1")  # 12:02: there again
    heard = await until(app, clock, datetime(2026, 11, 23, 13, 5, tzinfo=SH), (wa, li, chen))
    assert [follow_ups(h) for h in heard] == [1, 0, 0]  # 13:02: the claimer, as after the first arrival
    steps = [e["step"] for e in await app.svc.store.timeline(1) if e["event"] == "followup"]
    assert steps == [1, 1]


async def test_open_marks_an_incident_whose_reminders_stopped(people, app, clock):
    """Staff's /open says what the desk's Now list says: this one gets no more reminders, the head follows it up.
    A new 🆘 from the resident lifts it (the renewed call is chased again)."""
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await until(app, clock, datetime(2026, 11, 23, 13, 5, tzinfo=SH), ())
    await li.send("/open")
    assert "#1" in li.last("待处理").text and "不再提醒" not in li.last("待处理").text
    await until(app, clock, datetime(2026, 11, 23, 14, 5, tzinfo=SH), ())
    await li.send("/open")
    line = next(line for line in li.last("待处理").text.splitlines() if "不再提醒" in line)
    assert "🔕" in line and "提醒3次" in line
    await people("王老伯").send("🆘 紧急求助")
    await li.send("/open")
    assert "#1" in li.last("待处理").text and "不再提醒" not in li.last("待处理").text


async def test_a_worker_killed_before_a_follow_up_leaves_is_followed_by_it_once(people, app, clock, make_app):
    """11:00, the first follow-up: the worker records it and dies before 王社工 is asked. Another process asks him
    once its lease runs out, once; the next follow-up keeps its time (12:00, all staff)."""
    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    cut_off_sends_to(app, wa)
    await until(app, clock, datetime(2026, 11, 23, 11, 0, tzinfo=SH), ())
    assert follow_ups(wa.texts()) == 0 and (await app.svc.store.incident(1))["followup"] == 1
    after = await restarted(make_app, app)
    staff = [Person(after, p.id, p.name) for p in (wa, li, chen)]
    heard = await until(after, clock, datetime(2026, 11, 23, 11, 3, tzinfo=SH), staff, every=0.5)
    assert [follow_ups(h) for h in heard] == [1, 0, 0]
    heard = await until(after, clock, datetime(2026, 11, 23, 12, 5, tzinfo=SH), staff)
    assert [follow_ups(h) for h in heard] == [1, 1, 1]  # 12:00, as planned
    assert [e["step"] for e in await after.svc.store.timeline(1) if e["event"] == "followup"] == [1, 2]
