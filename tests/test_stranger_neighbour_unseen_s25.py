"""A stranger reports a neighbour not seen for days (session 25): "隔壁老太太好几天没出门了" read "🚑 情况危急请马上拨打120"
and then "请告诉我们您在哪里" with a location button — as if the one writing were the one in trouble. She is well; the old
woman next door is who staff must find. Now she reads that staff will go and look, and one question: which building
and door the neighbour lives in; her answer reaches the staff on the call. Staff are alerted as before."""
import pytest

WORDS = ["隔壁老太太好几天没出门了", "楼上老伯好几天没见了 敲门没人应", "对门阿姨两天没拿牛奶了",
         # (probe) a typo and a light read as a paced wish, no call; a knock unanswered asked where SHE is
         "隔壁老太太好几天没出们了", "隔壁老人家里的灯亮了三天了", "对门老头 电话打不通 敲门也没人"]


@pytest.mark.parametrize("words", WORDS)
async def test_she_is_asked_where_the_neighbour_lives_not_where_she_is(people, app, words):
    stranger, li = people("陌生人"), people("李社工")
    await stranger.send(words)
    assert any("紧急求助 #1" in t and words in t for t in li.texts()), li.texts()
    said = stranger.texts()
    assert not any("您在哪里" in t for t in said), said
    asked = stranger.last()
    assert "几号楼" in asked.text and "住" in asked.text, said
    assert asked.request != "location", said
    assert "社工" in said[0] and "021-64370000" in said[0], said


async def test_her_answer_reaches_the_staff_on_the_call(people, app):
    stranger, li = people("陌生人"), people("李社工")
    await stranger.send("隔壁老太太好几天没出门了")
    await stranger.send("5号楼302")
    assert any("5号楼302" in t for t in li.texts()), li.texts()


async def test_guard_someone_down_in_front_of_her_is_still_asked_where_she_is(people, app):
    stranger = people("陌生人")
    await stranger.send("5号楼有个老人倒在楼道里")
    assert "120" in stranger.texts()[0]
    assert stranger.last().request == "location"


async def test_told_where_the_neighbour_lives_she_is_not_asked_where_she_is(people, app):
    """Her answer "5号楼302" was thanked with "🚑 情况危急请马上拨打120" and the 📍 button "您在哪里" again."""
    stranger = people("陌生人")
    await stranger.send("隔壁老太太好几天没出门了")
    await stranger.send("5号楼302")
    last = stranger.last()
    assert "转告" in last.text and last.request != "location", last


async def test_a_door_she_already_gave_is_not_asked_again(people, app):
    stranger, li = people("陌生人"), people("李社工")
    words = "我邻居好几天没出门了我好担心她会不会出事了你们能不能去看一下她住在3号楼402"
    await stranger.send(words)
    assert any("紧急求助 #1" in t for t in li.texts()), li.texts()
    assert not any("住在哪里" in t for t in stranger.texts()), stranger.texts()
