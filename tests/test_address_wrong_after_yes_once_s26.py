"""After ✅ 对, "不对 我在5号602": staff's phone rang twice with the same words — "📝 #1 张阿姨 又说：…" and the new
"⚠️⚠️ #1 张阿姨 说的地址和登记的不一样！…" (session 25). Now they get one clear message, the address-differs one; her
words are still on the call's record, and said again (the same place) they come as "📝 又说", once."""
import pytest
from conftest import enrolled


async def _confirmed(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.send("要")
    await zhang.send("对的")
    return zhang, people("李社工")


@pytest.mark.parametrize("words", ["不对 我在5号602", "不对不对 我在楼下"])
async def test_one_message_for_staff_the_address_differs(people, app, words):
    zhang, li = await _confirmed(people, app)
    before = len(li.inbox)
    await zhang.send(words)
    new = [m.text for m in li.inbox[before:] if words in m.text]
    assert len(new) == 1 and "⚠️⚠️" in new[0], new
    assert "地址告诉社工" in zhang.last().text
    await li.send("/incident 1")
    assert words in li.last("#1").text


async def test_the_same_place_again_is_her_words_once(people, app):
    zhang, li = await _confirmed(people, app)
    await zhang.send("不对 我在5号602")
    before = len(li.inbox)
    await zhang.send("不对 我在5号602")
    new = [m.text for m in li.inbox[before:] if "5号602" in m.text]
    assert len(new) <= 1, new
