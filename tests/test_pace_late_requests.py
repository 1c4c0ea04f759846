"""A request that reaches Telegram late must not earn a 429 for the messages after it (issue 16).

The token's slots are spaced a little under 30 a second, and the margin absorbed jitter of up to about 45 ms. On a
loaded machine (several worker processes on two cores) a request can reach the server 100 ms after its slot; then the
30th slot after it lands inside the same second at the server, and the server refuses it (bench_scale.py's "429
token" with 2 and 4 workers). Each send now holds one of 30 places from its reservation until one second after its
answer came back, so no 31 requests can reach the server within any one second, however late they travel.
"""
import asyncio
import uuid

from redis.asyncio import Redis

from bot.clock import FakeClock
from bot.handlers.aiogram_adapter import AiogramMessenger, make_bot
from bot.outbox import Outbox
from bot.ratelimit import Limits
from bot.sharedlimit import SharedLimiter
from bot.store import Store
from bot.testing.botapi_server import BotAPIServer, RateLimits
from bot.types import Outbound


def limiters(redis_server, n):
    prefix = f"nc:{{late{uuid.uuid4().hex[:6]}}}:"
    return [SharedLimiter(Store(Redis.from_url(redis_server.url), prefix), Limits()) for _ in range(n)]


async def test_the_next_send_waits_for_a_place_one_second_after_the_answers(redis_server):
    a, b = limiters(redis_server, 2)
    granted = [await (a, b)[i % 2].store.pace_reserve(100 + i, False, a.pace, now=50.0, ticket=f"t{i}")
               for i in range(28)]  # all a check-in may take (one place each is an alert's and a reply's)
    assert all(g for g, _ in granted)
    # the server stalled: the first requests reached it late, and all 28 answers came at 50.09
    for i in range(28):
        await (a, b)[i % 2].store.pace_release((f"t{i}", 0.0), a.pace, now=50.09)
    ok, wait = await b.store.pace_reserve(130, False, b.pace, now=51.05, ticket="t30")
    assert not ok and 0.03 < wait < 0.05  # its slot has come, but it would be 0.96 s after the first one's arrival
    ok, wait = await b.store.pace_reserve(130, False, b.pace, now=51.1, ticket="t30")
    assert ok and wait < 0.05  # a second after the answers


async def test_a_staff_alert_still_goes_at_once_when_a_place_is_free(redis_server):
    a, b = limiters(redis_server, 2)
    for i in range(10):
        assert (await a.store.pace_reserve(100 + i, False, a.pace, now=50.0, ticket=f"c{i}"))[0]
    assert await b.store.pace_reserve(1001, True, b.pace, now=50.0, alert=True, ticket="alert") == (True, 0.0)


async def test_a_dead_process_places_come_back(redis_server):
    """A process that died holding places (no answer ever released them): they come back after a while."""
    a, b = limiters(redis_server, 2)
    for i in range(28):
        assert (await a.store.pace_reserve(100 + i, False, a.pace, now=50.0, ticket=f"d{i}"))[0]
    ok, _ = await b.store.pace_reserve(200, False, b.pace, now=52.0, ticket="e0")
    assert not ok  # the 28 are still in flight, as far as anyone knows
    ok, _ = await b.store.pace_reserve(200, False, b.pace, now=50.0 + 1.1 + 15, ticket="e0")
    assert ok


async def test_requests_that_reach_the_server_late_earn_no_429(redis_server):
    """Two processes send 75 check-ins; the first 30 requests travel 90 ms to the server, the rest at once."""
    procs = limiters(redis_server, 2)
    async with BotAPIServer(limits=RateLimits()) as api:
        residents = [api.user(uid, "居民").id for uid in range(40000, 40075)]
        for _ in range(30):
            api.hold_next("sendMessage", 0.09)
        bots = [make_bot(api.token, api.base_url) for _ in procs]
        outboxes = [Outbox(AiogramMessenger(bot), None, FakeClock(), limiter=lim) for bot, lim in zip(bots, procs)]
        try:
            results = await asyncio.gather(*(outboxes[i % 2].send(Outbound(c, "早上好，今天好吗？"))
                                             for i, c in enumerate(residents)))
            assert api.stats.throttled == 0
            assert all(r.ok for r in results)
            assert all(len(api.sent_to(c)) == 1 for c in residents)
        finally:
            for bot in bots:
                await bot.session.close()
            for lim in procs:
                await lim.store.r.aclose()


async def test_check_ins_leave_a_place_to_a_staff_alert_and_one_to_the_residents_reply(redis_server):
    """The morning's check-ins fill what they may of the token's places: a call for help raised then finds one
    free at once (not the next place back, up to a second later), and so does the resident's own reply."""
    a, b = limiters(redis_server, 2)
    for i in range(28):
        assert (await a.store.pace_reserve(100 + i, False, a.pace, now=50.0, ticket=f"c{i}"))[0]
    ok, _ = await a.store.pace_reserve(200, False, a.pace, now=50.0, ticket="c28")
    assert not ok  # a 29th check-in waits for a place back
    ok, _ = await b.store.pace_reserve(300, True, b.pace, now=50.0, ticket="reply")
    assert ok  # the resident's reassurance goes
    ok, _ = await b.store.pace_reserve(301, True, b.pace, now=50.0, ticket="reply2")
    assert not ok  # (one place for those)
    assert (await b.store.pace_reserve(1001, True, b.pace, now=50.0, alert=True, ticket="alert"))[0]


async def test_a_busy_moment_of_redis_does_not_let_check_ins_go_past_the_shared_limit(redis_server):
    """A worker whose loop is busy hears Redis's answer 0.5 s late: a check-in waits for it (falling back to this
    process's own limits would send at the full rate beside the other workers: 429s); a staff alert does not wait."""
    (lim,) = limiters(redis_server, 1)
    reserve = lim.store.pace_reserve

    async def late(*args, **kw):
        await asyncio.sleep(0.5)
        return await reserve(*args, **kw)

    lim.store.pace_reserve = late
    await lim.acquire(40001, 2)
    assert lim.fallbacks == 0
    started = asyncio.get_running_loop().time()
    await lim.acquire(1001, 0)
    assert asyncio.get_running_loop().time() - started < 0.45 and lim.fallbacks == 1
