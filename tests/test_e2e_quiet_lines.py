"""At 23:10 王社工 is on duty, phone by the bed. 张阿姨 took back her block of the assistant: good news, but it rang
王社工's phone at night like a call for help. Now, through the real clients: a line that is no call for help arrives
without a sound during the committee's quiet hours (checkin.quiet_hours, 21:30–07:00), with a sound by day; a call
for help always rings."""
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import signed_up_over_api
from test_e2e_delivery import sos

NIGHT = datetime(2026, 11, 23, 23, 10, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Monday: 王社工 on duty


async def test_an_unblocked_line_at_night_is_silent_and_the_call_before_it_rings(telegram):
    api, wa = telegram.api, telegram.user("王社工")
    telegram.app.svc.clock.set(NIGHT)
    zhang = await signed_up_over_api(api, telegram.user("张阿姨"), "13900000001")
    api.block_chat(zhang.id)
    call = await telegram.said(wa, "签到无回复 #1")
    assert not call.silent
    api.unblock_chat(zhang.id)
    assert (await telegram.said(wa, "解除了对助手的屏蔽")).silent


async def test_by_day_the_same_line_rings(telegram):
    api, li = telegram.api, telegram.user("李社工")
    zhang = await signed_up_over_api(api, telegram.user("张阿姨"), "13900000001")
    api.block_chat(zhang.id)
    await telegram.said(li, "签到无回复 #1")
    api.unblock_chat(zhang.id)
    assert not (await telegram.said(li, "解除了对助手的屏蔽")).silent


async def test_a_colleague_taking_her_block_back_at_night_is_silent_and_a_cry_then_rings(telegram):
    api, li, wa, chen = telegram.api, telegram.user("李社工"), telegram.user("王社工"), telegram.user("陈书记")
    telegram.app.svc.clock.set(NIGHT)
    api.block_chat(li.id)  # 李社工 is off duty tonight: no need to wake anyone
    assert (await telegram.said(chen, "屏蔽了助手")).silent
    api.unblock_chat(li.id)
    assert (await telegram.said(chen, "解除了对助手的屏蔽")).silent
    await sos(telegram)
    assert not (await telegram.said(wa, "紧急求助 #1")).silent


async def test_a_sign_up_to_approve_at_night_is_silent(telegram):
    api, wa = telegram.api, telegram.user("王社工")
    telegram.app.svc.clock.set(NIGHT)
    newcomer = telegram.user("新邻居")
    await newcomer.send_command("/start")
    await api.wait_for_message(newcomer.id, lambda m: m.has_request_contact())
    await newcomer.send_contact("13912345678")
    ask = await telegram.said(wa, "有人申请使用助手")
    assert ask.silent and len(ask.buttons()) == 2
