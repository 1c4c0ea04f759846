"""The check-in time rules are pure functions of `now`: no Redis, no clock to fake."""
import math
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.config import QuietHours
from bot.checkins.rules import CheckinState, decide, in_quiet, latest_today, next_slot, today_status

SH = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.model_validate({"from": "21:30", "to": "07:00"})
WINDOW = 30 * 60


def ts(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute, tzinfo=SH).timestamp()  # 2026-11-23 is a Monday


def local(t):
    return datetime.fromtimestamp(t, SH).strftime("%a %d %H:%M")


def state(**kw):
    kw.setdefault("enrolled", True)
    return CheckinState("r1", **kw)


def test_next_check_in_skips_days_not_chosen():
    weekdays = state(days=["mon", "tue", "wed", "thu", "fri"])
    assert local(next_slot(weekdays, ts(27, 10))) == "Mon 30 09:00"  # Friday after nine → Monday
    assert local(next_slot(weekdays, ts(27, 8))) == "Fri 27 09:00"
    assert next_slot(state(days=[]), ts(27, 8)) is None


def test_two_times_a_day():
    st = state(times=["09:00", "18:00"])
    assert local(next_slot(st, ts(24, 9))) == "Tue 24 18:00"
    assert local(latest_today(st, ts(24, 19))) == "Tue 24 18:00"
    assert latest_today(st, ts(24, 8)) is None


def test_quiet_hours_run_past_midnight():
    assert in_quiet(QUIET, ts(24, 23), "Asia/Shanghai")
    assert in_quiet(QUIET, ts(25, 6, 59), "Asia/Shanghai")
    assert not in_quiet(QUIET, ts(25, 7), "Asia/Shanghai")
    assert not in_quiet(QUIET, ts(24, 21, 29), "Asia/Shanghai")
    assert not in_quiet(None, ts(24, 23), "Asia/Shanghai")


def test_the_ladder_steps():
    st = state(phase="sent", slot=ts(24, 9), sent_at=ts(24, 9, 2))
    waiting = decide(st, ts(24, 9, 31), WINDOW, QUIET)
    assert waiting.action == "wait" and waiting.due == ts(24, 9, 32)  # the window counts from the send
    assert decide(st, ts(24, 9, 32), WINDOW).action == "remind"
    st.phase = "reminded"
    assert decide(st, ts(24, 9, 40), WINDOW).due == ts(24, 10, 2)
    assert decide(st, ts(24, 10, 2), WINDOW).action == "miss"


def test_quiet_hours_hold_the_reminder_never_the_escalation():
    evening = state(phase="sent", times=["21:00"], slot=ts(24, 21), sent_at=ts(24, 21))
    held = decide(evening, ts(24, 21, 30), WINDOW, QUIET)
    assert held.action == "wait" and held.due == ts(24, 22)  # no reminder: the quiet hours last past the miss
    assert decide(evening, ts(24, 22), WINDOW, QUIET).action == "miss"
    early = state(phase="sent", times=["05:30"], slot=ts(25, 5, 30), sent_at=ts(25, 5, 30))
    held = decide(early, ts(25, 6, 30), 60 * 60, QUIET)
    assert held.action == "wait" and held.due == ts(25, 7)  # the reminder waits for seven o'clock
    assert decide(early, ts(25, 7), 60 * 60, QUIET).action == "remind"


def test_catch_up_sends_the_latest_of_today_once():
    st = state(times=["08:00", "09:00"], phase="answered", since=ts(23, 18))
    step = decide(st, ts(24, 10, 30), WINDOW, QUIET)
    assert step.action == "send" and step.slot == ts(24, 9)
    early = decide(st, ts(24, 7), WINDOW, QUIET)
    assert early.action == "wait" and early.due == ts(24, 8)


def test_yesterdays_check_in_is_not_sent_today():
    st = state(phase="answered", since=ts(23, 9))
    step = decide(st, ts(25, 8), WINDOW, QUIET)
    assert step.action == "skip" and step.reason == "offline"


def test_a_late_catch_up_never_wakes_anyone_at_night():
    st = state(times=["21:00"], phase="answered", since=ts(23, 21))
    assert decide(st, ts(24, 21, 45), WINDOW, QUIET).action == "skip"
    assert decide(state(times=["06:00"], since=ts(23, 7)), ts(24, 6), WINDOW, QUIET).action == "send"


def test_pauses():
    away = state(phase="answered", since=ts(23, 9), paused_until=ts(26, 0))
    assert decide(away, ts(24, 9), WINDOW).reason == "paused"
    assert decide(away, ts(26, 9), WINDOW).action == "send"
    open_ended = state(since=ts(23, 9), paused_until=math.inf)
    assert decide(open_ended, ts(29, 9), WINDOW).reason == "paused"
    assert CheckinState.from_hash("r1", open_ended.to_hash()).paused_until == math.inf


def test_a_send_that_never_finished_is_sent_again():
    st = state(phase="sending", slot=ts(24, 9), since=ts(23, 9))
    step = decide(st, ts(24, 9, 3), WINDOW)
    assert step.action == "send" and step.slot == ts(24, 9)


def test_todays_status():
    assert today_status(state(phase="sent", slot=ts(24, 9)), ts(24, 9, 5)) == "waiting"
    assert today_status(state(phase="answered", slot=ts(23, 9), since=ts(23, 9)), ts(24, 8)) == "later"
    assert today_status(state(phase="answered", slot=ts(23, 9), paused_until=ts(25, 0)), ts(24, 8)) == "paused"
    assert today_status(state(phase="missed", slot=ts(24, 9)), ts(24, 11)) == "missed"
