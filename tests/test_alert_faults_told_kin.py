"""What his family read of his call while Telegram fails (5xx) for every staff chat must not say staff have it.

- 王老伯 pressed 🆘 at 10:00; no staff chat has taken an alert since; at 10:08 its level reached his daughter 王丽:
  her packet says no staff member is reached yet, not "社工正在处理". He presses 🆘 again: she reads that he is still calling and that staff are not reached yet (phone him; 120) — not
  "社工已经知道，正在处理".
- His missed check-in reached 王丽 and his sister 王秀英; 王丽 writes "我爸摔倒了 快去看看" while Telegram fails: his
  sister reads that it became urgent and that staff are not reached yet — not "社工都已收到，正在处理".
"""
from __future__ import annotations

from datetime import datetime

from conftest import signed_up
from test_alert_faults import telegram_down
from test_alert_faults_more import ticks
from test_alert_faults_told import NOT_REACHED, told
from test_incident_followups import SH
from test_missed_then_cry import missed_to_family

STAFF_KNOW = ("社工已经知道", "社工都已收到", "已经在处理")
UNREACHED = "还没联系上社工"


async def test_his_daughter_is_not_told_staff_know_he_is_still_calling_while_nobody_has_his_call(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    over = telegram_down(app)
    await wang.send("🆘 紧急求助")
    await app.engine.tick()
    await ticks(app, clock, 17, 30)  # 10:08:30: its level reached his daughter, no staff member
    packet = wangli.last("#1").text  # its level reached her: no staff member has it
    assert "社工正在处理" not in packet and UNREACHED in packet, packet
    since = len(wangli.inbox)
    await wang.send("🆘 紧急求助")
    said = [t for t in wangli.texts()[since:] if "还在按求助按钮" in t]
    assert len(said) == 1, wangli.texts()[since:]
    assert not [w for w in STAFF_KNOW if w in said[0]], said[0]
    assert UNREACHED in said[0] and "120" in said[0]
    over.append(True)


async def test_his_sister_is_not_told_staff_have_it_when_the_raised_call_reached_nobody(people, app, clock):
    wang, wangli, sister = await missed_to_family(people, app, clock)
    over, s = telegram_down(app), len(sister.inbox)
    await wangli.send("我爸摔倒了 快去看看")
    assert told(wangli, NOT_REACHED) == 1
    to_sister = sister.texts()[s:]
    assert len(to_sister) == 1 and "紧急" in to_sister[0], to_sister
    assert not [w for w in STAFF_KNOW if w in to_sister[0]], to_sister[0]
    assert UNREACHED in to_sister[0] and "120" in to_sister[0]
    over.append(True)
