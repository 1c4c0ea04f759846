"""Connecting Redis: a URL's pool (timeouts, the breaker), an embedded server when none is configured, a Sentinel
service's current master, and the 🆘 path's own pool (bot/app.py wires them)."""
from __future__ import annotations

import asyncio
import time

import hiredis
from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.asyncio.sentinel import SentinelManagedConnection
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import DataError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .config import ConfigError, Secrets, Settings
from .redis_server import EmbeddedRedis
from .redisbreaker import BreakerRetry

# A Redis that stops answering is given up after this long (was redis-py's 5 s; a resident's 🆘 then gets the fallback:
# 120, the committee phone, staff alerted). Under a check-in storm a live Redis answers within ~50 ms and the loop
# stalled up to ~285 ms, once 1 s, on 2 loaded cores (bench/README.md): 2 s is above all of it, and a 🆘 is still
# answered within 3 s (tests/test_redis_stalled.py).
REDIS_SOCKET_TIMEOUT = 2.0


def connection_pool(url: str, wait_ms: int = 0) -> BlockingConnectionPool:
    """A blocking pool: a burst waits for a connection instead of failing (a plain pool raises past its size).
    A connection Redis dropped (a restart, an idle timeout) is reconnected and the command retried, so a
    🆘 right after a Redis restart is stored as usual; a timeout is not retried (the write may have landed). While
    Redis is down or stalled, calls fail at once for a moment (bot/redisbreaker.py), so the fallback answers quickly.
    `wait_ms`: how long a command may block in Redis on purpose (WAIT for replicas)."""
    timeout = REDIS_SOCKET_TIMEOUT + wait_ms / 1000
    return packing_with_hiredis(BlockingConnectionPool.from_url(
        url, max_connections=64, timeout=20, health_check_interval=10, socket_timeout=timeout,
        socket_connect_timeout=REDIS_SOCKET_TIMEOUT, retry=BreakerRetry(), retry_on_error=[RedisConnectionError]))


class HiredisPacking:
    """A connection that packs its commands with hiredis (C), as redis-py's own sync client does when hiredis is
    installed; its asyncio client packs them in Python, argument by argument: about 25 µs for a check-in's script
    call against 3 µs (bench/README.md, "hiredis packing"). The same bytes; a value Redis cannot take (None, a bool)
    is still refused with redis-py's DataError."""

    def pack_command(self, *args):
        enc = self.encoder
        if enc.encoding.replace("-", "").lower() != "utf8" or enc.encoding_errors != "strict":
            return super().pack_command(*args)  # hiredis writes str as UTF-8 only
        if isinstance(args[0], str):  # 'CONFIG GET' and the like: the words go separately, as redis-py sends them
            args = (*args[0].encode().split(), *args[1:])
        elif b" " in args[0]:
            args = (*args[0].split(), *args[1:])
        try:
            return [hiredis.pack_command(args)]
        except TypeError as e:
            raise DataError(str(e)) from None


def packing_with_hiredis(pool):
    """`pool`, its connections (those it makes from now on) packing commands with hiredis."""
    if not issubclass(pool.connection_class, HiredisPacking):
        pool.connection_class = type(f"Hiredis{pool.connection_class.__name__}",
                                     (HiredisPacking, pool.connection_class), {})
    return pool


_POOL_MADE = {"connection_pool", "himport_registry", "maint_notifications_pool_handler", "orig_host_address",
              "orig_socket_timeout", "orig_socket_connect_timeout"}  # what a pool sets in its connections itself


def urgent_client(redis: Redis) -> Redis:
    """A client of the same Redis (or Sentinel service) on a pool of its own, for a 🆘's path. Under a check-in
    storm callers of the shared pool waited up to 200 ms for a connection with most of them free (its locks hand
    over one waiter per turn of the loop; bench/README.md, "A 🆘's hops under a check-in storm"), and a pool
    exhausted by a storm held a 🆘 until its timeout. Its connections open as they are needed (a burst of 🆘
    shares a few: bot/store/base.py ScriptBatch); it may open as many as the shared pool (a Sentinel pool does not
    wait for one, it fails: during a failover a burst's calls hold theirs for seconds)."""
    pool = redis.connection_pool
    kwargs = {k: v for k, v in pool.connection_kwargs.items() if k not in _POOL_MADE}
    if manager := getattr(pool, "sentinel_manager", None):
        client = manager.master_for(pool.service_name, max_connections=pool.max_connections,
                                    connection_class=pool.connection_class, **kwargs)
        packing_with_hiredis(client.connection_pool)
        return client
    return Redis.from_pool(type(pool)(connection_class=pool.connection_class, max_connections=pool.max_connections,
                                      **kwargs))


