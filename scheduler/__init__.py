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


def make_scheduler(engines, tick_seconds: float = 1.0, timezone: str = "Asia/Shanghai") -> AsyncIOScheduler:
    """The deadline tick and the wake-up of the check-in drain, each running one at a time; then the jobs features
    declared (e.g. the age-band messages at 10:00). `engines`: one engine, or every committee's in this process
    (each its own jobs, so one committee's backlog never holds up another's; ids end in `:<committee>`)."""
    sched = AsyncIOScheduler(timezone=timezone)
    for engine in engines if isinstance(engines, (list, tuple)) else [engines]:
        committee = engine.svc.settings.committee
        own = (lambda job_id: f"{job_id}:{committee}") if committee else (lambda job_id: job_id)
        sched.add_job(run_deadlines, "interval", seconds=tick_seconds, args=[engine], id=own("deadlines"),
                      **ONE_AT_A_TIME)
        # kick starts a drain of whoever is due unless one runs already (bot/checkins/ladder.py)
        sched.add_job(engine.svc.checkins.kick, "interval", seconds=1, id=own("checkins"), **ONE_AT_A_TIME)
        for job in engine.routes.jobs:  # each feature's own jobs, declared in its routes.py
            sched.add_job(**{**job, "id": own(job["id"])})
    return sched
