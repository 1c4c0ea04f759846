"""A short circuit breaker for a Redis reached by URL: while Redis is down, calls fail quickly instead of each one
retrying with backoff (~0.7 s a call, several calls on a resident's path before bot/fallback.py answers).

redis-py's own Retry retries every call on its own; it has no memory across calls. `BreakerRetry` is that Retry
(same backoff) with a memory shared by every connection of its pool (redis-py deep-copies a pool's Retry into each
connection; here the copy is the same object): a dropped connection (a Redis restart, an idle timeout) still gets
its reconnect, a call gives up after `TRIES` failed tries (was 4), and after any failure Redis is taken as away
for `OPEN_SECONDS`: calls meanwhile still try (a Redis back from a restart answers the very next 🆘) but never
wait to retry. Only the first call to find Redis away waits (one backoff step, 0.1 s).

A Redis that stops answering (its process hung, a network partition, a disk that stalls every write) does not refuse
a connection: a call waits for the socket timeout (bot/redisconn.py REDIS_SOCKET_TIMEOUT) and fails with a TimeoutError.
That is not retried (the write may have landed), and Redis is taken as stalled until a call is answered: for
`OPEN_SECONDS` after a timeout no call tries, then one call at a time does (mostly a background one: the wake-up
job reads every second); every other call fails at once with `RedisStalled` (each would wait a whole timeout more),
so the fallback answers at once and a resident waits for at most one timeout. A Redis that wakes up answers the
call that is trying, or the first one after `OPEN_SECONDS`: calls go on as usual from then on.

Not used for a Sentinel service (bot/redisconn.py sentinel_redis): there a failover takes seconds and a 🆘's store must
keep retrying until the new master answers (for FAILOVER_SECONDS at most: bot/redisconn.py FailoverRetry).
"""
from __future__ import annotations

import asyncio
import time

from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

TRIES = 2  # a call's tries: the first may meet a dropped connection, the reconnect must work
OPEN_SECONDS = 2.0  # after a failed try, calls do not wait to retry for this long


class RedisStalled(RedisTimeoutError):
    """Not tried: a call timed out and none has been answered since (another call is trying)."""


class BreakerRetry(Retry):
    """redis-py's Retry for ConnectionError: TRIES tries a call, waiting between them only if Redis was not away."""

    def __init__(self, *, clock=time.monotonic) -> None:
        super().__init__(ExponentialBackoff(cap=0.5, base=0.05), TRIES - 1, supported_errors=(RedisConnectionError,))
        self.clock = clock  # real time: how long Redis has been unreachable, not the bot's (replaceable) clock
        self.open_until = 0.0
        self.stalled = False  # a call timed out and none has been answered since
        self.stalled_until = 0.0  # and until then no call tries
        self._trying: asyncio.Task | None = None  # while stalled, the one task whose call tries Redis

    def __deepcopy__(self, memo):
        return self  # one memory for every connection of the pool (and of a client made from its kwargs)

    async def call_with_retry(self, do, fail, is_retryable=None, with_failure_count=False):
        task = asyncio.current_task()
        if self.stalled and task is not self._trying:  # (the trying task's calls go on trying)
            if self.clock() < self.stalled_until or self._trying is not None and not self._trying.done():
                raise RedisStalled("Redis has not answered since its last timeout: not tried")
            self._trying = task
        waited: list[bool] = []  # while stalled, only a call that waited ends the stall: Redis answered it (a pooled
        if self.stalled:  # connection's "connect" returns at once, asking Redis nothing: its task goes on trying)
            asyncio.get_running_loop().call_soon(waited.append, True)  # runs once the call waits on the loop
        try:
            result = await self._call(do, fail, is_retryable, with_failure_count)
        except BaseException:
            if self._trying is task:
                self._trying = None
            raise
        if waited:
            self.stalled, self._trying = False, None  # Redis answers
        return result

    async def _call(self, do, fail, is_retryable, with_failure_count):
        waits = self.clock() >= self.open_until  # Redis not found away a moment ago: this call may wait to retry
        self._backoff.reset()
        failures = 0
        while True:
            try:
                return await do()  # no closing on success: a pooled connection may "connect" without Redis
            except RedisStalled:  # a reconnect within a call that began before the stall, not tried
                raise
            except RedisTimeoutError as error:  # stalled: counted, not retried (a write may have landed)
                self.stalled, self.stalled_until = True, self.clock() + OPEN_SECONDS
                self.open_until = self.stalled_until
                await (fail(error, failures + 1) if with_failure_count else fail(error))
                raise
            except self._supported_errors as error:
                if is_retryable and not is_retryable(error):
                    raise
                failures += 1
                self.open_until = self.clock() + OPEN_SECONDS  # calls from now on do not wait
                await (fail(error, failures) if with_failure_count else fail(error))
                if failures >= TRIES:
                    raise error
                if waits:
                    await asyncio.sleep(self._backoff.compute(failures))
