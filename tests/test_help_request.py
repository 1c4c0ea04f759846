"""A call for help, from the resident's 🆘 to the case closed — through the project's own types."""
import asyncio

from conftest import signed_up


async def sos(people, name="王老伯", phone="13900000002"):
    resident = await signed_up(people(name), phone)
    await resident.send("🆘 紧急求助")
    return resident


async def test_alert_reaches_on_duty_staff_with_the_registered_address_before_any_answer(people, app):
    wang = await sos(people)
    li, other = people("李社工"), people("王社工")
    alert = li.last("紧急求助 #1")
    assert "建新路27弄5号302室" in alert.text and "正在请居民确认地址" in alert.text
    assert "13900000002" in alert.text and "王丽" in alert.text and "赵医生" in alert.text
    assert "+8613900000002" in alert.text and "+8613922220001" in alert.text  # tappable in Telegram
    assert [b[0] for b in alert.buttons][:3] == ["🙋 我来处理", "📍 已到达/已联系", "✅ 已解决"]
    assert other.inbox == []  # 王社工 is not on duty on Monday morning
    told = wang.last("已通知值班社工")
    assert "120" in told.text and "021-64370000" in told.text and "不要勉强起来" in told.text
    question = wang.last("请确认您现在的地址")
    assert "建新路27弄5号302室" in question.text and [b[0] for b in question.buttons] == ["✅ 对", "❌ 不对"]


async def test_the_incident_is_stored_before_anything_is_sent(people, app):
    store = app.svc.store
    seen_stored = []
    real = app.svc.outbox.messenger.deliver

    async def checking(msg):
        seen_stored.append(bool(await store.open_incident_ids()))
        return await real(msg)

    app.svc.outbox.messenger.deliver = checking
    wang = await signed_up(people("王老伯"), "13900000002")
    seen_stored.clear()
    await wang.send("🆘 紧急求助")
    assert seen_stored and all(seen_stored)


async def test_confirmed_address_updates_the_staff_alert(people, app):
    wang = await sos(people)
    await wang.click(wang.last("请确认您现在的地址"), "对")
    assert "居民已确认地址" in people("李社工").last("紧急求助").text


async def test_corrected_address_is_shown_old_and_new_with_the_difference_marked(people, app):
    wang = await sos(people)
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    ask = wang.last("请告诉我您现在在哪里")
    assert ask.request == "location"
    await wang.send("建新路27弄7号三零二室")
    alert = people("李社工").last("紧急求助").text
    assert "⚠️⚠️" in alert
    assert "登记：建新路27弄⚠️5号302室" in alert
    assert "居民说：建新路27弄⚠️7号302室" in alert
    assert "家庭医生、家属或邻居" in alert
    timeline = await app.svc.store.timeline(1)
    assert any(e["event"] == "address_corrected" and e["differs"] == ["building"] for e in timeline)


async def test_location_pin_instead_of_typing(people, app):
    wang = await sos(people)
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await wang.share_location(31.2, 121.44)
    assert "居民发来位置：31.20000, 121.44000" in people("李社工").last("紧急求助").text


async def test_address_left_unanswered_shows_unconfirmed_after_the_timeout(people, app, clock):
    await sos(people)
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert "居民没有确认地址" in people("李社工").last("紧急求助").text


async def test_two_staff_claim_at_once_exactly_one_wins(people, app, clock):
    wang = await sos(people)
    li, wa = people("李社工"), people("王社工")
    clock.advance(minutes=3.1)
    await app.engine.tick()  # level 2: everyone has the alert now
    a, b = li.last("紧急求助"), wa.last("紧急求助")
    await asyncio.gather(li.click(a, "我来处理"), wa.click(b, "我来处理"))
    inc = await app.svc.store.incident(1)
    winner = {"li": li, "wang": wa}[inc["claimed_by"]]
    loser = wa if winner is li else li
    assert "已由" in loser.last().text and winner.name in loser.last().text
    for person in (li, wa):
        for msg in person.inbox:
            if "紧急求助 #1" in msg.text:
                assert f"{winner.name} 已接单" in msg.text
    assert f"{winner.name} 已经接手" in wang.last().text
    assert sum(1 for e in await app.svc.store.timeline(1) if e["event"] == "claimed") == 1


