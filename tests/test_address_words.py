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


async def _after_typed_cry(people, words):
    """王老伯 types "我摔倒了", is asked "您需要马上有人来吗？" and answers `words`."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我摔倒了")
    assert "您需要马上有人来吗" in wang.last().text
    n = len(wang.texts())
    await wang.send(words)
    return wang, wang.texts()[n:], people("李社工")


@pytest.mark.parametrize("words, door", [("不对 是28号", "28号"), ("门牌号不对 是5号401", "401室"),
                                         ("不是 我在女儿家", "女儿家")])
async def test_a_door_or_place_told_to_need_now_reaches_staff(people, app, words, door):
    """The real case, typed: asked "您需要马上有人来吗？", "不对 是28号" was taken as "no" (a possible false alarm) and the
    door number lost; "门牌号不对 是5号401" was asked the same question again and lost too."""
    wang, said, li = await _after_typed_cry(people, words)
    assert door in li.last("紧急求助 #1").text
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm")
    assert not any("请确认您现在的地址" in t for t in said)  # not the registered door read back over theirs


@pytest.mark.parametrize("words", ["不用来", "不需要", "不急", "没那么急", "不要紧"])
async def test_no_need_said_to_the_address_read_back_is_no_need_not_a_wrong_address(people, app, words):
    """After 🆘, "不用来" to "请确认您现在的地址" was read as "the address is wrong": "请告诉我您现在在哪里"; "没那么急" was
    "没太明白"."""
    wang, said, li = await _after_sos(people, words)
    assert (await app.svc.store.incident(1)).get("maybe_false_alarm")
    assert "社工还是会联系您" in said[-1]
    assert not any("现在在哪里" in t or "没太明白" in t for t in said)
