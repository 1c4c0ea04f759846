"""One scheduler per process (issue 16): every committee's deadlines and check-ins are woken by one job that reads what
is due for all of them in one Redis round trip, and wakes only a committee with something due, each on its own.

Each tick here is what APScheduler runs every `tick_seconds` (its interval jobs, run once by hand); what a tick set
going is waited for by its outcome (what staff or residents receive), never by the wall clock.
"""
import asyncio
import logging
import uuid

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_SUBMITTED
from apscheduler.triggers.interval import IntervalTrigger
from redis import Redis as SyncRedis
from redis.asyncio import Redis
from redis.asyncio.connection import AbstractConnection

import bot.engine
from bot.checkins import Checkins
from bot.engine import Engine
from bot.testing.tools import Person, RecordingMessenger
from conftest import TUESDAY_9, enrolled, signed_up
from scheduler import make_scheduler


def people_of(app):
    """A committee's residents and staff as chat partners (as the `people` fixture, for any app)."""
    def person(name: str) -> Person:
        staff = {st.name: st.telegram_id for st in app.settings.staff}
        return Person(app, staff.get(name) or 5000 + len(name) * 7 + sum(map(ord, name)) % 1000, name)
    return person


async def committees(make_app, settings, *ids: str, **kw) -> list:
    """Committees of one process: each its own key prefix and messenger, one Redis connection pool between them."""
    apps = []
    for cid in ids:
        s = settings.model_copy(update={"committee": cid})
        apps.append(await make_app(settings_=s, prefix_=f"t{uuid.uuid4().hex[:8]}:{{{cid}}}:", **kw))
    return apps


def interval_jobs(sched) -> list:
    return [job for job in sched.get_jobs() if isinstance(job.trigger, IntervalTrigger)]


async def one_tick(sched) -> None:
    """What APScheduler starts at each tick: its interval jobs, side by side (the features' cron jobs are not due)."""
    await asyncio.gather(*(job.func(*job.args) for job in interval_jobs(sched)))


