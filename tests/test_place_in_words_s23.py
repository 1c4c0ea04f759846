"""After ❌ to her address read back, 张阿姨 — fallen outside — typed where she is the way anyone would: "我在菜场门口".
Staff's packet had her words, but she read "没有看懂地址。请说路名、弄、号、室" — as if nothing she said had been heard,
and asked for a door she may not have (probe, session 23). Now she reads "收到" (staff's packet has her words — the
bot does not claim they read it: Telegram may be failing for them) and is asked, once, for a little more (a road, a
shop, a crossing) or her location."""
import pytest
from conftest import enrolled


async def _told_no_then(people, app, words):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.click(zhang.last(), "是")
    await zhang.click(zhang.last("对吗"), "不对")
    await zhang.send(words)
    return zhang


@pytest.mark.parametrize("words", ["我在菜场门口", "在公园里", "我在女儿家"])
async def test_a_place_in_words_is_heard_and_a_little_more_asked(people, app, words):
    zhang = await _told_no_then(people, app, words)
    said = zhang.last().text
    assert said.startswith("收到") and "没有看懂" not in said, said
    assert "具体" in said and zhang.last().request == "location", said
    assert words in people("李社工").last("紧急求助").text
