"""王老伯 keeps pressing 🆘 on his open call while Telegram fails (5xx) for every staff chat. The first cry of the
minute is sent again once Telegram answers (notes_owed.py); before, the minute's count ("又发来 2 次求助") was sent
once and lost — 李社工 never learnt he kept calling. Now it is owed and sent again too, once."""
from __future__ import annotations


from test_alert_faults import telegram_down
from test_alert_faults_more import ticks
from test_family_cry_named_to_staff import his_confirmed_call

from bot.testing.tools import Person

COUNT = "又发来 2 次求助"


async def test_the_count_of_his_repeated_cries_lost_while_telegram_fails_reaches_staff_once_it_is_back(
        people, app, clock):
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    over = telegram_down(app)
    for _ in range(3):  # the first of the minute, then two counted
        clock.advance(seconds=5)
        await wang.send("🆘 紧急求助")
    await ticks(app, clock, 2, 40)  # the minute is over: its count is due, and lost
    assert not any(COUNT in t for t in li.texts())
    over.append(True)
    await ticks(app, clock, 4, 20)
    assert sum(COUNT in t for t in li.texts()) == 1, li.texts()[-5:]
    await ticks(app, clock, 6, 30)
    assert sum(COUNT in t for t in li.texts()) == 1
