"""What every part of the store shares: the connection, the key names, JSON values, locks, scripts, and WAIT
for replicas."""
from __future__ import annotations

import asyncio
import json
import logging
import math
from typing import Any

import orjson
from redis.asyncio import Redis
from redis.commands.core import AsyncScript
from redis.exceptions import NoScriptError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .kept_lock import KeptLock
from .keys import Keys, Part

log = logging.getLogger("bot.store")

BATCH_WINDOW = 0.004  # seconds a batched script call may wait for others to share its round trip (StoreBase.batched)

_UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

# Due items are leased, not removed: a worker that crashes mid-way leaves them to fire again after the lease.
_TAKE_DUE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), m) end
return due
"""


def dumps(v: Any) -> str:
    """Compact JSON, Chinese as it is (orjson: about a tenth of the json module's time on a check-in's fields); what
    orjson refuses (an integer past 64 bits) is written by the json module, in the same format."""
    try:
        return orjson.dumps(v, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def loads(v: Any) -> Any:
    if v is None:
        return None
    try:
        return orjson.loads(v)
    except orjson.JSONDecodeError:  # NaN / Infinity, which the json module writes and reads
        return json.loads(v)


def dumps_fields(fields: dict) -> dict[str, str]:
    """A hash's fields as stored: each value as JSON."""
    return {k: dumps(v) for k, v in fields.items()}


def loads_fields(raw: dict) -> dict[str, Any]:
    return {k.decode(): loads(v) for k, v in raw.items()}


class StoreBase:
    def __init__(self, redis: Redis, prefix: str = "nc:", *, wait_replicas: int = 0, wait_ms: int = 500,
                 lock_seconds: float = 30) -> None:
        self.r = redis
        self.lock_seconds = lock_seconds  # a lock's lifetime unless its taker says (`redis.lock_seconds`)
        # a 🆘's path (the poller's lease and update marks, the incident stored) on a pool of its own when build_app
        # gives it one: a storm's calls queue for the shared pool one turn of the loop each, and held the alert
        self.urgent_r = redis
        self.keys = Keys(prefix)  # the one place the prefix is set: every key and every script follows it
        # with replicas (Sentinel), a new incident counts as stored once this many replicas have it: a master
        # that dies after the resident is told "staff alerted" cannot take the call with it
        self.wait_replicas, self.wait_ms = wait_replicas, wait_ms
        self.unreplicated = 0  # incidents whose WAIT timed out short of that (alerted anyway; see _replicated)
        self._scripts: dict[str, AsyncScript] = {}

    @property
    def prefix(self) -> str:
        return self.keys.prefix

    def k(self, *parts: Part) -> str:
        return self.keys.k(*parts)

    def script(self, source: str) -> AsyncScript:
        """A Lua script, registered with this connection the first time it is used."""
        if (s := self._scripts.get(source)) is None:
            s = self._scripts[source] = self.r.register_script(source)
        return s

    def batched(self, source: str) -> "Batched":
        """`source`'s calls through the ScriptBatch of this store's Redis client, shared by every committee's store on
        it and by every script called this way: the calls made within `BATCH_WINDOW` seconds, by any committee, share
        one round trip (an urgent call goes at once, and takes the others along). (Kept on the client object, so it
        lives exactly as long as the client.)"""
        per_client = vars(self.r)
        if (batch := per_client.get("_neighbour_care_batch")) is None:
            batch = per_client["_neighbour_care_batch"] = ScriptBatch(self, "", window=BATCH_WINDOW)
        return Batched(batch, source)

    async def settle_batches(self, timeout: float) -> None:
        """At shutdown, before the client closes: every ScriptBatch of this store finishes what it has in hand."""
        batches = [b for b in (*vars(self).values(), vars(self.r).get("_neighbour_care_batch"))
                   if isinstance(b, ScriptBatch)]
        await asyncio.gather(*(b.settle(timeout) for b in batches))

    async def ping(self) -> bool:
        return bool(await self.r.ping())

    def lock(self, name: str, timeout: float | None = None, blocking_timeout: float = 10):
        """Lock `name`, held at most `timeout` seconds (`lock_seconds` unless said: a handler that hung or died
        holding it keeps the others out that long, no longer)."""
        return self.r.lock(self.keys.lock(name), timeout=timeout or self.lock_seconds,
                           blocking_timeout=blocking_timeout)

    def kept_lock(self, name: str, timeout: float | None = None, blocking_timeout: float = 10,
                  shown: str = "") -> KeptLock:
        """`lock`, renewed while its holder works (kept_lock.py): still `timeout` after a crash. `shown`: how a log
        line names it (else by its kind alone: never whose it is)."""
        seconds = timeout or self.lock_seconds
        return KeptLock(self.lock(name, timeout=seconds, blocking_timeout=blocking_timeout),
                        shown or name.split(":")[0], seconds)

    async def unlock(self, name: str, token: str) -> bool:
        """Releases a lock taken with a known token (see open_emergency); a lock that has since passed on stays."""
        return bool(await self.script(_UNLOCK)(keys=[self.keys.lock(name)], args=[token]))

    async def lease_due(self, key: str, now: float, lease: float, limit: int) -> list[str]:
        """Leases up to `limit` members of a time-ordered set that are due by `now` (see _TAKE_DUE)."""
        due = await self.script(_TAKE_DUE)(keys=[key], args=[now, now + lease, limit])
        return [d.decode() for d in due]

    def _replicated(self, pipe) -> None:
        """Ends a pipeline of writes with WAIT, bounded: alerting staff matters more than a lagging replica."""
        pipe.execute_command("WAIT", self.wait_replicas, self.wait_ms)

    def _count_acks(self, acks) -> None:
        if isinstance(acks, int) and acks < self.wait_replicas:
            self.unreplicated += 1
            log.warning("an incident reached %s of %s replicas in time", acks, self.wait_replicas)


