"""A clock for the outbound limiter that runs faster than the wall clock, and can stand still while a test sets a scene.

Tests of what goes first into a staff chat need a queue of messages at Telegram's pace (one a second into a chat),
not the seconds themselves. `TelegramLimiter(limits, clock=quick.clock, sleep=quick.sleep)` keeps its real limits on
a clock `speed` times faster than the wall clock. `stop()` holds that clock still: nothing the limiter paces moves, so
a test can have every message it needs queued before the chat's next turn comes, however busy the machine is; `go()`
lets it run again (at another speed if asked). Only the limiter's time changes: everything else runs at its own pace.
"""
from __future__ import annotations

import asyncio
import time

POLL = 0.01  # wall-clock seconds between looks at a clock that stands still
NAP = 0.05  # the longest wall-clock nap of a running clock's sleep: a change of speed is seen within it


class QuickTime:
    def __init__(self, speed: float = 10.0) -> None:
        self.speed = speed
        self._wall = time.monotonic()  # the wall clock at the last stop, go or change of speed
        self._then = 0.0  # this clock at that moment
        self.running = True

    def clock(self) -> float:
        if not self.running:
            return self._then
        return self._then + (time.monotonic() - self._wall) * self.speed

    def _mark(self) -> None:
        self._then, self._wall = self.clock(), time.monotonic()

    def stop(self) -> None:
        self._mark()
        self.running = False

    def go(self, speed: float | None = None) -> None:
        self._mark()
        self.running = True
        self.speed = speed or self.speed

    async def sleep(self, seconds: float) -> None:
        """Sleeps `seconds` of this clock (it always yields once, as asyncio.sleep does)."""
        end = self.clock() + max(0.0, seconds)
        while True:
            left = end - self.clock()
            await asyncio.sleep(min(max(left, 0.0) / self.speed, NAP) if self.running else POLL)
            if self.clock() >= end:
                return
