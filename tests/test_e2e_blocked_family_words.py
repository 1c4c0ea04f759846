"""张阿姨 blocked the assistant's chat. Nobody took her call within the hour, so her son 张明 was told — in the words of
a missed check-in or a cry ("您的家人发出求助", "⏰ 签到无回复"): he thought she had asked for help, or just not
answered this morning. Now he reads that the assistant can no longer reach his mother, and is asked to phone her."""
from conftest import signed_up_over_api


async def test_the_son_of_a_resident_who_blocked_the_assistant_reads_that_it_cannot_reach_her(telegram):
    api, app = telegram.api, telegram.app
    son = telegram.user("张明")
    await son.send_command("/start")
    await api.wait_for_message(son.id, lambda m: m.has_request_contact())
    await son.send_contact("13911110001")
    await telegram.said(son, "紧急联系人")
    zhang = await signed_up_over_api(api, telegram.user("张阿姨"), "13900000001")
    api.block_chat(zhang.id)
    await telegram.said(telegram.user("李社工"), "签到无回复 #1")
    for minutes in (21, 40):  # all staff and the head; then the family
        app.svc.clock.advance(minutes=minutes)
        await app.engine.tick()
    told = await telegram.said(son, "#1")
    assert "联系不上" in told.text and "打电话" in told.text, told.text
    assert "发出求助" not in told.text and "签到无回复" not in told.text and "没有回复签到" not in told.text
    assert "张阿姨" in told.text and "021-64370000" in told.text


async def test_the_son_of_a_resident_who_missed_her_check_in_reads_just_that(people, app, clock):
    """The same for a plain missed check-in: not "您的家人发出求助" — she did not ask for anything."""
    from datetime import timedelta

    from conftest import TUESDAY_9, at, enrolled, signed_up

    son = await signed_up(people("张明"), "13911110001")
    await enrolled(people, app)
    when = TUESDAY_9
    for _ in range(24):  # four hours, ten minutes at a time: the check-in, its reminder, missed, escalated
        await at(app, clock, when)
        await app.engine.tick()
        if [t for t in son.texts() if "#1" in t]:
            break
        when += timedelta(minutes=10)
    told = next(t for t in son.texts() if "#1" in t)
    assert "张阿姨今天没有回复签到" in told and "打个电话" in told, told
    assert "发出求助" not in told and "签到无回复" not in told
