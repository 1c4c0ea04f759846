"""What a resident answers to the address read-back ("请确认您现在的地址：…5号302室 对吗？") in his own words (lead's
probe, session 18):
- "不是302是303" — the real case's wrong door, said outright — was read as a bare "no": he was asked "请告诉我您现在在
  哪里" again, and staff saw nothing of 303 until he typed it a second time. Now staff see 303 beside the register's 302
  at once, loudly, and he is not asked again.
- "我在卫生间" (in his own bathroom) was shown to staff as "⚠️⚠️ 居民说登记的地址不对" — staff sent to check an address
  that was right. A room of his home is the registered address: confirmed, and staff read where in the flat he is.
- "是5号302 门锁着的" was a yes and the rest was lost: staff never read that the door is locked. A yes with more words
  confirms, and the words reach staff."""
import pytest
from conftest import signed_up

LOUD = "⚠️⚠️"


async def _asked(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    assert any("对吗" in t for t in wang.texts())
    return wang, people("李社工")


def _packet(li) -> str:
    return next(t for t in li.texts() if "紧急求助 #1" in t)


@pytest.mark.parametrize("words", ["不是302是303", "不对 是303", "303室不是302", "不对，303"])
async def test_a_different_door_said_with_the_no_reaches_staff_loudly_at_once(people, app, words):
    wang, li = await _asked(people)
    n = len(wang.texts())
    await wang.send(words)
    packet = _packet(li)
    assert LOUD in packet and "303" in packet, packet
    assert not any("您现在在哪里" in t for t in wang.texts()[n:]), wang.texts()[n:]


@pytest.mark.parametrize("words", ["我在卫生间", "在厨房里", "我在卧室地上", "人在客厅", "我在床上"])
async def test_a_room_of_his_home_confirms_the_address_and_staff_read_where_he_is(people, app, words):
    wang, li = await _asked(people)
    await wang.send(words)
    packet = _packet(li)
    assert LOUD not in packet and "居民已确认地址" in packet, packet
    assert any(words in t for t in li.texts()), li.texts()


@pytest.mark.parametrize("words", ["是5号302 门锁着的", "对的 钥匙在邻居家"])
async def test_a_yes_with_more_words_confirms_and_the_words_reach_staff(people, app, words):
    wang, li = await _asked(people)
    await wang.send(words)
    assert "居民已确认地址" in _packet(li)
    assert any(words in t for t in li.texts()), li.texts()


@pytest.mark.parametrize("words", ["对的", "嗯嗯"])
async def test_a_plain_yes_bothers_nobody_with_more_messages(people, app, words):
    wang, li = await _asked(people)
    m = len(li.texts())
    await wang.send(words)
    assert "居民已确认地址" in _packet(li) and len(li.texts()) == m


async def test_somewhere_else_is_still_loud(people, app):
    wang, li = await _asked(people)
    await wang.send("我在小区门口")
    assert LOUD in _packet(li)
