"""A cry for help in a group the bot is in: the group gets 120 and the committee's phone (nothing personal); a
registered resident's cry goes their own fast lane, a family contact's the family path, a staff member's her colleague
call, a stranger's is a call of its own (tests/test_stranger_call.py)."""
from bot.types import Inbound

GROUP = -100777
COMMITTEE = "021-64370000"


async def in_group(person, text: str):
    return await person.app.engine.handle(Inbound(user_id=person.id, chat_id=GROUP, first_name=person.name,
                                                  language="zh-hans", message_id=99, kind="text", text=text,
                                                  is_group=True))


def group_texts(app) -> list[str]:
    return [s.text for s in app.svc.outbox.messenger.to(GROUP)]


def nothing_personal_in_the_group(app) -> None:
    for text in group_texts(app):
        assert "建新路" not in text and "13900000002" not in text and "王老伯" not in text


async def test_a_residents_cry_in_a_group_opens_their_call_and_staff_are_alerted(people, app, clock):
    from conftest import signed_up

    wang = await signed_up(people("王老伯"), "13900000002")
    await in_group(wang, "救命 我摔倒了起不来")
    li = people("李社工")
    alert = li.last("紧急求助 #1")
    assert "王老伯" in alert.text and "建新路27弄5号302室" in alert.text and "我摔倒了起不来" in alert.text
    assert group_texts(app) and "120" in group_texts(app)[-1] and COMMITTEE in group_texts(app)[-1]
    nothing_personal_in_the_group(app)
    assert "已通知值班社工" in wang.last("已通知").text  # in private
    assert "需要马上有人来吗" in wang.last().text
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert "紧急求助 #1" in people("陈书记").last().text  # it escalates like any call
    await li.send("/incident 1")
    assert "在群里求助" in li.last().text


async def test_a_resident_the_bot_cannot_write_to_is_called_by_staff(people, app):
    from conftest import signed_up

    wang = await signed_up(people("王老伯"), "13900000002")
    app.svc.outbox.messenger.blocked.add(wang.id)  # they blocked the bot (or never opened a private chat)
    await in_group(wang, "救命 我摔倒了起不来")
    li = people("李社工")
    assert "王老伯" in li.last("紧急求助 #1").text
    assert "请直接打电话" in li.last().text and "13900000002" in li.last().text
    nothing_personal_in_the_group(app)


async def test_a_daughters_cry_in_a_group_goes_the_family_path(people, app):
    from conftest import signed_up

    daughter = await signed_up(people("王丽"), "13911110002")
    await in_group(daughter, "救命，我爸爸摔倒了")
    alert = people("李社工").last("紧急求助 #1")
    assert "王老伯" in alert.text and "王丽（女儿）" in alert.text
    assert "120" in group_texts(app)[-1]
    nothing_personal_in_the_group(app)


async def test_a_strangers_cry_in_a_group_is_told_to_staff_once(people, app):
    stranger = people("路人甲")
    li = people("李社工")
    await in_group(stranger, "救命啊 有人晕倒了")
    await in_group(stranger, "救命啊 快来人")
    assert sum("群里" in t and "路人甲" in t for t in li.texts()) == 1
    assert "有人晕倒了" in li.last("群里").text
    assert len(group_texts(app)) == 2 and all("120" in t for t in group_texts(app))
    assert await app.svc.store.open_incident_ids() == [1]  # one call, the second cry on it
    assert stranger.inbox == []  # nothing private they did not ask for


async def test_a_daughter_the_bot_cannot_write_to_is_called_by_staff_about_her_fathers_fall(people, app, clock):
    from conftest import signed_up

    daughter = await signed_up(people("王丽"), "13911110002")
    app.svc.outbox.messenger.blocked.add(daughter.id)  # she blocked the bot since she signed up
    await in_group(daughter, "救命，我爸爸摔倒了")
    li = people("李社工")
    assert "王老伯" in li.last("紧急求助 #1").text and "王丽（女儿）" in li.last("紧急求助 #1").text
    ask = li.last("请直接打电话")
    assert "王丽" in ask.text and "13911110002" in ask.text and "#1" in ask.text
    assert "群里" in li.last("紧急求助 #1").text  # the packet says so too, while the call is open
    nothing_personal_in_the_group(app)
    assert "13911110002" not in "".join(group_texts(app))
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert "13911110002" in people("陈书记").last("紧急求助 #1").text  # and the next levels' packets
    await li.send("/incident 1")
    assert "无法私聊" in li.last().text  # on the timeline


async def test_a_daughters_cry_in_a_group_during_her_fathers_call_asks_staff_to_call_her(people, app):
    from conftest import signed_up

    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    daughter = await signed_up(people("王丽"), "13911110002")
    app.svc.outbox.messenger.blocked.add(daughter.id)
    await in_group(daughter, "救命，我爸爸摔倒了")
    assert await app.svc.store.open_incident_ids() == [1]
    ask = people("李社工").last("请直接打电话")
    assert "王丽" in ask.text and "13911110002" in ask.text


async def test_a_staff_members_own_cry_in_a_group_is_her_colleague_call(people, app, clock):
    """李社工 typed "救命 我摔倒了" in a residents' group: the group got 120 and nothing else happened — no colleague
    was told. Now it is her colleague call, as in private: colleagues and the head alerted, claimable, escalating."""
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await in_group(li, "救命 我摔倒了")
    assert "120" in group_texts(app)[-1] and COMMITTEE in group_texts(app)[-1]
    alert = wa.last("同事求助 #1")
    assert "李社工" in alert.text and "我摔倒了" in alert.text
    assert "同事求助 #1" in chen.last("#1").text
    assert not any("同事求助" in t for t in li.texts())  # never sent to herself
    await wa.click(alert, "我来处理")
    assert "王社工" in li.last("王社工").text
