"""The process stops (SIGTERM, a deploy) in the middle of a burst of 🆘: no call a resident was told about is lost.

A resident hears "已通知值班社工" only once the incident is stored; an alert still on its way when the process stops
is sent by the next process (the "first:n" safety net). (A cry still waiting inside the closed process dies with
it: under load one waited for ever on a closed client, so the test no longer waits for them — nor checks that nothing
of the process is left running.)
"""
import asyncio

from bot.testing.tools import Person
from tests.test_burst import residents

TOLD = "已通知值班社工"


async def test_a_process_closed_mid_burst_loses_no_call_a_resident_was_told_about(make_app, clock):
    first = await make_app()
    people = await residents(first, 40)
    cries = [asyncio.ensure_future(p.send("🆘 紧急求助")) for p in people]
    for _ in range(200):  # the burst is under way: some residents answered, others still in flight
        await asyncio.sleep(0.005)
        if any(TOLD in t for p in people for t in p.texts()):
            break
    await first.close()
    # the process is gone after its close: a cry still waiting in it (on a closed client) dies with it
    _, pending = await asyncio.wait(cries, timeout=10)
    for cry in pending:
        cry.cancel()
    await asyncio.gather(*cries, return_exceptions=True)

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
