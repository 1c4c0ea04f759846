"""Exactly one process polls a bot's updates at a time, however many workers run on one Redis.

The right to poll is a lease in Redis: taken by whoever finds it free (SET NX PX), renewed by its holder well
before it runs out (compare-and-set), given back at a clean stop (compare-and-delete). A holder whose renewal is
refused (someone else has the lease) stops polling at once. A holder that cannot reach Redis in time polls on,
degraded: whatever arrives goes to the fallback (120, the committee phone, staff alerted), as no update would reach
the bot otherwise; the lease cannot pass on meanwhile, since nobody else can reach Redis to take it either. When Redis
answers again it takes the lease back (renewed, or taken if free) or, if another process holds it, stops polling.
A process that has not reached Redis for a TTL and did not last see the lease held by someone else (it started while
Redis was away) polls degraded too: otherwise a holder that died during the outage left nobody to poll. The
others try every second, so when the holder dies the lease moves within TTL + a second.
Every worker, polling or not, runs the scheduler and sends: only fetching updates is leased.

Time here is real (monotonic) time, not `svc.clock`: Redis counts the lease down in real time. No Telegram here:
the adapter hands in how to start and stop its library's polling.
"""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from collections.abc import Awaitable, Callable

from redis.exceptions import RedisError

log = logging.getLogger(__name__)
TTL_SECONDS = 6.0  # a dead holder's lease moves within this (plus one try)
RENEW_SECONDS = 2.0  # three renewals per TTL: one lost to a hiccup is retried in time
TRY_SECONDS = 1.0  # how often a waiting process tries to take the lease
MARGIN = 0.2  # of the TTL: a holder that could not renew stops this much before its lease runs out

Step = Callable[[], Awaitable[None]]


