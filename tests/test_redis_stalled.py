"""Redis that stops answering (the process hung, a network partition, a disk that stalls every write), not one that
refuses connections: a resident's 救命 and another's 🆘 still get the committee phone and 120, and every staff member
is alerted, within REPLY_BOUND seconds; the next calls do not wait for Redis again; and when Redis answers again the
next 🆘 is stored and escalates as usual. SIGSTOP freezes a real redis-server: it keeps its port (the kernel still
accepts connections) but reads and answers nothing.

REPLY_BOUND: someone who has fallen and pressed 🆘 should see the answer (120, the committee's phone) before they
wonder whether the press worked and look away from the phone: about as long as a phone takes to ring once.
Redis is given up after at most one socket timeout (bot/app.py REDIS_SOCKET_TIMEOUT, 2 s); 1 s is left for the
fallback's sending on a loaded machine.
"""
import asyncio
import logging
import os
import signal
import time
from contextlib import contextmanager

import pytest
import redis.asyncio
from conftest import signed_up
from test_fallback_media import COMMITTEE, STAFF, app_own_redis, telegram_own_redis  # noqa: F401 (own redis-server)

from bot import lease
from bot.redis_server import EmbeddedRedis
from bot.redisbreaker import OPEN_SECONDS
from bot.testing.tools import Person
from scheduler import Waker

REPLY_BOUND = 3.0  # seconds from the press to the reply with 120 and every staff member's alert


@contextmanager
def stalled(server: EmbeddedRedis):
    """The redis-server frozen (SIGSTOP) for the block; running again (SIGCONT) after it, whatever happened."""
    os.kill(server.proc.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)


async def timed(person: Person, text: str) -> float:
    t0 = time.monotonic()
    await person.send(text)
    return time.monotonic() - t0


def assert_fallback_reached_everyone(app, resident: Person, said: str) -> None:
    reply = resident.last("120")
    assert COMMITTEE in reply.text
    for staff_id in STAFF:
        alert = Person(app, staff_id).last(resident.name)
        assert "系统故障" in alert.text and said in alert.text


async def test_a_cry_and_a_sos_while_redis_is_stalled_get_120_and_reach_every_staff_member_quickly(
        app_own_redis, caplog):
    app, server = app_own_redis
    caplog.set_level(logging.DEBUG)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    zhang = Person(app, 5002, "张阿婆")
    await wang.send("你好")  # connections open and idle, as in a running bot
    with stalled(server):
        first = await timed(wang, "救命")
        second = await timed(zhang, "🆘 紧急求助")
    assert first < REPLY_BOUND, f"救命 answered after {first:.1f} s"
    assert_fallback_reached_everyone(app, wang, "救命")
    assert second < 0.5, f"🆘 waited {second:.1f} s for a Redis already known to be stalled"
    assert_fallback_reached_everyone(app, zhang, "🆘")
    assert "Traceback" not in caplog.text and "13900000002" not in caplog.text and "建新路" not in caplog.text


async def test_while_redis_stays_stalled_one_call_at_a_time_tries_it_and_a_sos_meanwhile_is_answered_at_once(
        app_own_redis):
    """After a moment a call tries Redis again (mostly the wake-up job's read of what is due): a 🆘 meanwhile is not
    tried (it would wait a whole timeout more) but answered by the fallback at once."""
    app, server = app_own_redis
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    liu = Person(app, 5003, "刘阿姨")
    await wang.send("你好")  # connections open and idle, as in a running bot
    with stalled(server):
        await wang.send("救命")  # finds Redis stalled
        await asyncio.sleep(OPEN_SECONDS)  # a while later, Redis still does not answer
        waking = asyncio.ensure_future(Waker([app.engine]).tick())  # the wake-up job tries Redis again
        await asyncio.sleep(0.3)
        took = await timed(liu, "🆘 紧急求助")
        await asyncio.wait_for(waking, REPLY_BOUND)  # the wake-up job does not hang either
    assert took < 0.5, f"🆘 answered after {took:.1f} s: only one call at a time may wait for Redis"
    assert_fallback_reached_everyone(app, liu, "🆘")


