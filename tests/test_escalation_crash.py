"""A worker killed in the middle of an escalation step (issue 16: several processes, SIGKILL at any moment).

A due deadline is leased to one worker for a minute; if that worker dies, another takes it when the lease runs
out. The step must then neither be lost nor sent twice: what it records (the level, the next level's deadline,
the timeline) is written all at once, and its alert counts as sent only once it was.
"""
from conftest import signed_up
from redis.exceptions import ConnectionError as RedisConnectionError

LEASE = 61  # seconds: a deadline's lease (Engine.tick) and a moment


def packets(person) -> int:
    return sum("紧急求助 #1" in m.text for m in person.inbox)


async def escalating(people):
    """王老伯 presses 🆘 on a Monday morning: 李社工 (on duty) is alerted; level 1 (all staff and the head) is due
    after 3 minutes, level 2 after 8."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    return people("王社工"), people("陈书记")


async def tick_after(app, clock, seconds: float) -> None:
    clock.advance(seconds)
    await app.engine.tick()


async def test_a_step_cut_off_between_its_writes_still_leaves_the_next_level_due(people, app, clock, monkeypatch):
    wa, chen = await escalating(people)
    store = app.svc.store
    real = store.set_deadline

    async def cut_off(key, due):  # the connection drops (or the worker dies) half-way through the step
        if key.startswith("esc:1:2"):
            raise RedisConnectionError("connection lost")
        await real(key, due)

    monkeypatch.setattr(store, "set_deadline", cut_off)
    await tick_after(app, clock, 3.1 * 60)
    monkeypatch.setattr(store, "set_deadline", real)
    await tick_after(app, clock, LEASE)  # another worker takes it up when the lease runs out
    assert packets(wa) == 1 and packets(chen) == 1  # level 1, once
    await tick_after(app, clock, 5 * 60)  # level 2 is due 8 minutes after the call
    assert packets(wa) == 2 and packets(chen) == 2
    escalated = [e["level"] for e in await store.timeline(1) if e["event"] == "escalated"]
    assert escalated == [1, 2]


async def test_a_worker_killed_after_recording_a_level_but_before_alerting_it_is_followed_by_one_alert(
        people, app, clock, monkeypatch):
    wa, chen = await escalating(people)
    incidents = app.svc.incidents

    async def killed(*args, **kw):  # the worker dies once the step is recorded, before any alert leaves
        raise RuntimeError("worker killed")

    monkeypatch.setattr(incidents, "_alert", killed)
    await tick_after(app, clock, 3.1 * 60)
    monkeypatch.undo()
    assert packets(wa) == 0 and (await app.svc.store.incident(1))["level"] == 1
    await tick_after(app, clock, LEASE)  # its lease runs out: another worker takes the step up
    assert packets(wa) == 1 and packets(chen) == 1
    await tick_after(app, clock, LEASE)
    await tick_after(app, clock, 30)
    assert packets(wa) == 1 and packets(chen) == 1  # once, not again
    await tick_after(app, clock, 4 * 60)  # level 2 keeps its time
    assert packets(wa) == 2 and packets(chen) == 2
    escalated = [e["level"] for e in await app.svc.store.timeline(1) if e["event"] == "escalated"]
    assert escalated == [1, 2]
