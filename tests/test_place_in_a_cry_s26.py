"""Asked where she is (🆘, then ❌ 不对), she answers with a place and a cry in one ("我在女儿家摔倒了"). It was taken
as a repeat cry alone: staff read "又发来求助", but the packet kept "⏳ 正在请居民确认地址", her place never reached it
as her answer, and nobody asked again. Now the cry still reaches staff at once, and the place she gave reaches them
loudly (⚠️⚠️ 不一样, beside the register), the packet no longer waiting for her."""
import pytest
from conftest import enrolled


async def _asked_where(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.send("要")
    await zhang.click(zhang.last(), "不对")
    assert "在哪里" in zhang.last().text, zhang.last().text
    return zhang, people("李社工")


@pytest.mark.parametrize("words", ["我在女儿家摔倒了", "在菜场摔倒了 起不来"])
async def test_a_place_with_a_cry_reaches_staff_as_where_she_is(people, app, words):
    zhang, li = await _asked_where(people, app)
    before = len(li.inbox)
    await zhang.send(words)
    new = [m.text for m in li.inbox[before:]]
    assert any("又发来求助" in t and words in t for t in new), new  # the cry, at once
    assert any("不一样" in t and words in t for t in new), new  # the place, loudly
    packet = li.last("紧急求助 #1").text
    assert "正在请居民确认地址" not in packet and words in packet, packet