async def until(condition, timeout: float = 10) -> None:
    """Waits for an outcome (a message received); the timeout only bounds a failure."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def packets(person) -> int:
    return sum("紧急求助 #1" in m.text for m in person.inbox)


async def called_for_help(app):
    """王老伯 presses 🆘 on a Monday morning: level 1 (王社工 and 陈书记 too) is due 3 minutes later."""
    people = people_of(app)
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    return people("王社工")


async def test_a_deadline_due_in_one_committee_fires_within_a_tick_while_the_others_have_nothing(
        make_app, settings, clock):
    a, b = await committees(make_app, settings, "a", "b")
    wa_b = await called_for_help(b)
    sched = make_scheduler([a.engine, b.engine])
    await one_tick(sched)
    await settled(sched)  # at start every committee's duty check is due (bot/incidents/reach.py): done
    assert packets(wa_b) == 0  # the escalation is not due yet
    clock.advance(3.1 * 60)
    await one_tick(sched)
    await until(lambda: packets(wa_b) == 1)
    assert packets(people_of(a)("王社工")) == 0


async def test_a_check_in_due_in_one_committee_goes_out_within_a_tick(make_app, settings, clock):
    a, b = await committees(make_app, settings, "a", "b")
    zhang, _ = await enrolled(people_of(b), b)
    sched = make_scheduler([a.engine, b.engine])
    clock.set(TUESDAY_9)
    await one_tick(sched)
    await until(lambda: any("早上好" in t for t in zhang.texts()))


async def test_a_committee_whose_redis_read_fails_does_not_stop_the_others_and_is_tried_again(
        make_app, settings, clock, caplog):
    a, b = await committees(make_app, settings, "a", "b")
    wa_a, wa_b = await called_for_help(a), await called_for_help(b)
    deadlines_a = a.svc.store.keys.deadlines()
    due_a = await a.redis.zrange(deadlines_a, 0, -1, withscores=True)
    await a.redis.delete(deadlines_a)
    await a.redis.set(deadlines_a, "not a sorted set")  # committee a's timers cannot be read (WRONGTYPE)
    sched = make_scheduler([a.engine, b.engine])
    clock.advance(3.1 * 60)
    with caplog.at_level(logging.WARNING, logger="scheduler"):
        await one_tick(sched)
        await until(lambda: packets(wa_b) == 1)
        await one_tick(sched)  # still failing: not logged again
        failures = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(failures) == 1 and "committee a" in failures[0] and "committee b" not in failures[0]
        await a.redis.delete(deadlines_a)
        await a.redis.zadd(deadlines_a, dict(due_a))  # repaired: the next tick finds a's escalation
        await one_tick(sched)
        await until(lambda: packets(wa_a) == 1)
    assert packets(wa_b) == 1


async def test_redis_away_for_a_while_is_logged_once_and_the_next_tick_catches_up(make_app, settings, clock, caplog):
    a, b = await committees(make_app, settings, "a", "b")
    wa_b = await called_for_help(b)
    sched = make_scheduler([a.engine, b.engine])
    live, dead = b.svc.store.r, Redis.from_url("redis://127.0.0.1:1")  # nothing listens there
    clock.advance(3.1 * 60)
    try:
        with caplog.at_level(logging.WARNING, logger="scheduler"):
            a.svc.store.r = b.svc.store.r = dead
            for _ in range(3):
                await one_tick(sched)
            a.svc.store.r = b.svc.store.r = live
            await one_tick(sched)
            await until(lambda: packets(wa_b) == 1)
    finally:
        a.svc.store.r = b.svc.store.r = live
        await dead.aclose()
    failures = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(failures) == 1 and "committee a" in failures[0] and "committee b" in failures[0]


async def test_fifty_idle_committees_cost_one_round_trip_a_tick_and_wake_none(
        make_app, settings, clock, redis_server, monkeypatch):
    shared = Redis.from_url(redis_server.url)
    try:
        apps = await committees(make_app, settings, *(f"c{i:03d}" for i in range(50)), redis=shared, nlu=False,
                                kb=False)
        for app in apps[:5]:  # some have a resident enrolled (due tomorrow at nine), some a call being escalated
            await enrolled(people_of(app), app)
        for app in apps[5:10]:
            await called_for_help(app)
        sched = make_scheduler([app.engine for app in apps])
        await one_tick(sched)  # at start every committee's duty check is due (bot/incidents/reach.py): done
        await settled(sched)
        woken = []

        async def tick(self, limit=200):
            woken.append(("tick", self.svc.settings.committee))
            return 0

        async def kick(self):
            woken.append(("kick", self.svc.settings.committee))

        monkeypatch.setattr(Engine, "tick", tick)
        monkeypatch.setattr(Checkins, "kick", kick)
        trips = []
        real_send = AbstractConnection.send_packed_command

        async def counted(self, command, check_health=True):
            trips.append(1)
            return await real_send(self, command, check_health)

        monkeypatch.setattr(AbstractConnection, "send_packed_command", counted)
        with SyncRedis.from_url(redis_server.url) as counter:  # Redis's own count, outside the bot's client
            before = commands(counter)
            for _ in range(3):
                await one_tick(sched)
            ran = {k: n - before.get(k, 0) for k, n in commands(counter).items() if n != before.get(k, 0)}
        assert len(trips) == 3 and woken == []
        assert ran == {"evalsha": 150, "zrange": 450, "get": 450}  # per tick one script a committee (by its digest,
        # not its text), reading its three queues, how often a staff member's language changed (bot/staff_langs.py)
        # and the incident counter and the calls named later (a call opened or named by another worker:
        # bot/incidents/outage_pace.py)
    finally:
        await shared.aclose()


async def test_the_wake_up_survives_redis_forgetting_its_scripts_and_the_escalation_goes_out_on_that_tick(
        make_app, settings, clock, caplog):
    """A Redis restart, or a failover to a replica, forgets every script the bot had loaded (SCRIPT FLUSH here):
    the wake-up loads its own again rather than failing every tick."""
    a, b = await committees(make_app, settings, "a", "b")
    wa_b = await called_for_help(b)
    sched = make_scheduler([a.engine, b.engine])
    await one_tick(sched)
    await settled(sched)
    await b.redis.script_flush()
    clock.advance(3.1 * 60)
    with caplog.at_level(logging.WARNING, logger="scheduler"):
        await one_tick(sched)
        await until(lambda: packets(wa_b) == 1)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def commands(r) -> dict[str, int]:
    """The commands Redis has run, by name (INFO commandstats), scripts' own calls included."""
    return {k.removeprefix("cmdstat_"): v["calls"] for k, v in r.info("commandstats").items() if k != "cmdstat_info"}


async def settled(sched) -> None:
    """Until what the ticks so far set going has finished."""
    for job in interval_jobs(sched):
        if settle := getattr(getattr(job.func, "__self__", None), "settle", None):
            await settle()


