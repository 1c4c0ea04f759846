"""Many residents' calls in one minute while Redis is away (a power cut that takes the server's Redis with it, a storm).

During the outage the fallback alerts every staff member the config names, the head among them, once per caller:
three residents crying within a minute reach everyone three times, as many people as a surge reaches in normal
operation (tests/test_surge.py), none capped. Once Redis is back each journaled call becomes a stored call with claim
buttons; those calls count for a surge as any other, so every staff member and the head can claim each one at once,
not only the on-duty staff member until the escalation timer."""
from __future__ import annotations

import asyncio

from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person
from tests.test_surge import claimable, surge_lines

EVERYONE = {1001: "李社工", 1002: "王社工", 1003: "陈书记"}
FALLBACK_ALERT = "未能记录"
RESIDENTS = (("张阿姨", "13900000001"), ("王老伯", "13900000002"), ("刘奶奶", "13900000003"))


async def three_cries_in_a_minute_while_redis_is_away(app, server, clock) -> list[Person]:
    people = [await signed_up(Person(app, 5101 + i, name), phone) for i, (name, phone) in enumerate(RESIDENTS)]
    server.stop()
    for person in people:
        await person.send("救命 我摔倒了")
        clock.advance(seconds=20)
    return people


async def test_several_residents_crying_in_one_minute_of_an_outage_each_reach_every_staff_member_and_the_head(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    people = await three_cries_in_a_minute_while_redis_is_away(app, own_redis, clock)
    for person in people:
        assert "120" in person.last().text
    for tg in EVERYONE:
        alerts = [t for t in Person(app, tg).texts() if FALLBACK_ALERT in t]
        assert {name for name, _ in RESIDENTS} == {n for n, _ in RESIDENTS for t in alerts if n in t}, alerts


async def test_once_redis_is_back_every_staff_member_can_claim_each_call_of_the_outage_at_once(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    await three_cries_in_a_minute_while_redis_is_away(app, own_redis, clock)
    own_redis.start()
    await replay_tick(app)
    while pending := [t for t in app.engine.incidents.pending() if not t.done()]:  # the alerts it set going
        await asyncio.gather(*pending, return_exceptions=True)
    opened = set(await app.svc.store.open_incident_ids())
    assert len(opened) == 3
    for tg in EVERYONE:  # not only the on-duty staff member, waiting for the 3-minute timer
        staff = Person(app, tg)
        assert claimable(staff) == opened, (EVERYONE[tg], staff.texts())
        assert len(surge_lines(staff)) == 1
