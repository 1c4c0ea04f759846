"""Good news and an ordinary day, told (session 22 probe): "我孙子要结婚了", "我孙女考上大学了", "今天我过生日",
"今天天气真好", "我今天去公园了", "我今天打了太极拳" got "没太明白您的意思" — a cold answer to someone who wanted to
share her day — and "我学会用微信了" went to staff as a request. Now each gets a warm short line, nobody bothered."""
import pytest
from conftest import signed_up

NEWS = ["我孙子要结婚了", "我孙女考上大学了", "我女儿生了个宝宝", "我当太奶奶了", "我学会用微信了", "我儿子升职了",
        "我外孙找到工作了", "我学会发语音了"]
DAY = ["我今天去公园了", "我今天打了太极拳", "我刚散步回来", "我去跳广场舞了", "早上去菜场转了一圈", "今天天气真好",
       "今天太阳好暖和"]


async def _wang_says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", NEWS)
async def test_good_news_gets_a_warm_word_and_bothers_nobody(people, app, words):
    said, staff = await _wang_says(people, words)
    assert "为您高兴" in said and "没太明白" not in said, said
    assert staff == [], staff


@pytest.mark.parametrize("words", DAY)
async def test_an_ordinary_day_told_gets_a_warm_word_and_bothers_nobody(people, app, words):
    said, staff = await _wang_says(people, words)
    assert "没太明白" not in said and "真好" in said and "路上小心" not in said, said
    assert staff == [], staff


async def test_her_birthday_told_any_way_round_gets_wishes(people, app):
    said, _ = await _wang_says(people, "今天我过生日")
    assert "生日快乐" in said, said


@pytest.mark.parametrize("words", ["我孙子要结婚了 我摔了一跤起不来", "今天天气真好 就是胸口好痛"])
async def test_a_danger_beside_the_news_is_read_first(people, app, words):
    said, staff = await _wang_says(people, words)
    assert any("紧急求助 #1" in t for t in staff), staff