class Batched:
    """One script's calls through a shared ScriptBatch (`StoreBase.batched`)."""

    __slots__ = ("batch", "source")

    def __init__(self, batch: "ScriptBatch", source: str) -> None:
        self.batch, self.source = batch, source

    async def call(self, keys: list, args: list, *, urgent: bool = False) -> Any:
        return await self.batch.call(keys, args, source=self.source, urgent=urgent)

    def submit(self, keys: list, args: list) -> asyncio.Future:
        """A call's future, without a coroutine (a batch's many calls gathered make no task each)."""
        return self.batch.submit(keys, args, source=self.source)


class ScriptBatch:
    """Calls of a script made in the same turn of the event loop (or within `window` seconds) share one pipelined
    round trip (a burst of 🆘, the updates of one getUpdates answer, the steps and pace reservations of a district's
    check-ins); each is still its own atomic script and its caller gets its own result or error. `replicated`: the
    batch waits for the store's replicas (WAIT) before it counts as stored. A call may name another `source`: calls of
    several scripts share the round trip too. An `urgent` call goes on the next loop turn, with whatever waits. An
    `urgent` batch runs on the store's `urgent_r` client (a 🆘's path)."""

    def __init__(self, store: StoreBase, source: str, *, replicated: bool = False, window: float = 0.0,
                 urgent: bool = False) -> None:
        self.store, self.source, self.replicated, self.window = store, source, replicated, window
        self.urgent = urgent
        self._queue: list[tuple[str, list, list, asyncio.Future]] = []
        self._flushing: set[asyncio.Task] = set()
        self._handle: asyncio.Handle | None = None
        self._soon = False  # a flush task is on its way: its first step, on the next turn, takes every call queued

    async def call(self, keys: list, args: list, *, source: str | None = None, urgent: bool = False) -> Any:
        return await self.submit(keys, args, source=source, urgent=urgent)

    def submit(self, keys: list, args: list, *, source: str | None = None, urgent: bool = False) -> asyncio.Future:
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._queue.append((source or self.source, keys, args, fut))
        if urgent or not self.window:
            if not self._soon:
                if self._handle is not None:
                    self._handle.cancel()
                self._start()
        elif self._handle is None and not self._soon:
            self._handle = loop.call_later(self.window, self._start)
        return fut

    async def settle(self, timeout: float) -> None:
        """At shutdown: the calls still queued go now, and the round trips under way get up to `timeout` s (a
        caller cancelled meanwhile does not take its batch's write down with it, nor leave it to a closed loop)."""
        if self._handle is not None:
            self._handle.cancel()
            self._start()
        if self._flushing:
            await asyncio.wait(set(self._flushing), timeout=timeout)

    def _start(self) -> None:
        self._handle, self._soon = None, True
        task = asyncio.ensure_future(self._flush())
        self._flushing.add(task)
        task.add_done_callback(self._flushing.discard)

    async def _flush(self) -> None:
        batch, self._queue, self._soon = self._queue, [], False
        if batch:
            await self._run(batch)

    async def _run(self, batch: list) -> None:
        store, wait = self.store, self.replicated and self.store.wait_replicas
        client = store.urgent_r if self.urgent else store.r
        results: list = [None] * len(batch)
        todo = list(range(len(batch)))
        try:
            for _ in range(2):  # EVALSHA; a Redis that has lost a script (a restart) gets it again, once
                cmds = [("EVALSHA", store.script(batch[i][0]).sha, len(batch[i][1]), *batch[i][1], *batch[i][2])
                        for i in todo]
                if wait:
                    cmds.append(("WAIT", store.wait_replicas, store.wait_ms))
                got = await round_trip(client, cmds)
                if wait:
                    store._count_acks(got.pop())
                for i, res in zip(todo, got):
                    results[i] = res
                todo = [i for i, res in zip(todo, got) if isinstance(res, NoScriptError)]
                if not todo:
                    break
                for source in {batch[i][0] for i in todo}:
                    await client.script_load(source)
        except BaseException as e:  # every caller hears of it (and falls back to its error reply)
            results = [e] * len(batch)
        for (*_, fut), res in zip(batch, results):
            if not fut.done():
                fut.set_exception(res) if isinstance(res, BaseException) else fut.set_result(res)


async def round_trip(client: Redis, cmds: list[tuple]) -> list:
    """`cmds` in one write and their replies (a refusal as its ResponseError, not raised), on a connection of
    `client`'s pool, retried as redis-py's pipeline retries (the pool's Retry: bot/redisbreaker.py) — without the
    pipeline's own bookkeeping, a timer per reply, a Pipeline object and its hooks per call, which cost a district
    worker more than the round trip itself (bench/README.md, "a leaner round trip")."""
    pool = client.connection_pool
    conn = await pool.get_connection()
    try:
        return await conn.retry.call_with_retry(
            lambda: _send_and_read(conn, cmds),
            lambda error, failures=None: conn.disconnect(error=error, failure_count=failures), with_failure_count=True)
    finally:
        await pool.release(conn)


async def _send_and_read(conn, cmds: list[tuple]) -> list:
    await conn.send_packed_command(conn.pack_commands(cmds))
    replies: list = []
    try:
        async with asyncio.timeout(conn.socket_timeout):  # one timeout for every reply (redis-py: one each)
            for _ in cmds:
                try:
                    replies.append(await conn.read_response(timeout=math.inf))
                except ResponseError as e:
                    replies.append(e)
    except TimeoutError:  # as redis-py's own read: the connection is dropped (a reply may still be on its way)
        await conn.disconnect(nowait=True)
        raise RedisTimeoutError("Timeout reading from Redis") from None
    return replies
