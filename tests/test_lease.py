"""The poller lease (bot/lease.py) on a real Redis: among any number of worker processes exactly one polls a bot;
when it dies the lease moves within its TTL and one try; a clean stop hands it on at once; a holder whose renewal is
refused stops polling; a holder that cannot reach Redis polls on (degraded) until Redis answers again. Short TTLs,
real time: nothing depends on the hour."""
import asyncio
import contextlib
import logging
import os
import signal
import time
import uuid

import pytest
from redis.asyncio import Redis

from bot.lease import PollerLease
from bot.redis_server import EmbeddedRedis
from bot.store import Store

TTL, TRY = 1.2, 0.1


class Worker:
    """One worker process's poller, recording when it polls."""

    def __init__(self, store: Store, name: str, board: dict, **kw) -> None:
        self.name, self.board = name, board
        self.lease = PollerLease(store, "123456", self.start, self.stop, ttl=TTL, renew_every=TTL / 4,
                                 try_every=TRY, holder=f"host:{name}:{uuid.uuid4().hex[:4]}", **kw)
        self.polled_at: list[float] = []
        self.stopped_at: list[float] = []

    async def start(self) -> None:
        self.board["polling"].add(self.name)
        self.board["most"] = max(self.board["most"], len(self.board["polling"]))
        self.polled_at.append(time.monotonic())

    async def stop(self) -> None:
        self.board["polling"].discard(self.name)
        self.stopped_at.append(time.monotonic())


@pytest.fixture
async def store(redis_server):
    r = Redis.from_url(redis_server.url)
    yield Store(r, f"lease{uuid.uuid4().hex[:6]}:")
    await r.aclose()


def contenders(store: Store, n: int = 3) -> tuple[list[Worker], dict]:
    board = {"polling": set(), "most": 0}
    return [Worker(store, f"w{i}", board) for i in range(n)], board


@contextlib.asynccontextmanager
async def contending(store: Store, n: int = 3):
    """`n` workers taking part, once one of them polls: (the workers, the board, the one polling)."""
    workers, board = contenders(store, n)
    for w in workers:
        w.lease.begin()
    try:
        await until(lambda: board["polling"], TTL)
        yield workers, board, next(w for w in workers if w.lease.holding)
    finally:
        for w in workers:
            await w.lease.end()


async def until(check, timeout: float) -> float:
    """Seconds until `check()` held (fails after `timeout`)."""
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < timeout, "did not happen in time"
        await asyncio.sleep(0.02)
    return time.monotonic() - start


async def test_one_of_three_workers_polls_and_keeps_polling(store):
    async with contending(store) as (workers, board, holder):
        await asyncio.sleep(TTL * 3)  # several renewals
        assert board["polling"] == {holder.name} and board["most"] == 1
        assert await store.lease_holder("123456") == holder.lease.holder
        assert [w.lease.holding for w in workers].count(True) == 1


async def test_when_the_holder_dies_another_polls_within_the_ttl_and_one_try(store):
    async with contending(store) as (workers, board, dead):
        await dead.lease.end(give_back=False)  # killed: the lease stays in Redis until it runs out
        died = time.monotonic()
        took = await until(lambda: board["polling"] - {dead.name}, TTL + 2 * TRY + 1)
        assert took <= TTL + 2 * TRY + 0.3
        assert board["most"] == 1
        assert await store.lease_holder("123456") != dead.lease.holder
        assert min(t for w in workers if w is not dead for t in w.polled_at) >= died + TTL * 0.5  # not before it ran out


async def test_a_clean_stop_hands_the_lease_on_at_once(store):
    async with contending(store) as (workers, board, holder):
        await holder.lease.end()
        assert holder.name not in board["polling"]
        took = await until(lambda: board["polling"], TTL)
        assert took <= 2 * TRY + 0.3  # far less than the TTL
        assert board["most"] == 1


async def test_a_holder_whose_lease_was_taken_stops_polling_at_once(store):
    async with contending(store, 1) as (_, board, _):
        await store.r.set(store.keys.poller_lease("123456"), "someone-else", px=int(TTL * 1000))
        took = await until(lambda: not board["polling"], TTL)
        assert took <= TTL / 4 + 0.3  # at its next renewal
    assert await store.lease_holder("123456") == "someone-else"  # not given back: it was not ours


