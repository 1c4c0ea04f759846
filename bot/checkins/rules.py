"""Check-in time rules, as pure functions of `now`: when check-ins fall, quiet hours, and what is due next.

A resident's state is one small record (CheckinState). `decide` reads it and the time and says what to do;
the service (service.py) does it and records the outcome. Nothing here touches Redis or sends anything.

Phases of the current check-in:
  new          enrolled, nothing sent yet          sending   recorded, being sent (a crash re-sends)
  sent         waiting for an answer               reminding recorded, being sent (a crash re-sends)
  reminded     reminder sent, still waiting
  answered / missed / skipped / undeliverable      finished: wait for the next check-in time
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.clock import in_quiet, quiet_end
from bot.config import WEEKDAYS

PENDING = ("sending", "sent", "reminding", "reminded")
LADDER = ("sent", "reminding", "reminded")  # sent: its reminder and its miss are due in the ladder
# What residents and staff may choose with one tap (days away, 0: until back; check-in times).
PAUSE_CHOICES = (3, 7, 14, 0)
TIME_CHOICES = ("07:00", "08:00", "09:00", "10:00", "09:00-18:00")
_FIELDS: dict[type, frozenset] = {}  # a state class's field names (read for every resident on every pass)


@dataclass
class CheckinState:
    rid: str
    enrolled: bool = False
    times: list[str] = field(default_factory=lambda: ["09:00"])
    days: list[str] = field(default_factory=lambda: list(WEEKDAYS))
    tz: str = "Asia/Shanghai"
    paused_until: float = 0.0      # math.inf: until the resident says they are back
    since: float = 0.0             # check-in times up to here are done with (or were skipped on purpose)
    phase: str = "new"
    slot: float = 0.0              # the check-in time being handled
    sent_at: float = 0.0
    reminded_at: float = 0.0
    answered_at: float = 0.0
    answer: str = ""
    incident: int = 0              # a missed-check-in incident not yet closed
    last_seen: float = 0.0
    msg: int = 0                   # the check-in message, so a pressed answer can be shown on it
    died_at: float = 0.0           # staff confirmed a reported death (life.py): unenrolled for good, until undone
    died_by: str = ""

    @classmethod
    def from_hash(cls, rid: str, raw: dict) -> "CheckinState":
        known = _FIELDS.get(cls) or _FIELDS.setdefault(cls, frozenset(f.name for f in fields(cls)))
        kw = {k: v for k, v in raw.items() if k in known and k != "rid"}
        if kw.get("paused_until") == "inf":
            kw["paused_until"] = math.inf
        return cls(rid, **kw)

    def to_hash(self, *names: str) -> dict:
        names = names or tuple(f.name for f in fields(self) if f.name != "rid")
        out = {n: getattr(self, n) for n in names}
        if "paused_until" in out and math.isinf(out["paused_until"]):
            out["paused_until"] = "inf"  # JSON has no infinity
        return out

    def paused(self, now: float) -> bool:
        return self.paused_until > now


@dataclass(frozen=True)
class Step:
    action: str              # wait | send | remind | miss | skip
    due: float | None = None  # wait: when to look again
    slot: float = 0.0         # send / skip: which check-in time
    reason: str = ""          # skip: paused | offline


def _hhmm(s: str) -> time:
    return time.fromisoformat(s)


def next_slot(st: CheckinState, after: float) -> float | None:
    """The first check-in time strictly after `after` (None if no weekday is chosen)."""
    zone = ZoneInfo(st.tz)
    local = datetime.fromtimestamp(after, zone)
    for d in range(8):
        day = local.date() + timedelta(days=d)
        if WEEKDAYS[day.weekday()] not in st.days:
            continue
        for t in sorted(st.times):
            cand = datetime.combine(day, _hhmm(t), zone)
            if cand > local:
                return cand.timestamp()
    return None


def latest_today(st: CheckinState, now: float) -> float | None:
    """The last check-in time at or before `now` on today's date: the only one a catch-up may still send."""
    zone = ZoneInfo(st.tz)
    local = datetime.fromtimestamp(now, zone)
    if WEEKDAYS[local.weekday()] not in st.days:
        return None
    cands = [datetime.combine(local.date(), _hhmm(t), zone) for t in st.times]
    past = [c.timestamp() for c in cands if c <= local]
    return max(past) if past else None


def decide(st: CheckinState, now: float, window_s: float, quiet=None) -> Step:
    """What the resident's check-in needs at `now`. Reminders wait for quiet hours to end; escalations never do."""
    if st.phase in LADDER:  # "reminding": the reminder was recorded, never sent (a crash): it is due again
        miss_at = st.sent_at + 2 * window_s
        if now >= miss_at:
            return Step("miss")
        remind_at = st.sent_at + window_s
        if st.phase == "reminded" or now < remind_at:
            return Step("wait", miss_at if st.phase == "reminded" else remind_at)
        if in_quiet(quiet, now, st.tz):
            end = quiet_end(quiet, now, st.tz)
            return Step("wait", end if end < miss_at else miss_at)
        return Step("remind")
    if st.phase == "sending":
        since = st.slot - 1  # the send never finished: this check-in time is still open
    else:
        since = st.since
    nxt = next_slot(st, since)
    if nxt is None or nxt > now:
        return Step("wait", nxt)
    latest = latest_today(st, now)
    if st.paused(now):
        return Step("skip", slot=latest or nxt, reason="paused")
    if latest is None or latest < nxt:
        return Step("skip", slot=nxt, reason="offline")  # yesterday's: too late to ask, wait for the next
    if in_quiet(quiet, now, st.tz) and not in_quiet(quiet, latest, st.tz):
        return Step("skip", slot=latest, reason="offline")  # never wake someone for a check-in they did not choose
    return Step("send", slot=latest)


def today_status(st: CheckinState, now: float) -> str:
    """What /checkins shows for today: answered, waiting, reminded, missed, paused, later, none, ..."""
    if st.paused(now):
        return "paused"
    zone = ZoneInfo(st.tz)
    today = datetime.fromtimestamp(now, zone).date()
    if st.slot and datetime.fromtimestamp(st.slot, zone).date() == today and st.phase != "new":
        return {"sending": "waiting", "sent": "waiting", "reminding": "reminded"}.get(st.phase, st.phase)
    nxt = next_slot(st, max(st.since, now - 1))
    if nxt is not None and datetime.fromtimestamp(nxt, zone).date() == today:
        return "later"
    return "none"


def parse_times(arg: str) -> list[str] | None:
    """"0900-1800" → ["09:00", "18:00"]; only the offered choices are accepted (buttons can be forged)."""
    times = [f"{p[:2]}:{p[2:]}" for p in arg.split("-") if re.fullmatch(r"\d{4}", p)]
    offered = {t for c in TIME_CHOICES for t in c.split("-")}
    return times if times and all(t in offered for t in times) else None
