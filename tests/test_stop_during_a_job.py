"""The bot stops (console /quit, SIGTERM, a test's stop) while a feature's job is running — the outage job writing the
register's snapshot a moment after a sign-up: APScheduler cancelled it and logged "Outage.job raised an exception" with
a traceback (tests/test_e2e_telegram_away.py saw it on stderr, session 21). Only the wake-up tick was waited for; every
job running at the stop now finishes first (within the grace)."""
import asyncio
import logging


async def test_a_stop_while_the_outage_job_runs_is_quiet_and_lets_it_finish(make_app, caplog):
    app = await make_app()
    outage = app.svc.outage
    running, finished, real = asyncio.Event(), asyncio.Event(), outage.known.refresh

    async def slow_refresh():
        running.set()
        await asyncio.sleep(0.3)  # the snapshot written on a busy disk
        await real()
        finished.set()

    outage.known.refresh = slow_refresh
    app.start_scheduler(tick_seconds=0.05)
    with caplog.at_level(logging.INFO):
        await asyncio.wait_for(running.wait(), 10)
        await app.close()
        await asyncio.sleep(0.1)  # a cancelled job reports itself on the loop's next turns
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert finished.is_set()
