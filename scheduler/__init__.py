"""APScheduler jobs. One job per process wakes the committees that have something due: due times live in Redis, so
a restart loses nothing. No feature logic lives here.

Every `tick_seconds` the wake-up job reads each committee's earliest deadline and check-in step in one Redis round
trip (bot/store/due.py) and, for a committee with something due by its clock, starts its deadline tick
(`run_deadlines`) and/or its check-in drain (`Checkins.kick`), each as its own task: one committee's backlog never
holds up another's, and a committee's tick never runs twice at once. An idle committee costs one short read a tick.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot import staff_langs
from bot.store import earliest_due

log = logging.getLogger(__name__)
ONE_AT_A_TIME = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}


class SkippedRunIsDebug(logging.Filter):
    """A job that runs every second (the wake-up, the outage job) and is still running when its next second comes is
    skipped once and runs on the next tick (`max_instances` 1, `coalesce`): its design on a busy machine, not news
    for the operator. APScheduler logs each skip as a WARNING (on the console's screen too); it is DEBUG here."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "maximum number of running instances reached" in str(record.msg):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)
        return True


_SKIPS = SkippedRunIsDebug()


async def run_deadlines(engine) -> None:
    """Escalations, address time-outs, check-in steps: everything whose time has come."""
    try:
        while await engine.tick() >= 200:
            pass  # a backlog (after downtime) is drained in batches
    except Exception:
        log.exception("deadline tick failed")


async def kick_checkins(engine) -> None:
    """Starts the check-in drain of whoever is due unless one runs already (bot/checkins/ladder.py)."""
    try:
        await engine.svc.checkins.kick()
    except Exception:
        log.exception("check-in drain could not start")


class Waker:
    """The wake-up job's state: each committee's deadline tick and check-in kick in flight, and the committees whose
    read failed (logged once when it starts failing and once when it works again)."""

    def __init__(self, engines: list) -> None:
        self.engines, self.names = engines, [name or "-" for name in names(engines)]
        self._running: dict[tuple[int, str], asyncio.Task] = {}
        self._failing: set[int] = set()
        self.idle = asyncio.Event()  # no tick in flight (`stop` waits for it)
        self.idle.set()

    async def tick(self) -> None:
        self.idle.clear()
        try:
            await self._tick()
        finally:
            self.idle.set()

    async def _tick(self) -> None:
        nows = [engine.svc.clock.ts() for engine in self.engines]  # read first: what is due by now is due
        answers = await earliest_due([engine.svc.store for engine in self.engines])
        failed = []
        for i, (engine, now, due) in enumerate(zip(self.engines, nows, answers)):
            if isinstance(due, Exception):
                failed.append((i, due))
                continue
            if i in self._failing:
                self._failing.discard(i)
                log.warning("committee %s: what is due can be read again", self.names[i])
            if due.deadline is not None and due.deadline <= now:
                self._wake(i, "deadlines", run_deadlines, engine)
            if due.checkin is not None and due.checkin <= now:
                self._wake(i, "checkins", kick_checkins, engine)
            if due.langs != engine.svc.staff_langs_seen:  # another worker heard a staff member change language
                self._wake(i, "langs", staff_langs.follow, engine.svc, due.langs)
            if engine.svc.outage is not None:  # a call opened by any worker: who has an open call is read again
                engine.svc.outage.chatter.seq_seen(due.seq)
        if news := [(i, e) for i, e in failed if i not in self._failing]:
            self._failing.update(i for i, _ in news)
            log.error("could not read what is due (tried again every tick): %s",
                      ", ".join(f"committee {self.names[i]}: {type(e).__name__}" for i, e in news))

    def _wake(self, i: int, what: str, func, *args) -> None:
        """Starts `func(*args)` as its own task unless this committee's previous one is still running."""
        task = self._running.get((i, what))
        if task is not None and not task.done():
            return
        self._running[(i, what)] = asyncio.ensure_future(func(*args))

    async def settle(self) -> None:
        """Waits for what the last ticks started (tests; a drain goes on in its own task)."""
        await asyncio.gather(*self._running.values(), return_exceptions=True)


async def stop(sched, grace: float = 2.0) -> None:
    """Shuts the scheduler down after the wake-up tick in flight (one short Redis read) and any other job running
    (the outage job writing a snapshot…), at most `grace` seconds: APScheduler cancels a running job at shutdown and
    logs that as the job's error, traceback and all."""
    if not sched.running:
        return
    sched.pause()
    wake = sched.get_job("wake")
    if wake is not None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.func.__self__.idle.wait(), grace)
    # APScheduler 3.11 offers no way to wait for running jobs (AsyncIOExecutor.shutdown cancels them): its futures
    running = [f for ex in getattr(sched, "_executors", {}).values() for f in getattr(ex, "_pending_futures", ())]
    if running:
        await asyncio.wait(running, timeout=grace)
    sched.shutdown(wait=False)


def names(engines: list) -> list[str | None]:
    """Each committee's id (its place in `engines` when it has none; None for a process's only committee)."""
    return [e.svc.settings.committee or (str(n) if len(engines) > 1 else None) for n, e in enumerate(engines)]


def make_scheduler(engines, tick_seconds: float = 1.0, timezone: str = "Asia/Shanghai") -> AsyncIOScheduler:
    """The wake-up job for every committee of the process (`engines`: one engine, or a list), then the jobs features
    declared (e.g. the age-band messages at 10:00), each committee's with an id ending in `:<committee>` (its place
    in `engines` when it has no id)."""
    engines = list(engines) if isinstance(engines, (list, tuple)) else [engines]
    sched = AsyncIOScheduler(timezone=timezone)
    sched._logger.addFilter(_SKIPS)  # the logger it reports a skipped run on (apscheduler.scheduler)
    sched.add_job(Waker(engines).tick, "interval", seconds=tick_seconds, id="wake", **ONE_AT_A_TIME)
    for engine, committee in zip(engines, names(engines)):
        own = (lambda job_id: f"{job_id}:{committee}") if committee else (lambda job_id: job_id)
        for job in engine.routes.jobs:  # each feature's own jobs, declared in its routes.py
            sched.add_job(**{**job, "id": own(job["id"])})
    return sched
