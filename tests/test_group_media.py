"""A voice or photo sent in a group the bot is in: a resident who can only speak sends a voice note wherever they
are. A registered resident's or family contact's reaches on-duty staff as it would from their private chat, marked
as sent in a group; a stranger's as a stranger's; the group gets 120 and the committee phone (nothing personal). A
chatty group cannot flood staff: one a person each 10 minutes, the rest counted and the latest following."""
import pytest
from conftest import signed_up
from redis.exceptions import ConnectionError

from bot.testing.tools import Person, _ids
from bot.types import Inbound

GROUP = -100778
COMMITTEE = "021-64370000"


async def in_group(person, kind: str = "voice", caption: str = "", **more):
    replies = await person.app.engine.handle(Inbound(
        user_id=person.id, chat_id=GROUP, first_name=person.name, language="zh-hans", message_id=next(_ids),
        kind=kind, text=caption, is_group=True, **more))
    for task in list(person.app.engine.incidents.pending()):
        await task
    return replies


def group_texts(app) -> list[str]:
    return [s.text for s in app.svc.outbox.messenger.to(GROUP)]


def forwarded_from_group(app, chat_id: int) -> int:
    return sum(1 for m in app.svc.outbox.messenger.log if m.chat_id == chat_id and m.forward
               and m.forward.chat_id == GROUP)


def nothing_personal_in_the_group(app) -> None:
    for text in group_texts(app):
        for secret in ("建新路", "13900000002", "王老伯", "王丽", "13911110002"):
            assert secret not in text


