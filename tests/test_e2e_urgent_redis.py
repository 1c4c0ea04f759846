"""A resident's 🆘 does not queue for the Redis connections a 09:00 check-in storm keeps busy.

A storm's check-in scripts keep the shared connection pool busy, and every caller queues for its connections (in
bench_scale.py up to 200 ms, bench/README.md "A 🆘's hops under a check-in storm"); an exhausted pool held a 🆘
until its 20 s timeout. The poller's lease and update marks and the incident's store have a small pool of their own,
so a 🆘 polled through the real clients reaches staff even while nothing else in the process can get a connection.
"""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def storm_holding_every_shared_connection(app):
    """Every connection of the app's shared Redis pool taken, as by check-in scripts in flight."""
    pool = app.redis.connection_pool
    held = [await pool.get_connection() for _ in range(pool.max_connections)]
    try:
        yield
    finally:
        for connection in held:
            await pool.release(connection)


async def test_a_sos_reaches_staff_while_a_storm_holds_every_shared_redis_connection(telegram):
    api = telegram.api
    wang = await telegram.signed_up("王老伯", "13900000002")
    li = api.user(1001, "李社工")
    async with storm_holding_every_shared_connection(telegram.app):
        await wang.press("🆘 紧急求助")
        await api.wait_for_message(li.id, "紧急求助 #1", timeout=5)  # while the storm still holds the pool
    await api.wait_for_message(wang.id, "请确认您现在的地址")  # the rest of the 🆘 once connections are free
    assert [e["event"] for e in await telegram.app.svc.store.timeline(1)].count("created") == 1


async def test_the_poller_keeps_its_lease_while_a_storm_holds_every_shared_redis_connection(telegram):
    """The lease is renewed every 2 s and lapses after 6: a poller that could not renew it would stop polling,
    and every 🆘 after that would wait for another worker to take over."""
    api = telegram.api
    wang = await telegram.signed_up("王老伯", "13900000002")
    li = api.user(1001, "李社工")
    lease = telegram.adapter._poller
    async with storm_holding_every_shared_connection(telegram.app):
        for _ in range(70):  # two renewals and the lease's end pass by
            await asyncio.sleep(0.1)
            assert lease.holding and not lease.degraded  # renewed, not polling on without it
    await wang.press("🆘 紧急求助")
    await api.wait_for_message(li.id, "紧急求助 #1", timeout=5)


class Turns:
    """Counts the turns of the event loop (a callback that runs once in each)."""

    def __init__(self) -> None:
        self.n, self._loop = 0, asyncio.get_running_loop()
        self._handle = self._loop.call_soon(self._tick)

    def _tick(self) -> None:
        self.n += 1
        self._handle = self._loop.call_soon(self._tick)

    def stop(self) -> None:
        self._handle.cancel()


async def test_an_update_mark_and_an_incident_leave_for_redis_on_the_next_turn_of_the_loop(app):
    """Under a storm every turn of the loop runs hundreds of check-in callbacks (10-20 ms): each turn a 🆘's
    Redis calls wait before leaving is that much later for staff."""
    store, sent_at = app.svc.store, []
    await store.begin_update("7", 1, 20_000)  # the scripts are loaded into Redis: one round trip each from now on
    await app.svc.incidents.sos(4242)
    pool = store.urgent_r.connection_pool
    get_connection = pool.get_connection

    def watched(*a, **kw):  # a round trip starts by taking a connection of the pool
        sent_at.append(turns.n)
        return get_connection(*a, **kw)

    pool.get_connection = watched
    turns = Turns()
    try:
        asked = turns.n
        assert await store.begin_update("7", 2, 20_000) == "new"
        assert sent_at == [asked + 1]
        asked = turns.n
        assert (await app.svc.incidents.sos(4242))[0].outcome == "not_resident"
        assert sent_at[1:] == [asked + 1]
    finally:
        pool.get_connection = get_connection
        turns.stop()


async def test_no_check_in_step_starts_while_a_sos_update_is_being_marked(telegram):
    """Other work stepped aside for a 🆘 only from the engine on: while its update's mark went to Redis and back
    (5-6 turns of the loop), check-in steps kept starting and made every one of those turns longer. Now they wait
    from the update's arrival; an ordinary message's mark holds nobody."""
    api, app = telegram.api, telegram.app
    wang = await telegram.signed_up("王老伯", "13900000002")
    li = api.user(1001, "李社工")
    store, lanes, marking, go_on = app.svc.store, app.svc.outbox.lanes, asyncio.Event(), asyncio.Event()
    begin, open_emergency = store.begin_update, store.open_emergency

    async def slow_mark(*a):
        marking.set()
        await go_on.wait()
        return await begin(*a)

    async def slow_open(*a, **kw):  # a 🆘's mark goes with its incident (bot/once.py)
        marking.set()
        await go_on.wait()
        return await open_emergency(*a, **kw)

    async def place_while_marking() -> asyncio.Future:
        await asyncio.wait_for(marking.wait(), 5)
        place = asyncio.ensure_future(lanes.take_checkin_place())
        for _ in range(20):
            await asyncio.sleep(0)
        return place

    store.begin_update, store.open_emergency = slow_mark, slow_open
    await wang.press("🆘 紧急求助")
    place = await place_while_marking()
    assert not place.done()  # a check-in step waits for the 🆘
    go_on.set()
    await api.wait_for_message(li.id, "紧急求助 #1")
    (await place)()  # and goes on after it
    await api.wait_for_message(wang.id, "请确认您现在的地址")
    marking.clear()
    go_on.clear()
    await wang.send_text("谢谢")
    place = await place_while_marking()
    assert place.done()  # nobody waits for an ordinary message
    place.result()()
    go_on.set()
