"""Whose cry goes first while Redis is away: the register's Telegram ids, kept on local disk while Redis answers.

During an outage the fallback alerts every staff chat once per sender (bot/fallback.py), and Telegram lets about one
message a second into a chat: a crowd of strangers (a group flood, a spam wave) would put a resident who fell just
after them behind all their alerts. The register cannot be read then, so its Telegram ids — residents' and signed-up
family contacts', nothing else — are written next to the outage journal while Redis answers (at start, every
REFRESH_SECONDS, and the second after a sign-up in this process; only when they changed; mode 0600, replaced whole),
and read from there by a process that starts during the outage. They only put a known sender's alert at the front
of each staff chat's queue: nobody else's alert is ever held back or dropped for it. Someone signed up since the
last snapshot, or a missing or broken file: every alert in arrival order, as without it.
"""
from __future__ import annotations

import asyncio
import logging
import math
from pathlib import Path

from redis.exceptions import RedisError

from ..journal import read_whole, write_whole
from .outage_family import OutageFamily

log = logging.getLogger(__name__)
SNAPSHOT = "known-senders.json"  # not *.jsonl: the journal's own files are those
REFRESH_SECONDS = 60  # the register's ids read again this often while Redis answers (and written if they changed)
# the whole register, for the family snapshot: at once when the signed-up ids change (a sign-up), else this seldom (a
# contact's phone edited): read every minute it cost a 50-committee worker most of a core and stalled its alerts
FAMILY_REFRESH_SECONDS = 900


class KnownSenders:
    def __init__(self, svc, folder: Path) -> None:
        self.svc, self.path = svc, folder / SNAPSHOT
        self.ids: frozenset[int] | None = None  # None: neither read from Redis nor from disk yet in this process
        self._read_at = self._family_due = -math.inf
        self.family = OutageFamily(svc, folder)  # her family told of a cry in a long outage (outage_family.py)

    async def refresh(self) -> None:
        """While Redis answers (the outage job, every second): the register's ids read every REFRESH_SECONDS, and
        the snapshot on disk replaced when they changed. Redis away: the last ones known stay."""
        now = self.svc.clock.ts()
        if now - self._read_at < REFRESH_SECONDS:
            return
        self._read_at = now  # tried once a while, answered or not
        try:
            async with asyncio.timeout(2):
                ids = frozenset(await self.svc.store.signed_up_telegram_ids())
        except (RedisError, OSError, TimeoutError):
            return
        if ids != self.ids:
            try:
                await asyncio.to_thread(self._write, ids)
            except OSError as e:  # the last snapshot (or none) serves an outage; Redis is what matters now
                log.warning("the snapshot of the register's Telegram ids could not be written (%s)", e.strerror)
        changed, self.ids = ids != self.ids, ids
        if changed or now >= self._family_due:
            self._family_due = now + FAMILY_REFRESH_SECONDS
            await self.family.refresh()

    def soon(self) -> None:
        """Someone signed up: the ids are read again (and the snapshot written) at the outage job's next run."""
        self._read_at = -math.inf

    async def knows(self, sender: int) -> bool:
        """Whether `sender` was signed up as of the last snapshot (this process's, else the one on disk)."""
        if self.ids is None:
            self.ids = await asyncio.to_thread(self._read)
        return sender in self.ids

    def _write(self, ids: frozenset[int]) -> None:
        write_whole(self.path, {"v": 1, "ids": sorted(ids)})

    def _read(self) -> frozenset[int]:
        """The snapshot on disk; empty (every alert in arrival order) if there is none or it cannot be read."""
        return read_whole(self.path, lambda body: frozenset(int(i) for i in body["ids"]),
                          "snapshot of the register's Telegram ids", "outage alerts go in arrival order") or frozenset()
