"""Worries a resident types that reached nobody ("没太明白", or "听到您很好" for "我没钱了") in session 13's third probe:
a scam under way, money taken, being scolded, no money, a night of crying, a fever, a weak leg, a racing heart."""
import pytest
from conftest import signed_up


async def _wang(people):
    return await signed_up(people("王老伯"), "13900000002")


@pytest.mark.parametrize("words", ["有人说我儿子出车祸了要我打钱", "我的钱被人拿走了", "电话里说我孙子被抓了 要我转账"])
async def test_a_scam_or_theft_under_way_is_a_cry_with_the_scam_advice(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert words in people("李社工").last("紧急求助 #1").text
    assert any("110" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["儿子骂我", "我没钱了", "我哭了一晚上", "我发烧了", "我腿软", "我心慌", "我三天没大便了",
                                   "我腰扭了", "我累了", "好累"])
async def test_a_worry_reaches_staff(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert any(words in t for t in people("李社工").texts() if "#1" in t)
    assert not any("没太明白" in t or "真高兴" in t for t in wang.texts())
