"""The counts of strangers' cries are sent again when Telegram fails, as a resident's count is
(tests/test_repeat_count_owed.py).

- Neighbours cry one after another in the building's group about the fire: 李社工 holds its call. While Telegram
  fails (5xx) for the staff chats, the minute's "又有 2 位未登记的陌生人求助" was sent once and lost — she never learnt
  more people were crying. Now it is owed and reaches her once Telegram is back, once.
- A count of a stranger's cries left by the earlier version ("⚠️ 未登记的用户（小张）又发来 2 条可能的求助") was sent
  once to the staff on duty, and lost in the same fault. Now it reaches them once Telegram is back, once each.
"""
from __future__ import annotations

from datetime import datetime

from test_alert_faults import telegram_down
from test_alert_faults_more import heard, seen, ticks
from test_group_cry import in_group
from test_incident_followups import SH

JOINED = "又有 2 位未登记的陌生人求助"


async def test_the_count_of_neighbours_joining_lost_while_telegram_fails_reaches_the_holder_once_it_is_back(
        people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await in_group(people("邻居0"), "着火了 救命")
    await in_group(people("邻居1"), "着火了 救命 三楼")  # the minute's first: to 李社工 at once
    over, before = telegram_down(app), seen(people)
    for name in ("邻居2", "邻居3"):
        clock.advance(seconds=5)
        await in_group(people(name), "救命 烟好大")
    await ticks(app, clock, 2, 40)  # the minute is over: its count is due, and lost
    assert heard(people, before, JOINED) == [0, 0, 0]
    over.append(True)
    await ticks(app, clock, 4, 20)
    assert heard(people, before, JOINED) == [1, 0, 0]
    await ticks(app, clock, 6, 30)
    assert heard(people, before, JOINED) == [1, 0, 0]  # once, and only to her: she holds the call


async def test_a_strangers_count_left_by_the_earlier_version_reaches_the_staff_on_duty_once_telegram_is_back(
        people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    store, now = app.svc.store, app.svc.clock.ts()
    await store.log_stranger(5077, {"at": now, "kind": "text", "name": "小张", "text": "救命"})
    for i in range(3):  # the earlier version's pace: the first passed on, two counted ("rep:s5077")
        assert await store.repeat("s5077", now + i, 60, "rep:s5077") == (i == 0)
    over, before = telegram_down(app), seen(people)
    await ticks(app, clock, 2, 40)
    assert heard(people, before, "小张") == [0, 0, 0]
    over.append(True)
    await ticks(app, clock, 4, 20)
    assert heard(people, before, "又发来 2 条可能的求助") == [1, 0, 0]  # 李社工 is on duty
    await ticks(app, clock, 6, 30)
    assert heard(people, before, "又发来 2 条可能的求助") == [1, 0, 0]
