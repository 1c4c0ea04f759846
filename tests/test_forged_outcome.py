"""李社工 holds 张阿姨's 🆘 and is on her way. 王社工's phone sends "out:1:handled" — an outcome button from an old
question, one pressed before 李社工 took the call, or data a client made up — and the call closed at once: 张阿姨
read "已解决" while help was still coming, and nothing said whose call it was (the real ✅ 已解决 says it first, with
her phone). Now any outcome (or ✅ 已听) pressed on a call a colleague holds gets the very question ✅ 已解决 gives —
whose call it is, her phone, the outcomes — and only a tap on that closes it. A resident, a family member or a
stranger sending staff button data changes nothing and reads the kind refusal."""
from conftest import signed_up

HELD = "是李社工接手在处理的"


async def _held_by_li(people, app, clock):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    clock.advance(minutes=3.1)  # nobody took it: all staff alerted
    await app.engine.tick()
    await app.engine.tick()
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"
    return zhang


async def test_a_colleagues_outcome_button_data_asks_as_resolve_does_and_closes_nothing(people, app, clock):
    zhang = await _held_by_li(people, app, clock)
    wa = people("王社工")
    for data in ("out:1:handled", "out:1:false_alarm", "out:1:hospital"):
        await wa.press_data(wa.last("紧急求助 #1").message_id, data)
        asked = wa.last()
        assert HELD in asked.text and "13800000001" in asked.text and "结果是" in asked.text, asked.text
        assert (await app.svc.store.incident(1))["status"] == "claimed", data
    assert not any("已解决" in t for t in zhang.texts())
    await wa.click(asked, "已处理")  # asked and answered: now it closes, as ✅ 已解决's question does
    assert (await app.svc.store.incident(1))["status"] == "resolved"


async def test_other_pressed_on_a_colleagues_call_asks_first_and_her_next_words_are_no_note(people, app, clock):
    await _held_by_li(people, app, clock)
    wa = people("王社工")
    await wa.press_data(wa.last("紧急求助 #1").message_id, "out:1:other")
    assert HELD in wa.last().text
    await wa.send("老人家里没人")
    assert (await app.svc.store.incident(1))["status"] == "claimed"


async def test_an_outcome_asked_before_a_colleague_took_the_call_says_whose_it_is_now(people, app, clock):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    clock.advance(minutes=3.1)
    await app.engine.tick()
    await app.engine.tick()
    li, wa = people("李社工"), people("王社工")
    await wa.click(wa.last("紧急求助 #1"), "已解决")  # nobody's yet: only the outcome is asked
    stale = wa.last("结果是")
    assert "接手在处理" not in stale.text
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await wa.click(stale, "已处理")  # a minute later, from the old question
    assert HELD in wa.last().text and "13800000001" in wa.last().text
    assert (await app.svc.store.incident(1))["status"] == "claimed"


async def test_her_own_call_closes_from_the_outcome_as_before(people, app, clock):
    await _held_by_li(people, app, clock)
    li = people("李社工")
    await li.press_data(li.last("紧急求助 #1").message_id, "out:1:handled")
    assert (await app.svc.store.incident(1))["status"] == "resolved"


async def test_an_old_listened_button_on_a_voice_a_colleague_took_as_urgent_closes_nothing(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send_kind("voice")
    clock.advance(minutes=31)  # nobody listened: all staff have it
    await app.engine.tick()
    await app.engine.tick()
    li, wa = people("李社工"), people("王社工")
    old = wa.last("居民发来语音")
    await li.click(li.last("居民发来语音"), "按紧急处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"
    await wa.press_data(old.message_id, "inc:heard:1")  # its old ✅ 已听 (the edit had not reached her screen)
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "claimed" and inc["kind"] == "emergency"
    assert HELD in wa.last().text and "13800000001" in wa.last().text
    assert not any("已听" in t and "王社工" in t for t in wang.texts())
    await wa.press_data(old.message_id, "inc:urgent:1")  # and its 🆘: who has it, nothing more
    assert "李社工" in wa.last().text and (await app.svc.store.incident(1))["claimed_by"] == "li"


async def test_residents_and_strangers_sending_staff_button_data_change_nothing(people, app, clock):
    zhang = await _held_by_li(people, app, clock)
    stranger = people("路人甲")
    await stranger.send("/start")
    asked = stranger.last().text
    rid = await app.svc.store.resident_id_by_phone("13900000001")
    for data in ("out:1:handled", "out:1:handled:li", "out:1:other", "inc:resolve:1", "inc:heard:1", "inc:urgent:1",
                 "inc:arrive:1", "inc:claim:1", "inc:handover:1", "inc:handto:1:wang", f"stf:raise:{rid}", "stf:own",
                 "died:yes:1", "dyes:1:li", "smd:1:photo:1", f"cis:unenrol:{rid}", f"cis:pause:{rid}:0", "duty:take",
                 "duty:back", "cover:1", "su:ok:1", "q:ans:1"):
        await zhang.press_data(1, data)
        assert "按钮已经过期" in zhang.last().text, data
        await stranger.press_data(1, data)
        assert stranger.last().text == asked, data
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "claimed" and inc["claimed_by"] == "li" and not inc.get("arrived_by")
    assert inc["kind"] == "emergency" and not inc.get("death_confirmed")
    assert (await app.svc.store.open_incident_ids()) == [1]
    assert not await app.svc.store.duty_overrides()


async def test_outcome_data_made_up_to_name_the_holder_closes_nothing_until_she_was_asked(people, app, clock):
    """A modified client can send "out:1:handled:li" — naming the holder — without its owner ever being asked whose
    call it is. Whether she was asked is the server's record, not the data's word."""
    zhang = await _held_by_li(people, app, clock)
    wa = people("王社工")
    await wa.press_data(wa.last("紧急求助 #1").message_id, "out:1:handled:li")
    assert HELD in wa.last().text and "13800000001" in wa.last().text
    assert (await app.svc.store.incident(1))["status"] == "claimed"
    assert not any("已解决" in t for t in zhang.texts())
    await wa.click(wa.last(), "已处理")  # now she was asked: it closes
    assert (await app.svc.store.incident(1))["status"] == "resolved"
