"""More calls for help whose alerts reach nobody because Telegram fails (5xx, time-outs), not refuses
(tests/test_alert_faults.py: an unclaimed call's round is sent again 30 s later).

王老伯's call was claimed by 王社工; at 10:00 he cries again ("救命，我又摔倒了") while Telegram answers 502 to every
staff chat for a minute. The new round and its escalations, brought forward one after the other, reach no staff
member (his daughter, at level 2, has it): when Telegram is back, the staff must hear the new cry then, once each,
not only at the renewal's next level five minutes later. The same for a level that reached only his daughter, a
claim without arrival, a follow-up, the head told follow-ups went unanswered, and the line asking staff to phone
someone the bot cannot write to.
"""
from __future__ import annotations

from datetime import datetime

from conftest import signed_up
from test_alert_faults import telegram_down
from test_group_cry import in_group
from test_incident_followups import SH

from bot.types import SendResult

LI, WANG, CHEN = 1001, 1002, 1003
RENEWED = "又发来紧急求助"


STAFF = ("李社工", "王社工", "陈书记")


def seen(people) -> list[int]:
    return [len(people(name).inbox) for name in STAFF]


def heard(people, since: list[int], words: str = RENEWED) -> list[int]:
    """How many new messages (not the earlier packets, edited to show it) each staff member got saying `words`."""
    return [sum(words in m.text for m in people(name).inbox[k:]) for name, k in zip(STAFF, since)]


async def ticks(app, clock, n: int, seconds: float) -> None:
    for _ in range(n):
        clock.advance(seconds=seconds)
        await app.engine.tick()


