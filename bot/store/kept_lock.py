"""A lock kept while its holder works (a call's, a person's): an alert round may outlive the lock's lifetime (each
urgent send may take `telegram.urgent_send_seconds`, and a round sends several in turn). Short-lived all the same,
so a lock left by a crashed process holds the others back by seconds: its keeper dies with it."""
from __future__ import annotations

import asyncio
import logging

from redis.exceptions import LockError, LockNotOwnedError

from ..renewing import Renewing

log = logging.getLogger(__name__)


class KeptLock:
    """`async with`: the lock (LockError if not had within `blocking_timeout`), renewed every third of its
    lifetime until released. One that ran out all the same (Redis unreachable too long) is logged once, never raised:
    the work done under it is written down already, and its timer must not take it for "busy, try again"."""

    def __init__(self, lock, what: str, seconds: float) -> None:
        self.lock, self.what, self.seconds = lock, what, seconds  # `what`: logged, so never whose it is
        self.keeper: Renewing | None = None
        self.lost = False

    async def __aenter__(self) -> KeptLock:
        if not await self.lock.acquire():
            raise LockError("Unable to acquire lock within the time specified")
        self.keeper = Renewing(self.seconds / 3, self._renew, f"the lock of {self.what}")
        await self.keeper.__aenter__()
        return self

    async def _renew(self) -> bool:
        """One renewal; False once the lock is someone else's (the keeper stops). A Redis fault: tried again at the
        next third (bot/renewing.py), the lock may outlast a short fault."""
        try:
            await self.lock.reacquire()
        except LockNotOwnedError:
            self._lost()
            return False
        return True

    def _lost(self) -> None:
        if not self.lost:
            self.lost = True
            log.warning("the lock of %s ran out while its work went on", self.what)

    async def __aexit__(self, *exc) -> None:
        if self.keeper is not None:
            await self.keeper.__aexit__(*exc)
            await asyncio.gather(self.keeper.task, return_exceptions=True)
        try:
            await self.lock.release()
        except LockNotOwnedError:
            self._lost()
