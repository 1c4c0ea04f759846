"""A call's round that outlives its lock (Telegram slow on a chat: each urgent send may take
`telegram.urgent_send_seconds`, 10 s, and a round may send several in turn: the resident's photo, the packets, the
short alerts when nobody was reached — longer than the lock's 20 s).

王社工 took 王老伯's 🆘 at 10:00 and never arrived: at 10:30 all staff and the head hear "还没有到达" once. 王社工's
chat is slow (here 0.6 s for a lock of 0.3 s, to keep the test quick). The lock ran out under the round; releasing it
raised, the timer took that for "busy, try again in 2 s" and the whole "还没有到达" round went out again.
"""
from __future__ import annotations

import asyncio
from datetime import datetime

from conftest import signed_up
from test_alert_faults_more import LI, STAFF, WANG, claimed_nobody_arrived, heard, seen, ticks
from test_incident_followups import SH

from bot.incidents import lifecycle
from bot.types import SendResult

SLOW = 0.6  # real seconds a send to 王社工's chat takes before it is given up
LOCK = 0.3  # the call's lock, in real seconds


def slow_chat(app, chat: int) -> None:
    real = app.svc.outbox.send

    async def slow(msg, **kw):
        if msg.chat_id == chat:
            await asyncio.sleep(SLOW)
            return SendResult(False, error="timed out", permanent=False)
        return await real(msg, **kw)

    app.svc.outbox.send = slow


async def test_a_no_arrival_round_longer_than_the_lock_goes_once(people, app, clock, monkeypatch):
    monkeypatch.setattr(lifecycle, "INCIDENT_LOCK_SECONDS", LOCK)
    await claimed_nobody_arrived(people, app, clock)
    slow_chat(app, WANG)
    before = seen(people)
    await ticks(app, clock, 1, 15)  # 10:30:05: the round, 王社工's chat slow
    await asyncio.sleep(2 * SLOW)
    await ticks(app, clock, 4, 5)  # 10:30:25
    await asyncio.sleep(2 * SLOW)
    got = dict(zip(STAFF, heard(people, before, "还没有到达")))
    assert got["李社工"] == 1 and got["陈书记"] == 1, got


async def test_a_lock_lost_under_the_round_still_sends_it_once_and_keeps_the_reminder(people, app, clock, caplog):
    """The lock gone under the round all the same (Redis away longer than the lock's life, a key evicted): the round
    is written down, it goes once, and the reminder after it still comes at its time — no traceback."""
    await claimed_nobody_arrived(people, app, clock)
    store, real = app.svc.store, app.svc.outbox.send

    async def lock_lost(msg, **kw):
        if msg.chat_id == WANG:
            await store.r.delete(store.keys.lock("incident:1"))
        return await real(msg, **kw)

    app.svc.outbox.send = lock_lost
    before = seen(people)
    await ticks(app, clock, 1, 15)  # 10:30:05
    await ticks(app, clock, 4, 5)  # 10:30:25
    assert dict(zip(STAFF, heard(people, before, "还没有到达")))["陈书记"] == 1
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
    for _ in range(12):  # to 10:36: the reminder (every 5 minutes) comes again
        await ticks(app, clock, 1, 30)
    assert dict(zip(STAFF, heard(people, before, "还没有到达")))["陈书记"] == 2


async def test_a_cry_whose_first_round_outlives_his_lock_is_answered_once(people, app, clock, caplog):
    """王老伯's 🆘 while 李社工's chat (the only one on duty) is slow: his own lock (`redis.lock_seconds`, 30 s; 0.3 s
    here) is held while his reassurance waits for the first round (the packet, then the short alerts when nobody was
    reached: 20 s and more). It ran out; its release raised, taken for a storage failure: he read "已通知值班社工"
    a second time, from the fallback, and the log said storage failed."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    app.svc.store.lock_seconds = LOCK
    slow_chat(app, LI)
    k = len(wang.inbox)
    await wang.send("🆘 紧急求助")
    await asyncio.sleep(2 * SLOW)
    assert sum("已通知值班社工" in m.text for m in wang.inbox[k:]) == 1
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