async def test_a_residents_voice_in_a_group_opens_a_request_staff_hear_it_marked_as_from_a_group(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await in_group(wang)
    assert forwarded_from_group(app, li.id) == 1
    packet = li.last("居民发来语音")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text and "群里" in packet.text
    assert "按紧急处理" in packet.buttons[0][0]
    assert len(group_texts(app)) == 1 and "120" in group_texts(app)[0] and COMMITTEE in group_texts(app)[0]
    nothing_personal_in_the_group(app)
    assert "转给值班社工" in wang.last().text  # told in private, as for a private voice
    clock.advance(minutes=30.1)
    await app.engine.tick()
    assert any("居民发来语音" in t for t in people("王社工").texts())  # it escalates until someone listens


async def test_a_residents_voice_in_a_group_during_their_call_goes_to_the_call(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await wang.send("🆘 紧急求助")
    await in_group(wang, "photo")
    assert forwarded_from_group(app, li.id) == 1
    assert "群里" in li.last("#1 王老伯").text
    assert await app.svc.store.open_incident_ids() == [1]
    nothing_personal_in_the_group(app)


async def test_a_daughters_voice_in_a_group_goes_the_family_path(people, app):
    daughter = await signed_up(people("王丽"), "13911110002")
    li = people("李社工")
    await in_group(daughter)
    assert forwarded_from_group(app, li.id) == 1
    packet = li.last("紧急联系人发来语音")
    assert "王老伯" in packet.text and "王丽（女儿）" in packet.text and "群里" in packet.text
    assert "120" in group_texts(app)[-1]
    nothing_personal_in_the_group(app)


async def test_a_chatty_group_reaches_staff_once_a_person_then_as_a_count_with_the_latest(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    for _ in range(10):
        await in_group(wang)
    assert forwarded_from_group(app, li.id) == 1
    assert await app.svc.store.open_incident_ids() == [1]
    assert len(group_texts(app)) == 1  # the group is answered once, not at every voice
    clock.advance(minutes=10.1)
    await app.engine.tick()
    assert "又发来 9 条语音" in li.last("又发来").text and "群里" in li.last("又发来").text
    assert forwarded_from_group(app, li.id) == 2  # the latest of them
    nothing_personal_in_the_group(app)


async def test_many_peoples_voices_in_groups_never_flood_staff(people, app):
    li = people("李社工")
    strangers = [Person(app, 8300 + i, f"路人{i}") for i in range(12)]
    for s in strangers:
        await in_group(s)
    assert forwarded_from_group(app, li.id) == 6


async def test_a_strangers_voice_in_a_group_reaches_staff_as_a_strangers_and_nothing_private(people, app):
    stranger = people("路人甲")
    li = people("李社工")
    await in_group(stranger)
    await in_group(stranger)
    assert forwarded_from_group(app, li.id) == 1
    assert "未登记" in li.last("路人甲").text and "群里" in li.last("路人甲").text
    assert len(group_texts(app)) == 1 and "120" in group_texts(app)[0]
    assert stranger.inbox == []  # nothing private they did not ask for
    assert len(await app.svc.store.stranger_log(stranger.id)) == 2  # both written down
    assert await app.svc.store.open_incident_ids() == []


async def test_staff_voices_in_a_group_are_their_own(people, app):
    li, wa = people("李社工"), people("王社工")
    await in_group(wa)
    assert li.inbox == [] and group_texts(app) == []


async def test_a_strangers_voice_passes_over_on_duty_staff_who_blocked_the_bot(people, app):
    app.svc.outbox.messenger.blocked.add(1001)  # 李社工, on duty, blocked the bot
    await app.engine.tick()  # the duty check finds it out
    await people("隔壁小李").send_kind("voice")
    wa = people("王社工")
    assert sum(s.forwarded for s in wa.inbox) == 1 and "未登记" in wa.last("未登记").text


async def test_a_strangers_cry_passes_over_on_duty_staff_who_blocked_the_bot(people, app):
    app.svc.outbox.messenger.blocked.add(1001)
    await app.engine.tick()
    await people("路人乙").send("救命 楼下老人摔倒了")
    await in_group(people("路人丙"), "text", "救命啊 有人晕倒了")
    wa = people("王社工")
    assert "楼下老人摔倒了" in wa.last("楼下老人摔倒了").text
    assert "有人晕倒了" in wa.last("群里").text


async def test_a_residents_photo_crying_for_help_in_a_group_is_their_call_and_the_photo_follows(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await in_group(wang, "photo", "救命 我摔倒了起不来")
    assert "我摔倒了起不来" in li.last("紧急求助 #1").text
    assert forwarded_from_group(app, li.id) == 1
    assert "群里" in li.last("#1 王老伯").text
    assert "需要马上有人来吗" in wang.last().text  # in private, as for a typed cry in the group
    nothing_personal_in_the_group(app)


async def test_a_strangers_held_back_voices_follow_to_reachable_staff(people, app, clock):
    app.svc.outbox.messenger.blocked.add(1001)  # 李社工, on duty, blocked the bot
    await app.engine.tick()
    stranger = people("路人丁")
    for _ in range(3):
        await stranger.send_kind("voice")
    clock.advance(minutes=10.1)
    await app.engine.tick()
    wa = people("王社工")
    assert "又发来 2 条语音" in wa.last("又发来").text
    assert sum(s.forwarded for s in wa.inbox) == 2


async def test_held_back_voices_during_a_call_follow_to_whoever_handles_it(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li, wa = people("李社工"), people("王社工")
    await wang.send("🆘 紧急求助")
    clock.advance(minutes=3.1)
    await app.engine.tick()  # nobody took it: everyone is alerted
    await wa.click(wa.last("紧急求助 #1"), "我来处理")  # 王社工, not on duty, takes the call
    for _ in range(3):
        await in_group(wang)
    assert forwarded_from_group(app, wa.id) == 1
    clock.advance(minutes=10.1)
    await app.engine.tick()
    assert "又发来 2 条语音" in wa.last("又发来").text
    assert forwarded_from_group(app, wa.id) == 2
    assert not any("又发来" in t for t in li.texts())


@pytest.mark.parametrize("failure", [ConnectionError("gone"), KeyError("a bug, not storage")], ids=["storage", "bug"])
async def test_a_cry_in_a_group_meeting_a_failure_still_reaches_staff_and_the_group_gets_120(people, app, monkeypatch,
                                                                                             failure):
    wang = await signed_up(people("王老伯"), "13900000002")

    async def broken(*a, **kw):
        raise failure

    monkeypatch.setattr(app.svc.store, "resident_by_tg", broken)
    await in_group(wang, "text", "救命 我摔倒了起不来")
    assert "我摔倒了起不来" in people("李社工").last("系统故障").text
    assert "120" in group_texts(app)[-1] and COMMITTEE in group_texts(app)[-1]
    nothing_personal_in_the_group(app)


async def test_a_strangers_voice_in_a_group_that_reaches_nobody_is_not_called_passed_on(people, app):
    app.svc.outbox.messenger.blocked.update((1001, 1002, 1003))  # every staff member blocked the bot
    await in_group(people("路人丁"))
    told = group_texts(app)
    assert len(told) == 1 and "120" in told[0] and COMMITTEE in told[0]
    assert "已转给" not in told[0] and "暂时没联系上社工" in told[0]


async def test_a_strangers_voice_in_a_group_is_called_passed_on_only_after_staff_got_it(people, app):
    app.svc.outbox.messenger.blocked.add(1001)  # 李社工, on duty, blocked the bot (no probe yet)
    await in_group(people("路人戊"))
    log = app.svc.outbox.messenger.log
    got = [i for i, m in enumerate(log) if m.forward and m.forward.chat_id == GROUP and m.chat_id in (1002, 1003)]
    told = [i for i, m in enumerate(log) if m.chat_id == GROUP and "已转给" in (m.text or "")]
    assert got and told and got[0] < told[0]


async def test_a_residents_voice_in_a_group_that_reaches_nobody_is_not_called_passed_on(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    app.svc.outbox.messenger.blocked.update((1001, 1002, 1003))  # every staff member blocked the bot
    await in_group(wang)
    told = group_texts(app)
    assert len(told) == 1 and "120" in told[0] and COMMITTEE in told[0]
    assert "已转给" not in told[0] and "暂时没联系上社工" in told[0]
    nothing_personal_in_the_group(app)


async def test_a_residents_photo_in_a_group_during_a_call_that_reaches_nobody_is_not_called_passed_on(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    app.svc.outbox.messenger.blocked.update((1001, 1002, 1003))  # every staff member blocked the bot since
    await in_group(wang, "photo")
    told = group_texts(app)
    assert len(told) == 1 and "已转给" not in told[0] and "暂时没联系上社工" in told[0] and COMMITTEE in told[0]
    nothing_personal_in_the_group(app)


async def test_a_residents_voice_in_a_group_is_called_passed_on_only_after_staff_got_it(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await in_group(wang)
    log = app.svc.outbox.messenger.log
    got = [i for i, m in enumerate(log) if m.chat_id == 1001 and m.forward and m.forward.chat_id == GROUP]
    told = [i for i, m in enumerate(log) if m.chat_id == GROUP and "已转给" in (m.text or "")]
    assert got and told and got[0] < told[0]
