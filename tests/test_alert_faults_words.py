"""What a resident adds on his open call ("📝 #1 王老伯 又说：…") when Telegram fails (5xx) for the staff chats: sent
again 30 s later to the staff holding the call, until each has it — once each, never to staff the note was not
for (tests/test_alert_faults.py: the alert rounds are sent again the same way).

王老伯's call was claimed by 王社工; at 10:00, while Telegram answers 502 to the staff chats for a minute, he types
"不用叫救护车" (or where the key is): the staff member on her way must read it once Telegram is back.
"""
from __future__ import annotations

from datetime import datetime

from conftest import signed_up
from test_alert_faults import telegram_down
from test_alert_faults_more import heard, seen, ticks
from test_incident_followups import SH


async def _wang_called_at_ten(people, clock):
    """王老伯 pressed 🆘 at 10:00 and said yes to his address."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    return wang


async def test_a_residents_words_on_his_claimed_call_lost_to_a_telegram_fault_reach_its_holder_once(people, app,
                                                                                                     clock):
    wang = await _wang_called_at_ten(people, clock)
    await people("王社工").press_data(1, "inc:claim:1")
    over, before = telegram_down(app), seen(people)
    await wang.send("不用叫救护车")
    await app.engine.tick()
    assert "暂时没联系上社工" in wang.last().text  # the truth while nobody has it
    await ticks(app, clock, 1, 50)
    assert heard(people, before, "不用叫救护车") == [0, 0, 0]
    over.append(True)  # Telegram answers again, a minute after his words
    await ticks(app, clock, 4, 15)
    assert heard(people, before, "不用叫救护车")[1] == 1, "the staff member on her way never reads his words"
    await ticks(app, clock, 6, 30)
    assert heard(people, before, "不用叫救护车") == [0, 1, 0]  # once, and only to her: she holds the call
    assert "又说" in people("王社工").last("不用叫救护车").text


async def test_a_residents_words_on_his_unclaimed_call_lost_to_a_telegram_fault_reach_each_alerted_once(people, app,
                                                                                                         clock):
    """Nobody has taken it yet: everyone alerted of it holds it, and each reads his words once."""
    wang = await _wang_called_at_ten(people, clock)
    clock.set(datetime(2026, 11, 23, 10, 3, 10, tzinfo=SH))
    await app.engine.tick()  # level 2: all staff and the head have it
    over, before = telegram_down(app), seen(people)
    await wang.send("钥匙在门口地垫下面")
    await app.engine.tick()
    await ticks(app, clock, 1, 50)
    over.append(True)
    await ticks(app, clock, 8, 15)
    assert heard(people, before, "钥匙在门口地垫下面") == [1, 1, 1]


async def test_a_stranger_joining_a_call_lost_to_a_telegram_fault_reaches_the_staff_holding_it_once(people, app,
                                                                                                     clock):
    """邻居0 cries "着火了" in the building's group: 李社工 (on duty) has the call. 邻居1 cries too while Telegram
    fails for the staff chats: once it is back, she reads that one more person is crying — once."""
    from test_group_cry import in_group

    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await in_group(people("邻居0"), "着火了 救命")
    over, before = telegram_down(app), seen(people)
    await in_group(people("邻居1"), "着火了 救命 三楼")
    await app.engine.tick()
    await ticks(app, clock, 1, 50)
    assert heard(people, before, "邻居1") == [0, 0, 0]
    over.append(True)
    await ticks(app, clock, 6, 15)
    assert heard(people, before, "又有未登记的用户（邻居1）") == [1, 0, 0]


async def test_a_residents_cry_again_on_his_unclaimed_call_lost_to_a_telegram_fault_reaches_its_staff_once(people, app,
                                                                                                           clock):
    """Nobody has taken 王老伯's call yet (李社工, on duty, has it): he cries again while Telegram fails for the staff
    chats. Once it is back she reads that he is still crying — once."""
    wang = await _wang_called_at_ten(people, clock)
    over, before = telegram_down(app), seen(people)
    await wang.send("救命 快来人啊")
    await app.engine.tick()
    await ticks(app, clock, 1, 50)
    assert heard(people, before, "又发来求助") == [0, 0, 0]
    over.append(True)
    await ticks(app, clock, 6, 15)
    assert heard(people, before, "又发来求助") == [1, 0, 0]
    assert "快来人啊" in people("李社工").last("又发来求助").text
