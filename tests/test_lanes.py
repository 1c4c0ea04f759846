"""The urgent lane: while a staff alert is on its way, other work waits its turn, briefly and never for ever."""
import asyncio
import time

from redis.exceptions import ConnectionError as RedisDown

from bot.lanes import Lanes
from bot.testing.tools import Person
from tests.conftest import signed_up


async def test_other_work_waits_while_an_alert_is_in_flight_and_goes_on_after():
    lanes, order = Lanes(), []

    async def alert():
        with lanes.urgent():
            await asyncio.sleep(0.05)
            order.append("alert")

    async def reply():
        await lanes.wait_turn()
        order.append("reply")

    task = asyncio.create_task(alert())
    await asyncio.sleep(0)  # the alert has started
    await asyncio.gather(reply(), task)
    assert order == ["alert", "reply"]


async def test_waiting_costs_nothing_when_no_alert_is_in_flight():
    lanes = Lanes()
    began = time.monotonic()
    await lanes.wait_turn()
    assert time.monotonic() - began < 0.01


async def test_a_hung_alert_holds_others_back_for_a_bounded_time_only():
    lanes = Lanes(max_wait=0.2)
    leave = lanes.hold()  # never ended, as if Telegram never answered
    began = time.monotonic()
    await lanes.wait_turn()
    assert 0.15 < time.monotonic() - began < 1.0
    leave()
    leave()  # ending it twice is harmless
    assert lanes.in_flight == 0


async def test_a_capped_hold_lets_go_by_itself():
    lanes = Lanes(max_wait=5)
    lanes.hold(at_most=0.1)
    began = time.monotonic()
    await lanes.wait_turn()
    assert time.monotonic() - began < 1.0
    assert lanes.in_flight == 0


async def _most_checkin_steps_under_way(lanes: Lanes, hog_seconds: float) -> int:
    """The most steps under way once a storm is going (from its 31st step on: the first ones start before any lag
    shows) for a drain taking places for 90 steps of 50 ms each, as bot/checkins/ladder.py takes them, while every
    turn of the loop also runs a callback of `hog_seconds` (a storm's many callbacks: the loop lags)."""
    loop, under_way, most, hogging = asyncio.get_running_loop(), 0, 0, True

    def hog() -> None:
        if hogging:
            time.sleep(hog_seconds)
            loop.call_soon(hog)

    async def step(i: int, leave) -> None:
        nonlocal under_way, most
        under_way += 1
        most = max(most, under_way) if i >= 30 else most
        await asyncio.sleep(0.05)
        under_way -= 1
        leave()

    if hog_seconds:
        hog()
    await asyncio.sleep(0.1)
    steps = [asyncio.ensure_future(step(i, await lanes.take_checkin_place())) for i in range(90)]
    await asyncio.gather(*steps)
    hogging = False
    return most


async def test_a_lagging_loop_keeps_fewer_checkin_steps_under_way():
    """Each check-in step under way adds callbacks to every turn of the loop, and a 🆘 arriving waits a turn at each
    await on its way: when the loop lags, the process keeps fewer steps going, and all of them still go."""
    assert await _most_checkin_steps_under_way(Lanes(checkins=24), hog_seconds=0) == 24
    lanes = Lanes(checkins=24)
    assert await _most_checkin_steps_under_way(lanes, hog_seconds=0.03) <= 24 // 2
    assert lanes.under_way == 0


async def test_fast_lane_store_step_knows_strangers_and_calls_already_open(app, people):
    store = app.svc.store
    inc = app.svc.incidents
    got, alerting = await inc.sos(424242)  # nobody in the register has this Telegram id
    assert got.outcome == "not_resident" and alerting is None
    wang = await signed_up(people("王老伯"), "13900000002")
    got, alerting = await inc.sos(wang.id)
    assert got.outcome == "opened" and await alerting == got.n
    stored = await store.incident(got.n)  # written by the Lua step: the same fields as the ordinary path
    assert {k: stored[k] for k in ("kind", "status", "level", "claims", "claimed_by", "category", "source",
                                   "address_state", "resident", "id")} == {
        "kind": "emergency", "status": "open", "level": 0, "claims": 0, "claimed_by": "", "category": None,
        "source": "button", "address_state": "pending", "resident": got.person["id"], "id": got.n}
    assert stored["created"] == app.svc.clock.ts() and stored["first_alert_sent"] is True
    again, none = await inc.sos(wang.id)
    assert again.outcome == "already_open" and again.n == got.n and none is None
    assert await store.open_incident_ids() == [got.n]  # a second press opens nothing new
    assert await store.deadline(f"first:{got.n}") is None  # alerted and recorded: the safety net is off
    assert not await store.r.exists(store.k("lock", f"incident:{got.n}"))  # and the incident is free for staff
    assert await store.deadline(f"addr:{got.n}") is not None  # the address question has its timeout


async def test_fast_lane_survives_redis_forgetting_its_scripts(app, people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    wang = await signed_up(people("王老伯"), "13900000002")
    await zhang.send("🆘 紧急求助")  # the script is loaded now
    await app.redis.script_flush()  # e.g. Redis restarted: its script cache is gone
    await wang.send("🆘 紧急求助")
    assert "王老伯" in Person(app, 1001).last("紧急求助 #").text
    assert "已通知值班社工" in wang.last("已通知").text


async def test_fast_lane_redis_failure_after_the_alert_still_gives_the_resident_120(app, people, monkeypatch):
    wang = await signed_up(people("王老伯"), "13900000002")
    monkeypatch.setattr(app.svc.store, "record_alerts", redis_down)
    await wang.send("🆘 紧急求助")
    told = wang.last("120").text
    assert "021-64370000" in told  # the committee's phone, whatever broke
    li = Person(app, 1001)
    assert any("王老伯" in t and "紧急求助" in t for t in li.texts())  # staff heard of it all the same


async def test_fast_lane_redis_down_before_storing_falls_back_to_plain_alerts(app, people, monkeypatch):
    wang = await signed_up(people("王老伯"), "13900000002")
    monkeypatch.setattr(app.svc.store, "open_emergency", redis_down)
    await wang.send("🆘 紧急求助")
    assert "021-64370000" in wang.last("120").text
    assert all(any("🆘" in t for t in Person(app, tg).texts()) for tg in (1001, 1002, 1003))  # everyone, plainly


async def redis_down(*args, **kw):
    raise RedisDown("Redis went away")
