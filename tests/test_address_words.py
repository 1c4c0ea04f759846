"""Answers to "请确认您现在的地址" that are neither yes, no nor an address: "在菜场" was answered "听到您很好，真高兴！",
"我在楼下" and "在家里" "没太明白", and "不对，我在女儿家" lost where she is (asked again). Where a person who called for
help says they are is what staff need most: it reaches them in her words; "在家里" is a yes."""
import pytest
from conftest import signed_up


async def _after_sos(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    n = len(wang.texts())
    await wang.send(words)
    return wang, wang.texts()[n:], people("李社工")


@pytest.mark.parametrize("words", ["在菜场", "我在楼下", "不对，我在女儿家", "我在公园门口"])
async def test_where_they_say_they_are_reaches_staff_in_their_words(people, app, words):
    wang, said, li = await _after_sos(people, words)
    place = words.split("，")[-1]
    assert place in li.last("紧急求助 #1").text
    assert not any(w in t for t in said for w in ("真高兴", "没太明白", "现在在哪里"))
    assert "社工会打电话和您确认" in said[-1]


@pytest.mark.parametrize("words", ["在家里", "在家", "屋里厢"])
async def test_at_home_is_a_yes(people, app, words):
    wang, said, li = await _after_sos(people, words)
    assert (await app.svc.store.incident(1))["address_state"] == "confirmed"
    assert "社工会到这个地址" in said[-1]


async def test_a_place_told_in_words_after_no_reaches_staff_before_the_bot_asks_again(people, app):
    """"不对" then "在菜场": the bot asks for road and door again (it could not read one), but staff had nothing of
    "在菜场" until a second answer came — and an old man on a market floor may not manage a second."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await wang.send("在菜场")
    assert "在菜场" in people("李社工").last("紧急求助 #1").text
