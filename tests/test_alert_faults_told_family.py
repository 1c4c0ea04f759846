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
from test_alert_faults_told import NOT_REACHED, NOW_REACHED, told
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
