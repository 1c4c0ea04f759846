"""A resident who presses 🆘 again (or types 救命 again) on his open call nobody has taken, while Telegram fails (5xx)
for every staff chat, reads the truth: "暂时没联系上社工", the committee's phone and 120 — the words of a first cry
that reached nobody — not "社工已经收到您的求助…我又提醒了他们一次". Once a staff member has his reminder (sent again
30 s later: notes_owed.py), he reads once that staff have it now (reached_late.py).

王老伯 pressed 🆘 at 10:00 and said yes to his address; 李社工, on duty, has the call and has not taken it.
"""
from __future__ import annotations

from datetime import datetime

import pytest
from test_alert_faults import telegram_down
from test_alert_faults_more import heard, seen, ticks
from test_alert_faults_told import back_and_told_once, NOT_REACHED, NOW_REACHED, told
from test_alert_faults_words import _wang_called_at_ten
from test_incident_followups import SH

REMINDED = "我又提醒了他们一次"
COMMITTEE = "021-64370000"


@pytest.mark.parametrize("again", ["🆘 紧急求助", "救命", "救命 快来人啊"])
async def test_a_reminder_that_reached_nobody_is_told_as_such_and_once_when_staff_have_it(people, app, clock, again):
    wang = await _wang_called_at_ten(people, clock)
    over, before, since = telegram_down(app), seen(people), len(wang.inbox)
    await wang.send(again)
    await app.engine.tick()
    assert told(wang, REMINDED, since) == 0, "she believes staff were reminded; nobody was"
    assert told(wang, NOT_REACHED, since) == 1
    said = wang.last(NOT_REACHED).text
    assert COMMITTEE in said and "120" in said
    await ticks(app, clock, 1, 50)
    assert told(wang, NOW_REACHED, since) == 0  # nobody has it yet: no false comfort
    over.append(True)  # Telegram answers again, a minute after the reminder
    await ticks(app, clock, 4, 15)
    assert heard(people, before, "又发来求助")[0] == 1  # 李社工 has it now
    assert told(wang, NOW_REACHED, since) == 1, "she still believes nobody has her reminder"
    await ticks(app, clock, 20, 30)  # the call's later levels: not told again
    assert told(wang, NOW_REACHED, since) == 1


async def test_a_reminder_that_reached_staff_still_says_so(people, app, clock):
    """Telegram working: the reminder reached 李社工, and he reads that it did — nothing about nobody."""
    wang = await _wang_called_at_ten(people, clock)
    since = len(wang.inbox)
    await wang.send("🆘 紧急求助")
    assert told(wang, REMINDED, since) == 1
    assert told(wang, NOT_REACHED, since) == 0


async def test_crying_again_while_his_first_cry_reached_nobody_is_told_the_truth_again(people, app, clock):
    """His first cry reached nobody (he was told so); he cries again before Telegram is back: not "社工已经收到您的
    求助", but again that nobody was reached yet — and once, when a staff member has the call, that they do."""
    from conftest import signed_up

    wang = await signed_up(people("王老伯"), "13900000002")
    over = telegram_down(app)
    await wang.send("🆘 紧急求助")
    await app.engine.tick()
    since = len(wang.inbox)
    await wang.send("救命")
    await app.engine.tick()
    assert told(wang, "已经收到您的求助", since) == 0, "he is told staff have his call; nobody has"
    assert told(wang, NOT_REACHED, since) == 1
    await back_and_told_once(app, clock, wang, over, since, then=(20, 30))



