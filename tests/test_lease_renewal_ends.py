"""Work that failed lets its lease run out, so the tick takes it up again — even when the renewal's cancel is lost.

The full packets owed after a digest ("pkt:n") and a notice's drain ("notice:n<n>") hold a deadline as their lease,
renewed while the work runs and cancelled when it ends; a send that failed leaves what is owed to the tick once the
lease runs out. On Python 3.11 a cancel can be swallowed (redis-py sends each command in asyncio.wait_for, which
returns a call that ended just as it was cancelled): the renewal went on, for ever, and the lease never ran out —
李社工 had a digest line but never the call's full packet (phone, address); residents never got the notice. Shown
with a stand-in store whose renewal swallows its cancel, as 3.11's wait_for does when the answer comes with it."""
import asyncio
from datetime import datetime

from test_burst import DIGEST, numbers, residents
from test_digest_crash import packets
from test_incident_followups import SH

from bot.testing.tools import Person

RENEWAL_SECONDS = 0.2  # a renewal under way this long: the work's end (its cancel) comes during one


def renewals_swallow_cancel(store, name: str) -> None:
    real = getattr(store, name)

    async def renewal(*args, **kwargs):
        try:
            await asyncio.sleep(RENEWAL_SECONDS)
        except asyncio.CancelledError:
            pass  # the command had gone: its answer is returned, the cancel lost
        return await real(*args, **kwargs)

    setattr(store, name, renewal)


async def test_full_packets_whose_send_failed_reach_staff_after_the_lease(app, clock, monkeypatch):
    from bot.incidents import owed

    monkeypatch.setattr(owed, "RENEW_SECONDS", 0.001)
    renewals_swallow_cancel(app.svc.store, "renew_deadline")
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    crowd = await residents(app, 3)
    real = app.svc.outbox.send_all

    async def fails(msgs, *args, **kwargs):
        if any(m.tag.startswith("packet:") for m in msgs):
            await asyncio.sleep(0.05)  # the renewal is under way
            raise RuntimeError("Telegram answered 502")
        return await real(msgs, *args, **kwargs)

    app.svc.outbox.send_all = fails
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in crowd))
    for task in list(app.engine.incidents.pending()):
        await task
    li = Person(app, 1001, "李社工")
    assert numbers(li.last(DIGEST).text) == {1, 2, 3} and packets(li.texts()) == []
    app.svc.outbox.send_all = real  # Telegram is back
    await asyncio.sleep(0.5)  # the renewals (had they gone on) move the lease meanwhile
    seen = len(li.inbox)
    for _ in range(10):  # two and a half minutes of the scheduler's ticks, before the first escalation (10:03)
        clock.advance(seconds=15)
        await app.engine.tick()
        await asyncio.sleep(RENEWAL_SECONDS * 1.5)
    assert sorted(n for t in packets(li.texts()[seen:]) for n in numbers(t)) == [1, 2, 3]


async def test_a_notice_whose_drain_failed_reaches_everyone_after_the_lease(app, clock, monkeypatch):
    from bot.notices import sending

    monkeypatch.setattr(sending, "RENEW_SECONDS", 0.001)
    renewals_swallow_cancel(app.svc.store, "notice_drained")
    crowd = await residents(app, 3)
    real = app.svc.notices.send_one
    first = []

    async def fails(n, notice, rid):
        if not first:
            first.append(rid)
            await asyncio.sleep(0.05)  # the renewal is under way
            raise RuntimeError("Redis answered late")
        return await real(n, notice, rid)

    app.svc.notices.send_one = fails
    rids = [r["id"] for r in await app.svc.store.residents() if r.get("tg_id")]
    await app.svc.notices.start(by="李社工", by_chat=1001, audience="all", rids=rids, text="明天上午停水")
    await asyncio.gather(*app.svc.notices.running.values(), return_exceptions=True)
    await asyncio.sleep(0.5)  # the renewals (had they gone on) move the lease meanwhile
    for _ in range(10):  # two and a half minutes of the scheduler's ticks
        clock.advance(seconds=15)
        await app.engine.tick()
        await asyncio.sleep(RENEWAL_SECONDS * 1.5)
    await asyncio.gather(*app.svc.notices.running.values(), return_exceptions=True)
    assert [any("明天上午停水" in t for t in p.texts()) for p in crowd] == [True] * len(crowd)