async def connect_redis(settings: Settings, secrets: Secrets) -> tuple[EmbeddedRedis | None, Redis]:
    """(the embedded server if one was started, the client): REDIS_SENTINELS, else REDIS_URL, else an embedded
    Redis keeping its data in `redis.data_dir`."""
    if secrets.sentinels():  # on a failover the sentinels name the new master
        return None, sentinel_redis(settings, secrets)
    embedded, url = None, secrets.redis_url
    if not url:
        embedded = await _start_embedded(settings)
        url = embedded.url
    wait_ms = settings.redis.replica_wait_ms if settings.redis.wait_replicas else 0
    return embedded, Redis(connection_pool=connection_pool(url, wait_ms))  # reconnecting on a dropped connection


async def _start_embedded(settings: Settings) -> EmbeddedRedis:
    data_dir = settings.path(settings.redis.data_dir)
    try:
        return await EmbeddedRedis(data_dir).astart()
    except (OSError, RuntimeError) as e:
        reason = (e.strerror if isinstance(e, OSError) else str(e)) or type(e).__name__
        raise ConfigError(f"config error at redis.data_dir: cannot keep Redis data in {data_dir}: "
                          f"{' '.join(str(reason).split())}") from None


# How long calls keep trying while a Sentinel service's master does not answer. A failover (the sentinels' down-after
# time, a vote, a promotion) takes a few seconds: the burst of 🆘 in tests/test_failover.py, which must all be stored
# on the new master, is with 3 s of trying, not with 1 s. When all of Redis is gone (master and replicas dead, every
# sentinel unreachable) no failover comes, and a 🆘 must go to the fallback (120, the committee's phone, staff
# alerted directly, the call journaled and stored once Redis is back) about as soon as with a plain URL: its 40
# retries, each asking every sentinel again (each sentinel itself asked 4 times, seconds apart), kept her waiting 40 s
# and more (tests/test_failover_all_gone.py). 6 s is twice what a failover needs here, and she reads 120 after about
# 6 s (bound: 8). A failover slower than that (sentinels' down-after-milliseconds set high) still loses no call: the
# 🆘s meanwhile take the fallback and are stored from its journal once Redis answers.
FAILOVER_SECONDS = 6.0
FAILOVER_RETRY = dict(retries=40, cap=0.5, base=0.05)  # the backoff between tries within FAILOVER_SECONDS
# Then, as for a plain URL (bot/redisbreaker.py OPEN_SECONDS), no call tries for this long and one at a time after it:
# a master frozen rather than dead (its host lost power) holds each try for a whole socket timeout, and a 🆘's
# fallback reads and records several times (it took 8.5 s, the replica dead and the master frozen)
REST_SECONDS = 2.0


