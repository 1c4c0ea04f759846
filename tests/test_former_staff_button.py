"""王社工 left the committee on Friday and was taken off the staff list. On Sunday her phone still shows an alert from
before — or one that reached her just before the change — and she taps 🙋 我来处理 out of habit. She was answered
with a stranger's sign-up greeting ("请按下面的按钮，把您的手机号发给我"), as if the tap had done something else, and
nothing said the call was not hers. Now she reads that she is no longer on the staff list, that the tap did nothing,
and that the on-duty staff have the call; the call stays unclaimed for them."""
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import signed_up

from bot.testing.tools import Person

SUNDAY_10 = datetime(2026, 11, 29, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


async def test_a_staff_member_taken_off_the_list_tapping_a_live_alert_is_told_plainly(people, app, make_app,
                                                                                      settings, clock):
    clock.set(SUNDAY_10)  # 王社工 is on duty: the alert reaches her
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    without = settings.model_copy(update={"staff": [st for st in settings.staff if st.id != "wang"]})
    after = await make_app(settings_=without, prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    gone = Person(after, 1002, "王社工")
    await gone.press_data(0, "inc:claim:1")
    told = gone.inbox[-1]
    assert "不在社工名单" in told.text and "021-64370000" in told.text, told.text
    assert "手机号" not in told.text and not told.buttons
    assert not (await after.svc.store.incident(1)).get("claimed_by")
