"""Someone not signed up who writes about another person (session 21's probes): "5号楼有个老人倒在楼道里", "there's an
old man lying in the street", "my neighbour hasn't been seen for days", "我捡到一个老人 他说不清家在哪" got only the
sign-up welcome and nobody was told; "小区门口有个老太太在哭", "对门阿姨家一直有狗叫" likewise. An old person down or lost
is a call for help now; a worry about a neighbour reaches staff (paced, as a wish to reach the committee)."""
import pytest

URGENT = ["5号楼有个老人倒在楼道里", "楼道里躺着一个老人", "there's an old man lying in the street",
          "my neighbour hasn't been seen for days", "我捡到一个老人 他说不清家在哪", "有个老太太倒在马路上"]
WORRY = ["小区门口有个老太太在哭", "对门阿姨家一直有狗叫", "隔壁阿婆家的花都枯了 好久没见她浇"]


@pytest.mark.parametrize("words", URGENT)
async def test_an_old_person_down_or_lost_alerts_staff_at_once(people, app, words):
    stranger, li = people("陌生人"), people("李社工")
    await stranger.send(words)
    assert any("紧急求助" in t and words in t for t in li.texts()), li.texts()
    assert "120" in stranger.texts()[0]


@pytest.mark.parametrize("words", WORRY)
async def test_a_worry_about_someone_reaches_staff(people, app, words):
    stranger, li = people("陌生人"), people("李社工")
    await stranger.send(words)
    assert any(words in t for t in li.texts()), li.texts()
    assert "已告诉居委会" in stranger.last().text
    assert stranger.last().request == "contact"


@pytest.mark.parametrize("words", ["有个老人倒在楼道里"])
async def test_a_resident_telling_it_alerts_too(people, app, words):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert any("紧急求助" in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["你好", "谢谢", "老人节快乐"])
async def test_guard_small_talk_troubles_nobody(people, app, words):
    stranger = people("陌生人")
    await stranger.send(words)
    assert people("李社工").texts() == []
