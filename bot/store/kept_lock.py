"""A lock kept while its holder works (a call's, a person's): an alert round may outlive the lock's lifetime (each
urgent send may take `telegram.urgent_send_seconds`, and a round sends several in turn). Short-lived all the same,
so a lock left by a crashed process holds the others back by seconds: its keeper dies with it."""
from __future__ import annotations

import asyncio
import logging

from redis.exceptions import LockError, LockNotOwnedError, RedisError

log = logging.getLogger(__name__)


class KeptLock:
    """`async with`: the lock (LockError if not had within `blocking_timeout`), renewed every third of its
    lifetime until released. One that ran out all the same (Redis unreachable too long) is logged once, never raised:
    the work done under it is written down already, and its timer must not take it for "busy, try again"."""

    def __init__(self, lock, what: str, seconds: float) -> None:
        self.lock, self.what, self.seconds = lock, what, seconds  # `what`: logged, so never whose it is
        self.keeper: asyncio.Task | None = None
        self.lost = False
        self.ending = False  # the work is done: the keeper stops (also when its cancel was swallowed)

    async def __aenter__(self) -> KeptLock:
        if not await self.lock.acquire():
            raise LockError("Unable to acquire lock within the time specified")
        self.keeper = asyncio.ensure_future(self._keep())
        return self

    async def _keep(self) -> None:
        # not `while True`: on Python 3.11 a cancel that comes as a renewal's answer does is lost (redis-py sends each
        # command in asyncio.wait_for), and the keeper renewed for ever — the lock never let go
        while not self.ending:
            await asyncio.sleep(self.seconds / 3)
            try:
                await self.lock.reacquire()
            except LockNotOwnedError:
                self._lost()
                return
            except (RedisError, OSError):  # tried again at the next third: the lock may outlast a short fault
                continue

    def _lost(self) -> None:
        if not self.lost:
            self.lost = True
            log.warning("the lock of %s ran out while its work went on", self.what)

    async def __aexit__(self, *exc) -> None:
        self.ending = True
        if self.keeper is not None:
            self.keeper.cancel()
            await asyncio.gather(self.keeper, return_exceptions=True)
        try:
            await self.lock.release()
        except LockNotOwnedError:
            self._lost()
