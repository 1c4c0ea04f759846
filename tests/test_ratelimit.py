"""The shared outbound limiter, on virtual time: no test here waits for the real clock."""
import asyncio
import heapq
import itertools

import pytest

from bot.outbox import Outbox
from bot.clock import FakeClock
from bot.ratelimit import Limits, TelegramLimiter
from bot.types import Outbound, SendResult


class VirtualTime:
    """A clock that jumps to the next sleeper's wake-up time whenever every task is waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list = []
        self._seq = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        fut = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._seq), fut))
        await fut

    async def run(self, *coros):
        task = asyncio.ensure_future(asyncio.gather(*coros))
        while not task.done():
            for _ in range(50):  # let everything that can run, run
                await asyncio.sleep(0)
            if task.done() or not self._sleepers:
                continue
            wake, _, fut = heapq.heappop(self._sleepers)
            if fut.done():  # its sleeper was cancelled (a pause cut short by a more urgent message)
                continue
            self.now = max(self.now, wake)
            fut.set_result(None)
        return task.result()


@pytest.fixture
def vt():
    return VirtualTime()


def limiter(vt, **kw) -> TelegramLimiter:
    return TelegramLimiter(Limits(**kw), clock=vt.clock, sleep=vt.sleep)


async def grant_times(vt, lim, chats, urgent=()):
    async def one(chat, is_urgent):
        await lim.acquire(chat, is_urgent)
        return vt.now

    return await vt.run(*(one(c, i in urgent) for i, c in enumerate(chats)))


def max_in_window(times, window):
    times = sorted(times)
    return max(sum(1 for u in times if t <= u < t + window) for t in times)


async def test_overall_rate_is_just_under_thirty_a_second_and_never_thirty_one_in_a_second(vt):
    lim = limiter(vt)
    times = await grant_times(vt, lim, range(1, 301))  # 300 different residents
    rate = (len(times) - 1) / (max(times) - min(times))
    assert 28.5 <= rate <= 30.0  # within 5% of Telegram's 30/s
    assert max_in_window(times, 1.0) <= 30


async def test_a_residents_two_or_three_replies_go_at_once_then_one_a_second(vt):
    lim = limiter(vt)
    times = await grant_times(vt, lim, [7] * 6)
    assert times[2] - times[0] < 0.2  # the burst: three replies are not held back
    assert times[3] - times[0] >= 1.0
    assert all(b - a >= 0.99 for a, b in zip(times[3:], times[4:]))


async def test_groups_get_twenty_a_minute(vt):
    lim = limiter(vt)
    times = await grant_times(vt, lim, [-100] * 22)
    assert max_in_window(times, 60.0) <= 20
    assert times[1] - times[0] >= 1.0  # no burst in groups
    assert times[20] - times[0] >= 60.0


async def test_urgent_alert_overtakes_queued_check_ins(vt):
    lim = limiter(vt)

    async def normal(chat):
        await lim.acquire(chat, False)
        return ("normal", vt.now)

    async def urgent_later():
        await vt.sleep(0.5)  # raised mid-burst
        raised = vt.now
        await lim.acquire(1001, True)
        return ("urgent", vt.now - raised)

    results = await vt.run(*(normal(c) for c in range(1, 91)), urgent_later())
    waited = results[-1][1]
    assert waited <= 2 * lim._interval  # one slot, not the 75 check-ins still queued
    later_normals = [t for kind, t in results if kind == "normal" and t > 0.5 + waited]
    assert len(later_normals) > 60  # the check-ins still waiting went after it


async def test_a_429_holds_that_chat_and_other_check_ins_but_not_urgent_alerts(vt):
    lim = limiter(vt)
    await grant_times(vt, lim, [5])
    lim.penalise(5, 3)

    async def at(chat, urgent):
        await lim.acquire(chat, urgent)
        return vt.now

    same, other, urgent = await vt.run(at(5, False), at(6, False), at(1001, True))
    assert same >= 3.0 and other >= 3.0
    assert urgent < 0.2


async def test_idle_chats_are_forgotten(vt):
    lim = limiter(vt)
    await grant_times(vt, lim, range(1, 101))
    vt.now += 100
    await grant_times(vt, lim, [1])
    assert len(lim._chats) <= 2


async def test_outbox_honours_retry_after_through_the_limiter():
    class Flooded:
        def __init__(self):
            self.calls = 0

        async def deliver(self, msg):
            self.calls += 1
            if self.calls == 1:
                return SendResult(False, error="Too Many Requests", retry_after=0.05)
            return SendResult(True, 42)

    lim = TelegramLimiter()
    messenger = Flooded()
    outbox = Outbox(messenger, None, FakeClock(), limiter=lim)
    result = await outbox.send(Outbound(5, "早上好"))
    assert result.ok and messenger.calls == 2
    assert lim.penalties == 1 and lim.granted == 2


async def test_the_bot_sends_through_the_shared_limiter_when_a_channel_attaches(redis_server, settings):
    from bot.app import build_app
    from bot.config import Secrets

    s = settings.model_copy(update={"redis": settings.redis.model_copy(update={"prefix": "rl-wiring:"}),
                                    "residents": settings.residents.model_copy(update={"seed_file": None})})
    app = await build_app(s, Secrets(redis_url=redis_server.url), nlu=False, kb=False)
    try:
        from bot.sharedlimit import SharedLimiter

        limiter = app.svc.outbox.limiter  # shared with the committee's other processes, on its keys
        assert isinstance(limiter, SharedLimiter) and limiter.store is app.svc.store
    finally:
        await app.close()


async def test_staff_alerts_go_before_other_urgent_messages_when_both_wait(vt):
    from bot.outbox import priority

    lim = limiter(vt)
    order = []

    async def send(msg):
        await lim.acquire(msg.chat_id, priority(msg))
        order.append(msg.tag or msg.text)

    busy = [Outbound(c, "check-in") for c in range(1, 6)]  # the overall slots are taken for a moment
    told = Outbound(5001, "已通知值班社工", urgent=True, tag="resident:1")
    alert = Outbound(1001, "紧急求助 #1", urgent=True, tag="alert:1")
    await vt.run(*(send(m) for m in busy), send(told), send(alert))
    assert order.index("alert:1") < order.index("resident:1") < order.index("check-in", 1)


async def test_a_staff_alert_jumps_the_backlog_of_one_staff_chat(vt):
    """After a burst, 20 full packets wait for the same staff chat at one a second; a new call's alert
    raised meanwhile must not wait behind them."""
    lim = limiter(vt)

    async def packet(i):
        await lim.acquire(1001, 1)
        return ("packet", vt.now)

    async def new_alert():
        await vt.sleep(2.5)
        raised = vt.now
        await lim.acquire(1001, 0)
        return ("alert", vt.now - raised)

    results = await vt.run(*(packet(i) for i in range(20)), new_alert())
    waited = results[-1][1]
    assert waited <= 1.0  # the chat's next slot, not the 17 packets still queued
    assert sum(1 for kind, t in results if kind == "packet" and t > 2.5 + waited) >= 15  # they went after it


async def test_a_cancelled_waiter_does_not_stall_its_chat(vt):
    lim = limiter(vt)
    await vt.run(lim.acquire(1001, 2), lim.acquire(1001, 2), lim.acquire(1001, 2))  # the burst is used up
    first = asyncio.ensure_future(lim.acquire(1001, 2))
    doomed = asyncio.ensure_future(lim.acquire(1001, 1))
    await asyncio.sleep(0)
    doomed.cancel()  # e.g. its handler was cancelled at shutdown
    later = lim.acquire(1001, 2)
    await vt.run(first, later)
    assert not lim._chats[1001].busy and not lim._chats[1001].waiting


async def test_a_storm_keeps_only_the_last_few_seconds_of_chats_in_memory(vt):
    """At 09:00 a worker sends hundreds of check-ins a second, each to a chat of its own: what the limiter keeps
    per chat must go within seconds, or the collector walks tens of thousands of them (bench_scale: gen-2 passes of
    50-70 ms on a worker whose staff alert was waiting)."""
    lim = limiter(vt, per_second=10_000)
    for second in range(20):
        await grant_times(vt, lim, range(second * 100, second * 100 + 100))
        vt.now += 1
    assert len(lim._chats) <= 500  # a few seconds' worth, not 2,000


async def test_a_staff_alert_does_not_wait_for_an_edit_of_its_chat_queued_behind_check_ins(vt):
    """One process on its own limits (Redis down): an alert packet's edit to a staff member waits its turn behind
    the check-ins; a new 🆘 to that staff member goes at the next slot, and the edit after it."""
    lim = limiter(vt)
    order = []

    async def send(chat, rank, at=0.0):
        await vt.sleep(at)
        raised = vt.now
        await lim.acquire(chat, rank)
        order.append((rank, chat))
        return vt.now - raised

    *_, edit_waited, alert_waited = await vt.run(*(send(c, 2) for c in range(1, 91)), send(1001, 3, at=0.4),
                                                 send(1001, 0, at=0.5))
    assert alert_waited <= 2 * lim._interval  # one slot, not the edit's place behind 75 check-ins
    assert order.index((0, 1001)) < order.index((3, 1001)) and edit_waited > 2.0  # the edit still goes, later


async def test_a_send_past_its_slot_takes_a_new_one_and_its_chat_keeps_its_pace_from_there(vt):
    """On this process's own limits (Redis away): a check-in held back past its slot asks again; it gets the token's
    next slot without waiting its chat's second a second time, and the chat's next message keeps a second after it."""
    lim = limiter(vt, chat_burst=1)

    async def held_then_next():
        first = await lim.acquire(5, 2)
        await vt.sleep(0.5)  # an alert in flight held it
        assert lim.stale(first)
        again = await lim.acquire(5, 2, again=True)
        assert again - first < 0.6  # at once (0.5 s after its first): not in its chat's next second
        after = await lim.acquire(5, 2)
        return after - again

    [gap] = await vt.run(held_then_next())
    assert gap >= 1.0, gap
    assert lim.rebooked == 1
