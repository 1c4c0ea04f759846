"""Stopping work under way at shutdown, within a bound.

A cancel may be swallowed: on Python 3.11, asyncio.wait_for returns the result of a call that ended just as it was
cancelled (redis-py wraps every command it sends in one), and the task goes on as if never told. Cancelled once and
awaited without end, such a task held the app's close: an alert's full packets waited up to 30 s for the packet of
a cancelled call listed above them (bot/incidents/packet_order.py). So what is still running is cancelled again,
every AGAIN_SECONDS, and given up at the bound (logged: it dies with the process)."""
from __future__ import annotations

import asyncio
import logging

AGAIN_SECONDS = 0.5
log = logging.getLogger(__name__)


async def cancel_all(tasks, within: float) -> None:
    """Cancels `tasks` (cancelled again while one is still running) and waits for them, `within` seconds at most."""
    left = [t for t in tasks if not t.done()]
    loop = asyncio.get_running_loop()
    until = loop.time() + within
    while left and (wait := until - loop.time()) > 0:
        for task in left:
            task.cancel()
        _, still = await asyncio.wait(left, timeout=min(AGAIN_SECONDS, wait))
        left = list(still)
    for task in left:
        task.cancel()
    if left:
        log.warning("%s tasks still running at shutdown, left to the process's end", len(left))
