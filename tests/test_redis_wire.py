"""The bot's Redis connections pack commands with hiredis (bot/redisconn.py HiredisPacking): the same bytes on the
wire as redis-py's own packing, and the same refusal of a value Redis cannot store. Batched scripts go in one lean
round trip (bot/store/base.py round_trip) that answers as redis-py's pipeline did: every reply in order, a refusal
as its error, a connection Redis dropped reconnected and the batch sent again."""
import pytest
from redis.asyncio import Redis
from redis.asyncio.connection import Connection
from redis.exceptions import DataError

from redis.exceptions import NoScriptError, ResponseError

from bot.redisconn import connection_pool, urgent_client
from bot.store import Store
from bot.store.base import round_trip

ARGS = [
    ("EVALSHA", "a" * 40, 2, "nc:{c042}:checkin:r7", "nc:{c042}:lock:user:1", "r7", 1764464400.0, 0.1, -3, 2 ** 70,
     '{"name":"张阿姨"}', b"\x00\xff", ""),
    ("CONFIG GET", "maxmemory"),  # a command of two words goes as two
    (b"CLIENT LIST",),
    ("SET", "k", float("inf")),
]


@pytest.mark.parametrize("args", ARGS)
def test_a_command_is_packed_to_the_same_bytes_as_redis_py_packs_it(redis_server, args):
    mine = connection_pool(redis_server.url).make_connection()
    assert b"".join(mine.pack_command(*args)) == b"".join(Connection().pack_command(*args))


async def test_a_value_redis_cannot_store_is_refused_as_redis_py_refuses_it(redis_server):
    r = Redis(connection_pool=connection_pool(redis_server.url))
    try:
        for bad in (None, True, {"a": 1}):
            with pytest.raises(DataError):
                await r.set("test-pack:bad", bad)
        assert await r.get("test-pack:bad") is None
    finally:
        await r.aclose()


async def test_what_the_store_writes_through_both_pools_reads_back_the_same(redis_server):
    r = Redis(connection_pool=connection_pool(redis_server.url))
    urgent = urgent_client(r)
    try:
        store = Store(r, "nc:{tpack}:")
        fields = {"phase": "sending", "slot": 1764464400.25, "times": ["09:00"], "name": "张阿姨", "n": 2 ** 40}
        await store.save_checkin("r1", fields)
        assert await store.checkin("r1") == fields
        assert await urgent.config_get("maxmemory") == await r.config_get("maxmemory")
        assert all(type(c).__name__.startswith("Hiredis") for c in (r.connection_pool.make_connection(),
                                                                       urgent.connection_pool.make_connection()))
    finally:
        await urgent.aclose()
        await r.aclose()


async def test_a_round_trip_answers_each_command_in_order_a_refusal_as_its_error(redis_server):
    r = Redis(connection_pool=connection_pool(redis_server.url))
    try:
        got = await round_trip(r, [("SET", "test-wire:a", "甲"), ("INCR", "test-wire:a"), ("GET", "test-wire:a"),
                                   ("EVALSHA", "0" * 40, 0)])
        assert got[0] is True or got[0] == b"OK"
        assert isinstance(got[1], ResponseError)  # not an integer: refused, and the rest still answered
        assert got[2] == "甲".encode()
        assert isinstance(got[3], NoScriptError)  # what ScriptBatch answers by loading the script
    finally:
        await r.aclose()


async def test_a_round_trip_on_a_connection_redis_dropped_reconnects_and_is_answered(redis_server):
    r, admin = Redis(connection_pool=connection_pool(redis_server.url)), Redis.from_url(redis_server.url)
    try:
        assert await round_trip(r, [("CLIENT", "SETNAME", "test-wire-dropped")]) in ([True], [b"OK"])
        listed = [c for c in await admin.client_list() if c.get("name") == "test-wire-dropped"]
        assert listed
        await admin.client_kill_filter(_id=listed[0]["id"])  # e.g. Redis restarted, or an idle timeout
        assert await round_trip(r, [("SET", "test-wire:b", "1"), ("GET", "test-wire:b")]) in (
            [True, b"1"], [b"OK", b"1"])
    finally:
        await r.aclose()
        await admin.aclose()
