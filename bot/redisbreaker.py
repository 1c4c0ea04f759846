"""A short circuit breaker for a Redis reached by URL: while Redis is down, calls fail quickly instead of each one
retrying with backoff (~0.7 s a call, several calls on a resident's path before bot/fallback.py answers).

redis-py's own Retry retries every call on its own; it has no memory across calls. `BreakerRetry` is that Retry
(same backoff) with a memory shared by every connection of its pool (redis-py deep-copies a pool's Retry into each
connection; here the copy is the same object): a dropped connection (a Redis restart, an idle timeout) still gets
its reconnect, a call gives up after `TRIES` failed tries (was 4), and after any failure Redis is taken as away
for `OPEN_SECONDS`: calls meanwhile still try (a Redis back from a restart answers the very next 🆘) but never
wait to retry. Only the first call to find Redis away waits (one backoff step, 0.1 s).

Not used for a Sentinel service (bot/app.py sentinel_redis): there a failover takes seconds and a 🆘's store must
keep retrying until the new master answers.
"""
from __future__ import annotations

import asyncio
import time

from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError

TRIES = 2  # a call's tries: the first may meet a dropped connection, the reconnect must work
OPEN_SECONDS = 2.0  # after a failed try, calls do not wait to retry for this long


class BreakerRetry(Retry):
    """redis-py's Retry for ConnectionError: TRIES tries a call, waiting between them only if Redis was not away."""

    def __init__(self, *, clock=time.monotonic) -> None:
        super().__init__(ExponentialBackoff(cap=0.5, base=0.05), TRIES - 1, supported_errors=(RedisConnectionError,))
        self.clock = clock  # real time: how long Redis has been unreachable, not the bot's (replaceable) clock
        self.open_until = 0.0

    def __deepcopy__(self, memo):
        return self  # one memory for every connection of the pool (and of a client made from its kwargs)

    async def call_with_retry(self, do, fail, is_retryable=None, with_failure_count=False):
        waits = self.clock() >= self.open_until  # Redis not found away a moment ago: this call may wait to retry
        self._backoff.reset()
        failures = 0
        while True:
            try:
                return await do()  # no closing on success: a pooled connection may "connect" without Redis
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
