"""Staff: duty, hand-over, and a request stored just before a crash."""
from conftest import signed_up

from bot.testing.tools import Person


async def test_duty_take_over_and_hand_back(people, app):
    wa, li = people("王社工"), people("李社工")
    await wa.send("🕒 值班")
    duty = wa.last("现在值班")
    assert "李社工" in duty.text
    await wa.click(duty, "我来值班")
    assert "现在值班：王社工" in wa.last().text
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert "紧急求助 #1" in wa.last("紧急求助").text
    assert not any("紧急求助" in t for t in li.texts())
    await wa.send("/duty")
    await wa.click(wa.last("现在值班"), "交还值班")
    assert "现在值班：李社工" in wa.last().text


async def test_hand_over_a_claimed_incident(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li, wa = people("李社工"), people("王社工")
    await li.click(li.last("紧急求助"), "我来处理")
    await li.click(li.last("紧急求助"), "转交")
    await li.click(li.last("转交给谁"), "王社工")
    assert "已转交给 王社工" in li.last().text
    assert "李社工 把 #1 转交给您" in wa.last().text
    assert "王社工 已经接手" in zhang.last().text
    inc = await app.svc.store.incident(1)
    assert inc["claimed_by"] == "wang"
    await li.send("/incident 1")
    assert "李社工 转交给 王社工" in li.last().text


async def test_only_the_claimer_can_hand_over(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li, wa = people("李社工"), people("王社工")
    await li.click(li.last("紧急求助"), "我来处理")
    await wa.press_data(1, "inc:handto:1:wang")
    assert "已由 李社工 接手" in wa.last().text  # who holds it, not a bare "转交没有成功"
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"


async def test_a_request_stored_just_before_a_crash_is_alerted_after_restart(make_app, app, clock):
    wang = await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000002"))
    # the process stores the incident and dies before sending anything
    n = await app.engine.incidents.open("emergency", wang, words="救命", source="text")
    await app.close()
    again = await make_app()
    clock.advance(seconds=11)
    await again.engine.tick()
    await again.engine.tick()
    li = Person(again, 1001, "李社工")
    assert sum(f"紧急求助 #{n}" in t for t in li.texts()) == 1
    alerted = [e for e in await again.svc.store.timeline(n) if e["event"] == "alerted"]
    assert len(alerted) == 1 and alerted[0]["to"] == ["李社工"]


async def test_residents_cannot_press_staff_buttons(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    await zhang.press_data(1, "inc:claim:1")
    assert "按钮已经过期" in zhang.last().text
    await zhang.press_data(1, "out:1:false_alarm")
    assert (await app.svc.store.incident(1))["status"] == "open"


async def test_a_slow_first_alert_is_not_sent_twice_by_the_safety_net(people, app, clock):
    import asyncio

    from conftest import signed_up

    wang = await signed_up(people("王老伯"), "13900000002")
    real = app.svc.outbox.messenger.deliver
    gate = asyncio.Event()

    async def slow_staff(msg):
        if msg.chat_id == 1001 and msg.tag.startswith("alert:"):
            await gate.wait()  # Telegram hangs on the staff chat
        return await real(msg)

    app.svc.outbox.messenger.deliver = slow_staff
    press = asyncio.create_task(wang.send("🆘 紧急求助"))
    await asyncio.sleep(0.3)
    clock.advance(seconds=15)  # past the safety net's grace
    tick = asyncio.create_task(app.engine.tick())
    await asyncio.sleep(0.3)
    gate.set()
    await asyncio.gather(press, tick)
    await app.engine.tick()
    li = people("李社工")
    assert sum("紧急求助 #1" in t for t in li.texts()) == 1


async def test_a_lock_left_by_a_crashed_process_delays_escalation_by_seconds_only(people, app, clock):
    import asyncio

    from conftest import signed_up

    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    store = app.svc.store
    await store.r.set(store.k("lock", "incident:1"), "a crashed process", px=1000)
    clock.advance(minutes=3.1)
    await app.engine.tick()
    wa = people("王社工")
    assert wa.inbox == []  # held back by the lock, not lost
    await asyncio.sleep(1.2)  # the dead process's lock runs out
    clock.advance(seconds=3)
    await app.engine.tick()
    assert "紧急求助 #1" in wa.last().text


async def test_a_fast_lane_call_stored_just_before_a_crash_is_alerted_once_after_restart(make_app, app, clock):
    import asyncio

    wang = await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000002"))
    await app.svc.store.save_resident({**wang, "tg_id": 7002})
    inc = app.engine.incidents
    fields, deadlines, entry = inc._new("emergency", clock.ts(), words="🆘", category=None, detail="", source="button")
    # the fast lane's one Redis step, then the process dies before the alert leaves (its lock lapses by itself)
    got = await app.svc.store.open_emergency(
        7002, fields, entry, created=clock.ts(), first_due=deadlines["first:{n}"], esc_due=deadlines["esc:{n}:1"],
        addr_due=deadlines["addr:{n}"], lock_token="a process that died", lock_seconds=0.3)
    await app.close()
    await asyncio.sleep(0.4)
    again = await make_app()
    clock.advance(seconds=11)
    await again.engine.tick()
    await again.engine.tick()
    li = Person(again, 1001, "李社工")
    assert sum(f"紧急求助 #{got.n}" in t for t in li.texts()) == 1
    assert "王老伯" in li.last(f"紧急求助 #{got.n}").text
    timeline = await again.svc.store.timeline(got.n)
    assert [e["event"] for e in timeline] == ["created", "alerted"]
    assert timeline[0]["by"] == "王老伯" and timeline[0]["source"] == "button"  # written by the Lua step