@pytest.mark.parametrize("answer", ["建新路27弄5号402室", "在菜场门口", "📍"])
async def test_where_he_is_while_nobody_has_his_call_is_not_told_as_passed_to_staff(people, app, clock, answer):
    """His cry reached nobody; he says his address is not the registered one and gives another (a door, words the
    bot cannot read as one, a pin): it is kept for staff, and he must not read "已把…告诉社工" — nobody has it yet."""
    from conftest import signed_up

    wang = await signed_up(people("王老伯"), "13900000002")
    over = telegram_down(app)
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "不对")
    since = len(wang.inbox)
    if answer == "📍":
        await wang.share_location()
    else:
        await wang.send(answer)
        if "具体一点" in wang.last().text:  # not an address: asked once more, then kept as said
            await wang.send(answer)
    said = wang.texts()[since:]
    assert not [t for t in said if "告诉社工" in t], said
    assert told(wang, "暂时还没联系上社工", since) == 1 and "120" in wang.last().text
    await back_and_told_once(app, clock, wang, over, since)


async def test_words_passed_on_with_one_tap_that_reached_nobody_are_not_told_as_passed(people, app, clock):
    """"那个那个，就是那个" gets "没太明白" and [📨 转给社工]; he taps it while Telegram fails for the staff chats. The
    message he tapped must not turn into "📨 已转给社工": he reads the truth, and once when staff have it."""
    from conftest import signed_up

    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("那个那个，就是那个")
    over, since = telegram_down(app), len(zhang.inbox)
    await zhang.click(zhang.last("转给社工"), "转给社工")
    assert "已转给社工" not in zhang.last("转给社工").text  # the tapped message, edited
    assert not [t for t in zhang.texts()[since:] if "已经告诉" in t or "已转给" in t]
    assert told(zhang, NOT_REACHED, since) == 1
    over.append(True)
    await ticks(app, clock, 4, 15)
    assert "那个那个" in people("李社工").last("求助 #1").text
    assert told(zhang, NOW_REACHED, since) == 1


@pytest.mark.parametrize("claimed", [True, False])
async def test_his_words_on_his_call_that_reached_nobody_are_told_once_staff_have_them(people, app, clock, claimed):
    """"不用叫救护车" on his call (taken by 王社工, or by nobody yet) while Telegram fails: he reads "暂时没联系上社工"
    (tests/test_alert_faults_words.py); once the staff holding it have his words, he reads so — once."""
    wang = await _wang_called_at_ten(people, clock)
    if claimed:
        await people("王社工").press_data(1, "inc:claim:1")
    over, since = telegram_down(app), len(wang.inbox)
    await wang.send("不用叫救护车")
    await app.engine.tick()
    assert told(wang, NOT_REACHED, since) == 1
    await back_and_told_once(app, clock, wang, over, since, then=(6, 30), why="he still believes nobody has his words")


async def test_once_a_staff_member_took_his_call_he_is_never_told_nobody_was_reached(people, app, clock):
    """His cry reached nobody; 王社工 takes it anyway (from the desk's list, or a short alert that reached her phone).
    He reads who took it; after that, where he is and his words are not answered with "还没联系上社工"."""
    from conftest import signed_up

    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    over = telegram_down(app)
    await wang.send("🆘 紧急求助")
    over.append(True)
    await people("王社工").press_data(1, "inc:claim:1")
    assert "王社工" in wang.last("接手").text
    since = len(wang.inbox)
    await wang.click(wang.last("地址"), "不对")
    await wang.send("建新路27弄5号402室")
    await wang.send("🆘 紧急求助")
    assert not [t for t in wang.texts()[since:] if "没联系上社工" in t], wang.texts()[since:]


async def test_a_question_for_staff_that_reached_nobody_is_not_told_as_passed_on(people, app, clock):
    """刘奶奶 taps [🙋 问社工] for a question the bot cannot answer while Telegram fails for the staff chats: not
    "已经把您的问题转给社工", but that it is kept and staff did not get it yet, with the committee's phone."""
    from conftest import signed_up

    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("明年养老金涨多少")
    over, since = telegram_down(app), len(liu.inbox)
    await liu.click(liu.last("不太确定"), "问社工")
    said = liu.texts()[since:]
    assert not [t for t in said if "转给社工" in t], said
    assert "记下" in liu.last().text and "021-64370000" in liu.last().text
    over.append(True)
