"""A district's 09:00 storm: every committee's check-ins share a few places in flight for the whole process, and
a call for help in one committee is never kept waiting behind another committee's check-ins.

With 50 committees in one worker, 16 check-ins in flight each put 800 on one event loop and its Redis pool, and a
resident's 🆘 took seconds to reach staff (bench/README.md, bench_scale.py item 5)."""
from __future__ import annotations

import asyncio

from bot import outbox as outbox_module
from bot.committees import load_committees
from bot.district import District
from bot.lanes import CHECKINS_IN_FLIGHT
from bot.testing.tools import Person, RecordingMessenger
from tests.conftest import TUESDAY_9
from tests.test_burst import residents
from tests.test_committees import A_STAFF, env_for, two_committee_config


class Flight:
    """Check-ins on their way to Telegram at once, across every committee of the process."""

    def __init__(self) -> None:
        self.now = self.most = self.sent = 0


class SlowTelegram(RecordingMessenger):
    """Takes a moment over each check-in (a real network), counting those on their way."""

    def __init__(self, flight: Flight, hold_alerts: asyncio.Event | None = None) -> None:
        super().__init__()
        self.flight, self.hold_alerts = flight, hold_alerts
        self.alert_started = asyncio.Event()

    async def deliver(self, msg):
        if msg.tag.startswith("alert:") and self.hold_alerts is not None:
            self.alert_started.set()
            await self.hold_alerts.wait()  # Telegram slow to take the staff alert: the urgent lane stays held
        if not msg.tag.startswith("checkin:"):
            return await super().deliver(msg)
        self.flight.now += 1
        self.flight.most = max(self.flight.most, self.flight.now)
        try:
            await asyncio.sleep(0.02)
            return await super().deliver(msg)
        finally:
            self.flight.now -= 1
            self.flight.sent += 1


async def district_with_checkins_due(tmp_path, redis_server, clock, nlu_model, knowledge_base, messengers,
                                     due: dict[str, int]) -> District:
    committees = load_committees(two_committee_config(tmp_path), env_for(redis_server))
    district = await District.open(committees, clock=clock, nlu=nlu_model, kb=knowledge_base, messengers=messengers)
    for cid, count in due.items():
        app = district.apps[cid]
        for p in await residents(app, count, first_tg=700000 + 10000 * (cid == "b")):
            rid = (await app.svc.store.resident_by_tg(p.id))["id"]
            await app.svc.checkins.enrol(rid)
    clock.set(TUESDAY_9)
    return district


async def test_check_ins_in_flight_are_capped_for_the_whole_process_not_per_committee(
        tmp_path, redis_server, clock, nlu_model, knowledge_base):
    flight = Flight()
    district = await district_with_checkins_due(
        tmp_path, redis_server, clock, nlu_model, knowledge_base,
        {"a": SlowTelegram(flight), "b": SlowTelegram(flight)}, {"a": 60, "b": 60})
    try:
        await asyncio.gather(*(a.svc.checkins.run_due() for a in district.apps.values()))
        assert flight.sent == 120  # everyone got their 早上好 ...
        assert flight.most <= CHECKINS_IN_FLIGHT  # ... never more on their way at once than the process allows
    finally:
        await district.close()


async def test_a_call_for_help_in_one_committee_stops_new_check_ins_in_another(
        tmp_path, redis_server, clock, nlu_model, knowledge_base, monkeypatch):
    monkeypatch.setattr(outbox_module, "URGENT_HOLD_SECONDS", 60)  # Telegram's slowness is ours to end, not a timer's
    flight, hold = Flight(), asyncio.Event()
    a_telegram = SlowTelegram(flight, hold_alerts=hold)
    district = await district_with_checkins_due(
        tmp_path, redis_server, clock, nlu_model, knowledge_base,
        {"a": a_telegram, "b": SlowTelegram(flight)}, {"b": 150})
    try:
        a, b = district.apps["a"], district.apps["b"]
        a.svc.outbox.lanes.max_wait = 60
        (caller,) = await residents(a, 1, first_tg=990000)
        storm = asyncio.create_task(b.svc.checkins.run_due())
        while flight.sent < 5:  # the storm is under way in committee b
            await asyncio.sleep(0.001)
        cry = asyncio.create_task(caller.send("🆘 紧急求助"))
        await asyncio.wait_for(a_telegram.alert_started.wait(), 10)
        started = flight.sent
        for _ in range(200):  # while a's alert is on its way, b's storm may only finish what it had started
            await asyncio.sleep(0.005)
            if flight.sent > started + CHECKINS_IN_FLIGHT:
                break
        during = flight.sent - started
        hold.set()
        await cry
        await storm
        assert during <= CHECKINS_IN_FLIGHT, f"{during} check-ins sent while a call for help waited"
        staff = Person(a, A_STAFF, "甲社工")
        assert any("紧急求助 #" in s.text for s in staff.inbox)
        assert flight.sent == 150  # and the storm went on afterwards: nobody's 早上好 was lost
    finally:
        hold.set()
        await district.close()


