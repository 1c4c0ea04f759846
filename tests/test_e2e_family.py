"""A family member's cry for help (and voice) end to end: the real Telegram client over HTTP, real Redis."""
import asyncio

import pytest
from conftest import TUESDAY_9


async def signed_up_daughter(telegram):
    daughter = telegram.user("王丽")
    await daughter.send_command("/start")
    await telegram.api.wait_for_message(daughter.id, lambda m: m.has_request_contact())
    await daughter.send_contact("13911110002")
    await telegram.said(daughter, "紧急联系人")
    return daughter


async def test_a_daughters_cry_for_help_reaches_staff_as_an_incident_for_her_father(telegram):
    daughter = await signed_up_daughter(telegram)
    await daughter.send_text("我爸爸摔倒了起不来")
    alert = await telegram.said(telegram.user("李社工"), "紧急求助 #1")
    assert "王老伯" in alert.text and "建新路27弄5号302室" in alert.text and "王丽（女儿）" in alert.text
    assert "🙋 我来处理" in alert.buttons()
    assert "王老伯" in (await telegram.said(daughter, "已通知值班社工")).text
    inc = await telegram.app.svc.store.incident(1)
    assert inc["resident"] == await telegram.app.svc.store.resident_id_by_phone("13900000002")


async def test_a_daughters_voice_is_forwarded_to_staff_marked_as_hers_about_her_father(telegram):
    daughter, li = await signed_up_daughter(telegram), telegram.user("李社工")
    await daughter.send_voice()
    assert (await telegram.api.wait_for_message(li.id, lambda m: m.kind == "forward")).forwarded_from[0] == daughter.id
    packet = await telegram.said(li, "紧急联系人发来语音")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text and "王丽（女儿）" in packet.text
    assert packet.buttons() == ["🆘 按紧急处理", "✅ 已听，不紧急"]
    told = await telegram.said(daughter, "值班社工")
    assert "120" in told.text and "021-64370000" in told.text


async def test_a_daughters_location_is_forwarded_to_staff_beside_her_fathers_address(telegram):
    daughter, li = await signed_up_daughter(telegram), telegram.user("李社工")
    await daughter.send_location(31.21001, 121.44002)
    assert (await telegram.api.wait_for_message(li.id, lambda m: m.kind == "forward")).forwarded_from[0] == daughter.id
    packet = await telegram.said(li, "紧急联系人发来位置")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text and "王丽（女儿）" in packet.text
    assert "31.21001, 121.44002" in packet.text
    told = await telegram.said(daughter, "值班社工")
    assert "120" in told.text and "021-64370000" in told.text


async def test_a_daughter_who_blocked_the_bot_cries_in_a_group_and_staff_are_asked_to_call_her(telegram):
    daughter, li = await signed_up_daughter(telegram), telegram.user("李社工")
    telegram.api.block_chat(daughter.id)
    await telegram.api.group(-100125).send_text(daughter, "救命，我爸爸摔倒了")
    assert "王丽（女儿）" in (await telegram.said(li, "紧急求助 #1")).text
    ask = await telegram.said(li, "请直接打电话")
    assert "王丽" in ask.text and "13911110002" in ask.text
    assert "120" in (await telegram.api.wait_for_message(-100125, "120")).text


async def test_a_daughters_request_to_look_in_on_her_father_reaches_staff_through_the_real_client(telegram):
    """It was answered "您好！有紧急情况时，居委会会通知您。" and reached nobody."""
    daughter = await signed_up_daughter(telegram)
    await daughter.send_text("能帮我去看看我爸吗")
    request = await telegram.said(telegram.user("李社工"), "求助 #1")
    assert "王老伯" in request.text and "王丽（女儿）" in request.text and "能帮我去看看我爸吗" in request.text
    await telegram.said(daughter, "已经告诉居委会社工")


@pytest.mark.parametrize("language, words", [("zh-hans", ("张阿姨", "我很好")), ("en", ("answered the check-in",))])
async def test_a_son_alerted_of_a_missed_check_in_hears_over_telegram_that_his_mother_answered_late(telegram, language,
                                                                                                    words):
    """The call closed by her late answer, not by staff: he hears once how it ended, in the language he reads."""
    app, clock = telegram.app, telegram.app.svc.clock
    son = telegram.api.user(telegram.user("张明").id + 1, "张明", language_code=language)
    await son.send_command("/start")
    await telegram.api.wait_for_message(son.id, lambda m: m.has_request_contact())
    if language == "en":  # his profile alone does not say it (the committee's, then): he taps [English]
        await son.click(await telegram.said(son, "Which language"), "English")
        await telegram.said(son, "Language set to English")
    await son.send_contact("13911110001")
    await telegram.said(son, "张阿姨")  # known as her contact
    known = telegram.count(son)
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    await app.svc.checkins.enrol(await app.svc.store.resident_id_by_phone("13900000001"))
    for hour, minute in ((9, 0), (9, 30), (10, 0)):
        clock.set(TUESDAY_9.replace(hour=hour, minute=minute))
        await app.svc.checkins.run_due()
    ask = await telegram.said(zhang, "身体好吗")
    for hour, minute in ((10, 21), (11, 1)):
        clock.set(TUESDAY_9.replace(hour=hour, minute=minute))
        await app.engine.tick()
    await telegram.said(son, "张阿姨", after=known)  # the escalation reached him
    before = telegram.count(son)
    clock.set(TUESDAY_9.replace(hour=11, minute=12))
    await zhang.click(ask, "我很好")
    line = await telegram.said(son, "11:12", after=before)
    assert all(w in line.text for w in words) and "021-64370000" in line.text
    assert ("平安" in line.text) == (language == "zh-hans")  # his language, not half of each
    await telegram.said(telegram.user("李社工"), "刚刚回复了签到")
    await asyncio.sleep(0.3)  # anything else on its way to him
    said = [m.text for m in telegram.api.sent_to(son.id)[before:]]
    assert len(said) == 1 and not any(w in said[0] for w in ("#1", "谢谢大家", "13900000001", "建新路")), said
    assert (await app.svc.store.incident(1))["status"] == "resolved"