async def test_a_holder_that_cannot_reach_redis_polls_on_and_takes_its_lease_back_when_redis_answers(
        tmp_path, caplog):
    """Redis away for longer than the lease: the holder keeps polling (degraded; the fallback answers what arrives)
    instead of leaving nobody to fetch a resident's 救命; when Redis answers again it holds the lease again."""
    caplog.set_level(logging.INFO, "bot.lease")
    server = EmbeddedRedis(tmp_path, appendonly=False).start()
    r = Redis.from_url(server.url, socket_timeout=0.2)
    store = Store(r, "away:")
    try:
        async with contending(store, 1) as (_, board, w):
            os.kill(server.proc.pid, signal.SIGSTOP)  # Redis away: no answer at all
            try:
                await until(lambda: w.lease.degraded, TTL + 1)
                await asyncio.sleep(TTL * 2)  # well past the lease
                assert board["polling"] == {w.name} and not w.stopped_at  # polled on throughout
            finally:
                os.kill(server.proc.pid, signal.SIGCONT)
            await until(lambda: not w.lease.degraded, TTL + 1)
            assert await store.lease_holder("123456") == w.lease.holder
            assert board["polling"] == {w.name} and not w.stopped_at and len(w.polled_at) == 1
        lease_log = [r.getMessage() for r in caplog.records if r.name == "bot.lease"]
        assert sum("Redis unreachable" in m for m in lease_log) == 1  # the switch logged once each way
        assert sum("Redis reachable again" in m for m in lease_log) == 1
    finally:
        await r.aclose()
        server.stop()


class Away:
    """A store whose lease calls fail while `away` (Redis unreachable from this process), real otherwise."""

    def __init__(self, store: Store) -> None:
        self.store, self.away = store, False

    def __getattr__(self, name):
        real = getattr(self.store, name)

        async def call(*args, **kwargs):
            if self.away:
                raise ConnectionError("Redis unreachable")
            return await real(*args, **kwargs)
        return call


async def test_a_degraded_holder_stops_polling_when_redis_answers_and_another_process_holds_the_lease(store):
    board = {"polling": set(), "most": 0}
    away = Away(store)
    w = Worker(away, "w0", board)
    w.lease.begin()
    try:
        await until(lambda: board["polling"], TTL)
        away.away = True
        await until(lambda: w.lease.degraded, TTL + 1)
        assert board["polling"] == {"w0"}
        await store.r.set(store.keys.poller_lease("123456"), "someone-else", px=int(TTL * 1000))  # took it meanwhile
        away.away = False
        took = await until(lambda: not board["polling"], TTL)
        assert took <= 2 * TRY + 0.3  # at its next try
        assert not w.lease.degraded and not w.lease.holding
        assert await store.lease_holder("123456") == "someone-else"
    finally:
        await w.lease.end()


async def test_a_worker_starting_while_redis_is_away_polls_degraded_and_takes_the_lease_when_redis_answers(store):
    """Restarted during an outage (its holder had died, say): nobody known to poll, so it polls after one TTL."""
    board = {"polling": set(), "most": 0}
    away = Away(store)
    away.away = True
    w = Worker(away, "w0", board)
    w.lease.begin()
    try:
        await until(lambda: w.lease.degraded and board["polling"] == {"w0"}, TTL + 1)
        away.away = False
        await until(lambda: not w.lease.degraded, TTL)
        assert board["polling"] == {"w0"} and w.lease.holding and not w.stopped_at
        assert await store.lease_holder("123456") == w.lease.holder
    finally:
        await w.lease.end()


async def test_a_waiting_worker_that_saw_the_lease_held_does_not_poll_while_redis_is_away(store):
    """The holder polls on, degraded; a second poller without Redis would get updates twice (two fallback alerts)."""
    async with contending(store, 1) as (_, board, holder):
        away = Away(store)
        waiting = Worker(away, "w1", board)
        waiting.lease.begin()
        try:
            await asyncio.sleep(TRY * 3)  # it has seen the lease held
            away.away = True
            await asyncio.sleep(TTL * 2)
            assert board["polling"] == {holder.name} and board["most"] == 1 and not waiting.lease.degraded
        finally:
            await waiting.lease.end()
