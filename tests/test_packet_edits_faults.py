"""A call's packet on each staff phone is edited as the call changes (claimed, arrived, "又发来 N 次"). When
Telegram answered 5xx to those edits for a minute, nothing tried them again: 李社工's and 陈书记's phones still read
"等待接单" with 🙋 我来处理 after 王社工 had taken the call (probe, session 16). Now an edit Telegram failed for is
tried again 30 s later until it goes — in the call's state then (the latest wins), never as a new message, and once
each, not again and again."""
from __future__ import annotations

from datetime import datetime

from conftest import signed_up
from test_alert_faults import telegram_down
from test_alert_faults_more import ticks
from test_incident_followups import SH

STAFF = ("李社工", "王社工", "陈书记")


async def _everyone_alerted(people, app, clock):
    """王老伯's 🆘 at 10:00, unanswered: at 10:03 everyone (its level 2) has its packet."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("对吗"), "对")
    clock.set(datetime(2026, 11, 23, 10, 3, 10, tzinfo=SH))
    await app.engine.tick()
    return wang, {name: people(name).last("紧急求助 #1") for name in STAFF}


def packets(people, name: str) -> int:
    return sum("紧急求助 #1" in s.text for s in people(name).inbox)


async def test_a_claim_telegram_failed_to_show_reaches_every_packet_once_it_is_back(people, app, clock):
    wang, packet = await _everyone_alerted(people, app, clock)
    before = {name: packets(people, name) for name in STAFF}
    over = telegram_down(app)
    await people("王社工").press_data(packet["王社工"].message_id, "inc:claim:1")
    assert "等待接单" in packet["李社工"].text  # Telegram failed: the phones still show the old state
    await ticks(app, clock, 1, 50)
    over.append(True)  # Telegram answers again, a minute after the claim
    await ticks(app, clock, 4, 15)
    for name in ("李社工", "陈书记"):
        assert "王社工 已接单" in packet[name].text, f"{name}'s phone still shows the call waiting"
        assert not any("我来处理" in label for label, _ in packet[name].buttons)
    assert "王社工 已接单" in packet["王社工"].text
    edits = {name: packet[name].edits for name in STAFF}
    await ticks(app, clock, 6, 30)
    assert {name: packet[name].edits for name in STAFF} == edits  # once, not again and again
    assert {name: packets(people, name) for name in STAFF} == before  # edited in place, never sent anew


async def test_the_packet_shows_the_calls_latest_state_not_the_one_that_failed(people, app, clock):
    """Claimed, then 已到达, both while Telegram fails: the phones show 已到达 once it is back."""
    wang, packet = await _everyone_alerted(people, app, clock)
    over = telegram_down(app)
    wa = people("王社工")
    await wa.press_data(packet["王社工"].message_id, "inc:claim:1")
    await ticks(app, clock, 1, 20)
    await wa.press_data(packet["王社工"].message_id, "inc:arrive:1")
    await ticks(app, clock, 1, 20)
    over.append(True)
    await ticks(app, clock, 4, 15)
    for name in STAFF:
        assert "王社工 已到达" in packet[name].text, name
