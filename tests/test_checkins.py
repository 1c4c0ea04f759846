"""The daily check-in ladder on a controllable clock: sent → reminder → staff alert → escalation, and the answers."""
import pytest
from conftest import TUESDAY_9, at, enrolled


async def test_the_check_in_comes_at_nine_with_big_answer_buttons(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9.replace(hour=8, minute=59))
    assert not any("身体好吗" in t for t in zhang.texts())
    await at(app, clock, TUESDAY_9)
    msg = zhang.last("身体好吗")
    assert msg.text.startswith("🌞 张阿姨，早上好")
    labels = [label for label, _ in msg.buttons]
    assert labels[:3] == ["😊 我很好", "🤒 不太舒服", "🆘 需要帮助"]
    assert "⏸ 我要出门几天" in labels


async def test_whole_ladder_sent_reminder_staff_alert_escalation(people, app, clock):
    zhang, _ = await enrolled(people, app)
    li, wang, chen = people("李社工"), people("王社工"), people("陈书记")
    await at(app, clock, TUESDAY_9)
    await at(app, clock, TUESDAY_9.replace(minute=29))
    assert not any("还没收到" in t for t in zhang.texts())
    await at(app, clock, TUESDAY_9.replace(minute=30))
    assert "还没收到您今天的回复" in zhang.last().text
    await at(app, clock, TUESDAY_9.replace(minute=59))
    assert li.inbox == []
    await at(app, clock, TUESDAY_9.replace(hour=10, minute=0))
    alert = li.last("签到无回复 #1")
    assert "张阿姨" in alert.text and "13900000001" in alert.text and "儿子 张明" in alert.text
    assert "09:00的签到问候发出后60分钟没有回复（已提醒过一次）" in alert.text
    assert "最后一次联系" in alert.text and "最近签到" in alert.text
    assert "🙋 我来处理" in [b[0] for b in alert.buttons]
    assert wang.inbox == [] and chen.inbox == []
    clock.set(TUESDAY_9.replace(hour=10, minute=21))
    await app.engine.tick()  # the incident's own escalation: 20 minutes later, everyone and the head
    assert "签到无回复 #1" in wang.last().text and "没人接单" in wang.last().text
    assert "签到无回复 #1" in chen.last().text
    assert sum("身体好吗" in t for t in zhang.texts()) == 1  # the check-in itself was sent once


async def test_missed_packet_shows_last_heard_and_recent_history(people, app, clock):
    zhang, _ = await enrolled(people, app)
    for day in (24, 25):  # answered on Tuesday and Wednesday
        await at(app, clock, TUESDAY_9.replace(day=day))
        await zhang.click(zhang.last("身体好吗"), "我很好")
    clock.set(TUESDAY_9.replace(day=25, hour=18, minute=5))
    await zhang.send("谢谢")
    await at(app, clock, TUESDAY_9.replace(day=26))
    await at(app, clock, TUESDAY_9.replace(day=26, minute=30))
    await at(app, clock, TUESDAY_9.replace(day=26, hour=10))
    alert = people("李社工").last("签到无回复").text
    assert "最后一次联系：11-25 18:05（15小时前）" in alert
    assert "11-24✅ 11-25✅" in alert


async def test_late_answer_sends_the_all_clear_and_closes_the_incident(people, app, clock):
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    await at(app, clock, TUESDAY_9)
    for minute_hour in ((9, 30), (10, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=minute_hour[0], minute=minute_hour[1]))
    assert (await app.svc.store.incident(1))["status"] == "open"
    clock.set(TUESDAY_9.replace(hour=10, minute=12))
    await zhang.click(zhang.last("身体好吗"), "我很好")
    assert "我已经告诉他们您平安" in zhang.last().text
    assert "✅ #1 张阿姨 刚刚回复了签到（10:12" in li.last().text
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "resolved" and inc["outcome"] == "answered_checkin"
    assert "已解决：居民已回复签到" in li.last("签到无回复 #1").text  # the alert itself was updated
    clock.set(TUESDAY_9.replace(hour=11))
    await app.engine.tick()
    assert not any("没人接单" in t for t in people("王社工").texts())


async def test_any_sign_of_life_counts_voice_location_or_words(people, app, clock):
    zhang, rid = await enrolled(people, app)
    cis = app.svc.checkins
    await at(app, clock, TUESDAY_9)
    clock.set(TUESDAY_9.replace(minute=10))
    await zhang.send_kind("voice")
    assert (await cis.state(rid)).phase == "answered"
    await at(app, clock, TUESDAY_9.replace(hour=10, minute=30))
    assert not any("还没收到" in t for t in zhang.texts())
    assert not any("签到无回复" in t for t in people("李社工").texts())  # alive: no missed check-in
    await at(app, clock, TUESDAY_9.replace(day=25))
    await zhang.share_location()
    assert (await cis.state(rid)).phase == "answered"


