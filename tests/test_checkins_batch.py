"""The 09:00 drain reads a batch of residents at once and records each step in one atomic script, so a district's
check-ins cost a few Redis commands each (issue 16: CPU per check-in). The one thing it must never do is write
over something that happened meanwhile: a resident writing to the bot, staff pausing them, an answer that
arrives while the check-in is on its way. Each of those is played here against a real Redis."""
from __future__ import annotations

import asyncio
import contextlib

from redis.asyncio import connection as redis_connection

from bot.ratelimit import Limits
from bot.sharedlimit import SharedLimiter
from bot.testing.tools import Person, RecordingMessenger
from tests.conftest import TUESDAY_9
from tests.test_burst import residents


async def enrolled(app, count: int, first_tg: int = 800000) -> list[Person]:
    people = await residents(app, count, first_tg=first_tg)
    for p in people:
        await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(p.id))["id"])
    return people


async def rid_of(app, person: Person) -> str:
    return (await app.svc.store.resident_by_tg(person.id))["id"]


def checkins_to(app, person: Person) -> list:
    return [m for m in app.svc.outbox.messenger.log if m.chat_id == person.id and m.tag.startswith("checkin:")
            and not m.edit]


async def sent_log(app) -> dict[int, int]:
    """How many check-ins to each chat the send log holds."""
    log = await app.svc.store.send_log(1000)
    return {c: sum(e["chat"] == c for e in log if e["tag"].startswith("checkin:")) for c in {e["chat"] for e in log}}


class Sent:
    """Counts what this process's Redis clients send: commands, and writes to the socket (round trips; a
    pipeline is one)."""

    def __init__(self, monkeypatch) -> None:
        self.commands = self.round_trips = 0
        conn = redis_connection.Connection
        pack, send = conn.pack_command, conn.send_packed_command

        def counted_pack(c, *args):
            self.commands += 1
            return pack(c, *args)

        async def counted_send(c, *args, **kw):
            self.round_trips += 1
            return await send(c, *args, **kw)

        monkeypatch.setattr(conn, "pack_command", counted_pack)
        monkeypatch.setattr(conn, "send_packed_command", counted_send)


async def test_a_batch_of_sixty_check_ins_costs_a_few_redis_commands_each(app, clock, monkeypatch):
    people = await enrolled(app, 60)
    clock.set(TUESDAY_9)
    sent = Sent(monkeypatch)
    assert await app.svc.checkins.run_due() == 60
    commands, round_trips = sent.commands, sent.round_trips
    assert all(len(checkins_to(app, p)) == 1 for p in people)  # everyone got their 早上好, once
    states = [await app.svc.checkins.state(await rid_of(app, p)) for p in people]
    assert {s.phase for s in states} == {"sent"}
    assert await sent_log(app) == {p.id: 1 for p in people}  # and each send is in the send log, once
    # the send's record is written by the "sent" step's script (5.8 -> 4.4), and a batch's rows,
    # states and locales are read by two scripts, not a command per resident (-> 2.5)
    assert commands / 60 <= 3, f"{commands / 60:.1f} Redis commands per check-in"
    assert round_trips / 60 <= 1, f"{round_trips / 60:.1f} Redis round trips per check-in"


async def test_a_resident_writing_to_the_bot_as_the_drain_comes_is_never_written_over(app, clock):
    """The engine holds the resident's lock while it handles their message and then writes their whole state: a
    step recorded in between would be lost (and the check-in sent twice, or its answer never awaited)."""
    (zhang,) = await enrolled(app, 1)
    rid = await rid_of(app, zhang)
    clock.set(TUESDAY_9)
    cis = app.svc.checkins
    async with cis.locked(rid):  # as the engine does for the resident's own message
        seen = await cis.state(rid)
        drain = asyncio.create_task(cis.run_due())
        await asyncio.sleep(0.3)
        assert checkins_to(app, zhang) == []  # nothing moves while their message is being handled
        seen.last_seen = clock.ts()
        await cis.save(seen)  # the engine's write, from what it read before
    await asyncio.wait_for(drain, 15)
    st = await cis.state(rid)
    assert len(checkins_to(app, zhang)) == 1
    assert st.phase == "sent" and st.last_seen == clock.ts()  # the step and the engine's write both stand


async def test_staff_pausing_a_resident_between_the_read_and_the_write_stops_their_check_in(app, clock):
    (zhang,) = await enrolled(app, 1)
    rid = await rid_of(app, zhang)
    clock.set(TUESDAY_9)
    cis, store = app.svc.checkins, app.svc.store
    real = store.checkin_batch

    async def read_then_staff_pause(rids):
        rows = await real(rids)
        async with cis.locked(rid):
            await cis.pause(rid, 7)  # e.g. taken to hospital: staff pause them just as the drain read them
        return rows

    store.checkin_batch = read_then_staff_pause
    await cis.run_due()
    assert checkins_to(app, zhang) == []
    st = await cis.state(rid)
    assert st.paused(clock.ts()) and st.phase != "sending"


