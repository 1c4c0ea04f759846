"""A daughter writes "我爸去世了": staff got a request (🕯 家属报告老人去世), and nothing else changed — his check-ins
went on coming to his chat, and each one missed became a "签到无回复" call escalating to staff and, an hour on, to
her: every day. Now staff, on that request, have one tap [🕯 确认去世，停止签到]: his check-ins stop (nothing more is
sent to his chat), the call's timeline and his check-in log say who confirmed it, and she is never sent a missed
check-in again. A mistaken report is undone with one tap too. Until staff confirm, nothing stops by itself; a missed
check-in meanwhile stays on the report for staff and never goes to the family."""
import copy
from datetime import timedelta

from conftest import TUESDAY_9, at, enrolled, signed_up


async def _reported(people, app, clock):
    """王老伯 enrolled in check-ins, his daughter 王丽 signed up; on Monday she tells staff he has died."""
    wang, rid = await enrolled(people, app, "王老伯", "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸去世了")
    return wang, rid, wangli, people("李社工")


async def _a_day_of_check_ins(app, clock, day):
    """The check-in's whole day: sent at 9, reminded, missed at 10, its call escalating until noon."""
    for hour, minute in ((9, 0), (9, 30), (10, 0)):
        await at(app, clock, TUESDAY_9.replace(day=day, hour=hour, minute=minute))
    for minutes in range(0, 121, 10):
        clock.set(TUESDAY_9.replace(day=day, hour=10) + timedelta(minutes=minutes))
        await app.engine.tick()


async def test_staff_confirm_the_death_on_the_request_and_his_check_ins_stop_for_good(people, app, clock):
    wang, rid, wangli, li = await _reported(people, app, clock)
    request = li.last("🕯")
    await li.click(request, "确认去世")
    assert "王老伯" in li.last().text and "签到" in li.last().text
    sent_to_him = len(wang.inbox)
    for day in (24, 25, 26):
        await _a_day_of_check_ins(app, clock, day)
    assert len(wang.inbox) == sent_to_him  # nothing more in his chat: no check-in, no reminder, no "已停止"
    assert not any("签到无回复" in t for t in li.texts())
    assert not any("签到" in t for t in wangli.texts())
    events = [e["event"] for e in await app.svc.store.timeline(1)]
    assert "death_confirmed" in events
    await li.send("/incident 1")
    assert "确认去世" in li.last().text and "李社工" in li.last().text
    assert (await app.svc.store.checkin_log(rid, 1))[0]["outcome"] == "died"
    await li.send("/checkins 王老伯")
    assert "确认去世" in li.last().text


async def test_until_staff_confirm_nothing_stops_and_a_missed_check_in_never_reaches_the_family(people, app, clock):
    wang, rid, wangli, li = await _reported(people, app, clock)
    await _a_day_of_check_ins(app, clock, 24)
    assert any("身体好吗" in t for t in wang.texts())  # an unverified message stops nothing
    assert (await app.svc.checkins.state(rid)).enrolled
    assert not any("签到" in t for t in wangli.texts())
    assert "checkin_missed" in [e["event"] for e in await app.svc.store.timeline(1)]


async def test_a_mistaken_report_is_undone_with_one_tap_and_his_check_ins_come_back(people, app, clock):
    wang, rid, wangli, li = await _reported(people, app, clock)
    await li.click(li.last("🕯"), "确认去世")
    await li.click(li.last("#1"), "恢复签到")
    assert (await app.svc.checkins.state(rid)).enrolled
    assert "death_undone" in [e["event"] for e in await app.svc.store.timeline(1)]
    await at(app, clock, TUESDAY_9)
    assert "身体好吗" in wang.last().text


async def test_a_death_told_on_his_missed_check_in_call_can_be_confirmed_there_and_stops_its_escalation(
        people, app, clock):
    """He missed his check-in (the call escalating); his daughter then writes that he has died: her words joined
    that call, with no way to stop it reaching her every half hour."""
    wang, rid = await enrolled(people, app, "王老伯", "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    li = people("李社工")
    for minute in (0, 30, 60):
        await at(app, clock, TUESDAY_9 + timedelta(minutes=minute))
    assert "签到无回复 #1" in li.last("#1").text
    await wangli.send("我爸去世了")
    await li.click(li.last("签到无回复 #1"), "确认去世")
    before = len(wangli.inbox)
    for minutes in range(0, 181, 10):
        clock.set(TUESDAY_9.replace(hour=10) + timedelta(minutes=minutes))
        await app.engine.tick()
    assert not any("签到" in t for t in wangli.texts()[before:])
    assert not (await app.svc.checkins.state(rid)).enrolled


async def test_a_second_tap_on_an_old_packet_says_who_confirmed_it_and_changes_nothing(people, app, clock):
    wang, rid, wangli, li = await _reported(people, app, clock)
    request = li.last("🕯")
    old = copy.deepcopy(request)  # the packet as it was before the tap (a colleague's, not yet edited)
    await li.click(request, "确认去世")
    entries = len(await app.svc.store.timeline(1))
    await li.click(old, "确认去世")
    assert "李社工 已经确认过了" in li.last().text
    assert len(await app.svc.store.timeline(1)) == entries


async def test_undoing_a_death_confirmed_for_someone_never_enrolled_enrols_nobody(people, app, clock):
    wangli = await signed_up(people("王丽"), "13911110002")
    li = people("李社工")
    await wangli.send("我爸去世了")
    await li.click(li.last("🕯"), "确认去世")
    await li.click(li.last("#1"), "恢复签到")
    rid = await app.svc.store.resident_id_by_phone("13900000002")
    assert not (await app.svc.checkins.state(rid)).enrolled
    assert "没有开通" in li.last().text


async def test_his_check_in_answered_while_a_death_report_is_open_tells_staff_to_check_it(people, app, clock):
    """The report may be a mistake (or a scam): he answered "我很好" and staff, holding a report of his death, never
    heard of it."""
    wang, rid, wangli, li = await _reported(people, app, clock)
    await at(app, clock, TUESDAY_9)
    clock.set(TUESDAY_9.replace(minute=5))
    await wang.click(wang.last("身体好吗"), "我很好")
    told = li.last("09:05").text
    assert "王老伯" in told and "回复了签到" in told and "核实" in told
    assert not any("回复了签到" in t for t in wangli.texts())  # staff speak to her, not the bot


async def test_a_report_staff_closed_first_can_still_be_confirmed_on_its_packet(people, app, clock):
    wang, rid, wangli, li = await _reported(people, app, clock)
    await li.click(li.last("🕯"), "我来处理")
    await li.click(li.last("🕯"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    await li.click(li.last("🕯"), "确认去世")
    assert not (await app.svc.checkins.state(rid)).enrolled
    await _a_day_of_check_ins(app, clock, 24)
    assert not any("签到无回复" in t for t in li.texts()) and not any("签到" in t for t in wangli.texts())
