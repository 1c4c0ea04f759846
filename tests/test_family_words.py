"""A son's everyday news about his mother ("我下周出差 我妈一个人在家", "我妈出院了") raised an emergency ("情况危急请马上拨打
120", staff alerted loudly); "我不想再收到消息了" was "没太明白". Each is for staff, as a request."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up


async def _son_says(people, app, clock, words):
    await enrolled(people, app, "张阿姨", "13900000001")
    await at(app, clock, TUESDAY_9)
    son = await signed_up(people("张明"), "13911110001")
    await son.send(words)
    return son, people("李社工")


@pytest.mark.parametrize("words", ["我下周出差 我妈一个人在家", "我妈出院了", "我妈昨天出院回家了", "我不想再收到消息了",
                                   "以后别给我发通知了"])
async def test_a_sons_news_or_wish_reaches_staff_as_a_request_not_an_emergency(people, app, clock, words):
    son, li = await _son_says(people, app, clock, words)
    assert words in li.last("求助 #1").text
    assert not any("紧急求助" in t for t in li.texts())
    assert not any("120" in t or "没太明白" in t for t in son.texts()[-2:])
