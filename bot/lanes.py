"""Urgent work first. While a staff alert is on its way out, everything else in this process waits its turn.

One event loop serves everyone, so 200 residents pressing 🆘 at once would otherwise share it with each
other's replies, address questions and bookkeeping, and the last alert would leave after all of that.
`urgent()` marks the short stretch between a call for help arriving and its alert reaching Telegram;
`wait_turn()` is where other work steps aside while any such stretch is running. Waiting is bounded
(`max_wait`), so nothing starves, and costs nothing when no alert is in flight. `take_checkin_place()` is the few places
for check-in steps in the whole process: a district shares one `Lanes` among its committees, so 50 committees'
09:00 storms together keep CHECKINS_IN_FLIGHT steps under way, not 50 times that, and a 🆘 never queues behind them.
While the loop lags (a LAG_PROBE_SECONDS timer firing over LAG_SECONDS late: its turns run long, and a 🆘 arriving waits a
turn at each await on its way), only half of those places are given out, until it catches up.
"""
from __future__ import annotations

import asyncio
from contextlib import contextmanager
from typing import Callable, Iterator

CHECKINS_IN_FLIGHT = 24  # check-in steps under way at once in the whole process, every committee's together
LAG_PROBE_SECONDS = 0.02  # how often the loop's lateness is looked at, while check-in steps are under way
LAG_SECONDS = 0.015  # a probe this late: the loop lags, and fewer steps start


class Lanes:
    def __init__(self, max_wait: float = 2.0, checkins: int = CHECKINS_IN_FLIGHT) -> None:
        self.max_wait = max_wait
        self.in_flight = 0
        self._idle: asyncio.Event | None = None
        self._checkins = asyncio.Semaphore(checkins)
        self.lean = max(1, checkins // 2)  # the places given out while the loop lags
        self.under_way, self.wanted = 0, 0  # check-in steps under way; places asked for, not yet given
        self.lag = 0.0  # the last probe's lateness, seconds
        self._probe: asyncio.TimerHandle | None = None
        self._eased: asyncio.Event | None = None  # set when a place is given back or the loop catches up

    async def take_checkin_place(self) -> Callable[[], None]:
        """Waits until a place for a check-in step is free and no alert is in flight (or `max_wait` passed),
        and, while the loop lags, until fewer than `lean` steps are under way; returns the place's release. Taken
        before the step's task is created, so a storm keeps a few steps alive, not one per resident due."""
        self.wanted += 1
        if self._probe is None:
            self._probe_after(asyncio.get_running_loop())
        try:
            await self._checkins.acquire()
            try:
                await self.wait_turn()
                while self.lag > LAG_SECONDS and self.under_way >= self.lean:
                    self._eased = self._eased or asyncio.Event()
                    self._eased.clear()
                    await self._eased.wait()
            except BaseException:
                self._checkins.release()
                raise
        finally:
            self.wanted -= 1
        self.under_way += 1
        done = False

        def release() -> None:
            nonlocal done
            if not done:
                done = True
                self.under_way -= 1
                self._checkins.release()
                if self._eased is not None:
                    self._eased.set()

        return release

    def _probe_after(self, loop: asyncio.AbstractEventLoop) -> None:
        self._probe = loop.call_later(LAG_PROBE_SECONDS, self._probed, loop, loop.time() + LAG_PROBE_SECONDS)

    def _probed(self, loop: asyncio.AbstractEventLoop, due: float) -> None:
        self.lag = max(0.0, loop.time() - due)
        if self._eased is not None:
            self._eased.set()
        if self.under_way or self.wanted:
            self._probe_after(loop)
        else:  # no steps under way or asked for: no probe, and the next storm starts with every place
            self._probe, self.lag = None, 0.0

    def hold(self, at_most: float | None = None) -> Callable[[], None]:
        """Starts a stretch of urgent work; returns its end (safe to call twice). `at_most` seconds caps it,
        for stretches that may hang on the network."""
        self.in_flight += 1
        if self._idle is not None:
            self._idle.clear()
        done = False
        timer = None

        def leave() -> None:
            nonlocal done
            if done:
                return
            done = True
            if timer:
                timer.cancel()
            self.in_flight -= 1
            if not self.in_flight and self._idle is not None:
                self._idle.set()

        if at_most:
            timer = asyncio.get_running_loop().call_later(at_most, leave)
        return leave

    @contextmanager
    def alert_hold(self, at_most: float | None = None) -> Iterator["AlertHold"]:
        """A staff alert's stretch: held from now to its end, except while the alert only waits (its chat's pace,
        which may be a second: nothing else need wait for that), each held stretch capped at `at_most`."""
        hold = AlertHold(self, at_most)
        hold.on()
        try:
            yield hold
        finally:
            hold.off()

    @contextmanager
    def urgent(self, at_most: float | None = None) -> Iterator[None]:
        """A stretch of urgent work: others' `wait_turn` holds until every such stretch has ended."""
        leave = self.hold(at_most)
        try:
            yield
        finally:
            leave()

    async def wait_turn(self) -> None:
        """Returns at once when no alert is in flight; otherwise when none is, or after `max_wait` at most."""
        if not self.in_flight:
            return
        if self._idle is None:
            self._idle = asyncio.Event()
        loop = asyncio.get_running_loop()
        until = loop.time() + self.max_wait
        while self.in_flight:  # re-checked: an alert that starts just as the last one ends keeps the lane
            left = until - loop.time()
            if left <= 0:
                return
            try:
                async with asyncio.timeout(left):
                    await self._idle.wait()
            except TimeoutError:
                return


class AlertHold:
    """A hold on the urgent lane that lets go while its alert only waits (`off`), and holds again after (`on`)."""

    __slots__ = ("_lanes", "_at_most", "_leave")

    def __init__(self, lanes: Lanes, at_most: float | None) -> None:
        self._lanes, self._at_most, self._leave = lanes, at_most, None

    def on(self) -> None:
        if self._leave is None:
            self._leave = self._lanes.hold(self._at_most)

    def off(self) -> None:
        if self._leave is not None:
            self._leave()
            self._leave = None