async def test_an_answer_that_arrives_while_the_check_in_is_on_its_way_is_kept(app, clock):
    (zhang,) = await enrolled(app, 1)
    rid = await rid_of(app, zhang)
    clock.set(TUESDAY_9)
    cis, messenger = app.svc.checkins, app.svc.outbox.messenger
    real = messenger.deliver

    async def deliver_then_answer(msg):
        result = await real(msg)
        if msg.tag.startswith("checkin:") and msg.chat_id == zhang.id:
            await zhang.send("我很好")  # they answer before Telegram's reply reaches the bot
        return result

    messenger.deliver = deliver_then_answer
    await cis.run_due()
    st = await cis.state(rid)
    assert st.phase == "answered"  # not put back to "sent": no reminder, no staff alert for a resident who answered
    assert st.msg  # and the message is known, so its buttons can show the answer
    queue, due = await app.svc.store.checkin_when(rid)
    assert queue == "due" and due > clock.ts() + 3600  # tomorrow's check-in, not today's reminder
    assert (await sent_log(app)).get(zhang.id) == 1  # its send is in the send log all the same


async def test_two_workers_draining_one_batch_send_each_check_in_once_and_leave_it_sent(app, make_app, clock):
    people = await enrolled(app, 40)
    other = await make_app(prefix_=app.settings.redis.prefix, messenger=RecordingMessenger())
    clock.set(TUESDAY_9)
    await asyncio.gather(app.svc.checkins.run_due(), other.svc.checkins.run_due())
    for p in people:
        mine = checkins_to(app, p) + [m for m in other.svc.outbox.messenger.log
                                      if m.chat_id == p.id and m.tag.startswith("checkin:")]
        assert len(mine) == 1
        assert (await app.svc.checkins.state(await rid_of(app, p))).phase == "sent"


async def test_the_next_batch_is_taken_before_the_last_one_has_all_gone(app, clock):
    """At a batch's tail only a few check-ins are left on their way; if the next batch waits for the very last,
    the token's 30 a second go unused each time (bench_scale: a district's 09:00 takes longer)."""
    people = await enrolled(app, 150)
    clock.set(TUESDAY_9)
    store, sent_when_taken, on_its_way = app.svc.store, [], []
    real = store.take_checkins_due

    def let_go() -> None:
        for sent in on_its_way:
            sent.set()
        on_its_way.clear()

    async def take(queue, *args):
        if queue == "due":
            sent_when_taken.append(sum(m.tag.startswith("checkin:") for m in app.svc.outbox.messenger.log))
            let_go()
        return await real(queue, *args)

    store.take_checkins_due = take
    messenger = app.svc.outbox.messenger
    deliver = messenger.deliver

    async def over_http(msg):
        """A send is on its way (as over HTTP; the recording messenger answers at once) until the next one starts or
        the next batch is taken: counted by events, not by milliseconds that a busy machine stretches. A drain that
        waits for the last send before it takes the next batch finds it gone after 5 s, and is seen to wait."""
        let_go()
        sent = asyncio.Event()
        on_its_way.append(sent)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(sent.wait(), 5)
        return await deliver(msg)

    messenger.deliver = over_http
    assert await app.svc.checkins.run_due() == 150
    assert all(len(checkins_to(app, p)) == 1 for p in people)
    assert sent_when_taken[1] < 60 and sent_when_taken[2] < 120, f"batches taken after {sent_when_taken} were sent"


async def paced(make_app):
    """An app whose check-ins are paced by the token's limit through Redis, as in production."""
    app = await make_app(limiter=SharedLimiter(None, Limits(chat_burst=1)))
    app.svc.outbox.limiter.store = app.svc.store
    return app


async def test_check_ins_paced_at_thirty_a_second_share_their_redis_round_trips(make_app, clock, monkeypatch):
    """Paced by the token's limit, each check-in's calls (its step, its slot, its "sent") come at moments of their
    own: each went in a round trip of its own, three per check-in, and a round trip costs the worker more CPU than
    its commands (bench_scale.py). Calls within a few ms now share one, and a slot's call takes the steps waiting
    along (in a district, every committee's)."""
    app = await paced(make_app)
    people = await enrolled(app, 60)
    clock.set(TUESDAY_9)
    sent = Sent(monkeypatch)
    started = asyncio.get_running_loop().time()
    assert await app.svc.checkins.run_due() == 60
    assert asyncio.get_running_loop().time() - started > 1.5  # paced: about 30 a second
    assert all(len(checkins_to(app, p)) == 1 for p in people)
    assert await sent_log(app) == {p.id: 1 for p in people}
    assert sent.round_trips / 60 <= 2.2, f"{sent.round_trips / 60:.1f} Redis round trips per check-in"


async def test_a_paced_check_in_creates_few_tasks(make_app, clock):
    """Every task is a few more wake-ups of the worker's loop; a check-in's slot no longer has one of its own
    (asyncio.wait_for made one per message: 7.2 tasks per check-in, now 5.9; most of the rest are redis-py's, three
    per round trip)."""
    app = await paced(make_app)
    people = await enrolled(app, 30)
    clock.set(TUESDAY_9)
    loop, created = asyncio.get_running_loop(), []

    def factory(loop_, coro, **kw):
        created.append(coro)
        return asyncio.Task(coro, loop=loop_, **kw)

    loop.set_task_factory(factory)
    try:
        assert await app.svc.checkins.run_due() == 30
    finally:
        loop.set_task_factory(None)
    assert all(len(checkins_to(app, p)) == 1 for p in people)
    assert len(created) / 30 <= 6.5, f"{len(created) / 30:.1f} tasks per check-in"