async def test_a_check_in_step_reads_the_register_row_once(tmp_path, redis_server, clock, nlu_model, knowledge_base):
    flight = Flight()
    district = await district_with_checkins_due(tmp_path, redis_server, clock, nlu_model, knowledge_base,
                                                {"a": SlowTelegram(flight), "b": RecordingMessenger()}, {"a": 3})
    try:
        store = district.apps["a"].svc.store
        reads = []
        real, real_batch = store.resident, store.checkin_batch

        async def resident(rid):
            reads.append(rid)
            return await real(rid)

        async def checkin_batch(rids):
            reads.extend(rids)
            return await real_batch(rids)

        store.resident, store.checkin_batch = resident, checkin_batch
        await district.apps["a"].svc.checkins.run_due()
        assert flight.sent == 3
        assert len(reads) == 3  # one read of the register row per check-in sent, not one per lock taken
    finally:
        await district.close()


async def test_check_ins_wait_while_a_staff_alert_waits_for_its_slot(
        tmp_path, redis_server, clock, nlu_model, knowledge_base, monkeypatch):
    """The alert's own wait for Telegram's pace (a Redis round trip, a slot) is part of its way out: check-ins that
    keep the event loop busy meanwhile make that wait longer."""
    monkeypatch.setattr(outbox_module, "URGENT_HOLD_SECONDS", 60)
    flight, slot = Flight(), asyncio.Event()
    district = await district_with_checkins_due(
        tmp_path, redis_server, clock, nlu_model, knowledge_base,
        {"a": SlowTelegram(flight), "b": SlowTelegram(flight)}, {"b": 150})
    try:
        a, b = district.apps["a"], district.apps["b"]
        a.svc.outbox.lanes.max_wait = 60
        waiting = asyncio.Event()

        class Pace:  # Telegram's pace keeps a staff alert a moment; nothing else waits
            async def acquire(self, chat_id, urgent=False, **_):
                if urgent == 0:
                    waiting.set()
                    await slot.wait()

            def penalise(self, chat_id, retry_after):
                pass

        a.svc.outbox.limiter = Pace()
        (caller,) = await residents(a, 1, first_tg=990000)
        storm = asyncio.create_task(b.svc.checkins.run_due())
        while flight.sent < 5:
            await asyncio.sleep(0.001)
        cry = asyncio.create_task(caller.send("🆘 紧急求助"))
        await asyncio.wait_for(waiting.wait(), 10)
        started = flight.sent
        for _ in range(100):
            await asyncio.sleep(0.005)
        during = flight.sent - started
        slot.set()
        await cry
        await storm
        assert during <= CHECKINS_IN_FLIGHT, f"{during} check-ins sent while a staff alert waited for its slot"
        assert any("紧急求助 #" in s.text for s in Person(a, A_STAFF, "甲社工").inbox)
        assert flight.sent == 150
    finally:
        slot.set()
        await district.close()


async def test_a_storm_keeps_a_few_steps_alive_not_one_for_every_resident_due(
        tmp_path, redis_server, clock, nlu_model, knowledge_base):
    """A step for every resident leased (a batch and a half in each of 50 committees) waiting its turn is thousands
    of live tasks: the collector's full passes over them stopped the worker for hundreds of ms (bench_scale), and a
    🆘 waited that long."""
    flight, alive = Flight(), []

    class Counting(SlowTelegram):
        async def deliver(self, msg):
            alive.append(len(asyncio.all_tasks()))
            return await super().deliver(msg)

    district = await district_with_checkins_due(tmp_path, redis_server, clock, nlu_model, knowledge_base,
                                                {"a": Counting(flight), "b": Counting(flight)}, {"a": 150, "b": 150})
    try:
        idle = len(asyncio.all_tasks())
        await asyncio.gather(*(a.svc.checkins.run_due() for a in district.apps.values()))
        assert flight.sent == 300
        assert max(alive) - idle <= 2 * CHECKINS_IN_FLIGHT, f"{max(alive) - idle} tasks alive at once"  # was 162
    finally:
        await district.close()
