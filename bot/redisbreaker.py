"""A short circuit breaker for a Redis reached by URL: while Redis is down, calls fail at once instead of each one
retrying with backoff (~0.7 s a call, several calls on a resident's path before bot/fallback.py answers).

redis-py's own Retry retries every call on its own; it has no memory across calls. `BreakerRetry` is that Retry
(same backoff) with a memory shared by every connection of its pool (redis-py deep-copies a pool's Retry into each
connection; here the copy is the same object): a dropped connection (a Redis restart, an idle timeout) still gets
its reconnect, but once `OPEN_AFTER` attempts of one call have failed, Redis is taken as away for `OPEN_SECONDS`,
and calls meanwhile raise ConnectionError without trying. The first call after that tries again (backoff and all).

Not used for a Sentinel service (bot/app.py sentinel_redis): there a failover takes seconds and a 🆘's store must
keep retrying until the new master answers.
"""
from __future__ import annotations

import time

from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError

OPEN_AFTER = 2  # failed attempts of one call: the first may be a dropped connection, the reconnect must work
OPEN_SECONDS = 2.0  # then calls fail at once for this long


class BreakerRetry(Retry):
    """redis-py's Retry for ConnectionError, failing fast for OPEN_SECONDS after a call found Redis away."""

    def __init__(self, retries: int = 3, *, clock=time.monotonic) -> None:
        super().__init__(ExponentialBackoff(cap=0.5, base=0.05), retries, supported_errors=(RedisConnectionError,))
        self.clock = clock  # real time: how long Redis has been unreachable, not the bot's (replaceable) clock
        self.open_until = 0.0

    def __deepcopy__(self, memo):
        return self  # one memory for every connection of the pool (and of a client made from its kwargs)

    async def call_with_retry(self, do, fail, is_retryable=None, with_failure_count=False):
        if self.clock() < self.open_until:
            raise RedisConnectionError("Redis was unreachable a moment ago; not trying again yet")
        failures = 0

        async def counted_fail(error, *count):
            nonlocal failures
            failures += 1
            await (fail(error, *count) if with_failure_count else fail(error))
            if failures >= OPEN_AFTER:
                self.open_until = self.clock() + OPEN_SECONDS
                raise error

        result = await super().call_with_retry(do, counted_fail, is_retryable, with_failure_count=True)
        self.open_until = 0.0
        return result
