"""An unregistered person's voice or photo (a neighbour, a resident not yet signed up): staff on duty hear it,
marked as from an unregistered person, and it cannot become a flood (bot/incidents/repeats.py)."""
from bot.testing.tools import Person

COMMITTEE = "021-64370000"


def forwarded(staff) -> int:
    return sum(s.forwarded for s in staff.inbox)


async def test_a_strangers_voice_reaches_staff_on_duty_and_they_get_120_and_the_way_to_sign_up(people, app):
    stranger = Person(app, 8123, "隔壁小李")
    await stranger.send_kind("voice")
    li = people("李社工")
    assert forwarded(li) == 1
    assert "未登记的用户（隔壁小李）发来语音" in li.last("未登记").text
    told = stranger.texts()
    assert any("120" in t and COMMITTEE in t and "值班社工" in t for t in told)
    assert stranger.inbox[-1].request == "contact"  # and the usual way to sign up
    assert people("王社工").inbox == []  # not on duty


async def test_a_strangers_flood_of_voices_reaches_staff_once_then_as_a_count_with_the_latest(people, app, clock):
    stranger = Person(app, 8124, "路人")
    li = people("李社工")
    for _ in range(20):
        await stranger.send_kind("voice")
    assert forwarded(li) == 1 and len(li.inbox) == 2
    assert sum("120" in t and COMMITTEE in t for t in stranger.texts()) == 20  # each one answered
    clock.advance(minutes=10.1)
    await app.engine.tick()
    assert "又发来 19 条语音" in li.last("又发来").text
    assert forwarded(li) == 2  # the latest of them
    assert len(await app.svc.store.stranger_log(8124)) == 20


async def test_many_strangers_voices_at_once_never_flood_staff(people, app):
    li = people("李社工")
    strangers = [Person(app, 8200 + i, f"路人{i}") for i in range(12)]
    for s in strangers:
        await s.send_kind("voice")
    assert forwarded(li) == 6
    assert all(any("120" in t and COMMITTEE in t for t in s.texts()) for s in strangers)


async def test_a_strangers_photo_captioned_with_a_cry_is_a_cry_and_the_photo_follows(people, app):
    stranger = Person(app, 8125, "邻居")
    await stranger.send_kind("photo", caption="救命 楼下老人摔倒了")
    li = people("李社工")
    assert "楼下老人摔倒了" in li.last("紧急求助 #1").text
    assert forwarded(li) == 1
    assert "120" in stranger.texts()[0]


async def test_a_strangers_voice_when_every_staff_member_blocked_the_bot_tells_them_the_truth(people, app):
    app.svc.outbox.messenger.blocked.update((1001, 1002, 1003))  # every staff member blocked the bot
    stranger = Person(app, 8124, "隔壁小王")
    await stranger.send_kind("voice")
    told = stranger.texts()
    assert any("暂时没联系上社工" in t and COMMITTEE in t and "120" in t for t in told)
    assert not any("已转给" in t for t in told)


async def test_a_strangers_voice_reaches_off_duty_staff_when_the_duty_blocked_the_bot(people, app):
    app.svc.outbox.messenger.blocked.add(1001)  # 李社工, the only one on duty, blocked the bot (no probe yet)
    stranger = Person(app, 8125, "隔壁小张")
    await stranger.send_kind("voice")
    assert forwarded(people("王社工")) + forwarded(people("陈书记")) >= 1
    assert any("值班社工" in t for t in stranger.texts())


async def test_a_voice_forward_refused_for_good_passes_the_next_alert_over_that_staff_member(people, app):
    from conftest import signed_up

    app.svc.outbox.messenger.blocked.add(1001)  # 李社工, on duty, blocked the bot; no duty probe has run
    await Person(app, 8126, "隔壁小赵").send_kind("voice")  # the forward to 李社工 is refused for good
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")  # no tick: level 0 already goes to the next reachable staff member
    assert people("王社工").last("紧急求助 #1")


async def test_a_strangers_typed_cry_reaches_off_duty_staff_when_the_duty_blocked_the_bot(people, app):
    app.svc.outbox.messenger.blocked.add(1001)  # 李社工, the only one on duty, blocked the bot (no probe yet)
    stranger = Person(app, 8127, "楼下小孙")
    await stranger.send("救命 楼上老人摔倒了")
    alerts = [m.text for p in (people("王社工"), people("陈书记")) for m in p.inbox if "#1" in m.text]
    assert alerts and "楼上老人摔倒了" in alerts[0]
    assert any("已通知值班社工" in t and "120" in t for t in stranger.texts())


async def test_a_strangers_typed_cry_when_every_staff_member_blocked_the_bot_tells_them_the_truth(people, app):
    app.svc.outbox.messenger.blocked.update((1001, 1002, 1003))  # every staff member blocked the bot
    stranger = Person(app, 8128, "楼下小周")
    await stranger.send("救命 楼上老人摔倒了")
    told = stranger.texts()
    assert any("暂时没联系上社工" in t and COMMITTEE in t and "120" in t for t in told)
    assert not any("已通知" in t for t in told)


async def test_a_strangers_second_cry_after_the_first_reached_nobody_is_tried_again_and_told_the_truth(people, app):
    blocked = app.svc.outbox.messenger.blocked
    blocked.update((1001, 1002, 1003))  # every staff member blocked the bot
    stranger = Person(app, 8129, "楼下小吴")
    await stranger.send("救命 楼上老人摔倒了")
    await stranger.send("救命啊 快来人")  # a second cry in the same minute: nobody heard the first
    told = stranger.texts()
    assert not any("已通知" in t for t in told)
    assert sum("暂时没联系上社工" in t for t in told) == 2
    blocked.discard(1002)  # 王社工 unblocks the bot and writes to it; the third cry in the same minute reaches him
    await people("王社工").send("/start")
    await stranger.send("救命 有人吗")
    assert any("楼上老人摔倒了" in m.text for m in people("王社工").inbox if "紧急求助 #1" in m.text)
    assert await app.svc.store.open_incident_ids() == [1]  # one call: the cries in between are on it
    assert any("已通知值班社工" in t for t in stranger.texts()[len(told):])
