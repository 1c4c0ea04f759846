"""What a resident or their family sends during an open call (a voice, a photo, a location) goes to whoever got the
call's alert; if none of them can be reached now (they blocked the bot since), it still reaches someone on the
staff; and if truly nobody can be reached, the sender hears the truth, the committee phone and 120."""
from conftest import signed_up

from test_family_media import during_her_fathers_call

COMMITTEE = "021-64370000"
STAFF = (1001, 1002, 1003)  # 李社工 (on duty), 王社工, 陈书记


def forwarded(person) -> int:
    return sum(1 for s in person.inbox if s.forwarded)


async def test_a_residents_voice_reaches_other_staff_when_the_one_alerted_blocked_the_bot(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    assert people("李社工").last("紧急求助 #1")
    app.svc.outbox.messenger.blocked.add(1001)  # 李社工, the only one alerted, blocks the bot afterwards
    seen = len(wang.texts())
    await wang.send_kind("voice")
    wa, chen = people("王社工"), people("陈书记")
    assert forwarded(wa) + forwarded(chen) >= 1
    assert "王老伯" in (wa.inbox or chen.inbox)[-2].text
    assert "已转给社工" in wang.texts()[seen]  # (then the read-back it came to)


async def test_a_residents_voice_that_reaches_nobody_tells_them_to_phone(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    app.svc.outbox.messenger.blocked.update(STAFF)  # every staff member blocked the bot since the alert
    seen = len(wang.texts())
    await wang.send_kind("photo")
    told = wang.texts()[seen]  # (then the read-back it came to)
    assert "暂时没联系上社工" in told and COMMITTEE in told and "120" in told
    assert not any("已转给社工" in t for t in wang.texts())


async def test_a_daughters_location_during_the_call_reaches_other_staff_when_the_alerted_blocked_the_bot(people, app):
    daughter, li, _ = await during_her_fathers_call(people)
    app.svc.outbox.messenger.blocked.add(1001)
    await daughter.share_location(31.21001, 121.44002)
    wa, chen = people("王社工"), people("陈书记")
    assert forwarded(wa) + forwarded(chen) >= 1
    assert any("31.21001, 121.44002" in t for t in wa.texts() + chen.texts())
    assert "值班社工" in daughter.last().text


async def test_a_daughters_voice_during_the_call_that_reaches_nobody_tells_her_the_truth(people, app):
    daughter, li, _ = await during_her_fathers_call(people)
    app.svc.outbox.messenger.blocked.update(STAFF)
    await daughter.send_kind("voice")
    told = daughter.last().text
    assert "暂时没联系上社工" in told and COMMITTEE in told and "120" in told
    assert not any("已经转给值班社工" in t for t in daughter.texts())


async def test_a_residents_photo_crying_in_a_group_follows_the_call_when_the_bot_cannot_write_to_them(people, app):
    from test_group_media import forwarded_from_group, in_group, nothing_personal_in_the_group

    wang = await signed_up(people("王老伯"), "13900000002")
    app.svc.outbox.messenger.blocked.add(wang.id)  # he blocked the bot in private
    li = people("李社工")
    await in_group(wang, "photo", "救命 我摔倒了起不来")
    assert "我摔倒了起不来" in li.last("紧急求助 #1").text
    assert "请直接打电话" in li.last("#1 王老伯 是在群里求助的").text
    assert forwarded_from_group(app, li.id) == 1  # the photo, with the call
    assert "群里" in li.last("#1 王老伯 发来").text
    nothing_personal_in_the_group(app)


async def test_a_residents_voice_with_no_call_open_that_reaches_nobody_tells_them_to_phone(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    app.svc.outbox.messenger.blocked.update(STAFF)  # every staff member blocked the bot
    await wang.send_kind("voice")
    told = wang.texts()
    assert any("暂时没联系上社工" in t and COMMITTEE in t and "120" in t for t in told)
    assert not any("转给值班社工" in t for t in told)
