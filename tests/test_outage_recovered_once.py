"""A caller hears "系统已恢复" once, however many worker processes journaled their calls.

Two worker processes share one Redis and one journal folder. During an outage 王老伯's "救命" reached one and his
🆘 the other. When Redis is back both replay at the same moment, each storing the call it could mark first, and each
then told him his calls were recorded: two "✅ 系统已恢复…" messages, minutes after the fallback, to an old man who
then wonders whether he called twice. Now the message is claimed in Redis for the caller and the outage: one goes.
"""
import asyncio

from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import replay_breaks_once

from bot.testing.tools import Person

RECOVERED = "系统已恢复"


def told(apps, chat_id: int) -> list[str]:
    return [m.text for app in apps for m in app.svc.outbox.messenger.log
            if m.chat_id == chat_id and RECOVERED in (m.text or "") and not m.edit]


async def test_calls_journaled_by_two_workers_give_the_caller_one_recovery_message(make_app, own_redis, clock):
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)  # another worker on this machine: same journal folder
    wang = await signed_up(Person(first, 5001, "王老伯"), "13900000002")
    own_redis.stop()
    await wang.send("救命")
    clock.advance(seconds=30)
    await Person(second, wang.id, "王老伯").send("🆘 紧急求助")
    assert len(list(first.svc.outage.journal.folder.glob("*.jsonl"))) == 2  # one journal a process
    clock.advance(minutes=3)
    own_redis.start()
    await asyncio.gather(replay_tick(first), replay_tick(second))
    await replay_tick(first)  # the next seconds: the one that left his calls to the other deletes its file
    await replay_tick(second)
    (n,) = await first.svc.store.open_incident_ids()
    assert [e["event"] for e in await first.svc.store.timeline(n)].count("resident_again") == 1  # both calls stored
    (message,) = told((first, second), wang.id)
    assert "对吗" in message  # nobody has claimed it yet: the read-back of his address comes with it
    assert list(first.svc.outage.journal.folder.glob("*.jsonl")) == []


async def test_a_call_stored_only_on_the_next_run_does_not_tell_the_caller_again(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    own_redis.stop()
    await wang.send("救命")
    clock.advance(seconds=30)
    await wang.send_kind("voice")
    own_redis.start()
    replay_breaks_once(app, "voice")  # tried again next second
    await replay_tick(app)
    await replay_tick(app)
    (n,) = await app.svc.store.open_incident_ids()
    assert "resident_voice" in [e["event"] for e in await app.svc.store.timeline(n)]
    assert len(told((app,), wang.id)) == 1


async def test_the_next_outage_tells_the_caller_again(make_app, own_redis, clock):
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(first, 5001, "王老伯"), "13900000002")
    for app in (first, second):  # an outage, then another an hour later, each call journaled by another worker
        own_redis.stop()
        await Person(app, wang.id, "王老伯").send("救命")
        clock.advance(minutes=3)
        own_redis.start()
        await asyncio.gather(replay_tick(first), replay_tick(second))
        clock.advance(hours=1)
    assert len(told((first, second), wang.id)) == 2
