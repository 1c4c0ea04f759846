"""A notice to many doors, drained by one worker while others run on the same Redis. A long drain (slow sends) must
not let a second worker take it over and send the same residents the notice again; a drain whose worker died is
still resumed (tests/test_notices.py)."""
import asyncio

from test_burst import residents

NOTICE = "居委会通知"


class Slow:
    """A network on which each notice takes `seconds` of the clock to go out."""

    def __init__(self, inner, clock, seconds: float):
        self.inner, self.clock, self.seconds = inner, clock, seconds
        self.started: list[int] = []  # the chats whose notice has set off

    async def deliver(self, msg):
        if msg.bulk:
            self.started.append(msg.chat_id)
            until = self.clock.ts() + self.seconds
            while self.clock.ts() < until:
                await asyncio.sleep(0.002)
        return await self.inner.deliver(msg)


async def drained_by_two(app, clock, make_app, seconds: float) -> Slow:
    """李社工's notice to the crowd, drained by `app` on a network where each notice takes `seconds`; a second worker
    on the same Redis ticks on as its scheduler would for three minutes and twenty seconds."""
    slow = app.svc.outbox.messenger = Slow(app.svc.outbox.messenger, clock, seconds)
    other = await make_app(prefix_=app.settings.redis.prefix, messenger=slow.inner)
    rids = [r["id"] for r in await app.svc.store.residents() if r.get("tg_id")]  # the crowd
    await app.svc.notices.start(by="李社工", by_chat=1001, audience="all", rids=rids, text="明天上午停水")
    for _ in range(40):
        clock.advance(seconds=5)
        await other.engine.tick()
        await asyncio.sleep(0.02)
    for notices in (app.svc.notices, other.svc.notices):
        await asyncio.gather(*notices.running.values())
    return slow


async def two_workers_drain(app, clock, make_app, crowd: list, seconds: float) -> None:
    recording = (await drained_by_two(app, clock, make_app, seconds)).inner
    assert [sum(NOTICE in t for t in p.texts()) for p in crowd] == [1] * len(crowd)
    states = await app.svc.store.notice_states(1)
    assert len(states) == len(crowd) and set(states.values()) == {"sent"}
    assert sum("发完了" in s.text for s in recording.to(1001)) == 1


async def test_a_long_notice_drain_is_not_taken_over_by_a_second_worker_and_nobody_gets_it_twice(app, clock,
                                                                                                 make_app):
    crowd = await residents(app, 40)
    await two_workers_drain(app, clock, make_app, crowd, 40)  # 30 at a time: the drain takes 80 s


async def test_a_notice_whose_sends_all_wait_past_the_lease_is_not_taken_over(app, clock, make_app, monkeypatch):
    """Every send of the notice waits 90 s (behind a storm's alerts): no send ends within the lease, and the drain
    renews it all the same (every 10 ms of real time here, as the test jumps the clock)."""
    from bot.notices import sending

    monkeypatch.setattr(sending, "RENEW_SECONDS", 0.01)
    await two_workers_drain(app, clock, make_app, await residents(app, 5), 90)


async def test_a_drain_stalled_past_its_lease_stops_once_another_worker_took_it_over(app, clock, make_app,
                                                                                     monkeypatch):
    """The first worker stalls (no renewal) while its first 30 sends wait 80 s: the second takes the notice over after
    the lease and sends it to everyone; the first must then send nobody more (its 30 in the air were already gone)."""
    from bot.notices import sending

    monkeypatch.setattr(sending, "RENEW_SECONDS", 10_000)
    crowd = await residents(app, 40)
    slow = await drained_by_two(app, clock, make_app, 80)
    assert len(slow.started) == 30  # only those in the air before the take-over
    later = [p for p in crowd if p.id not in slow.started]
    assert [sum(NOTICE in t for t in p.texts()) for p in later] == [1] * 10
    assert sum("发完了" in s.text for s in slow.inner.to(1001)) == 1