async def test_no_claim_goes_to_the_next_level_at_the_configured_delay(people, app, clock):
    await sos(people)
    wa, chen = people("王社工"), people("陈书记")
    clock.advance(minutes=2.9)
    await app.engine.tick()
    assert wa.inbox == [] and chen.inbox == []
    clock.advance(minutes=0.2)
    await app.engine.tick()
    assert "已经3分钟没人接单" in wa.last().text
    assert "紧急求助 #1" in chen.last().text


async def test_family_hear_at_the_third_level_and_staff_are_reminded_to_phone(people, app, clock):
    son = people("王丽")
    await son.share_contact("13911110002")
    await sos(people)
    clock.advance(minutes=8.1)
    await app.engine.tick()
    await app.engine.tick()
    assert "您的家人发出求助" in son.last().text
    assert "13900000002" in son.last().text
    assert son.last().buttons == []  # family see the facts, staff do the claiming
    assert "请给家属和家庭医生打电话" in people("李社工").last("紧急求助").text


async def test_repeats_to_all_staff_until_claimed(people, app, clock):
    await sos(people)
    wa = people("王社工")
    for _ in range(5):
        clock.advance(minutes=5.1)
        await app.engine.tick()
    alerts = [m for m in wa.inbox if "没人接单" in m.text]
    assert len(alerts) >= 4


async def test_blocked_on_duty_staff_moves_to_the_next_level_at_once(people, app, clock):
    app.svc.outbox.messenger.blocked.add(1001)  # 李社工 blocked the bot
    app.svc.outbox.attempts = 1
    await sos(people)
    await app.engine.tick()  # no time passes
    assert "紧急求助 #1" in people("王社工").last("紧急求助").text
    timeline = await app.svc.store.timeline(1)
    assert timeline[1]["event"] == "alerted" and timeline[1]["failed"] == ["李社工"]


