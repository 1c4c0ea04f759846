"""How a call ended reaches each family chat exactly once, and a send that fails for a moment is tried again.
Before, the news of a closed call was one batch under one deadline ("fam:n"): a send Telegram refused for a moment
(a 502, a timeout) counted as done and she never heard how it ended; a worker dying after the send but before
crossing the deadline off had the next worker send it again; and a send slowed past the incident lock let a second
worker send it too. Now the store keeps, per chat, who was told (and who is being told, for a while): each chat hears
it once when nothing fails for good, and a chat Telegram failed for a moment is tried again."""
import asyncio

from conftest import signed_up
from test_family_news_crash import CLOSED, her_fathers_call_resolved
from test_incident_followups import restarted

from bot.testing.tools import Person
from bot.types import SendResult


def failing_for_a_moment(app, person) -> list:
    """Telegram answers 502 to every send to `person` until the list returned is given a True."""
    real, over = app.svc.outbox.send, []

    async def bad_gateway(msg, **kw):
        if msg.chat_id == person.id and not over:
            return SendResult(False, error="Bad Gateway", permanent=False)
        return await real(msg, **kw)

    app.svc.outbox.send = bad_gateway
    return over


async def test_a_send_that_failed_for_a_moment_is_tried_again(people, app, clock):
    wangli = await signed_up(people("王丽"), "13911110002")
    over = failing_for_a_moment(app, wangli)
    await her_fathers_call_resolved(people, app)
    assert not any(CLOSED in t for t in wangli.texts())
    over.append(True)  # Telegram is back
    for _ in range(3):
        clock.advance(minutes=1)
        await app.engine.tick()
    assert sum(CLOSED in t for t in wangli.texts()) == 1


async def test_a_worker_dying_after_the_send_does_not_have_it_sent_again(people, app, clock, make_app):
    store, real = app.svc.store, app.svc.store.cancel_deadline

    async def power_cut(*keys):  # the news went; the worker dies as it would cross it off
        if any(k.startswith("fam:") for k in keys):
            raise RuntimeError("power cut")
        return await real(*keys)

    store.cancel_deadline = power_cut
    wangli = await her_fathers_call_resolved(people, app)
    assert sum(CLOSED in t for t in wangli.texts()) == 1
    after = await restarted(make_app, app)
    for _ in range(3):
        clock.advance(minutes=1)
        await after.engine.tick()
    assert Person(after, wangli.id, wangli.name).texts() == []
    assert await after.svc.store.deadline("fam:1") is None  # and nothing left owed


async def test_a_send_slowed_past_the_lock_is_not_sent_by_a_second_worker(people, app, clock, make_app):
    wangli = people("王丽")
    real, entered, go_on = app.svc.outbox.send, asyncio.Event(), asyncio.Event()

    async def slow(msg, **kw):  # Telegram takes its time answering the send of the news to her
        if msg.chat_id == wangli.id and CLOSED in (msg.text or ""):
            entered.set()
            await go_on.wait()
        return await real(msg, **kw)

    app.svc.outbox.send = slow
    closing = asyncio.create_task(her_fathers_call_resolved(people, app))
    await asyncio.wait_for(entered.wait(), 5)
    await app.svc.store.r.delete(app.svc.store.keys.incident_lock(1))  # the lock ran out meanwhile
    after = await restarted(make_app, app)
    clock.advance(seconds=15)  # the news's deadline is due: the second worker looks at it
    await after.engine.tick()
    go_on.set()
    await closing
    clock.advance(minutes=5)
    await after.engine.tick()
    told = sum(CLOSED in t for t in wangli.texts()) + sum(
        CLOSED in t for t in Person(after, wangli.id, wangli.name).texts())
    assert told == 1
