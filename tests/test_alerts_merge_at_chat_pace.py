"""Calls half a second apart reach the on-duty staff member at once, not at her chat's pace (issue 16, mass calls).

Telegram lets about one message a second into one chat after a short burst of three. Calls that arrive in the same
instant already reach a staff member as one digest (tests/test_burst.py); calls a few tenths of a second apart —
a power cut in a tower block, residents pressing 🆘 one after another — each had their own alert, queued behind
the others for the staff chat's next second: the eighth call reached her four seconds late, the fortieth half a
minute. Alerts that are waiting for the same staff chat's turn now leave together when it comes, as one digest
(a line and a claim button each), each call's full packet following.
"""
import asyncio

from bot.ratelimit import TelegramLimiter
from bot.testing.quick_time import QuickTime
from bot.testing.tools import Person
from tests.test_burst import DIGEST, numbers, residents

CALLS, APART = 8, 0.3


async def test_calls_a_moment_apart_each_reach_the_staff_member_within_about_a_second(make_app):
    pace = QuickTime(speed=1)  # Telegram's real pace while the calls come and reach her; then ten times quicker
    app = await make_app(limiter=TelegramLimiter(clock=pace.clock, sleep=pace.sleep))
    loop, arrived = asyncio.get_running_loop(), {}
    messenger = app.svc.outbox.messenger
    deliver = messenger.deliver

    async def timed(msg):
        result = await deliver(msg)
        if msg.chat_id == 1001 and msg.text:
            for n in numbers(msg.text):
                arrived.setdefault(n, loop.time())
        return result

    messenger.deliver = timed
    people = await residents(app, CALLS)
    pressed, cries = {}, []
    for i, person in enumerate(people):
        pressed[i] = loop.time()
        cries.append(asyncio.create_task(person.send("🆘 紧急求助")))
        await asyncio.sleep(APART)
    while len(arrived) < CALLS and loop.time() - pressed[0] < 20:
        await asyncio.sleep(0.05)
    pace.go(speed=10)  # every call's first word has reached her, at the real pace; what follows is about order
    await asyncio.gather(*cries)
    opened = sorted(await app.svc.store.open_incident_ids())
    assert len(opened) == CALLS
    late = {n: round(arrived[n] - pressed[i], 2) for i, n in enumerate(opened) if n in arrived}
    assert len(late) == CALLS, late
    assert max(late.values()) < 1.6, f"seconds from 🆘 to the staff member's first word of it: {late}"
    assert all(any("已通知值班社工" in t for t in p.texts()) for p in people)
    li = Person(app, 1001, "李社工")
    for _ in range(400):  # each call's full packet follows its digest, at the chat's pace
        packets = [s for s in li.inbox if DIGEST not in s.text and numbers(s.text)]
        if len(packets) >= CALLS:
            break
        await asyncio.sleep(0.05)
    assert sorted(n for p in packets for n in numbers(p.text)) == opened  # each once, none twice
    digests = [s for s in li.inbox if DIGEST in s.text]
    assert digests and all(len(d.buttons) == len(numbers(d.text)) for d in digests)  # a claim button each


async def test_a_call_after_an_alert_that_never_got_its_slot_still_reaches_the_staff_member(make_app):
    """The limiter failed for every try of the first call's alert (its message was never made): the next call to the
    same staff chat must not join that finished send as if it had gone — it gets its own."""
    app = await make_app()

    class Broken:
        failures = 4  # every try of the first alert

        async def acquire(self, chat_id, urgent=False, **_):
            if self.failures:
                self.failures -= 1
                raise ConnectionError("limiter unavailable")

        def stale(self, slot_at):
            return False

        def penalise(self, chat_id, retry_after):
            pass

    app.svc.outbox.limiter, app.svc.outbox.backoff = Broken(), 0.001
    first, second = await residents(app, 2)
    await first.send("🆘 紧急求助")
    li = Person(app, 1001, "李社工")
    await second.send("🆘 紧急求助")
    assert any(2 in numbers(t) for t in li.texts()), li.texts()
    await asyncio.gather(*app.svc.incidents.pending())
    timeline = await app.svc.store.timeline(2)
    alerted = next(e for e in timeline if e["event"] == "alerted")
    assert alerted["to"] == ["李社工"] and not alerted["failed"], timeline  # by the fast lane itself
    assert "fallback_alert" not in [e["event"] for e in timeline], timeline  # not after it had failed
    assert len(await app.svc.store.alert_messages(2)) == 1  # one packet to keep up to date, not a fallback's two
