"""The one clock. Time rules take `now` from here, so tests can jump an hour without sleeping."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
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