async def test_a_renewed_cry_telegram_failed_for_a_minute_reaches_staff_soon_after_it_is_back(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await signed_up(people("王丽"), "13911110002")  # his daughter: the renewal's level 2 reaches her
    await wang.send("🆘 紧急求助")
    await people("王社工").press_data(1, "inc:claim:1")
    over, before = telegram_down(app), seen(people)
    await wang.send("救命，我又摔倒了")
    await app.engine.tick()
    assert heard(people, before) == [0, 0, 0]
    await ticks(app, clock, 1, 50)
    over.append(True)  # Telegram answers again, a minute after the new cry
    await ticks(app, clock, 4, 15)
    assert any(heard(people, before)), "nobody has the new cry two minutes after it"
    await ticks(app, clock, 4, 30)
    assert heard(people, before) == [1, 1, 1]  # the round once each, not again and again


async def test_a_call_whose_levels_telegram_failed_until_its_daughter_had_it_reaches_staff_soon_after(people, app,
                                                                                                     clock):
    """Telegram fails for the staff chats from 10:00 to 10:08:30: the call's first rounds are sent again every 30 s,
    then at 10:08 its level reaches 王丽 (his daughter) and no staff member. The staff must have it once Telegram is
    back, not at the next repeat at 10:13: a daughter in another city cannot go."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    over, before = telegram_down(app), seen(people)
    await wang.send("🆘 紧急求助")
    await app.engine.tick()
    await ticks(app, clock, 17, 30)  # 10:08:30
    assert heard(people, before, "紧急求助 #1") == [0, 0, 0]
    assert "发出求助（#1）" in wangli.last().text  # his daughter has it
    over.append(True)
    await ticks(app, clock, 4, 15)  # 10:09:30
    assert heard(people, before, "紧急求助 #1") == [1, 1, 1]


async def test_a_daughters_cry_telegram_failed_for_a_minute_reaches_staff_soon_after_it_is_back(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    over, before = telegram_down(app), seen(people)
    await wangli.send("救命，我爸爸摔倒了")
    await app.engine.tick()
    assert "请直接打居委会电话" in wangli.last().text
    await ticks(app, clock, 1, 50)
    over.append(True)
    await ticks(app, clock, 4, 15)
    assert any(heard(people, before, "紧急求助 #1")), "nobody has her call two minutes after it"
    await ticks(app, clock, 4, 30)
    assert heard(people, before, "紧急求助 #1") == [1, 1, 1]
    assert "王丽" in people("李社工").last("紧急求助 #1").text


async def test_a_group_cry_from_a_resident_the_bot_cannot_write_to_tells_staff_to_phone_him_when_telegram_is_back(
        people, app, clock):
    """王老伯 blocked the bot's private chat and cries in the group while Telegram fails for the staff chats: the
    packets they get when it is back say to phone him (the separate line asking them was lost with the round)."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    app.svc.outbox.messenger.blocked.add(wang.id)
    over, before = telegram_down(app), seen(people)
    await in_group(wang, "救命 我摔倒了")
    await app.engine.tick()
    await ticks(app, clock, 1, 50)
    over.append(True)
    await ticks(app, clock, 8, 15)
    assert heard(people, before, "机器人无法私聊：请直接打电话") == [1, 1, 1]
    assert "13900000002" in people("李社工").last("紧急求助 #1").text


async def claimed_nobody_arrived(people, app, clock) -> None:
    """王老伯's 🆘 at 10:00, taken by 王社工, who has not arrived: it is 10:29:50, the "还没有到达" round is next."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await people("王社工").press_data(1, "inc:claim:1")
    clock.set(datetime(2026, 11, 23, 10, 29, 50, tzinfo=SH))
    await app.engine.tick()


async def test_a_claim_without_arrival_telegram_failed_to_tell_reaches_staff_soon_after_it_is_back(people, app, clock):
    """王社工 claimed at 10:00 and never arrived: at 10:30 all staff and the head must hear it. Telegram fails for
    their chats until 10:31: they must hear it then, not at the reminder's repeat at 10:35."""
    await claimed_nobody_arrived(people, app, clock)
    over, before = telegram_down(app), seen(people)
    await ticks(app, clock, 1, 15)  # 10:30:05: nobody can be told
    await ticks(app, clock, 1, 50)
    assert heard(people, before, "还没有到达") == [0, 0, 0]
    over.append(True)
    await ticks(app, clock, 4, 15)  # 10:31:55
    assert heard(people, before, "还没有到达") == [1, 1, 1]


async def test_the_line_asking_staff_to_phone_a_resident_the_bot_cannot_write_to_is_sent_again_if_telegram_failed(
        people, app, clock):
    """王老伯 (who blocked the bot's private chat) cries in the group: his packet reaches 李社工, then Telegram fails
    for a minute: the line asking her to phone him, and the packet's edit saying so, are lost. She would wait for
    an answer in a chat he cannot read: the line must reach her once Telegram is back."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    app.svc.outbox.messenger.blocked.add(wang.id)
    real, over = app.svc.outbox.send, []

    async def fails_after_the_packet(msg, **kw):
        if msg.chat_id in (LI, WANG, CHEN) and not over and not (msg.tag or "").startswith("alert:"):
            return SendResult(False, error="Bad Gateway", permanent=False)
        return await real(msg, **kw)

    app.svc.outbox.send = fails_after_the_packet
    before = seen(people)
    await in_group(wang, "救命 我摔倒了")
    await app.engine.tick()
    assert heard(people, before, "紧急求助 #1") == [1, 0, 0]
    assert heard(people, before, "请直接打电话") == [0, 0, 0]
    await ticks(app, clock, 1, 50)
    over.append(True)
    await ticks(app, clock, 2, 15)
    li = people("李社工")
    assert "请直接打电话" in li.last().text and "13900000002" in li.last().text
    assert "机器人无法私聊" in li.last("紧急求助 #1").text  # the packet says so now
    await ticks(app, clock, 4, 30)
    assert heard(people, before, "是在群里求助的") == [1, 0, 0]  # once


async def test_the_head_told_follow_ups_went_unanswered_hears_it_once_telegram_is_back(people, app, clock):
    """王社工 arrived at 10:00 and nobody closed the call; after three follow-ups, at 14:00 the head is to be told
    once. Telegram fails for the staff chats from 13:59 to 14:01: the head must hear it then, not never."""
    from test_incident_followups import arrived_at, until

    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await until(app, clock, datetime(2026, 11, 23, 13, 59, tzinfo=SH), ())
    over, before = telegram_down(app), seen(people)
    await ticks(app, clock, 6, 20)  # 14:01
    assert heard(people, before, "不再提醒") == [0, 0, 0]
    over.append(True)
    await ticks(app, clock, 4, 15)
    await ticks(app, clock, 4, 30)
    assert heard(people, before, "不再提醒")[2] == 1


async def test_a_follow_up_to_all_staff_telegram_failed_reaches_them_once_it_is_back(people, app, clock):
    """王社工 arrived at 10:00 and nobody closed the call: at 12:00 all staff are to be asked whether it is still open.
    Telegram fails for their chats from 11:59 to 12:01: they must be asked then, not only at 13:00."""
    from test_incident_followups import FOLLOW_UP, arrived_at, until

    wa, li, chen = await arrived_at(people, app, clock, datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    await until(app, clock, datetime(2026, 11, 23, 11, 59, tzinfo=SH), ())
    over, before = telegram_down(app), seen(people)
    await ticks(app, clock, 6, 20)  # 12:01
    assert heard(people, before, FOLLOW_UP) == [0, 0, 0]
    over.append(True)
    await ticks(app, clock, 4, 15)
    await ticks(app, clock, 4, 30)
    assert heard(people, before, FOLLOW_UP) == [1, 1, 1]
