"""`python -m bot.testing.shifted_clock SECONDS [bot arguments]`: the bot with its one clock moved by SECONDS.

For tests that run the bot as a process: they pick the instant (Monday 05:00, 23:59:30 …) and pass
`instant - time.time()`, so what the bot does never depends on the hour the test runs at; a restarted process
given the same shift carries on the same timeline. Only this test entry point moves the clock; `python -m bot`
has no such switch.
"""
from __future__ import annotations

import sys
from datetime import timedelta

from bot import clock
from bot.__main__ import main


def shifted(seconds: float) -> None:
    shift = timedelta(seconds=seconds)
    real_now = clock.Clock.now
    clock.Clock.now = lambda self: real_now(self) + shift  # FakeClock keeps its own now()


if __name__ == "__main__":
    shifted(float(sys.argv[1]))
    sys.exit(main(sys.argv[2:]))
