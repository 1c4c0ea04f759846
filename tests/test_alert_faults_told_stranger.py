"""Someone who never signed up cries "救命 我摔倒了" while Telegram fails (5xx) for every staff chat: they read
"暂时没联系上社工", the committee's phone and 120. Once a staff member has their call (its round sent again 30 s later),
they read once that staff have it now, as a resident and his daughter do (tests/test_alert_faults_told.py) — not left
believing nobody knows. Their cry again, lost the same way, is told as such too, never "我们已通知值班社工".
"""
from __future__ import annotations

from datetime import datetime

from test_alert_faults import telegram_down
from test_alert_faults_more import ticks
from test_alert_faults_told import back_and_told_once, NOT_REACHED, NOW_REACHED, told
from test_incident_followups import SH

CRY = "救命 我摔倒了"
STAFF_TOLD = "我们已通知值班社工"


async def test_a_stranger_told_staff_were_not_reached_hears_once_when_they_have_the_call(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    stranger = people("路人甲")
    over = telegram_down(app)
    await stranger.send(CRY)
    await app.engine.tick()
    await ticks(app, clock, 1, 50)
    assert told(stranger, NOT_REACHED) == 1 and told(stranger, STAFF_TOLD) == 0
    assert told(stranger, NOW_REACHED) == 0  # nobody has it yet: no false comfort
    over.append(True)  # Telegram answers again, a minute after the cry
    await ticks(app, clock, 4, 15)
    assert "路人甲" in people("李社工").last("紧急求助 #1").text
    assert told(stranger, NOW_REACHED) == 1, "they still believe no staff member has their call"
    assert "120" in stranger.last(NOW_REACHED).text
    await ticks(app, clock, 20, 30)  # its next levels reach the staff again: not told again
    assert told(stranger, NOW_REACHED) == 1


async def test_a_strangers_cry_again_that_reached_nobody_is_told_as_such_and_once_when_staff_have_it(people, app,
                                                                                                     clock):
    """Their first cry reached 李社工; they cry again while Telegram fails for the staff chats."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    stranger = people("路人甲")
    await stranger.send(CRY)
    assert told(stranger, STAFF_TOLD) == 1
    over, since = telegram_down(app), len(stranger.inbox)
    clock.advance(seconds=20)
    await stranger.send("救命 快来人啊")
    await app.engine.tick()
    assert told(stranger, STAFF_TOLD, since) == 0, "they read staff were told; nobody was"
    assert told(stranger, NOT_REACHED, since) == 1
    await back_and_told_once(app, clock, stranger, over, since, then=(10, 30))


async def test_a_stranger_naming_a_resident_is_told_once_when_staff_have_her_call_and_she_is_not(people, app, clock):
    """楼下小陈 (unregistered) writes "3号楼的张阿姨摔倒了" while Telegram fails: her call, reaching nobody. Once a staff
    member has it, he reads so once; 张阿姨 herself, who never cried and was never told staff were not reached, is
    not told that staff "have her call for help"."""
    from conftest import signed_up

    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    zhang = await signed_up(people("张阿姨"), "13900000001")
    stranger = people("楼下小陈")
    over, hers = telegram_down(app), len(zhang.inbox)
    await stranger.send("3号楼的张阿姨摔倒了")
    await app.engine.tick()
    assert told(stranger, NOT_REACHED) == 1
    over.append(True)
    await ticks(app, clock, 4, 15)
    assert "张阿姨" in people("李社工").last("紧急求助 #1").text
    assert told(stranger, NOW_REACHED) == 1, "he still believes nobody has her call"
    assert told(zhang, NOW_REACHED, hers) == 0, "she is told of a cry she never made"
    await ticks(app, clock, 10, 30)
    assert told(stranger, NOW_REACHED) == 1


async def test_where_a_stranger_says_they_are_lost_to_a_telegram_fault_reaches_the_staff_holding_it_once(people, app,
                                                                                                         clock):
    """Asked where they are, 路人甲 types "我在5号楼302" while Telegram fails for the staff chats: staff have no
    address for a stranger but this; once Telegram is back, 李社工 (who has the call) reads it — once."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    stranger, li = people("路人甲"), people("李社工")
    await stranger.send(CRY)
    over, before = telegram_down(app), len(li.inbox)
    clock.advance(seconds=20)
    await stranger.send("我在5号楼302")
    assert "转告" not in stranger.last().text  # (not passed on: noted, staff see it on the call)
    await app.engine.tick()
    over.append(True)
    await ticks(app, clock, 4, 15)
    assert sum("我在5号楼302" in m.text for m in li.inbox[before:]) == 1, "the staff on the call never read where"
    await ticks(app, clock, 6, 30)
    assert sum("我在5号楼302" in m.text for m in li.inbox[before:]) == 1
