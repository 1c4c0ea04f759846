"""APScheduler jobs. They only wake the engine: due times live in Redis, so a restart loses nothing."""
from __future__ import annotations

import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger(__name__)


async def run_deadlines(engine) -> None:
    """Escalations, address time-outs, check-in steps: everything whose time has come."""
    try:
        while await engine.tick() >= 200:
            pass  # a backlog (after downtime) is drained in batches
    except Exception:
        log.exception("deadline tick failed")


def make_scheduler(engine, tick_seconds: float = 1.0, timezone: str = "Asia/Shanghai") -> AsyncIOScheduler:
    sched = AsyncIOScheduler(timezone=timezone)
    sched.add_job(run_deadlines, "interval", seconds=tick_seconds, args=[engine], id="deadlines",
                  max_instances=1, coalesce=True, misfire_grace_time=None)
    for job in engine.routes.jobs:  # each feature's own jobs, declared in its routes.py
        sched.add_job(**job)
    return sched