async def test_a_sos_while_redis_is_slow_but_alive_is_stored_and_alerted_as_usual(app_own_redis):
    """Not every slow answer is a stalled Redis: a rewrite of its append-only file or a check-in storm holds every
    call for a moment. Redis busy for a second (DEBUG SLEEP) must not send a 🆘 to the fallback."""
    app, server = app_own_redis
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li = Person(app, 1001, "李社工")
    other = redis.asyncio.Redis.from_url(server.url)
    try:
        busy = asyncio.ensure_future(other.execute_command("DEBUG", "SLEEP", "1"))
        await asyncio.sleep(0.1)  # Redis is asleep now
        await wang.send("🆘 紧急求助")
        await busy
    finally:
        await other.aclose()
    alert = li.last("紧急求助 #1")
    assert "建新路27弄5号302室" in alert.text and not any("系统故障" in t for t in li.texts())
    assert len(await app.svc.store.open_incident_ids()) == 1


async def test_when_redis_answers_again_the_next_sos_is_stored_and_escalates_as_usual(app_own_redis, clock):
    app, server = app_own_redis
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li, wa = Person(app, 1001, "李社工"), Person(app, 1002, "王社工")
    with stalled(server):
        await wang.send("救命")
        await wang.send("🆘 紧急求助")  # not tried: Redis is known to be stalled
    await asyncio.sleep(OPEN_SECONDS)  # Redis answers again; the bot tries it again after this moment by itself
    alerts = len(li.texts())
    await wang.send("🆘 紧急求助")
    alert = li.last("紧急求助 #1")
    assert "建新路27弄5号302室" in alert.text and alert.buttons and len(li.texts()) > alerts
    assert "系统故障" not in alert.text
    assert "请确认您现在的地址" in wang.last().text or "已通知值班社工" in wang.last("已通知值班社工").text
    assert len(await app.svc.store.open_incident_ids()) == 1
    clock.advance(3.1 * 60)  # nobody claims it: level 1 (all staff and the head) after 3 minutes
    await app.engine.tick()
    assert "紧急求助 #1" in wa.last("紧急求助 #1").text


@pytest.fixture
def short_lease(monkeypatch):
    """The poller lease's figures shortened (bot/lease.py), before the bot starts."""
    monkeypatch.setattr(lease, "TTL_SECONDS", 1.2)
    monkeypatch.setattr(lease, "RENEW_SECONDS", 0.3)
    monkeypatch.setattr(lease, "TRY_SECONDS", 0.1)


async def test_a_cry_through_telegram_while_redis_is_stalled_past_the_lease_still_gets_120_and_reaches_staff(
        short_lease, telegram_own_redis, clock):
    """The poller lease and the wake-up job meet a stalled Redis every second: polling must go on (a poller that waits
    for its lease, or a loop held by a read that never ends, would leave the 救命 unread) and the wake-up job must
    work again once Redis does (the 🆘 after it escalates by the scheduler)."""
    tg, server = telegram_own_redis
    tg.app.start_scheduler(tick_seconds=0.2)
    wang = await tg.signed_up("王老伯", "13900000002")
    with stalled(server):
        await asyncio.sleep(lease.TTL_SECONDS * 2)  # well past the lease: polling goes on without it
        t0 = time.monotonic()
        await wang.send_text("救命")
        reply = await tg.api.wait_for_message(wang.id, "120", timeout=15)
        for staff_id in STAFF:
            alert = await tg.api.wait_for_message(staff_id, "系统故障", timeout=15)
            assert "救命" in alert.text and "王老伯" in alert.text
        took = time.monotonic() - t0
    assert COMMITTEE in reply.text and took < REPLY_BOUND + 1, f"救命 answered after {took:.1f} s"  # + polling
    await asyncio.sleep(OPEN_SECONDS)
    await wang.send_text("🆘 紧急求助")
    alert = await tg.api.wait_for_message(1001, "紧急求助 #1", timeout=15)
    assert "建新路27弄5号302室" in alert.text
    clock.advance(3.1 * 60)  # nobody claims it: the wake-up job starts level 1 (all staff and the head)
    await tg.api.wait_for_message(1002, "紧急求助 #1", timeout=15)
    poller = tg.adapter._poller
    for _ in range(100):  # and the poller holds its lease again
        if poller.holding and not poller.degraded:
            break
        await asyncio.sleep(0.05)
    assert poller.holding and not poller.degraded
