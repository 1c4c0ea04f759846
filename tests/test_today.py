"""A resident who lost track of the day asks the bot: "今天星期几" was "没太明白". The bot's clock answers it."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我忘了今天星期几", "今天几号", "今天礼拜几？", "现在几点了", "what day is it today"])
async def test_a_resident_asking_the_day_or_the_time_is_told_by_the_bots_clock(people, app, clock, words):
    clock.set(datetime(2026, 12, 1, 14, 5, tzinfo=ZoneInfo("Asia/Shanghai")))  # a Tuesday afternoon
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    told = wang.last().text
    assert "12月1日" in told and "星期二" in told and "14:05" in told
    assert not any("没太明白" in t for t in wang.texts())
    assert people("李社工").texts() == []


async def test_a_cry_that_mentions_the_day_is_still_a_cry(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("今天星期几我也不知道了，我摔倒了起不来")
    assert "紧急求助 #1" in people("李社工").last("紧急求助").text
