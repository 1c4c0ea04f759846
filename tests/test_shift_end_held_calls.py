"""李社工 took 张阿姨's 🆘 at 19:50 on Monday; at 20:00 her shift ended and 王社工's began. Nothing said so: the call
stayed hers, and what 张阿姨 sent next went to 李社工 alone, at home (probe, session 21). Now, as a shift ends, each
staff member leaving it who still holds calls reads which, with one tap to hand each to whoever is on duty now —
once, whichever worker process sees the change."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import signed_up

from bot.testing.tools import Person, RecordingMessenger

MONDAY = datetime(2026, 11, 23, 19, 45, tzinfo=ZoneInfo("Asia/Shanghai"))  # 李社工 on duty until 20:00, then 王社工


async def test_leaving_the_shift_with_a_call_in_hand_offers_it_to_the_one_now_on_duty(make_app, clock):
    clock.set(MONDAY)
    telegram = RecordingMessenger()  # what each chat got, from either worker
    app1, app2 = await make_app(messenger=telegram), await make_app(messenger=telegram)  # two workers, one Redis
    await app2.engine.tick()  # 19:45: worker 2 looks at the duty (李社工)
    clock.advance(minutes=5)
    await app1.engine.tick()  # 19:50: worker 1 does
    zhang = await signed_up(Person(app1, 6002, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li, wa = Person(app1, 1001, "李社工"), Person(app1, 1002, "王社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    seen_wa = len(wa.inbox)
    clock.set(MONDAY.replace(hour=20, minute=0, second=30))
    await app1.engine.tick()
    told = li.last("还在您手上")
    assert "#1 张阿姨" in told.text and "王社工" in told.text, told.text
    assert told.buttons == [("🔁 转交 #1", "inc:handover:1")], told.buttons
    assert "李社工下班了" in wa.last("李社工").text and "#1 张阿姨" in wa.last("李社工").text
    clock.advance(minutes=1.2)
    await app2.engine.tick()  # worker 2 sees the change too: not told twice
    assert sum("还在您手上" in m.text for m in li.inbox) == 1
    assert not any("紧急求助 #1" in m.text for m in wa.inbox[seen_wa:])  # nothing moves without her tap
    await li.click(told, "转交")
    await li.click(li.last(), "王社工")
    assert (await app1.svc.store.incident(1))["claimed_by"] == "wang"


async def test_a_shift_ending_with_nothing_in_hand_says_nothing(make_app, clock):
    clock.set(MONDAY)
    app = await make_app()
    await app.engine.tick()
    li = Person(app, 1001, "李社工")
    seen = len(li.inbox)
    clock.set(MONDAY.replace(hour=20, minute=0, second=30))
    await app.engine.tick()
    assert li.inbox[seen:] == []


async def test_going_on_leave_with_a_call_in_hand_is_told_once(people, app, clock):
    """"我今天请假" taken by 王社工 tells her of the call she holds then (shift_handoff.py): the duty check that
    follows sees the change and says nothing more."""
    await app.engine.tick()
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li, wa = people("李社工"), people("王社工")
    await li.click(li.last("#1"), "我来处理")
    await li.send("我今天请假")
    await wa.click(wa.last("谁来接班"), "我来值班")
    clock.advance(minutes=1.2)
    await app.engine.tick()
    assert sum("还在您手上" in m.text for m in li.inbox) == 1