def holder_name() -> str:
    """Who holds a lease, as the lease's value shows it: host, process id and a nonce (a restarted process with
    the same pid is someone else)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class PollerLease:
    """`start()` runs while this process holds the lease of bot `bot`, `stop()` as soon as it may not hold it."""

    def __init__(self, store, bot: str, start: Step, stop: Step, *, ttl: float | None = None,
                 renew_every: float | None = None, try_every: float | None = None, holder: str | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.store, self.bot, self._start, self._stop = store, bot, start, stop
        self.ttl = TTL_SECONDS if ttl is None else ttl  # the module's figures as they are now (tests shorten them)
        self.renew_every = RENEW_SECONDS if renew_every is None else renew_every
        self.try_every = TRY_SECONDS if try_every is None else try_every
        self.holder = holder or holder_name()
        self.monotonic = monotonic
        self.holding = False  # polling now, under the lease or degraded
        self.degraded = False  # polling without the lease: Redis cannot be reached
        self._task: asyncio.Task | None = None
        self._stopping: asyncio.Future | None = None
        self._ending = False

    def begin(self) -> None:
        """Takes part from now on: polls whenever this process holds the lease."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=f"poller-lease-{self.bot}")

    async def end(self, *, give_back: bool = True) -> None:
        """Stops polling (if this process polls) and gives the lease back, so another process takes it at its next
        try. `give_back=False` leaves it to run out, as a killed process would."""
        task, self._task = self._task, None
        if task is None:
            return
        self._ending = True  # checked after every wait: Python 3.11's wait_for can swallow a cancellation
        task.cancel()
        await asyncio.wait({task}, timeout=self.ttl)  # a library's stop may wait for its long poll to end
        while not task.done():  # still stuck: cut it off
            task.cancel()
            await asyncio.wait({task}, timeout=0.5)
        if self._stopping is not None:  # the library's stop runs to its end, even when the task was cut off
            await asyncio.gather(self._stopping, return_exceptions=True)
        self._ending = False
        if give_back:
            try:
                await asyncio.wait_for(self.store.release_lease(self.bot, self.holder), self.ttl * MARGIN)
            except (RedisError, OSError, asyncio.TimeoutError):  # it runs out by itself
                log.warning("poller lease not given back (Redis away): it runs out within %s s", self.ttl)

    async def _run(self) -> None:
        unreachable_since: float | None = None  # Redis has not answered since then
        others_hold = False  # Redis's last answer: another process holds the lease (it polls on, degraded if need be)
        while not self._ending:
            sent = self.monotonic()
            try:
                took = await asyncio.wait_for(self.store.take_lease(self.bot, self.holder, int(self.ttl * 1000)),
                                              self.try_every)
            except (RedisError, OSError, asyncio.TimeoutError):
                took, unreachable_since = None, sent if unreachable_since is None else unreachable_since
            else:
                unreachable_since, others_hold = None, not took
            if self._ending:
                break
            if took:
                await self._hold(sent + self.ttl)
                others_hold = True  # lost to another process (or could not start): not taken back without Redis
            elif took is None and not others_hold and sent - unreachable_since >= self.ttl:
                await self._hold(None)  # nobody known to poll (this process started while Redis was away)
                unreachable_since, others_hold = None, True
            await asyncio.sleep(self.try_every)

    async def _hold(self, valid_until: float | None) -> None:
        """Polls while the lease is surely ours: renewed every `renew_every`; given up at once when a renewal is
        refused; `MARGIN` before `valid_until` when none succeeded, polls on degraded until Redis answers (at once
        when `valid_until` is None: Redis cannot be reached and nobody is known to poll)."""
        starting = asyncio.ensure_future(self._start())
        try:  # a library's start cut off half-way may leave it unable to stop: it finishes, then stops
            await asyncio.shield(starting)
        except asyncio.CancelledError:
            await asyncio.gather(starting, return_exceptions=True)
            await self._stop()
            raise
        except Exception:
            log.exception("polling could not start; the lease is given back")
            await self._give_back()
            return
        self.holding = True
        log.info("polling Telegram for bot %s", self.bot)
        try:
            if valid_until is None and (valid_until := await self._degraded()) is None:
                return
            while not self._ending:
                stop_at = valid_until - self.ttl * MARGIN
                await asyncio.sleep(max(0.0, min(self.renew_every, stop_at - self.monotonic())))
                now = self.monotonic()
                if now >= stop_at:
                    valid_until = await self._degraded()
                    if valid_until is None:
                        return
                    continue
                try:
                    kept = await asyncio.wait_for(
                        self.store.renew_lease(self.bot, self.holder, int(self.ttl * 1000)), stop_at - now)
                except (RedisError, OSError, asyncio.TimeoutError):
                    continue  # tried again at the next turn, while there is time
                if not kept:
                    log.warning("poller lease of bot %s passed to another process: polling stops", self.bot)
                    return
                valid_until = now + self.ttl
        finally:
            self.holding = False
            self._stopping = asyncio.ensure_future(self._stop())  # not cut off half-way by a cancellation
            await asyncio.shield(self._stopping)

    async def _degraded(self) -> float | None:
        """Polls on while Redis cannot be reached, trying every `try_every` to take the lease back. Returns until when
        the lease is surely ours again, or None once another process holds it (polling then stops) or at the end."""
        self.degraded = True
        log.warning("poller lease of bot %s cannot be checked (Redis unreachable): polling goes on without it, "
                    "the fallback answers", self.bot)
        try:
            while not self._ending:
                await asyncio.sleep(self.try_every)
                sent = self.monotonic()
                try:
                    ours = await asyncio.wait_for(self._take_back(), self.try_every)
                except (RedisError, OSError, asyncio.TimeoutError):
                    continue
                if ours:
                    log.warning("Redis reachable again: bot %s polls under its poller lease again", self.bot)
                    return sent + self.ttl
                log.warning("Redis reachable again and another process holds the poller lease of bot %s: "
                            "polling stops", self.bot)
                return None
            return None
        finally:
            self.degraded = False

    async def _take_back(self) -> bool:
        ttl_ms = int(self.ttl * 1000)
        return (await self.store.renew_lease(self.bot, self.holder, ttl_ms)
                or await self.store.take_lease(self.bot, self.holder, ttl_ms))

    async def _give_back(self) -> None:
        try:
            await self.store.release_lease(self.bot, self.holder)
        except (RedisError, OSError):
            pass