async def test_typed_fine_is_understood(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("放心，我好着呢")
    assert "知道您平安就放心了" in zhang.last().text
    assert (await app.svc.checkins.state(rid)).answer == "ok"


async def test_not_feeling_well_starts_the_follow_up_and_a_staff_task(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    msg = zhang.last("身体好吗")
    await zhang.click(msg, "不太舒服")
    assert msg.text == "✅ 收到您的回复：🤒 不太舒服" and msg.buttons == []  # cannot be pressed twice
    ask = zhang.last("要不要请社工来看看您")
    assert [b[0] for b in ask.buttons] == ["🙋 要，请人来看看", "🛏 不用，我先休息"]
    task = people("李社工").last("求助 #1")
    assert "身体不舒服" in task.text
    await zhang.click(ask, "要，请人来看看")
    assert "居民希望有人上门看看" in people("李社工").last("求助 #1").text


async def test_typed_unwell_is_understood_too(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("有点不舒服")
    assert "要不要请社工来看看您" in zhang.last().text
    assert (await app.svc.checkins.state(rid)).answer == "unwell"


async def test_feeling_awful_typed_as_the_answer_is_never_taken_for_fine(people, app, clock):
    """"我好难受" (I feel awful) carries 好; "好难受啊" too: neither is "I'm fine"."""
    said = (("张阿姨", "13900000001", "我好难受"), ("王老伯", "13900000002", "好难受啊"),
            ("刘奶奶", "13900000003", "我很难受"))
    residents = [await enrolled(people, app, name, phone) for name, phone, _ in said]
    await at(app, clock, TUESDAY_9)
    for (resident, rid), (*_, words) in zip(residents, said):
        assert "身体好吗" in resident.last("身体好吗").text
        await resident.send(words)
        assert (await app.svc.checkins.state(rid)).answer in ("unwell", "help"), words
        assert not any("平安" in t for t in resident.texts())  # "知道您平安就放心了": the answer to "I'm fine"


async def test_need_help_button_raises_an_emergency(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.click(zhang.last("身体好吗"), "需要帮助")
    assert "紧急求助 #1" in people("李社工").last().text
    assert "请确认您现在的地址" in zhang.last().text


async def test_typed_need_help_raises_an_emergency_with_a_one_tap_check(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("需要帮助")
    assert "紧急求助 #1" in people("李社工").last().text
    assert "您需要马上有人来吗" in zhang.last().text


async def test_a_fall_typed_as_the_answer_is_still_an_emergency(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("我摔倒了起不来")
    assert "紧急求助 #1" in people("李社工").last().text
    assert (await app.svc.checkins.state(rid)).phase == "answered"  # and it is a sign of life


async def test_an_answer_in_the_middle_of_another_question_is_left_to_that_question(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘 紧急求助")  # now the bot waits for the address confirmation
    await at(app, clock, TUESDAY_9)
    await zhang.send("对")  # "yes" to the address, not "fine" to the check-in
    assert "社工会到这个地址" in zhang.last().text
    assert "居民已确认地址" in people("李社工").last("紧急求助").text


async def missed(people, app, clock):
    zhang, rid = await enrolled(people, app)
    for hour, minute in ((9, 0), (9, 30), (10, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
    assert "签到无回复 #1" in people("李社工").last().text
    return zhang


async def test_a_fall_after_the_missed_alert_is_never_reported_as_all_clear(people, app, clock):
    zhang = await missed(people, app, clock)
    li = people("李社工")
    await zhang.send("我摔倒了起不来")
    texts = li.texts()
    assert not any("平安" in t for t in texts)
    assert any("回复了签到" in t and "需要帮助" in t for t in texts)
    assert "紧急求助 #2" in li.last("紧急求助").text


async def test_a_voice_message_after_the_missed_alert_goes_to_staff_and_keeps_the_case_open(people, app, clock):
    zhang = await missed(people, app, clock)
    await zhang.send_kind("voice")
    li = people("李社工")
    assert li.inbox[-1].forwarded and "#1 张阿姨 发来的消息" in li.inbox[-2].text
    assert (await app.svc.store.incident(1))["status"] == "open"
    assert not any("平安" in t for t in li.texts())


@pytest.mark.parametrize("words", ["好个屁", "哪里好", "好什么好", "不怎么好", "昨晚没睡着", "一般般", "马马虎虎",
                                   "好冷啊"])
async def test_a_so_so_or_sarcastic_answer_is_neither_fine_nor_an_emergency(people, app, clock, words):
    """"好个屁" (fine, my foot) and "哪里好" were taken for "I'm fine"; "一般般" (so-so) raised an emergency question;
    "不怎么好" was not understood. Each is a resident not at their best: staff hear it, gently."""
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    assert (await app.svc.checkins.state(rid)).answer == "unwell"
    assert "要不要请社工来看看您" in zhang.last().text
    assert not any("平安" in t or "需要马上有人来吗" in t for t in zhang.texts())
