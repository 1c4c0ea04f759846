"""A cancel during a send is honoured at once (session 26). On Python 3.11 a cancel can be swallowed: asyncio.wait_for
returns the result of a call that ended just as it was cancelled (bot/stopping.py), and HTTP and Redis clients wrap
their calls in it. The outbox's own wait_for around an urgent send did so too: the bot stopping (or a call's lock let
go) cancelled a round in the middle of its first alert, and the round went on to the next staff chat as if never told.
And the shared limiter's 0.3 s bound on an urgent slot's Redis call, its cancel swallowed, became the client's 2 s
socket timeout: the alert waited for it. Shown with stand-ins that swallow the cancel as 3.11's wait_for does."""
import asyncio
import time

from redis.asyncio import Redis

from bot.ratelimit import Limits
from bot.sharedlimit import SharedLimiter
from bot.store import Store
from bot.types import Outbound, SendResult

SOCKET_TIMEOUT = 2.0  # what bounds a Redis read whose bound's cancel was lost


async def test_a_round_cancelled_as_its_first_alert_is_answered_stops_there(app, people):
    outbox, first, second = app.svc.outbox, app.settings.staff[0], app.settings.staff[1]
    real, answer, asked = outbox.messenger.deliver, asyncio.get_running_loop().create_future(), asyncio.Event()

    async def deliver(msg):
        if msg.chat_id != first.telegram_id:
            return await real(msg)
        asked.set()
        try:
            return await answer
        except asyncio.CancelledError:
            return answer.result()  # the answer came with the cancel: returned, the cancel lost

    outbox.messenger.deliver = deliver

    async def round_():
        for st in (first, second):
            await outbox.send(Outbound(st.telegram_id, "🆘🆘 紧急求助 #1", urgent=True, tag="alert:1"))

    task = asyncio.ensure_future(round_())
    await asyncio.wait_for(asked.wait(), 5)
    answer.set_result(SendResult(True, 1))
    task.cancel()  # the bot stopping, as Telegram answers
    await asyncio.wait([task], timeout=1)
    assert task.done() and task.cancelled()
    assert people(second.name).texts() == []  # the round did not go on


async def test_an_urgent_slot_whose_redis_bound_is_swallowed_falls_back_in_time(redis_server):
    store = Store(Redis.from_url(redis_server.url), "nc:{cancel26}:")
    real = store.pace_reserve

    async def reserve(*args, **kwargs):
        try:
            await asyncio.sleep(0.5)  # the command on its way; its answer comes with the bound's cancel
        except asyncio.CancelledError:
            pass  # redis-py's wait_for returns it: the cancel lost
        await asyncio.sleep(SOCKET_TIMEOUT)  # its next read, bounded by the socket timeout alone
        return await real(*args, **kwargs)

    store.pace_reserve = reserve
    limiter = SharedLimiter(store, Limits())
    try:
        started = time.monotonic()
        await limiter.acquire(1001, 0)  # a staff alert's slot
        assert time.monotonic() - started < 1.0
        assert limiter.fallbacks == 1  # under this process's own limits, at once
    finally:
        await store.r.aclose()


async def test_a_caller_cancelled_while_its_slot_is_reserved_stops(redis_server):
    store = Store(Redis.from_url(redis_server.url), "nc:{cancel26b}:")
    real, asked = store.pace_reserve, asyncio.Event()

    async def reserve(*args, **kwargs):
        asked.set()
        try:
            await asyncio.sleep(0.2)
        except asyncio.CancelledError:
            pass  # the answer came with the caller's cancel: returned, the cancel lost
        return await real(*args, **kwargs)

    store.pace_reserve = reserve
    limiter = SharedLimiter(store, Limits())
    try:
        task = asyncio.ensure_future(limiter.acquire(1001, 0))
        await asyncio.wait_for(asked.wait(), 5)
        task.cancel()
        await asyncio.wait([task], timeout=1)
        assert task.done() and task.cancelled()
    finally:
        await store.r.aclose()
