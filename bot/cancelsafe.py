"""A bound on a call, and the caller's cancel, that hold even when the code under them swallows a cancel.

On Python 3.11 a cancel can be swallowed: asyncio.wait_for returns the result of a call that ended just as it was
cancelled (bot/stopping.py), and redis-py and the HTTP clients wrap their calls in it. Under `asyncio.timeout` the
bound's one cancel, lost so, left the call to its next step's own timeout (Redis's 2 s socket timeout for a bound of
0.3 s); under `asyncio.wait_for` the caller's cancel, lost so, let the caller go on as if never told (a round going
on to its next staff chat while the bot stops). `within`:

- past its bound, cancels the code under it again every AGAIN_SECONDS until it ends; raises TimeoutError if it
  ended cancelled (a result it returned anyway is kept, as asyncio.timeout does);
- a cancel of the caller's that came meanwhile ends the block cancelled, even when the code under it swallowed it.

No task of its own (a send's hot path); nested bounds and the caller's cancels are told apart by the task's count of
cancels asked for (Task.cancelling), as asyncio.timeout does.

    async with within(0.3):
        await store.pace_reserve(...)
"""
from __future__ import annotations

import asyncio

AGAIN_SECONDS = 0.05


class within:  # noqa: N801 — used as asyncio.timeout is
    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.expired = False
        self._fired = 0
        self._timer: asyncio.TimerHandle | None = None

    async def __aenter__(self) -> "within":
        self._task = asyncio.current_task()
        self._before = self._task.cancelling()
        if self.seconds is not None:
            self._timer = asyncio.get_running_loop().call_later(max(0.0, self.seconds), self._fire)
        return self

    def _fire(self) -> None:
        self.expired = True
        if self._task.cancel():
            self._fired += 1
        self._timer = asyncio.get_running_loop().call_later(AGAIN_SECONDS, self._fire)

    async def __aexit__(self, exc_type, exc, tb) -> bool:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        for _ in range(self._fired):
            self._task.uncancel()
        cancelled = exc_type is not None and issubclass(exc_type, asyncio.CancelledError)
        if self._task.cancelling() > self._before:  # the caller's cancel: delivered, or lost under us
            if not cancelled:
                raise asyncio.CancelledError()
            return False
        if self.expired and cancelled:
            raise TimeoutError() from exc
        return False
