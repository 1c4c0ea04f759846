"""Someone who never signed up writes "我是3号楼602的住户，我摔倒了" — maybe 张阿姨 on a new phone, maybe someone else
at her door, maybe not. Staff must be alerted at once and see that an unregistered account claims that door, with the
resident registered there and her registered phone to check; the stranger is never read back her name, address or
phone. Before, "我住3号楼602，我摔倒了" reached staff as a stranger's call with no address ("不知道地址和电话"), and a
door claim that did open her call read as if a stranger had reported her, not as someone claiming to be her."""
import pytest
from conftest import signed_up

from bot.residents import full_address

CLAIMS = ["我是3号楼602的住户，我摔倒了", "我住3号楼602，我摔倒了起不来", "我家在3号楼602室 救命", "3号楼602 救命 快来人"]
PRIVATE = ("张阿姨", "602", "13900000001", "建新路", "27弄")


async def zhang(app) -> dict:
    return await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000001"))


@pytest.mark.parametrize("words", CLAIMS)
async def test_staff_are_alerted_at_once_with_the_resident_registered_at_that_door(people, app, words):
    stranger, li = people("陌生人小李"), people("李社工")
    await stranger.send(words)
    alert = li.last("紧急求助 #1").text
    her = await zhang(app)
    assert full_address(app.settings.community.address_prefix, her) in alert and her["phone"] in alert
    assert "陌生人小李" in alert and "未登记" in alert and words in alert
    assert "不一定是张阿姨本人" in alert  # an unregistered account claiming her door: check by her phone first


@pytest.mark.parametrize("words", CLAIMS + ["我是张阿姨，我摔倒了"])
async def test_the_stranger_is_never_read_back_her_name_address_or_phone(people, app, words):
    stranger, li = people("陌生人小李"), people("李社工")
    await stranger.send(words)
    await stranger.send("门没锁")
    alert = li.last("紧急求助 #1")
    await li.press_data(alert.message_id, "inc:claim:1")
    await li.press_data(alert.message_id, "inc:resolve:1")
    said = "\n".join(stranger.texts())
    assert "120" in said and "社工" in said
    assert not any(p in said.replace(words, "") for p in PRIVATE), said


async def test_a_stranger_saying_her_name_is_shown_as_claiming_to_be_her(people, app):
    stranger, li = people("陌生人小李"), people("李社工")
    await stranger.send("我是张阿姨，我摔倒了")
    alert = li.last("紧急求助 #1").text
    assert (await zhang(app))["phone"] in alert and "自称" in alert and "不一定是张阿姨本人" in alert


@pytest.mark.parametrize("words", ["3号楼的张阿姨摔倒了", "我是3号楼602张阿姨的女儿，我妈摔倒了"])
async def test_a_stranger_reporting_her_by_name_is_still_a_report_not_a_claim(people, app, words):
    stranger, li = people("楼下小陈"), people("李社工")
    await stranger.send(words)
    alert = li.last("紧急求助 #1").text
    assert "报告人" in alert and "不一定是张阿姨本人" not in alert


async def test_a_door_nobody_is_registered_at_stays_the_stranger_s_own_call(people, app):
    stranger, li = people("陌生人小李"), people("李社工")
    await stranger.send("我住9号楼901，我摔倒了")
    alert = li.last("紧急求助 #1").text
    assert "我住9号楼901" in alert and "没有登记" in alert


async def test_her_own_chat_is_not_told_of_a_call_a_stranger_made_at_her_door(people, app):
    """(she may be fine and at home: staff phone her; "李社工 已经接手您的求助" is for the one who cried)"""
    resident = await signed_up(people("张阿姨"), "13900000001")
    seen = len(resident.inbox)
    stranger, li = people("陌生人小李"), people("李社工")
    await stranger.send("我住3号楼602，我摔倒了起不来")
    alert = li.last("紧急求助 #1")
    await li.press_data(alert.message_id, "inc:claim:1")
    assert resident.inbox[seen:] == []
    assert "李社工 已经接手" in stranger.last().text  # the one who cried hears who took it


async def test_a_door_given_after_the_cry_shows_staff_who_is_registered_there(people, app, clock):
    stranger, li = people("陌生人小李"), people("李社工")
    await stranger.send("救命 我摔倒了")
    clock.advance(seconds=20)
    await stranger.send("我住3号楼602")
    her = await zhang(app)
    told = li.last("我住3号楼602").text
    assert "张阿姨" in told and her["phone"] in told and "不一定是张阿姨本人" in told
    said = "\n".join(stranger.texts())
    assert not any(p in said.replace("我住3号楼602", "") for p in PRIVATE), said


async def test_a_stranger_claiming_her_door_in_a_group_alerts_staff_and_the_group_reads_nothing_of_hers(people, app):
    from test_group_cry import group_texts, in_group

    stranger, li = people("路人甲"), people("李社工")
    await in_group(stranger, "我住3号楼602 我摔倒了")
    alert = li.last("紧急求助 #1").text
    assert "不一定是张阿姨本人" in alert and (await zhang(app))["phone"] in alert
    assert group_texts(app) and not any(p in t for t in group_texts(app) for p in PRIVATE if p != "602")
    assert stranger.inbox == []