class FailoverRetry(Retry):
    """redis-py's Retry for a Sentinel service, with a memory shared by every connection of its pools (redis-py
    deep-copies a pool's Retry into each connection; here the copy is the same object): a call retries only while
    the master has not answered for less than FAILOVER_SECONDS (counted from the start of the first call it failed),
    then gives up; once it has been away that long, calls are not tried for REST_SECONDS after a failure, then one at
    a time tries once. Redis answering any call (MasterFollowingConnection.read_response) ends it."""

    def __init__(self, *, clock=time.monotonic) -> None:
        super().__init__(ExponentialBackoff(cap=FAILOVER_RETRY["cap"], base=FAILOVER_RETRY["base"]),
                         FAILOVER_RETRY["retries"], supported_errors=(RedisConnectionError, RedisTimeoutError, OSError))
        self.clock = clock  # real time: how long Redis has been away, not the bot's (replaceable) clock
        self.away_since: float | None = None  # the master has not answered since
        self.rest_until = 0.0  # once away past FAILOVER_SECONDS: no call tries until then
        self._trying: asyncio.Task | None = None  # then, the one task whose calls try

    def __deepcopy__(self, memo):
        return self

    async def call_with_retry(self, do, fail, is_retryable=None, with_failure_count=False):
        started, task = self.clock(), asyncio.current_task()
        if self.away_since is not None and started - self.away_since >= FAILOVER_SECONDS and task is not self._trying:
            if started < self.rest_until or self._trying is not None and not self._trying.done():
                raise RedisConnectionError("Redis has been away past a failover's time: not tried")
            self._trying = task
        self._backoff.reset()
        failures = 0
        while True:
            try:
                return await self._try(do)
            except self._supported_errors as error:
                if is_retryable and not is_retryable(error):
                    raise
                failures += 1
                if self.away_since is None:
                    self.away_since = started
                await (fail(error, failures) if with_failure_count else fail(error))
                left = self.away_since + FAILOVER_SECONDS - self.clock()
                if failures > self._retries or left <= 0:
                    self.rest_until = self.clock() + REST_SECONDS
                    if self._trying is task:
                        self._trying = None
                    raise error
                await asyncio.sleep(min(self._backoff.compute(failures), left))

    async def _try(self, do):
        """One try; while the master is away, cut where the failover's time ends. A host that drops packets (powered
        off, cut off) rather than refusing them holds a try for a whole timeout each: asking three such sentinels in
        turn took 3 s, and a try begun just inside the 6 s ended at 8.3 s (tests/test_failover_black_hole.py)."""
        left = None if self.away_since is None else self.away_since + FAILOVER_SECONDS - self.clock()
        if left is None or left <= 0:  # not known away (a live Redis may take its time), or the one try after a rest
            return await do()
        cut = asyncio.timeout(left)
        try:
            async with cut:
                return await do()
        except TimeoutError as e:  # (the connection was dropped by redis-py as the try was cancelled)
            if cut.expired():
                raise RedisConnectionError("Redis did not answer within a failover's time") from e
            raise


class MasterFollowingConnection(SentinelManagedConnection):
    """A Sentinel service's connection: one that dropped is opened again to the master the sentinels name now.
    redis-py opens it again to the address it had (redis/redis-py#3874): a 🆘 whose command was on its way when the
    master died knocked on the dead master, 40 connects inside each of the command's 40 tries, and went unanswered
    for minutes (tests/test_failover.py)."""

    async def connect_check_health(self, check_health: bool = True, retry_socket_connect: bool = True):
        if retry_socket_connect and not self.is_connected:  # a command's reconnect (send_packed_command)
            await self._connect_retry()  # asks the sentinels; one try: the command's own retry backs off
            return
        await super().connect_check_health(check_health, retry_socket_connect)

    async def read_response(self, *args, **kwargs):
        response = await super().read_response(*args, **kwargs)
        self.retry.away_since = None  # the master answers: a failure from now on may retry again
        return response


def sentinel_redis(settings: Settings, secrets: Secrets) -> Redis:
    """The current master of REDIS_SENTINELS' service: on a failover, connections move to the new master and
    commands retry until it answers (for FAILOVER_SECONDS at most: then the fallback answers)."""
    from redis.asyncio.sentinel import Sentinel

    # each sentinel asked once a discovery, briefly (redis-py's own: asked 4 times, seconds apart, and with no
    # timeout at all when sentinel_kwargs are given): the command's FailoverRetry asks again
    sentinel_kwargs = {"socket_connect_timeout": 1, "socket_timeout": 1, "retry": Retry(NoBackoff(), 0),
                       **({"password": secrets.redis_sentinel_password} if secrets.redis_sentinel_password else {})}
    sentinel = Sentinel(secrets.sentinels(), sentinel_kwargs=sentinel_kwargs)
    retry = FailoverRetry()
    service = secrets.redis_sentinel_service or settings.redis.sentinel_service
    # a master whose host lost power answers nothing and closes nothing: a command waits no longer than a live Redis
    # may take (and WAIT for a replica), then tries the master the sentinels name (it waited 10 s: test_failover.py)
    timeout = REDIS_SOCKET_TIMEOUT + settings.redis.replica_wait_ms / 1000
    client = sentinel.master_for(service, password=secrets.redis_password, socket_connect_timeout=1,
                                 socket_timeout=timeout, retry=retry, max_connections=256,
                                 connection_class=MasterFollowingConnection)
    packing_with_hiredis(client.connection_pool)
    return client

