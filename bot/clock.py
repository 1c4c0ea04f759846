"""The one clock. Time rules take `now` from here, so tests can jump an hour without sleeping."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo


class Clock:
    def __init__(self, tz: str = "Asia/Shanghai") -> None:
        self.tz = ZoneInfo(tz)

    def now(self) -> datetime:
        return datetime.now(self.tz)

    def ts(self) -> float:
        return self.now().timestamp()

    def local(self, ts: float) -> datetime:
        return datetime.fromtimestamp(ts, self.tz)


class FakeClock(Clock):
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | None = None, tz: str = "Asia/Shanghai") -> None:
        super().__init__(tz)
        self._now = (start or datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)).astimezone(self.tz)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, *, minutes: float = 0, hours: float = 0) -> datetime:
        self._now += timedelta(seconds=seconds, minutes=minutes, hours=hours)
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when.astimezone(self.tz)


def in_quiet(quiet, ts: float, tz: str) -> bool:
    """Whether `ts` falls in the quiet hours (config's QuietHours; None: there are none)."""
    if quiet is None:
        return False
    t = datetime.fromtimestamp(ts, ZoneInfo(tz)).time()
    start, end = time.fromisoformat(quiet.from_), time.fromisoformat(quiet.to)
    return start <= t < end if start <= end else (t >= start or t < end)


def quiet_end(quiet, ts: float, tz: str) -> float:
    """When the quiet hours next end after `ts`."""
    local = datetime.fromtimestamp(ts, ZoneInfo(tz))
    end = datetime.combine(local.date(), time.fromisoformat(quiet.to), ZoneInfo(tz))
    return (end if end > local else end + timedelta(days=1)).timestamp()
