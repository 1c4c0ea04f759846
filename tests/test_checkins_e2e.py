"""Check-ins end to end: the real aiogram client over HTTP against the local Bot API server, clock under control."""
from datetime import datetime
from zoneinfo import ZoneInfo

SH = ZoneInfo("Asia/Shanghai")
TUESDAY_9 = datetime(2026, 11, 24, 9, 0, tzinfo=SH)


async def run_at(telegram, when):
    telegram.app.svc.clock.set(when)
    await telegram.app.svc.checkins.run_due()


async def test_staff_enrol_then_the_resident_answers_by_button(telegram):
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    li = telegram.user("李社工")
    await li.send_command("/checkins", "张阿姨")
    card = await telegram.said(li, "每日签到：未开通")
    await li.click(card, "开通每日签到")
    await telegram.said(zhang, "为您开通了每日问候")
    await run_at(telegram, TUESDAY_9)
    ask = await telegram.said(zhang, "身体好吗")
    assert ask.buttons() == ["😊 我很好", "🤒 不太舒服", "🆘 需要帮助", "⏸ 我要出门几天", "⏰ 改问候时间"]
    n = telegram.count(zhang)
    await zhang.click(ask, "我很好")
    await telegram.said(zhang, "知道您平安就放心了", after=n)
    await telegram.api.wait_for_message(zhang.id, lambda m: m.message_id == ask.message_id and "收到您的回复" in m.text)
    await li.send_command("/checkins")
    status = await telegram.said(li, "今日签到 11月24日")
    assert "✅ 已回复 1：张阿姨 09:00" in status.text


async def test_typed_answer_after_the_staff_alert_brings_the_all_clear(telegram):
    app = telegram.app
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    li = telegram.user("李社工")
    await app.svc.checkins.enrol("r1")
    await run_at(telegram, TUESDAY_9)
    await telegram.said(zhang, "身体好吗")
    await run_at(telegram, TUESDAY_9.replace(minute=30))
    await telegram.said(zhang, "还没收到您今天的回复")
    await run_at(telegram, TUESDAY_9.replace(hour=10))
    await telegram.said(li, "签到无回复 #1")
    n = telegram.count(zhang)
    await zhang.send_text("我很好，刚才去买菜了")
    await telegram.said(zhang, "我已经告诉他们您平安", after=n)
    await telegram.said(li, "刚刚回复了签到")
    await telegram.api.wait_for_message(li.id, lambda m: "签到无回复 #1" in m.text and "居民已回复签到" in m.text)
    assert (await app.svc.store.incident(1))["status"] == "resolved"


async def test_typed_away_through_telegram(telegram):
    app = telegram.app
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    await app.svc.checkins.enrol("r1")
    await zhang.send_text("我出门几天")
    choices = await telegram.said(zhang, "您要出门几天")
    await zhang.click(choices, "1周")
    await telegram.api.wait_for_message(zhang.id, lambda m: "11月30日（周一）前不发每日问候" in m.text)
    n = telegram.count(zhang)
    await run_at(telegram, TUESDAY_9)
    assert telegram.count(zhang) == n
