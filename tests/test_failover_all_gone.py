"""A Sentinel service with all of Redis gone (the master and its replica dead, or every sentinel and the master):
no failover will come. A resident's 🆘 must still get the committee's phone and 120, and reach every staff member
directly through Telegram, about as soon as with a plain Redis URL (tests/test_redis_stalled.py), not after a
failover's worth of retries each asking the sentinels again (it took more than 20 s)."""
import asyncio
import os
import signal
import time

from test_failover import answered_within, sentinel_app
from test_outage_journal import replay_tick
from test_fallback_media import COMMITTEE, STAFF

from bot.redisconn import REST_SECONDS
from bot.testing.sentinel import SentinelGroup
from bot.testing.tools import Person
from scheduler import Waker
from tests.test_burst import residents

BOUND = 8.0  # seconds from the press to her reply with 120 and every staff member's alert


async def pressed_with_all_of_redis_gone(tmp_path, settings, clock, nlu_model, knowledge_base, gone,
                                         frozen: bool = False) -> None:
    with SentinelGroup(tmp_path) as group:
        app = await sentinel_app(group, settings, clock, nlu_model, knowledge_base)
        try:
            neighbour, she = await residents(app, 2)
            await neighbour.send("🆘 紧急求助")  # connections open, as in a running bot
            group.kill_all(*gone(group))
            if frozen:
                group.freeze_master()
            t0 = time.monotonic()
            await answered_within([asyncio.ensure_future(she.send("🆘 紧急求助"))], 40)
            took = time.monotonic() - t0
            reply = she.last("120")
            assert COMMITTEE in reply.text
            for staff_id in STAFF:
                alert = Person(app, staff_id).last("居民1")
                assert "系统故障" in alert.text and "🆘" in alert.text
            assert took < BOUND, f"🆘 answered after {took:.1f} s with all of Redis gone"
        finally:
            await app.close()


async def test_a_sos_with_master_and_replica_dead_gets_120_and_reaches_staff_within_seconds(
        tmp_path, settings, clock, nlu_model, knowledge_base):
    await pressed_with_all_of_redis_gone(tmp_path, settings, clock, nlu_model, knowledge_base,
                                         lambda g: (g.master_now(), g.replica_port))


async def test_a_sos_with_every_sentinel_and_the_master_dead_gets_120_and_reaches_staff_within_seconds(
        tmp_path, settings, clock, nlu_model, knowledge_base):
    await pressed_with_all_of_redis_gone(tmp_path, settings, clock, nlu_model, knowledge_base,
                                         lambda g: (*g.sentinel_ports, g.master_now()))


async def test_a_sos_with_the_replica_dead_and_the_masters_host_without_power_gets_120_within_seconds(
        tmp_path, settings, clock, nlu_model, knowledge_base):
    """The master's host loses power (its connections only go quiet) with the replica already dead: every try on it
    waits a whole socket timeout, and the fallback reads and records several times."""
    await pressed_with_all_of_redis_gone(tmp_path, settings, clock, nlu_model, knowledge_base,
                                         lambda g: (g.replica_port,), frozen=True)


async def test_when_the_master_answers_again_her_call_becomes_an_incident_and_the_next_sos_is_stored(
        tmp_path, settings, clock, nlu_model, knowledge_base):
    """Calls stop being tried once Redis has been away past a failover's time: that must not keep them from it once
    it answers again. Her journaled 🆘 becomes an incident staff can claim, its packet sent by its replay at once —
    the frozen master stored it when it ran again, with its first alert's lock held for the fallback's process: the
    packet came only from its safety net ("first:n"), once that lock lapsed 10 s later — and once; the next
    resident's 🆘 is stored and alerted as usual."""
    with SentinelGroup(tmp_path) as group:
        app = await sentinel_app(group, settings, clock, nlu_model, knowledge_base)
        try:
            neighbour, she, third = await residents(app, 3)
            await neighbour.send("🆘 紧急求助")
            group.kill_all(group.replica_port)
            master = group.freeze_master()
            await answered_within([asyncio.ensure_future(she.send("🆘 紧急求助"))], BOUND)
            assert COMMITTEE in she.last("120").text
            os.kill(group.procs[master].pid, signal.SIGCONT)  # the host has power again
            li = Person(app, 1001, "李社工")
            for _ in range(40):  # the outage job and the wake-up job, every second (the bot's clock stands still:
                await asyncio.sleep(REST_SECONDS / 4)  # its safety net "first:n" is not due, its packet is the replay's)
                await replay_tick(app)
                await Waker([app.engine]).tick()
                if any("紧急求助 #2" in m.text for m in li.inbox):
                    break
            packet = li.last("紧急求助 #2")
            assert "居民1" in packet.text and packet.buttons  # claimable, as any alert
            clock.advance(seconds=15)  # the safety net would be due now: nothing is left for it to send
            await Waker([app.engine]).tick()
            assert sum("紧急求助 #2" in m.text for m in li.inbox) == 1
            await answered_within([asyncio.ensure_future(third.send("🆘 紧急求助"))], BOUND)
            assert "居民2" in li.last("居民2").text and "系统故障" not in li.last("居民2").text
            assert len(await app.svc.store.open_incident_ids()) == 3
        finally:
            await app.close()
