"""A long Redis outage, and the bot's process restarted in the middle of it (a crash, systemd's Restart=always).

At 02:00 王老伯 cries 救命 while Redis is down; at 02:02 the process dies and systemd starts a new one, Redis still
away. His daughter used to hear nothing until Redis came back: the timer that tells the family at the emergency's
family level (8 minutes) lived in the dead process alone. Now the new process finds his cry in the journal on disk
and tells her at 02:08, counted from his cry, once — a further restart after that does not tell her again. The staff
his cry reached read that his family got the outage message, and once Redis is back the call's packet and history
say so too.
"""
import asyncio

from test_outage_cries_held import a_second_later
from test_outage_family import COMMITTEE, TOLD, wang_and_zhang_with_family
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person

FAMILY_TOLD_ZH = "家属已收到通知（系统故障期间）"


async def minutes_later(app, clock, minutes: float) -> None:
    clock.advance(minutes=minutes)
    await a_second_later(app)


async def processes(make_app, own_redis, count: int):
    """The bot's process and those that take over from it, one after the other (same journal folder)."""
    first = await make_app(redis_url=own_redis.url)
    wang, daughter, son = await wang_and_zhang_with_family(first)
    later = [await make_app(redis_url=own_redis.url) for _ in range(count)]
    return first, later, wang


def told(app) -> list[str]:
    return [m.text for m in Person(app, 6001, "王丽").inbox if TOLD in m.text]


async def test_a_restart_during_the_outage_still_tells_his_daughter_at_the_family_level_counted_from_his_cry(
        make_app, own_redis, clock):
    first, (second,), wang = await processes(make_app, own_redis, 1)
    own_redis.stop()
    cried_at = clock.local(clock.ts()).strftime("%H:%M")
    await wang.send("救命 我摔倒了")
    await minutes_later(first, clock, 2)
    await first.svc.outage.close()  # the process dies: its journal file is left on disk, its timer is gone
    await minutes_later(second, clock, 3)  # the new one runs its every-second jobs
    await minutes_later(second, clock, 2.5)
    assert told(first) == told(second) == []  # 7.5 minutes after his cry: staff still have the first minutes
    await minutes_later(second, clock, 0.6)
    assert len(told(second)) == 1, told(second)  # 8.1 minutes after his cry, not 8 minutes after the restart
    assert "王老伯" in told(second)[0] and cried_at in told(second)[0] and COMMITTEE in told(second)[0]
    for _ in range(3):
        await minutes_later(second, clock, 5)
    assert len(told(second)) == 1


async def test_a_restart_after_his_daughter_was_told_does_not_tell_her_again(make_app, own_redis, clock):
    first, (second,), wang = await processes(make_app, own_redis, 1)
    own_redis.stop()
    await wang.send("救命 我摔倒了")
    await minutes_later(first, clock, 8.1)
    assert len(told(first)) == 1
    await first.svc.outage.close()  # the process dies after telling her
    for _ in range(4):
        await minutes_later(second, clock, 3)
    assert told(second) == []  # the journal says she was told: once an outage, across the restart


async def test_two_workers_during_the_outage_tell_his_daughter_once(make_app, own_redis, clock):
    first, (second,), wang = await processes(make_app, own_redis, 1)
    own_redis.stop()
    await wang.send("救命 我摔倒了")  # reached the first worker; the second runs its jobs too
    for _ in range(3):
        clock.advance(minutes=3)
        await a_second_later(first)
        await a_second_later(second)
    assert len(told(first)) + len(told(second)) == 1


async def test_the_staff_his_cry_reached_read_that_his_family_got_the_outage_message(make_app, own_redis, clock):
    first, (second,), wang = await processes(make_app, own_redis, 1)
    li = Person(second, 1001, "李社工")
    own_redis.stop()
    await wang.send("救命 我摔倒了")
    await first.svc.outage.close()
    await minutes_later(second, clock, 8.1)
    lines = [t for t in li.texts() if FAMILY_TOLD_ZH in t]
    assert len(lines) == 1 and "王老伯" in lines[0], li.texts()
    own_redis.start()
    await replay_tick(second)  # the journaled call is stored: its packet and history say so
    while pending := [t for t in second.engine.incidents.pending() if not t.done()]:  # its packets' edits
        await asyncio.gather(*pending, return_exceptions=True)
    li_first = [m for m in li.inbox if "紧急求助 #1" in m.text]
    assert li_first and FAMILY_TOLD_ZH in li_first[-1].text, [m.text for m in li_first]
    await li.send("/incident 1")
    assert FAMILY_TOLD_ZH in li.last().text, li.last().text
