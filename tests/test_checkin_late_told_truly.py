"""张阿姨 answers her check-in late (after the missed check-in went to 李社工) while Telegram fails (5xx) for every
staff chat. Before: she read "我已经告诉他们您平安" — though her all-clear reached nobody, and was never sent again
(李社工 kept worrying, maybe on his way). Now she is told kindly that it has not reached them yet, and the all-clear
goes to 李社工 as soon as Telegram answers again; with Telegram fine, she still reads that they were told."""
from __future__ import annotations

from conftest import TUESDAY_9, at, enrolled
from test_alert_faults import telegram_down
from test_alert_faults_more import ticks

ALL_CLEAR = "刚刚回复了签到"


async def _missed(people, app, clock):
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    await at(app, clock, TUESDAY_9)
    for hour, minute in ((9, 30), (10, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
    assert "签到无回复 #1" in li.last().text
    return zhang, li


async def test_a_late_answer_whose_all_clear_reached_nobody_is_not_told_they_know_and_is_sent_again(
        people, app, clock):
    zhang, li = await _missed(people, app, clock)
    over = telegram_down(app)
    clock.set(TUESDAY_9.replace(hour=10, minute=12))
    await zhang.click(zhang.last("身体好吗"), "我很好")
    said = zhang.last().text
    assert "我已经告诉他们您平安" not in said, said
    assert "还没" in said and "平安" in said, said  # the truth, kindly
    assert not any(ALL_CLEAR in t for t in li.texts())
    over.append(True)  # Telegram answers again
    await ticks(app, clock, 3, 20)
    assert sum(ALL_CLEAR in t for t in li.texts()) == 1, "李社工 still believes she has not answered"
    await ticks(app, clock, 6, 30)
    assert sum(ALL_CLEAR in t for t in li.texts()) == 1  # once


async def test_a_late_answer_whose_all_clear_went_is_told_they_know(people, app, clock):
    zhang, li = await _missed(people, app, clock)
    clock.set(TUESDAY_9.replace(hour=10, minute=12))
    await zhang.send("我很好")
    assert "我已经告诉他们您平安" in zhang.last().text
    assert sum(ALL_CLEAR in t for t in li.texts()) == 1
