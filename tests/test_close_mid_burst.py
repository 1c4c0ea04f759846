"""The process stops (SIGTERM, a deploy) in the middle of a burst of 🆘: no call a resident was told about is lost,
and the process is done within its grace.

A resident hears "已通知值班社工" only once the incident is stored; an alert still on its way when the process stops
is sent by the next process (the "first:n" safety net). The app's close cancels the alert work under way; on Python
3.11 a cancel can be swallowed (asyncio.wait_for, which redis-py wraps around every command it sends, returns the
result of a call that ended just as it was cancelled), and the alert work went on: a call's packets then waited up
to 30 s for a cancelled call listed above them in a digest, and the close with them (under load, 30 s in most runs).
"""
import asyncio
import time

from bot.stopping import cancel_all
from bot.testing.tools import Person
from tests.test_burst import residents

TOLD = "已通知值班社工"
CLOSED_WITHIN = 10  # seconds: a SIGTERM's grace is short (the close itself gives Redis batches 2 s)


async def test_a_process_closed_mid_burst_loses_no_call_a_resident_was_told_about(make_app, clock):
    first = await make_app()
    people = await residents(first, 40)
    cries = [asyncio.ensure_future(p.send("🆘 紧急求助")) for p in people]
    for _ in range(200):  # the burst is under way: some residents answered, others still in flight
        await asyncio.sleep(0.005)
        if any(TOLD in t for p in people for t in p.texts()):
            break
    started = time.monotonic()
    await first.close()
    assert time.monotonic() - started < CLOSED_WITHIN
    # the process is gone after its close: its cries still in flight die with it (a real process exits)
    await cancel_all(cries, CLOSED_WITHIN)
    assert all(cry.done() for cry in cries)

    told = [p for p in people if any(TOLD in t for t in p.texts())]
    assert told  # the test saw a burst partly answered
    alerted = "\n".join(Person(first, 1001).texts())
    nxt = await make_app()  # the process that starts next, on the same Redis
    store = nxt.svc.store
    open_ids = set(await store.open_incident_ids())
    names = {(await store.incident(n))["resident"] for n in open_ids}
    assert {p.name for p in told} <= {(await store.resident(rid))["name"] for rid in names}
    clock.advance(seconds=30)  # the safety net of an alert that had not gone out is due
    await nxt.engine.tick()
    for _ in range(100):
        alerted_next = "\n".join(Person(nxt, 1001).texts())
        if all(p.name in alerted + alerted_next for p in told):
            break
        await asyncio.sleep(0.05)
    assert [p.name for p in told if p.name not in alerted + alerted_next] == []
