"""The surge line ("⚠️ 多人同时求助") when something fails at the wrong moment, and whom it counts.

Three residents cry within minutes: every staff member and the head must hear it at once. Before, the line was lost
for good when Redis failed over just as the third call's one round trip asked whether a surge was on, when the look
at the calls hit the failover, or when Telegram answered 502 to the line (the calls were marked told, so nothing
sent it again). Now a failed round trip still looks, a failed look is tried again, and the line is owed in Redis
until Telegram took it for each staff chat, sent again by a timer (another worker's, after a crash). And the count
is of people in trouble: a doctor's cry about "my patient" (two patients, both crying) is no third person.
"""
from __future__ import annotations

from conftest import signed_up
from redis.exceptions import ConnectionError as RedisConnectionError

import bot.incidents.surge as surge_module
from bot.testing.tools import Person
from bot.types import SendResult
from tests.test_surge import CHEN, LI, WANG, claimable, cry_a_minute_apart, neighbours, surge_lines

EVERYONE = (LI, WANG, CHEN)


def failing_once(store, method: str) -> list:
    """The store's `method` raises as during a Sentinel failover, the first time it is called; the list returned
    records each call."""
    real, calls = getattr(store, method), []

    async def failover(*args, **kw):
        calls.append(args)
        if len(calls) == 1:
            raise RedisConnectionError("Connection closed by server (failover)")
        return await real(*args, **kw)

    setattr(store, method, failover)
    return calls


async def test_a_failover_during_the_third_calls_surge_question_still_tells_everyone(app, clock):
    people = await neighbours(app, 3)
    await cry_a_minute_apart(clock, people[:2])
    asked = failing_once(app.svc.store, "surge_maybe")
    await people[2].send("🆘 紧急求助")
    assert asked  # the question was asked, and failed
    opened = set(await app.svc.store.open_incident_ids())
    for tg in EVERYONE:
        assert len(surge_lines(Person(app, tg))) == 1, Person(app, tg).texts()
    assert claimable(Person(app, WANG)) == claimable(Person(app, CHEN)) == opened


async def test_a_failover_during_the_look_at_the_calls_is_tried_again(app, clock, monkeypatch):
    monkeypatch.setattr(surge_module, "LOOK_RETRY_SECONDS", 0)
    people = await neighbours(app, 3)
    await cry_a_minute_apart(clock, people[:2])
    stepped = failing_once(app.svc.store, "surge_step")
    await people[2].send("🆘 紧急求助")
    assert len(stepped) >= 2
    for tg in EVERYONE:
        assert len(surge_lines(Person(app, tg))) == 1, Person(app, tg).texts()


def telegram_failing(app, needle: str) -> list:
    """Telegram answers 502 to every message containing `needle` until the list returned is given a True."""
    real, over = app.svc.outbox.send, []

    async def bad_gateway(msg, **kw):
        if needle in (msg.text or "") and not over:
            return SendResult(False, error="Bad Gateway", permanent=False)
        return await real(msg, **kw)

    app.svc.outbox.send = bad_gateway
    return over


async def test_a_surge_line_telegram_refused_for_a_while_is_sent_again_once(app, clock):
    people = await neighbours(app, 3)
    over = telegram_failing(app, "多人同时求助")
    await cry_a_minute_apart(clock, people)
    assert all(surge_lines(Person(app, tg)) == [] for tg in EVERYONE)  # Telegram refused it
    over.append(True)  # Telegram answers again
    for _ in range(3):
        clock.advance(seconds=20)
        await app.engine.tick()
    for tg in EVERYONE:
        assert len(surge_lines(Person(app, tg))) == 1, Person(app, tg).texts()


async def test_a_worker_dying_just_after_the_surge_was_recorded_leaves_the_line_to_the_next(make_app, clock):
    app = await make_app()
    people = await neighbours(app, 3)

    async def killed(*args, **kw):  # the process dies once the surge is recorded, before the line went out
        raise RuntimeError("killed")

    app.engine.incidents._surge_told = killed
    await cry_a_minute_apart(clock, people)
    assert all(surge_lines(Person(app, tg)) == [] for tg in EVERYONE)
    other = await make_app()  # another worker on the same Redis
    for _ in range(3):
        clock.advance(seconds=20)
        await other.engine.tick()
    for tg in EVERYONE:
        assert len(surge_lines(Person(other, tg))) == 1, Person(other, tg).texts()


async def test_a_doctors_cry_about_one_of_her_two_patients_who_both_cried_is_no_third_person(people, app, clock):
    """张阿姨 and 王老伯 cry; their family doctor 赵医生 cries "my patient fell" before saying which: three calls, two
    people in trouble — the on-duty staff member has them all, and nobody else is woken."""
    zhang = await signed_up(people("张阿姨"), "13900000001")
    wang = await signed_up(people("王老伯"), "13900000002")
    doctor = await signed_up(people("赵医生"), "13922220001")
    await cry_a_minute_apart(clock, [zhang, wang])
    await doctor.send("我的病人摔倒了起不来")
    assert len(await app.svc.store.open_incident_ids()) == 3
    assert all(surge_lines(Person(app, tg)) == [] for tg in EVERYONE)


async def test_her_son_and_a_neighbour_reporting_her_own_call_count_her_once(people, app, clock):
    """张阿姨 cries; her son (signed up as her contact) and a neighbour who never signed up report her at her door
    within the minute; 王老伯 cries too: four cries, two people in trouble — no surge, nobody else woken."""
    zhang = await signed_up(people("张阿姨"), "13900000001")
    son = await signed_up(people("张明"), "13911110001")
    wang = await signed_up(people("王老伯"), "13900000002")
    await zhang.send("救命 我摔倒了")
    clock.advance(seconds=20)
    await son.send("我妈摔倒了起不来")
    clock.advance(seconds=20)
    await Person(app, 70_101, "邻居小刘").send("3号楼602的老太太摔倒了")
    clock.advance(seconds=20)
    await wang.send("🆘 紧急求助")
    assert len(await app.svc.store.open_incident_ids()) == 2  # her reports joined her call
    assert all(surge_lines(Person(app, tg)) == [] for tg in EVERYONE)


async def test_a_failover_while_a_call_is_sent_to_everyone_in_a_surge_is_tried_again(app, clock, monkeypatch):
    monkeypatch.setattr(surge_module, "LOOK_RETRY_SECONDS", 0)
    people = await neighbours(app, 3)
    await cry_a_minute_apart(clock, people[:2])
    read = failing_once(app.svc.store, "packets_owed")  # one call's look at who has it already hits the failover
    await people[2].send("🆘 紧急求助")
    assert read
    opened = set(await app.svc.store.open_incident_ids())
    assert claimable(Person(app, WANG)) == claimable(Person(app, CHEN)) == opened  # at once, not 3 minutes later
