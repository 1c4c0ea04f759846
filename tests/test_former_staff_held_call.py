"""王社工 took 张阿姨's 🆘 on Sunday morning, then left the committee: the staff list was changed and the bot restarted
while the call was still hers. Before: the call stayed hers in name — nobody on the staff had a 🙋 我来处理 on it, and
张阿姨's voice message went to 王社工's chat alone (no longer staff) until the "nobody arrived" timer. Now, at start,
a call held by someone no longer on the list is offered again to the staff on duty, saying why, and what she sends
reaches them."""
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import signed_up

from bot.testing.tools import Person

SUNDAY_10 = datetime(2026, 11, 29, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


async def test_a_call_held_by_someone_taken_off_the_staff_list_goes_back_to_the_staff_at_restart(
        people, app, make_app, settings, clock):
    clock.set(SUNDAY_10)  # 王社工 is on duty: the alert reaches her, she takes it
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    wa = Person(app, 1002, "王社工")
    await wa.click(wa.last("紧急求助 #1"), "我来处理")
    await zhang.click(zhang.last("对吗"), "对")
    without = settings.model_copy(update={"staff": [st for st in settings.staff if st.id != "wang"]})
    await app.close()
    after = await make_app(settings_=without, prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    await after.engine.tick()
    await after.engine.tick()
    li, zhang = Person(after, 1001, "李社工"), Person(after, zhang.id, "张阿姨")
    offered = li.last("#1")
    assert "王社工" in offered.text and "不在社工名单" in offered.text, li.texts()
    assert any("我来处理" in b for row in offered.buttons for b in row), offered.buttons
    gone = len(Person(after, 1002, "王社工").inbox)
    await zhang.send_kind("voice")
    assert any("#1" in t and "🎙" in t for t in li.texts()[-3:]), li.texts()
    assert len(Person(after, 1002, "王社工").inbox) == gone  # no longer staff: not told what she sends
    await li.click(offered, "我来处理")
    assert (await after.svc.store.incident(1))["claimed_by"] == "li"
    assert "李社工" in zhang.last("李社工").text
