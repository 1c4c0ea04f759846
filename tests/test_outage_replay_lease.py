"""A replay that breaks on Redis does not keep the caller's other calls waiting.

One process replays one person's journaled calls at a time (a lease in Redis). When Redis failed again halfway
through 王老伯's calls, the lease was left to run out (30 s), so his voice note, the call after his cry, waited half a
minute after Redis was back instead of the next second's run. Now the lease is given back whatever happens.
"""
from conftest import signed_up
from redis.exceptions import ConnectionError as RedisConnectionError
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person


async def test_calls_left_by_a_replay_that_broke_on_redis_are_stored_the_next_second(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    own_redis.stop()
    await wang.send("救命")
    clock.advance(seconds=10)
    await wang.send_kind("voice")
    own_redis.start()
    store, begin = app.svc.store, app.svc.store.begin_replay
    calls = []

    async def redis_gone_at_the_second(key, ms):  # Redis fails again between his two calls
        calls.append(key)
        if len(calls) == 2:
            raise RedisConnectionError("gone again")
        return await begin(key, ms)

    store.begin_replay = redis_gone_at_the_second
    await replay_tick(app)
    del store.begin_replay
    (n,) = await store.open_incident_ids()
    assert "resident_voice" not in [e["event"] for e in await store.timeline(n)]
    clock.advance(seconds=1)
    await replay_tick(app)  # the next second, Redis answering: his voice is stored now, not in 30 s
    assert "resident_voice" in [e["event"] for e in await store.timeline(n)]
    assert list(app.svc.outage.journal.folder.glob("*.jsonl")) == []
