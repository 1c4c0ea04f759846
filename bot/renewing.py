"""A lease renewed while its work runs, and surely stopped when the work ends.

Cancelling the renewal is not enough: on Python 3.11 a cancel that comes as a renewal's answer does is lost (redis-py
sends each command in asyncio.wait_for, which returns a call that ended just as it was cancelled), and a renewal
`while True` went on for ever — the lease of work that had failed never ran out, and the tick never took it up again
(tests/test_lease_renewal_ends.py). So the renewal also stops at a flag, checked after every wait."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Renewing:
    """`async with Renewing(every, renew, what):` calls `renew()` every `every` seconds (real time) while the block
    runs; a failed renewal is logged (`what`: no personal data) and the next one tried."""

    def __init__(self, every: float, renew: Callable[[], Awaitable], what: str) -> None:
        self.every, self.renew, self.what = every, renew, what
        self.ending = False
        self.task: asyncio.Task | None = None

    async def __aenter__(self) -> Renewing:
        self.task = asyncio.ensure_future(self._run())
        return self

    async def _run(self) -> None:
        while not self.ending:
            await asyncio.sleep(self.every)
            if self.ending:
                return
            try:
                if await self.renew() is False:  # the lease is someone else's now
                    return
            except Exception as e:  # Redis away for a moment: the next renewal may get through
                log.warning("%s: lease not renewed (%s)", self.what, type(e).__name__)

    async def __aexit__(self, *exc) -> None:
        self.ending = True
        self.task.cancel()
