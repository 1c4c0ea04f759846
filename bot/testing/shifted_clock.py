"""`python -m bot.testing.shifted_clock SECONDS|@INSTANT [bot arguments]`: the bot with its one clock moved.

For tests that run the bot as a process, so what the bot does never depends on the hour the test runs at:
- `@2026-11-25T20:00:05+08:00`: the bot's clock reads that instant when the process starts (measured in the
  process itself, so it holds however long the test took to get there, and under faketime too);
- SECONDS (`instant - time.time()` in the test): a restarted process given the same shift carries on the same
  timeline.
Only this test entry point moves the clock; `python -m bot` has no such switch.
"""
from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta

from bot import clock
from bot.__main__ import main


def shifted(seconds: float) -> None:
    shift = timedelta(seconds=seconds)
    real_now = clock.Clock.now
    clock.Clock.now = lambda self: real_now(self) + shift  # FakeClock keeps its own now()


def shift_for(arg: str) -> float:
    if arg.startswith("@"):
        return datetime.fromisoformat(arg[1:]).timestamp() - time.time()
    return float(arg)


if __name__ == "__main__":
    shifted(shift_for(sys.argv[1]))
    sys.exit(main(sys.argv[2:]))
