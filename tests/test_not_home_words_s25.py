"""Words that say she is not at the door read back to her ("我不在家", "我搬家了", "I'm not at home", "不对 我在楼下"):
two word sets read them, one while the read-back waits (bot/flows/call_answers.py) and one after her ✅ 对
(address_steps.ELSEWHERE), and each missed some of the other's (session 25): "I'm not at home" to the read-back was
asked the read-back again and no staff read it; "我搬家了", "我搬走了", "不住这儿了" after her ✅ 对 left "✅ 居民已确认地址"
on the packet staff go by, and she read "已经转告值班社工". Now one set: every word below, said either way, reaches
staff, and the confirmation comes off the packet."""
import pytest
from conftest import enrolled

NOT_HOME = ["我不在家", "我不在屋里", "我没在家", "我搬家了", "我搬走了", "我不住那里了", "不住这儿了", "I'm not at home",
            "i'm not home", "not at home"]
ELSEWHERE = ["不对 我在楼下", "不是 我在女儿家", "错了 我在菜场门口", "说错了 我在医院", "搞错了 我在公园"]
WRONG = ["地址不对", "地址错了", "地址是错的", "wrong address"]


async def _read_back(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.send("要")
    assert "请确认您现在的地址" in zhang.last().text
    return zhang, people("李社工")


@pytest.mark.parametrize("words", NOT_HOME + ELSEWHERE + WRONG)
async def test_said_to_the_read_back_she_is_asked_where_she_is(people, app, words):
    zhang, li = await _read_back(people, app)
    await zhang.send(words)
    told = zhang.last().text
    assert "请确认您现在的地址" not in told, told
    assert "请告诉我您现在在哪里" in told or "已把您说的话告诉社工" in told, told
    if words not in WRONG:  # (the bare "地址不对" is the ❌ 不对 button's: she is asked where, and that is all)
        assert any(words in text for text in li.texts()), li.texts()[-3:]


@pytest.mark.parametrize("words", NOT_HOME + ELSEWHERE + WRONG)
async def test_said_after_her_yes_the_packet_drops_the_confirmation(people, app, words):
    zhang, li = await _read_back(people, app)
    await zhang.send("对的")
    await zhang.send(words)
    packet = li.last("紧急求助 #1").text
    assert "✅ 居民已确认地址" not in packet and "⚠️⚠️" in packet and words in packet, packet
    assert "地址告诉社工" in zhang.last().text, zhang.last().text
