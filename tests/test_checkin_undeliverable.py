"""张阿姨 lives alone and, tidying her phone, tapped "屏蔽" on the assistant's chat. From the next morning her daily
check-in could not be sent (Telegram: 403, blocked), and the bot only marked it 📵 on the /checkins list: nobody was
told that the one daily sign of life had stopped, and nobody could know whether she was fine. Now the first check-in
that cannot be delivered is handled like one nobody answered: the on-duty staff member gets a call saying why (the
check-in could not be sent, she may have blocked the assistant), to phone her; not again every day while it stays
blocked, and again once it was delivered and then stops."""
from conftest import signed_up
from test_checkins_restart import TUESDAY_9, enrol_all, sent


async def test_the_first_check_in_that_cannot_be_sent_reaches_the_on_duty_staff(people, app, clock):
    zhang, *_ = await enrol_all(people, app)
    app.svc.outbox.messenger.blocked.add(zhang.id)
    clock.set(TUESDAY_9)
    await app.svc.checkins.run_due()
    li = people("李社工")  # on day duty on weekdays
    call = li.last("张阿姨")
    assert "发不出去" in call.text and "13900000001" in call.text  # why, and her phone to call
    assert call.data("我来处理")  # a call she can take, like any other


async def test_not_again_every_day_while_it_stays_blocked(people, app, clock):
    zhang, *_ = await enrol_all(people, app)
    app.svc.outbox.messenger.blocked.add(zhang.id)
    li = people("李社工")
    clock.set(TUESDAY_9)
    await app.svc.checkins.run_due()
    first = len([t for t in li.texts() if "发不出去" in t])
    for day in (25, 26):
        clock.set(TUESDAY_9.replace(day=day))
        await app.svc.checkins.run_due()
    assert len(sent(app, zhang.id)) == 3  # tried every day
    assert first >= 1 and len([t for t in li.texts() if "发不出去" in t and "张阿姨" in t]) == first


async def test_told_again_when_it_stops_after_having_worked(people, app, clock):
    zhang, *_ = await enrol_all(people, app)
    li = people("李社工")
    blocked = app.svc.outbox.messenger.blocked
    blocked.add(zhang.id)
    clock.set(TUESDAY_9)
    await app.svc.checkins.run_due()
    first = li.last("张阿姨")
    await li.click(first, "我来处理")  # phoned her: she had tapped 屏蔽 by mistake, and unblocks it
    await li.click(li.last("#1"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    blocked.clear()
    clock.set(TUESDAY_9.replace(day=25))
    await app.svc.checkins.run_due()
    await zhang.click(zhang.last("今天身体好吗"), "我很好")
    blocked.add(zhang.id)  # a week later her grandson "cleans up" her phone
    clock.set(TUESDAY_9.replace(day=26))
    await app.svc.checkins.run_due()
    again = li.last("张阿姨")
    assert "发不出去" in again.text and again.text.split("\n")[0] != first.text.split("\n")[0]  # a new call


async def test_a_resident_the_bot_can_reach_is_not_reported(people, app, clock):
    zhang, *_ = await enrol_all(people, app)
    clock.set(TUESDAY_9)
    await app.svc.checkins.run_due()
    assert not [t for t in people("李社工").texts() if "发不出去" in t]
    assert len(sent(app, zhang.id)) == 1



async def test_blocking_the_chat_during_her_open_call_joins_it_without_a_second_alert(people, app, clock):
    from bot.types import Inbound

    zhang, *_ = await enrol_all(people, app)
    clock.set(TUESDAY_9.replace(hour=10))
    await zhang.send("🆘")
    li = people("李社工")
    before = len(li.inbox)
    await app.engine.handle(Inbound(user_id=zhang.id, chat_id=zhang.id, kind="blocked"))
    assert await app.svc.store.incident(2) is None  # her 🆘 call is the one staff work on
    assert "chat_blocked" in [e["event"] for e in await app.svc.store.timeline(1)]
    assert not [s.text for s in li.inbox[before:] if "签到无回复" in s.text]  # no second call, no new alert
