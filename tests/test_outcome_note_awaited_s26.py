"""王社工 got to 王老伯 and pressed ✅ 已解决 → ✏️ 其他: the bot waits for her note (the call's record says so). The
follow-up "⏰ #1 已到达…还没有结案" still went to her while she was writing it, and her packet still read
"📍 王社工 已到达/已联系", nothing of the note awaited. Now nobody is reminded while she is writing the note, the
packet says the note is awaited, and the reminders come back only once she has plainly left it (an interval on)."""
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import signed_up
from test_incident_followups import FOLLOW_UP, follow_ups, until

SH = ZoneInfo("Asia/Shanghai")


async def _writing_the_note(people, app, clock):
    """王老伯 calls at 10:00; 王社工 claims, arrives; at 10:55 she presses ✅ 已解决 → ✏️ 其他 and is asked the note."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    wa = people("王社工")
    await wa.press_data(1, "inc:claim:1")
    await wa.press_data(1, "inc:arrive:1")
    clock.set(datetime(2026, 11, 23, 10, 55, tzinfo=SH))
    await wa.press_data(1, "inc:resolve:1")
    await wa.click(wa.last("结果是"), "其他")
    assert wa.last("一句话写下结果")
    return wa


async def test_no_follow_up_while_her_note_is_awaited_and_the_packet_says_so(people, app, clock):
    wa = await _writing_the_note(people, app, clock)
    heard = await until(app, clock, datetime(2026, 11, 23, 11, 10, tzinfo=SH), (wa,), every=5)
    assert follow_ups(heard[0]) == 0, heard[0]
    packet = people("李社工").last("紧急求助 #1").text
    assert "写" in packet and "结果" in packet, packet
    await wa.send("陪他去医院看过了 没大事")
    assert (await app.svc.store.incident(1))["status"] == "resolved"


async def test_guard_a_note_left_unwritten_is_reminded_later(people, app, clock):
    wa = await _writing_the_note(people, app, clock)
    heard = await until(app, clock, datetime(2026, 11, 23, 12, 10, tzinfo=SH), (wa,), every=5)
    assert follow_ups(heard[0]) >= 1, heard[0]
    assert FOLLOW_UP


async def test_a_new_cry_while_she_writes_the_note_is_not_closed_by_the_note(people, app, clock):
    """王老伯 presses 🆘 again while she is writing the note: her note is no longer the close of a call now urgent
    again — it goes on its record, and the call stays open until she chooses an outcome again."""
    wa = await _writing_the_note(people, app, clock)
    await people("王老伯").send("🆘 紧急求助")
    await wa.send("陪他去医院看过了 没大事")
    assert (await app.svc.store.incident(1))["status"] != "resolved"
    await wa.send("/incident 1")
    assert "陪他去医院看过了" in wa.last("#1").text


async def test_a_new_cry_while_she_writes_the_note_is_not_closed_by_skipping_it(people, app, clock):
    wa = await _writing_the_note(people, app, clock)
    await wa.send_kind("photo")  # (the note still waits: its skip button)
    skip = wa.last("还在等您写一句话")
    await people("王老伯").send("🆘 紧急求助")
    await wa.click(skip, "直接结案")
    assert (await app.svc.store.incident(1))["status"] != "resolved"
    assert "没有结案" in wa.last().text
