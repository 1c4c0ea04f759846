"""APScheduler jobs. They only wake the engine and the check-in drain: due times live in Redis, so a restart loses
nothing. No feature logic lives here."""
from __future__ import annotations

import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger(__name__)
ONE_AT_A_TIME = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}


async def run_deadlines(engine) -> None:
    """Escalations, address time-outs, check-in steps: everything whose time has come."""
    try:
        while await engine.tick() >= 200:
            pass  # a backlog (after downtime) is drained in batches
    except Exception:
        log.exception("deadline tick failed")


def make_scheduler(engine, tick_seconds: float = 1.0, timezone: str = "Asia/Shanghai") -> AsyncIOScheduler:
    """The deadline tick and the wake-up of the check-in drain, each running one at a time; then the jobs features
    declared (e.g. the age-band messages at 10:00)."""
    sched = AsyncIOScheduler(timezone=timezone)
    sched.add_job(run_deadlines, "interval", seconds=tick_seconds, args=[engine], id="deadlines", **ONE_AT_A_TIME)
    # kick starts a drain of whoever is due unless one runs already (bot/checkins/ladder.py)
    sched.add_job(engine.svc.checkins.kick, "interval", seconds=1, id="checkins", **ONE_AT_A_TIME)
    for job in engine.routes.jobs:  # each feature's own jobs, declared in its routes.py
        sched.add_job(**job)
    return sched
