"""Calls that come together reach a staff member as one digest (a line and a claim button each), then each call's
full packet (name, phone, address, its own buttons, the message later edits keep up to date). The packets must
survive the worker dying after the digest went: the next worker sends each of them, once."""
import asyncio
from datetime import datetime

from test_burst import DIGEST, numbers, residents
from test_incident_followups import SH, until

from bot.testing.tools import Person, _ids
from bot.types import Inbound


def packets(texts: list[str]) -> list[str]:
    return [t for t in texts if DIGEST not in t and "紧急求助 #" in t]


async def crashed_after_a_digest(app, clock, count: int) -> Person:
    """`count` residents call at 10:00; 李社工 gets them in one digest; the worker dies before their full packets."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    crowd = await residents(app, count)
    real = app.svc.outbox.send_all

    async def dies(msgs, *args, **kwargs):
        if any(m.tag.startswith("packet:") for m in msgs):
            raise RuntimeError("power cut")
        return await real(msgs, *args, **kwargs)

    app.svc.outbox.send_all = dies
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in crowd))
    for task in list(app.engine.incidents.pending()):
        await task
    li = Person(app, 1001, "李社工")
    assert numbers(li.last(DIGEST).text) == set(range(1, count + 1)) and packets(li.texts()) == []
    return li


async def test_full_packets_after_a_digest_whose_worker_died_reach_staff_from_the_next_worker(app, clock, make_app):
    li = await crashed_after_a_digest(app, clock, 3)
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    heard = await until(after, clock, datetime(2026, 11, 23, 10, 2, 30, tzinfo=SH), [Person(after, li.id, li.name)],
                        every=0.25)  # before the first escalation (10:03) alerts everyone again
    got = packets(heard[0])
    assert sorted(n for t in got for n in numbers(t)) == [1, 2, 3]  # each packet, once
    assert all("1360000" in t and "建新路" in t for t in got)  # the phone and the address
    for n in (1, 2, 3):
        assert [role for chat, _, role in await after.svc.store.alert_messages(n) if chat == li.id] == ["staff"]


async def test_full_packets_waiting_long_behind_other_alerts_are_not_sent_again_by_a_second_worker(app, clock,
                                                                                                  make_app,
                                                                                                  monkeypatch):
    """The packets after a digest wait their turn 90 s (a storm of alerts ahead of them): a second worker on the same
    Redis must leave them to the first, whose lease is renewed meanwhile (every 10 ms of real time here, as the test
    jumps the clock), and nobody gets a packet twice."""
    from bot.incidents import owed

    monkeypatch.setattr(owed, "RENEW_SECONDS", 0.01)
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    crowd = await residents(app, 3)
    other = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    real, storm_over = app.svc.outbox.send_all, clock.ts() + 90

    async def slow(msgs, *args, **kwargs):
        if any(m.tag.startswith("packet:") for m in msgs):  # behind the storm, which is over at 10:01:30
            while clock.ts() < storm_over:
                await asyncio.sleep(0.002)
        return await real(msgs, *args, **kwargs)

    app.svc.outbox.send_all = slow
    await asyncio.gather(*(app.engine.handle(Inbound(user_id=p.id, chat_id=p.id, first_name=p.name, language="zh-hans",
                                                     message_id=next(_ids), kind="text", text="🆘 紧急求助"))
                           for p in crowd))  # not waiting for what they set going, as Person.send would
    li = Person(app, 1001, "李社工")
    for _ in range(30):  # two and a half minutes, before the first escalation
        clock.advance(seconds=5)
        await other.engine.tick()
        await asyncio.sleep(0.02)
    for task in list(app.engine.incidents.pending()):
        await task
    assert sorted(n for t in packets(li.texts()) for n in numbers(t)) == [1, 2, 3]
