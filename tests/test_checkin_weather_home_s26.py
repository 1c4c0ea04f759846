"""Asked "今天身体好吗？", she wrote "今天下雨 不出门" or "外面好冷 我在家待着" — she is at home and well enough to say so — and
read "没太明白您的意思…也可以按这里，把您的话转给社工" (probe, session 26). The weather and staying in are her answer: a kind
line about the weather, and no reminder follows."""
import pytest
from conftest import TUESDAY_9, at, enrolled


@pytest.mark.parametrize("words", ["今天下雨 不出门", "外面好冷 我在家待着", "下雪了 我就不出去了", "太热了 在家歇着"])
async def test_weather_and_staying_in_answer_the_check_in(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    reply = zhang.last().text
    assert "没太明白" not in reply and "转给社工" not in reply, reply
    n = len(zhang.texts())
    await at(app, clock, TUESDAY_9.replace(hour=13))  # no reminder, no visit: she was heard from
    assert not any("还没收到您今天的回复" in t for t in zhang.texts()[n:]), zhang.texts()[n:]
    assert people("李社工").texts() == []


async def test_cold_alone_is_not_the_weather(people, app, clock):
    """Guard: "我好冷" is her, not the weather."""
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("我好冷")
    assert "天气" not in zhang.last().text, zhang.last().text
