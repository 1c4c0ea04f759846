"""A family contact's or family doctor's words that are no emergency reached nobody: "能帮我去看看我爸吗" from a
daughter in another city was answered "您好！有紧急情况时，居委会会通知您。" Now they reach staff as a request about
the resident they look out for; thanks get a kind word; what the bot cannot read is one tap from a person."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["能帮我去看看我爸吗", "我爸最近老糊涂，能去看看他吗", "我爸的药吃完了能帮他配吗"])
async def test_a_daughters_request_about_her_father_reaches_staff(people, app, words):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    packet = people("李社工").last("求助 #1").text
    assert words in packet and "王老伯" in packet and "王丽" in packet
    assert "已经告诉" in wangli.last().text and "有紧急情况时" not in wangli.last().text
    assert not any("紧急求助" in t for t in people("李社工").texts())


async def test_a_daughters_thanks_gets_a_kind_word_and_troubles_nobody(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("谢谢你们照顾我爸")
    assert "不客气" in wangli.last().text
    assert people("李社工").texts() == []


async def test_what_the_bot_cannot_read_from_a_daughter_is_one_tap_from_staff(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("那个那个，就是那个")
    await wangli.click(wangli.last("转给社工"), "转给社工")
    packet = people("李社工").last("求助 #1").text
    assert "那个那个，就是那个" in packet and "王老伯" in packet and "王丽" in packet


async def test_a_doctor_of_two_residents_is_asked_which_one_and_staff_hear_at_once(people, app):
    zhao = await signed_up(people("赵医生"), "13922220001")
    await zhao.send("麻烦社工去看一下我的病人，最近血压一直不稳")
    li = people("李社工")
    packet = li.last("求助 #1").text
    assert "张阿姨" in packet and "王老伯" in packet and "赵医生" in packet
    await zhao.click(zhao.last("哪一位"), "王老伯")
    assert "王老伯" in li.last("求助 #1").text
    assert (await app.svc.store.incident(1))["resident"]
    assert not any("紧急求助" in t for t in li.texts())
    assert "已经告诉" in zhao.last().text


async def test_feeling_unwell_when_no_staff_member_can_be_reached_is_told_the_truth(people, app):
    """"听到您不舒服…已经告诉社工了" was said even when the alert reached nobody."""
    wang = await signed_up(people("王老伯"), "13900000002")
    app.svc.outbox.messenger.blocked.update((1001, 1002, 1003))  # every staff member blocked the bot
    await wang.send("我好难受")
    assert not any("已经告诉社工" in t for t in wang.texts())
    assert "暂时没联系上社工" in wang.last().text


async def test_a_daughters_request_that_reaches_no_staff_member_tells_her_the_truth(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    app.svc.outbox.messenger.blocked.update((1001, 1002, 1003))
    await wangli.send("能帮我去看看我爸吗")
    assert not any("已经告诉" in t for t in wangli.texts())
    assert "暂时没联系上社工" in wangli.last().text


@pytest.mark.parametrize("cry", ["我的病人摔倒了起不来", "麻烦社工去看一下我的病人，最近血压一直不稳"])
async def test_a_doctor_of_two_who_types_the_name_instead_of_tapping_names_the_call(people, app, cry):
    """Asked "是哪一位…？ 请按一下名字", 赵医生 typed "王老伯": it opened another call (or request) about both."""
    zhao = await signed_up(people("赵医生"), "13922220001")
    await zhao.send(cry)
    await zhao.send("王老伯")
    wang = await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000002"))
    assert (await app.svc.store.incident(1))["resident"] == wang["id"]
    assert await app.svc.store.incident(2) is None