async def test_claim_without_arrival_re_escalates(people, app, clock):
    await sos(people)
    li, wa = people("李社工"), people("王社工")
    await li.click(li.last("紧急求助"), "我来处理")
    clock.advance(minutes=29)
    await app.engine.tick()
    assert not any("还没有到达" in t for t in wa.texts())
    clock.advance(minutes=1.1)
    await app.engine.tick()
    alert = wa.last("还没有到达")
    assert "🙋 我来处理" in [b[0] for b in alert.buttons]
    await wa.click(alert, "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"


async def test_arrival_stops_the_re_escalation(people, app, clock):
    await sos(people)
    li, wa = people("李社工"), people("王社工")
    await li.click(li.last("紧急求助"), "我来处理")
    await li.click(li.last("紧急求助"), "已到达")
    clock.advance(minutes=45)
    await app.engine.tick()
    assert not any("还没有到达" in t for t in wa.texts())
    assert "李社工 已到达" in li.last("紧急求助").text


async def test_resolve_asks_the_outcome_and_sends_the_all_clear(people, app, clock):
    wang = await sos(people)
    li, wa = people("李社工"), people("王社工")
    clock.advance(minutes=3.1)
    await app.engine.tick()
    await li.click(li.last("紧急求助"), "我来处理")
    await li.click(li.last("紧急求助"), "已解决")
    await li.click(li.last("结果是"), "送医")
    assert "已解决" in wa.last().text and "送医" in wa.last().text
    assert "处理好了" in wang.last().text
    assert await app.svc.store.open_incident_ids() == []
    clock.advance(minutes=60)
    await app.engine.tick()
    assert not any("没人接单" in t for t in wa.texts()[-2:])


async def test_open_and_incident_show_the_timeline(people, app, clock):
    wang = await sos(people)
    li = people("李社工")
    await wang.click(wang.last("请确认您现在的地址"), "对")
    await li.click(li.last("紧急求助"), "我来处理")
    await li.send("/open")
    assert "#1 🆘紧急 王老伯" in li.last().text and "已接单 李社工" in li.last().text
    await li.send("/incident 1")
    text = li.last().text
    for part in ("创建（王老伯，按了🆘按钮）", "第1轮通知：李社工", "居民确认了登记地址", "李社工 接单"):
        assert part in text


async def test_voice_during_a_request_is_forwarded_to_staff(people, app):
    wang = await sos(people)
    seen = len(wang.texts())
    await wang.send_kind("voice")
    li = people("李社工")
    assert li.inbox[-1].forwarded
    assert "发来的消息" in li.inbox[-2].text
    assert "已转给社工" in wang.texts()[seen]  # (then the read-back it came to: tests/test_voice_at_call_question.py)


async def test_second_sos_does_not_open_a_second_case(people, app):
    wang = await sos(people)
    await wang.send("🆘 紧急求助")
    assert await app.svc.store.open_incident_ids() == [1]
    assert "又发来求助" in people("李社工").last().text


async def test_typed_cry_for_help_alerts_and_asks_one_tap(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命")
    assert "紧急求助 #1" in people("李社工").last().text
    check = wang.last("需要马上有人来吗")
    await wang.click(check, "不用")
    assert "可能是误报" in people("李社工").last("紧急求助").text
    assert await app.svc.store.open_incident_ids() == [1]  # never silently cancelled


async def test_non_urgent_help_goes_the_same_way_at_its_own_pace(people, app, clock):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🙋 找居委会帮忙")
    await zhang.click(zhang.last("需要帮什么忙"), "修东西")
    assert "求助 #1 · 🔧 修东西" in people("李社工").last().text
    clock.advance(minutes=10)
    await app.engine.tick()
    assert people("王社工").inbox == []
    clock.advance(minutes=21)
    await app.engine.tick()
    assert "求助 #1" in people("王社工").last().text


async def test_non_urgent_help_never_reaches_family(people, app, clock):
    son = people("张明")
    await son.share_contact("13911110001")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🙋 找居委会帮忙")
    await zhang.click(zhang.last("需要帮什么忙"), "买东西")
    for _ in range(6):
        clock.advance(hours=1)
        await app.engine.tick()
    assert not any("求助" in t for t in son.texts()[1:])


async def test_redis_down_still_gives_the_resident_120_and_the_committee_phone(make_app, tmp_path):
    from bot.redis_server import EmbeddedRedis
    from bot.testing.tools import Person

    own = EmbeddedRedis(tmp_path / "r").start()
    try:
        app = await make_app(redis_url=own.url)
        wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    finally:
        own.stop()  # Redis goes away
    await wang.send("救命")
    assert "120" in wang.last().text and "021-64370000" in wang.last().text
    li = Person(app, 1001, "李社工")
    assert "系统故障" in li.last().text and "救命" in li.last().text


async def test_an_unreadable_new_address_is_never_taken_as_confirmed(people, app):
    wang = await sos(people)
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await wang.send("我在女儿家")
    assert "具体一点" in wang.last().text
    await wang.send("我在女儿家")
    alert = people("李社工").last("紧急求助").text
    assert "居民已确认地址" not in alert
    assert "没能看懂新地址" in alert and "我在女儿家" in alert
    assert "社工会打电话和您确认地址" in wang.last().text


async def test_after_no_a_partial_address_matching_the_register_is_still_a_correction(people, app):
    wang = await sos(people)
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await wang.send("302室")
    alert = people("李社工").last("紧急求助").text  # loud, and true: the door she typed is the register's
    assert "居民已确认地址" not in alert and "⚠️⚠️ 居民先说地址不对，后来说的和登记的一样" in alert


async def test_the_staff_alert_leaves_before_the_residents_reassurance(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    log = app.svc.outbox.messenger.log
    start = len(log)
    await wang.send("🆘 紧急求助")
    tags = [m.tag for m in log[start:]]
    assert tags.index("alert:1") < tags.index("resident:1")


async def test_a_slow_staff_chat_does_not_hold_back_the_residents_reassurance(people, app):
    import time

    wang = await signed_up(people("王老伯"), "13900000002")
    real = app.svc.outbox.messenger.deliver
    told_at = {}

    async def slow_for_staff(msg):
        if msg.chat_id == 1001:
            await asyncio.sleep(2)
        if msg.tag.startswith("resident:"):
            told_at["t"] = time.monotonic()
        return await real(msg)

    app.svc.outbox.messenger.deliver = slow_for_staff
    began = time.monotonic()
    await wang.send("🆘 紧急求助")
    assert told_at["t"] - began < 1.0
    assert "紧急求助 #1" in people("李社工").last().text


async def test_feeling_unwell_gets_one_kind_question(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    before = len(zhang.inbox)
    await zhang.send("这几天睡不好，心里有点闷")
    new = zhang.texts()[before:]
    assert len(new) == 1 and "要不要请社工来看看您" in new[0]
    assert "身体不舒服" in people("李社工").last().text
