"""An everyday request typed while Redis is away is not lost.

张阿姨 has no call open. Redis goes away and she types "帮我买点菜"; 王老伯 types "能不能请社工给我回个电话", then "我被锁在
门外了" (by day: a request, not a cry). Each read "系统暂时出了点问题" with 120 and the committee's phone, and then went
nowhere: with no call of theirs to join, the journal's words were dropped unread once Redis was back. Now such words
reach every staff member at once, as a request (a line, not an alert), and are read once Redis is back as if just
typed, each person's in the order they came (the way words that are a cry only in context are: bot/incidents/outage_context.py):
each request is stored as it would have been with Redis up, once, and its teller hears once that it is recorded.
"""
import asyncio

from conftest import signed_up
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_said import settled

from bot.testing.tools import Person

REQUESTS = ["帮我买点菜", "能不能请社工给我回个电话", "我被锁在门外了"]


def heard(staff: Person, words: str, since: int) -> list[str]:
    return [m.text for m in staff.inbox[since:] if words in m.text]


async def test_requests_typed_during_an_outage_reach_staff_once_redis_is_back_in_order_and_once(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li = Person(app, 1001)
    clock.advance(minutes=1)
    await replay_tick(app)  # the register's Telegram ids snapshotted, as every minute while Redis answers
    seen = len(li.inbox)
    own_redis.stop()
    for who, words in zip([zhang, wang, wang], REQUESTS):
        await who.send(words)
        assert "120" in who.last().text and COMMITTEE in who.last().text  # what they read then, as before
        assert who.name in li.last(words).text  # and staff hear it at once, from whom
        clock.advance(minutes=1)
    during = len(li.inbox)
    told = len(zhang.inbox), len(wang.inbox)
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    await replay_tick(app)  # a second run adds nothing
    await settled(app)
    for words in REQUESTS:
        lines = heard(li, words, during)
        assert lines, f"staff never heard {words!r}: {[m.text[:50] for m in li.inbox[seen:]]}"
    # one call each, each person's words in the order typed (his lock-out joins his request); different people's
    # are replayed side by side (bot/incidents/outage.py `_replay`), so whose is stored first is not asserted
    calls = await app.svc.store.open_incident_ids()
    whose = sorted([(await app.svc.store.incident(n))["resident"] for n in calls])
    assert whose == sorted([(await app.svc.store.resident_by_tg(p.id))["id"] for p in (zhang, wang)])
    # once each: 张阿姨's request, and 王老伯's, which his lock-out joins (as it would with Redis up)
    assert len(await app.svc.store.open_incident_ids()) == 2
    assert sum(len(heard(li, words, during)) for words in REQUESTS[:2]) == 2
    assert "李社工" in heard(li, REQUESTS[0], during)[0]  # its packet: whom the line during the outage reached
    assert len(zhang.inbox) == told[0] + 1 and len(wang.inbox) == told[1] + 1  # each told once it is recorded
    assert COMMITTEE in zhang.last().text


async def test_the_same_requests_with_redis_up_reach_staff(make_app):
    """What the replay must match: with Redis up each of these reaches staff at once."""
    app = await make_app()
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    li = Person(app, 1001)
    for words in REQUESTS:
        seen = len(li.inbox)
        await zhang.send(words)
        assert heard(li, words, seen), (words, [m.text[:60] for m in zhang.inbox[-2:]])


async def test_a_strangers_requests_during_an_outage_wait_for_redis_and_never_flood_staff(make_app, own_redis, clock):
    """Anyone can open accounts: only the register's people (as last snapshotted) put a line in every staff chat at once;
    a stranger's request is read once Redis is back, as with Redis up."""
    app = await make_app(redis_url=own_redis.url)
    li = Person(app, 1001)
    seen = len(li.inbox)
    own_redis.stop()
    for i in range(5):
        stranger = Person(app, 7001 + i, f"路人{i}")
        await stranger.send("帮我买点菜")
        assert "120" in stranger.last().text and COMMITTEE in stranger.last().text
    assert li.inbox[seen:] == []


async def test_two_workers_replaying_the_same_requests_store_each_once(make_app, own_redis, clock):
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)  # another worker on this machine: same journal folder
    zhang = await signed_up(Person(first, 5002, "张阿姨"), "13900000001")
    wang = await signed_up(Person(first, 5001, "王老伯"), "13900000002")
    own_redis.stop()
    await zhang.send(REQUESTS[0])
    clock.advance(minutes=1)
    await wang.send(REQUESTS[1])
    told = len(zhang.inbox), len(wang.inbox)
    own_redis.start()
    await asyncio.gather(replay_tick(first), replay_tick(second), replay_tick(first), replay_tick(second))
    assert len(await first.svc.store.open_incident_ids()) == 2
    packets = [m for app in (first, second) for m in app.svc.outbox.messenger.log
               if m.chat_id == 1001 and not m.edit and any(w in m.text for w in REQUESTS[:2]) and "#" in m.text]
    assert len(packets) == 2, [m.text[:40] for m in packets]
    for who, before in zip((zhang, wang), told):  # each told once, by whichever worker stored theirs
        mine = [m for app in (first, second) for m in app.svc.outbox.messenger.log
                if m.chat_id == who.id and m.tag == "recovered"]
        assert len(mine) == 1