async def test_a_slow_deadline_in_one_committee_does_not_hold_up_anothers_escalation(
        make_app, settings, clock, monkeypatch):
    monkeypatch.setattr(bot.engine, "TICK_WAIT_SECONDS", 60)  # a deadline tick waits this long for a slow send
    held = asyncio.Event()
    held.set()

    class Held(RecordingMessenger):  # committee a's Telegram answers nothing while `held` is clear
        async def deliver(self, msg):
            await held.wait()
            return await super().deliver(msg)

    (a,), (b,) = await committees(make_app, settings, "a", messenger=Held()), await committees(make_app, settings, "b")
    wa_a, wa_b = await called_for_help(a), await called_for_help(b)
    ticks, runs = [], []
    real_tick = Engine.tick

    async def counted(self, limit=200):
        ticks.append(self.svc.settings.committee)
        return await real_tick(self, limit)

    monkeypatch.setattr(Engine, "tick", counted)
    sched = make_scheduler([a.engine, b.engine], tick_seconds=0.05)
    sched.add_listener(lambda event: runs.append(event.job_id), EVENT_JOB_SUBMITTED | EVENT_JOB_MAX_INSTANCES)
    sched.start()
    try:
        await until(lambda: ticks.count("a") >= 1 and ticks.count("b") >= 1)  # the duty checks at start
        await until(lambda: not a.engine._tick_tasks and not b.engine._tick_tasks)
        held.clear()
        ticks.clear()
        clock.advance(3.1 * 60)  # both committees' level 1 falls due; a's alert hangs on its way
        await until(lambda: packets(wa_b) == 1)
        assert packets(wa_a) == 0
        clock.advance(5 * 60)  # a's level 2 falls due, and level 1's lease runs out: b's goes out
        await until(lambda: packets(wa_b) == 2)
        seen = len(runs)
        await until(lambda: len(runs) >= seen + 5)  # five more ticks while a's first is stuck
        assert ticks.count("a") == 1  # never a second tick of a's beside the one still running
        held.set()
        await until(lambda: packets(wa_a) == 2)
    finally:
        sched.shutdown(wait=False)
        held.set()


async def test_committees_without_an_id_still_get_one_scheduler_each_with_its_own_jobs(make_app, settings, clock):
    """A deployment built from bare settings (no committee ids): the features' jobs do not clash at start."""
    a, b = [await make_app(prefix_=f"t{uuid.uuid4().hex[:8]}:") for _ in range(2)]
    wa_b = await called_for_help(b)
    sched = make_scheduler([a.engine, b.engine])
    assert sorted(job.id for job in sched.get_jobs() if job.id.startswith("agebands")) == ["agebands:0", "agebands:1"]
    clock.advance(3.1 * 60)
    await one_tick(sched)
    await until(lambda: packets(wa_b) == 1)


async def test_a_stop_while_the_wake_up_reads_redis_is_quiet(make_app, monkeypatch, caplog):
    """The bot stops (console /quit, SIGTERM) while a tick waits on a slow Redis: no job error and traceback in the log,
    as a stop under load otherwise printed (tests/test_console.py saw it on stderr)."""
    import scheduler

    app = await make_app()
    reading, real = asyncio.Event(), scheduler.earliest_due

    async def slow_read(stores):
        reading.set()
        await asyncio.sleep(0.3)  # Redis answering slowly on a busy machine
        return await real(stores)

    monkeypatch.setattr(scheduler, "earliest_due", slow_read)
    app.start_scheduler(tick_seconds=0.05)
    with caplog.at_level(logging.INFO):
        await asyncio.wait_for(reading.wait(), 10)
        await app.close()
        await asyncio.sleep(0.1)  # a cancelled job reports itself on the loop's next turns
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_a_job_still_running_at_its_next_tick_is_skipped_without_a_warning_on_the_operators_screen(
        app, caplog):
    """On a busy machine a per-second job (the outage job) may still run when its next second comes: that run is
    skipped, as designed (one at a time); the console's screen and the operator's log show no warning for it (the
    console's 'Saturday 12:00' run printed APScheduler's on stderr under load)."""
    from scheduler import ONE_AT_A_TIME

    skipped = []
    release = asyncio.Event()

    async def slow() -> None:
        await release.wait()

    sched = make_scheduler([app.engine], tick_seconds=60)
    sched.add_job(slow, "interval", seconds=0.05, id="slow", **ONE_AT_A_TIME)
    sched.add_listener(lambda event: skipped.append(event.job_id), EVENT_JOB_MAX_INSTANCES)
    caplog.set_level(logging.WARNING)
    sched.start()
    try:
        await until(lambda: "slow" in skipped)
    finally:
        release.set()
        sched.shutdown(wait=False)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
