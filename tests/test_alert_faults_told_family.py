"""王丽 cries for her father 王老伯 ("救命，我爸爸摔倒了", or 🆘) while a call of his is already open, and Telegram fails
(5xx) for every staff chat: she reads "暂时没联系上社工" with the committee's phone and 120 — never that staff were told
or reminded — and once, when a staff member has it, that they do (reached_late.py). Her first cry on no open call:
tests/test_alert_faults_told.py.
"""
from __future__ import annotations

from datetime import datetime

import pytest
from conftest import signed_up
from test_alert_faults import telegram_down
from test_alert_faults_more import ticks
from test_alert_faults_told import back_and_told_once, NOT_REACHED, NOW_REACHED, told
from test_incident_followups import SH

COMMITTEE = "021-64370000"
FALSE_COMFORT = ("已通知值班社工", "我又提醒了他们一次", "已经收到您的求助")


async def _she_cries_while_telegram_fails(app, clock, wangli, words: str) -> None:
    over, since = telegram_down(app), len(wangli.inbox)
    await wangli.send(words)
    await app.engine.tick()
    assert not [t for t in FALSE_COMFORT if told(wangli, t, since)], wangli.texts()[since:]
    assert told(wangli, "还在按求助按钮", since) == 0, "her own cry is told her as his"
    assert told(wangli, NOT_REACHED, since) == 1
    said = wangli.last(NOT_REACHED).text
    assert COMMITTEE in said and "120" in said
    await ticks(app, clock, 1, 50)
    assert told(wangli, NOW_REACHED, since) == 0
    over.append(True)  # Telegram answers again, a minute after her cry
    await ticks(app, clock, 4, 15)
    assert told(wangli, NOW_REACHED, since) == 1, "she still believes no staff member has his call"
    await ticks(app, clock, 20, 30)
    assert told(wangli, NOW_REACHED, since) == 1


@pytest.mark.parametrize("words", ["救命，我爸爸摔倒了", "🆘 紧急求助"])
async def test_her_cry_on_his_open_call_nobody_has_taken_reaching_nobody_is_told_as_such(people, app, clock, words):
    """He pressed 🆘 at 10:00; 李社工 has it and has not taken it."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    clock.advance(seconds=70)
    await _she_cries_while_telegram_fails(app, clock, wangli, words)


async def test_her_cry_raising_his_request_reaching_nobody_is_told_as_such(people, app, clock):
    """She asked for his medicine at 10:00 (李社工 has the request); then she cries: it becomes urgent."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸的药吃完了，麻烦帮他配一下")
    clock.advance(seconds=70)
    await _she_cries_while_telegram_fails(app, clock, wangli, "救命，我爸爸摔倒了")


@pytest.mark.parametrize("words", ["我的病人摔倒了起不来", "我的病人最近不肯吃药，麻烦去看看"])
async def test_a_doctor_of_two_whose_call_reached_nobody_is_never_told_staff_were(people, app, clock, words):
    """赵医生 looks out for 张阿姨 and 王老伯; her call (a cry, or a request) reaches nobody. Asked which of them, and
    after tapping 王老伯, she must not read "已通知值班社工" / "已经告诉居委会社工": staff do not have it yet. Once a
    staff member has it, she reads so once."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    doctor = await signed_up(people("赵医生"), "13922220001")
    over = telegram_down(app)
    await doctor.send(words)
    ask = doctor.last("哪一位" if "摔倒" in words else "哪一位的事")
    assert sorted(b[0] for b in ask.buttons) == ["张阿姨", "王老伯"]
    assert told(doctor, NOT_REACHED) == 1
    await doctor.click(ask, "王老伯")
    false = [t for t in doctor.texts() if "已通知值班社工" in t or "已经告诉居委会社工" in t]
    assert not false, false
    assert "王老伯" in doctor.last().text or "王老伯" in doctor.inbox[-2].text
    over.append(True)
    await ticks(app, clock, 10, 30)
    assert told(doctor, NOW_REACHED) == 1, "she still believes nobody has the call"


async def test_his_cry_again_about_a_neighbour_reaching_nobody_is_told_as_such(people, app, clock):
    """刘强 cried "楼上的王阿姨摔倒了" (李社工 has it); he cries again while Telegram fails for the staff chats: not
    "我们已把您说的情况转告值班社工", but the truth — and once, when a staff member has it, that they do."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("楼上的王阿姨摔倒了")
    assert "转告值班社工" in liuqiang.last().text
    over, since = telegram_down(app), len(liuqiang.inbox)
    clock.advance(seconds=20)
    await liuqiang.send("楼上的王阿姨摔倒了 快来人")
    await app.engine.tick()
    assert told(liuqiang, "转告值班社工", since) == 0, "he reads staff were told; nobody was"
    assert told(liuqiang, "暂时没联系上社工", since) == 1
    await back_and_told_once(app, clock, liuqiang, over, since, then=(10, 30))


async def test_her_words_passed_on_with_one_tap_that_reached_nobody_are_not_told_as_passed(people, app, clock):
    """张明 (张阿姨's son) writes what the bot cannot place and taps [📨 转给社工] while Telegram fails for the staff
    chats: not "📨 已转给社工", but the truth — and once, when a staff member has it, that they do."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    zhangming = await signed_up(people("张明"), "13911110001")
    await zhangming.send("那个那个，就是那个")
    over, since = telegram_down(app), len(zhangming.inbox)
    await zhangming.click(zhangming.last("转给社工"), "转给社工")
    assert "已转给社工" not in zhangming.last("转给社工").text  # the tapped message, edited
    assert told(zhangming, NOT_REACHED, since) == 1
    await back_and_told_once(app, clock, zhangming, over, since)


async def test_her_words_on_his_open_call_that_reached_nobody_are_told_once_staff_have_them(people, app, clock):
    """His call is open (李社工 has it); 王丽 asks for his medicine while Telegram fails: the truth, then once."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    over, since = telegram_down(app), len(wangli.inbox)
    await wangli.send("我爸的药吃完了，麻烦帮他配一下")
    await app.engine.tick()
    assert told(wangli, NOT_REACHED, since) == 1
    await back_and_told_once(app, clock, wangli, over, since, why="she still believes nobody has her words")


async def test_her_cry_on_his_call_reaching_nobody_never_asks_her_to_confirm_where_she_is(people, app, clock):
    """He pressed 🆘 and has not answered the address read-back; 王丽 cries for him while Telegram fails: she is told
    the truth, and never asked "请确认您现在的地址" with his address, as if it were hers."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wang.send("🆘 紧急求助")
    clock.advance(seconds=70)
    over, since = telegram_down(app), len(wangli.inbox)
    await wangli.send("救命，我爸爸摔倒了")
    assert told(wangli, NOT_REACHED, since) == 1
    assert not [t for t in wangli.texts()[since:] if "地址" in t], wangli.texts()[since:]
    over.append(True)
