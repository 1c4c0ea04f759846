"""Issue 4 end to end: a resident's own words, routed by intent, through the real Telegram client."""
import pytest


async def resident(telegram):
    return await telegram.signed_up("张阿姨", "13900000001")


@pytest.mark.parametrize("words", ["我摔倒了起不来", "救名啊", "阿拉跌了一跤 爬不起来", "I fell and can't get up"])
async def test_typed_emergency_alerts_staff_and_asks_one_tap(telegram, words):
    zhang = await resident(telegram)
    li = telegram.user("李社工")
    await zhang.send_text(words)
    alert = await telegram.said(li, "紧急求助 #1")
    assert words[:6] in alert.text
    check = await telegram.said(zhang, "您需要马上有人来吗")
    assert check.buttons() == ["🆘 是，马上来", "🙂 不用，我没事"]


async def test_not_needed_tells_staff_it_may_be_a_false_alarm_without_cancelling(telegram):
    zhang = await resident(telegram)
    li = telegram.user("李社工")
    await zhang.send_text("我老伴叫不醒了")
    await zhang.click(await telegram.said(zhang, "您需要马上有人来吗"), "不用")
    await telegram.api.wait_for_message(li.id, lambda m: "可能是误报" in m.text)
    assert await telegram.app.svc.store.open_incident_ids() == [1]


async def test_yes_leads_to_the_address_question(telegram):
    zhang = await resident(telegram)
    await zhang.send_text("快来人 我胸口好痛")
    await zhang.click(await telegram.said(zhang, "您需要马上有人来吗"), "是")
    await telegram.said(zhang, "请确认您现在的地址")


async def test_practical_request_becomes_a_non_urgent_request(telegram):
    zhang = await resident(telegram)
    li = telegram.user("李社工")
    await zhang.send_text("能不能帮我修一下水龙头，一直漏水")
    await telegram.said(zhang, "已经告诉居委会社工")
    alert = await telegram.said(li, "求助 #1")
    assert "紧急" not in alert.text and "水龙头" in alert.text


async def test_feeling_unwell_gets_a_gentle_question_and_a_staff_task(telegram):
    zhang = await resident(telegram)
    li = telegram.user("李社工")
    await zhang.send_text("这几天腰有点痛，睡不好")
    ask = await telegram.said(zhang, "要不要请社工来看看您")
    await telegram.said(li, "身体不舒服")
    await zhang.click(ask, "要，请人来看看")
    await telegram.said(zhang, "已请社工来看您")
    await telegram.api.wait_for_message(li.id, lambda m: "居民希望有人上门看看" in m.text)


async def test_contact_staff_asks_for_a_call_back(telegram):
    zhang = await resident(telegram)
    li = telegram.user("李社工")
    await zhang.send_text("帮我接通居委会，我想找社工说说话")
    await telegram.said(li, "请回电话")


async def test_pension_question_is_answered_with_a_source(telegram):
    zhang = await resident(telegram)
    await zhang.send_text("老年津贴每个月有多少钱")
    answer = await telegram.said(zhang, "来源")
    assert "180" in answer.text  # 张阿姨 was born in 1944: 82 years old → 180 元
    assert "👍 有用" in answer.buttons()


@pytest.mark.parametrize("words, reply", [("你好", "有什么可以帮您"), ("谢谢你们", "不客气"), ("再见", "再见"),
                                          ("明天会下雨吗", "答不上来")])
async def test_small_talk_and_out_of_scope_get_a_kind_reply_and_the_menu(telegram, words, reply):
    zhang = await resident(telegram)
    n = telegram.count(zhang)
    await zhang.send_text(words)
    msg = await telegram.said(zhang, reply, after=n)
    assert "🆘 紧急求助" in msg.buttons()
    assert await telegram.app.svc.store.open_incident_ids() == []


async def test_an_address_in_free_text_feeds_the_address_step(telegram):
    zhang = await resident(telegram)
    li = telegram.user("李社工")
    await zhang.press("🆘 紧急求助")
    await telegram.said(zhang, "请确认您现在的地址")
    await zhang.send_text("我在建新路27弄4号602")
    await telegram.api.wait_for_message(li.id, lambda m: "⚠️⚠️" in m.text and "⚠️4号" in m.text)


async def test_words_not_understood_reach_staff_with_one_tap_through_the_real_client(telegram):
    zhang = await resident(telegram)
    await zhang.send_text("那个那个，就是那个")
    await zhang.click(await telegram.said(zhang, "转给社工"), "转给社工")
    alert = await telegram.said(telegram.user("李社工"), "求助 #1")
    assert "那个那个，就是那个" in alert.text
