"""Telegram's limits kept in Redis for a committee's token (bot/store/pace.py, bot/sharedlimit.py).

The reservations are checked on a clock the test sets (`now`, in place of Redis TIME), so nothing here waits for
the real one except the fallback test, which sends a short burst through the real aiogram client.
"""
import asyncio
import time
import uuid

from redis.asyncio import Redis

from bot.redisconn import connection_pool
from bot.handlers.aiogram_adapter import AiogramMessenger, make_bot
from bot.outbox import Outbox
from bot.clock import FakeClock
from bot.ratelimit import Limits
from bot.redis_server import EmbeddedRedis
from bot.sharedlimit import SharedLimiter
from bot.store import Store
from bot.testing.botapi_server import BotAPIServer, RateLimits
from bot.types import Outbound

LIMITS = Limits(per_chat_per_second=0.9, chat_burst=1)


def processes(redis_server, n=2, limits=LIMITS):
    """`n` processes' limiters on one committee's keys (their own connections, one Redis)."""
    prefix = f"nc:{{t{uuid.uuid4().hex[:6]}}}:"
    return [SharedLimiter(Store(Redis.from_url(redis_server.url), prefix), limits) for _ in range(n)]


async def test_the_tokens_slots_are_spaced_whichever_process_reserves(redis_server):
    a, b = processes(redis_server)
    delays = []
    for i in range(6):
        granted, delay = await (a, b)[i % 2].store.pace_reserve(100 + i, False, a.pace, now=50.0)
        assert granted
        delays.append(delay)
    assert delays[0] == 0  # an idle token's slot is now (or a moment ago: a late caller loses no rate)
    gaps = [round(y - x, 5) for x, y in zip(delays[1:], delays[2:])]
    assert gaps == [round(a.pace.interval, 5)] * 4  # then one a slot, 30 a second less a margin


async def test_a_staff_alert_goes_at_once_while_check_ins_fill_the_token_and_the_rate_holds(redis_server):
    """Check-ins have reserved the token's next slots; a staff alert takes one at once (the slot it would have
    waited for is skipped instead), at most once a second, so no second of the server's window gets a 31st."""
    a, b = processes(redis_server)
    step = a.pace.interval
    booked = [await (a, b)[i % 2].store.pace_reserve(100 + i, False, a.pace, now=50.0) for i in range(10)]
    assert all(g for g, _ in booked) and booked[-1][1] > 8 * step  # the next third of a second is booked
    assert await b.store.pace_reserve(1001, True, b.pace, now=50.0, alert=True) == (True, 0.0)  # out now
    granted, delay = await a.store.pace_reserve(110, False, a.pace, now=50.0)
    assert round(delay, 5) == round(booked[-1][1] + 2 * step, 5)  # one slot later, as if the alert had had it
    granted, delay = await a.store.pace_reserve(1002, True, a.pace, now=50.2, alert=True)
    assert round(delay, 5) == round(booked[-1][1] + 3 * step - 0.2, 5)  # another within the second waits its slot
    again = [await a.store.pace_reserve(200 + i, False, a.pace, now=51.1) for i in range(5)]
    assert again[-1][1] > 3 * step  # booked ahead again
    granted, delay = await b.store.pace_reserve(1003, True, b.pace, now=51.1, alert=True)
    assert granted and delay == 0.0  # a second on, the next alert goes at once again
    assert 1 / step >= 0.95 * 30  # and the token's slots stay within 5% of Telegram's 30 a second


async def test_a_chat_waits_its_turn_in_every_process(redis_server):
    a, b = processes(redis_server, limits=Limits(per_chat_per_second=1, chat_burst=3))
    got = [await p.store.pace_reserve(7, False, a.pace, now=50.0) for p in (a, b, a, b)]
    assert [g for g, _ in got] == [True, True, True, False]  # a resident's burst of three, then one a second
    assert 1.0 < got[3][1] <= 1.1  # a second and the chat's 10% margin


async def test_a_429_holds_every_process_but_not_urgent_alerts_and_not_the_chat(redis_server):
    a, b = processes(redis_server)
    await a.store.pace_hold(5, 3, now=50.0)
    assert await b.store.pace_reserve(6, False, b.pace, now=50.1) == (False, 2.9)  # a check-in waits
    granted, delay = await b.store.pace_reserve(1001, True, b.pace, now=50.1)
    assert granted and delay == 0  # a staff alert goes at once: nothing reserved the slots meanwhile
    assert await b.store.pace_reserve(5, True, b.pace, now=50.2) == (False, 2.8)  # the chat told to wait waits
    assert (await b.store.pace_reserve(6, False, b.pace, now=53.0))[0]


async def test_a_group_gets_twenty_a_minute_across_processes(redis_server):
    a, b = processes(redis_server, limits=Limits())
    now, grants = 50.0, []
    while len(grants) < 20:
        granted, wait = await (a, b)[len(grants) % 2].store.pace_reserve(-100, False, a.pace, now=now)
        grants += [now] if granted else []
        now += max(wait, 0.01) if not granted else 1.0
    granted, wait = await a.store.pace_reserve(-100, False, a.pace, now=now)
    assert not granted and grants[0] + 60 <= now + wait  # the 21st waits for the minute to pass


async def test_sending_goes_on_under_the_process_own_limits_when_redis_goes_away(tmp_path):
    """Redis dies mid-morning: the check-ins still go out (this process keeps Telegram's limits by itself: no
    429), and so does a staff alert raised meanwhile, at once."""
    redis = EmbeddedRedis(tmp_path, appendonly=False).start()
    limiter = SharedLimiter(Store(Redis(connection_pool=connection_pool(redis.url)), "nc:{down}:"), LIMITS)
    async with BotAPIServer(limits=RateLimits()) as api:
        for uid in range(1001, 1002):
            api.user(uid, "李社工")
        residents = [api.user(uid, "居民").id for uid in range(30000, 30040)]
        bot = make_bot(api.token, api.base_url)
        outbox = Outbox(AiogramMessenger(bot), None, FakeClock(), limiter=limiter)
        try:
            assert all(r.ok for r in await outbox.send_all([Outbound(c, "早上好") for c in residents[:5]]))
            assert limiter.round_trips >= 5  # the limits were shared so far
            redis.stop()

            async def alert():
                await asyncio.sleep(0.5)
                start = time.monotonic()
                result = await outbox.send(Outbound(1001, "🆘🆘 紧急求助 #1", urgent=True, tag="alert:1"))
                return result.ok, time.monotonic() - start

            *checkins, (alerted, waited) = await asyncio.gather(
                *(outbox.send(Outbound(c, "早上好")) for c in residents[5:]), alert())
            assert all(r.ok for r in checkins) and len(api.sent_to(residents[-1])) == 1
            assert alerted and waited < 0.5
            assert api.stats.throttled == 0
            assert limiter.fallbacks >= 1
        finally:
            await bot.session.close()
            await limiter.store.r.aclose()


async def test_a_slot_set_on_another_clock_does_not_stop_sending(redis_server):
    """After a failover to a master whose clock is a minute behind, the token's next slot reads a minute ahead."""
    a, b = processes(redis_server)
    assert (await a.store.pace_reserve(1, False, a.pace, now=110.0))[0]
    granted, delay = await b.store.pace_reserve(2, False, b.pace, now=50.0)
    assert granted and delay <= 5.1
