"""Telegram's limits for one bot token, shared by every process that sends for it, through Redis.

Two processes with an in-process `TelegramLimiter` each send 30 a second: 60 on one token, and 429s. Two ways
to share the limit were measured (bench/bench_limiter.py, bench/README.md): (a) each send reserves the token's
next overall slot and checks and records its chat's pace in one Lua call (store/pace.py: GCRA on Redis's
clock); (b) one sender per token, holding a lease, drains a Redis stream the other processes write to.
(a) is what this module does: three worker processes on one token sent 29.2 messages a second (97% of 30) with
no 429, against 22 a second and 50 429s with in-process limits only; one round trip per message, 0.3 ms of client
CPU for it (against about 5 ms per message for the whole send); a staff alert raised in one of them waited about
110 ms for its slot (one slot per process). (b) costs a stream entry, a read and an acknowledgement per message
(three round trips, twice (a)'s client CPU), moves every message's text through Redis, puts an alert behind the
stream's backlog unless it has a stream of its own, and stops all sending for the lease's timeout when the
sender dies; (a) has no single sender to lose.

How (a) keeps alerts first: the in-process priority queue stays. Each process reserves one slot at a time, for
its most urgent waiter, and asks for the next only when that slot has come; a staff alert (priority 0) reserves
at once, so it waits for at most the one slot each process holds, not for anyone's queue. Other urgent messages
may reserve at once too, and, like alerts, pass a 429's hold on the token (never the chat's). A 429 holds the
token and the chat in Redis, for every process. A lesser message that holds a staff chat's turn while it queues for
a slot gives the turn to an alert for that chat (ratelimit.py `_preempt`), and an alert's reservation goes on
the 🆘 path's own Redis client (store/pace.py), not behind the check-ins' shared pool and batch.

Evenly spaced slots still let 31 requests reach Telegram within one second when the first ones travel late (a loaded
machine: 50–250 ms); so each send also holds one of the token's 30 places, from its reservation until a second after
its answer (store/pace.py), and no 31 requests can be at the server within any second, however they travel. The
answers ride along with this process's next reservation (or go within 50 ms); a place whose answer never comes (its
process died) comes back after its lease. What is not urgent leaves one place to staff alerts and one to the
other urgent messages (a reply to a resident), so a call for help finds one free; an alert that does not gets the
next one back.

If Redis does not answer within `timeout` (an urgent message's; the others wait `slow_timeout`: a worker's busy loop
reads the answer late, and its own limits beside the other workers' would earn 429s), this process falls back to its
own limits (the `TelegramLimiter` it is) for `down_seconds`, then tries again: an alert still goes out at once.
"""
from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import math
import os
import time
from typing import Awaitable, Callable

from .cancelsafe import within
from .ratelimit import Limits, TelegramLimiter, _Chat
from .store import Pace, Store

log = logging.getLogger(__name__)
ANSWERED_WAIT = 0.05  # seconds an answer waits for a reservation to ride along with before it is told on its own


class SharedLimiter(TelegramLimiter):
    """The Outbox's Limiter protocol, with the limits kept in the committee's Redis keys (store/pace.py)."""

    def __init__(self, store: Store, limits: Limits = Limits(), *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, timeout: float = 0.3,
                 down_seconds: float = 5.0, slow_timeout: float = 2.0) -> None:
        super().__init__(limits, clock=clock, sleep=sleep)
        self.store = store
        self.pace = Pace(interval=self._interval, catchup=self._catchup, chat_interval=self._chat_interval,
                         burst=limits.chat_burst, group_limit=limits.group_per_minute,
                         group_window=60 * (1 + limits.margin), lend=1 + limits.margin)
        self._timeout, self._down_seconds = timeout, down_seconds
        # what is not urgent waits longer for Redis: a busy event loop reads its answer late, and this process under
        # its own limits beside the other workers would earn 429s (an urgent message never waits long)
        self._slow_timeout = max(timeout, slow_timeout)
        self._down_until = -math.inf
        self._asks: list[tuple[int, int, int, _Chat, asyncio.Future, bool, str]] = []
        self._tickets: dict[tuple[int, float], list[str]] = {}  # (chat, slot granted) -> the places its sends hold
        self._ticket_seq = itertools.count()
        self._name = f"{os.getpid()}.{id(self):x}"
        self._answered: list[tuple[str, float]] = []  # (ticket, when its answer came) not yet told to Redis
        self._answer_timer: asyncio.TimerHandle | None = None
        self._asker: asyncio.Task | None = None
        self._reserved_until = -math.inf  # when the slot this process last reserved comes
        self._holding: set[asyncio.Task] = set()
        self.round_trips = 0
        self.fallbacks = 0

    async def _slot(self, chat_id: int, chat: _Chat, priority: int, again: bool = False) -> float:
        if self._clock() >= self._down_until:
            ticket = f"{self._name}.{next(self._ticket_seq)}"
            try:
                granted, seconds = await (self._reserve(chat_id, priority, again, ticket) if priority == 0
                                          else self._ask(chat_id, chat, priority, again, ticket))
            except Exception as e:  # whatever broke, sending goes on under this process's own limits
                self._went_down(e)
            else:
                if not granted:
                    return seconds
                self._record(chat_id, chat, self._clock() + max(0.0, seconds), again)  # a fallback goes on from here
                self._tickets.setdefault((chat_id, chat.slot_at), []).append(ticket)
                if seconds > 0:
                    await self._sleep(seconds)
                return 0.0
        return await super()._slot(chat_id, chat, priority, again)

    def sent(self, chat_id: int, slot_at: float | None) -> None:
        """The send granted `slot_at` has its answer, or will not be made: its place on the token comes back a second
        after now. Told to Redis with this process's next reservation, or within `ANSWERED_WAIT` (no task, no round
        trip of its own while sends go on); if Redis never hears it, the place comes back when its lease ends."""
        tickets = self._tickets.get((chat_id, slot_at))
        if not tickets:
            return
        ticket = tickets.pop()
        if not tickets:
            del self._tickets[(chat_id, slot_at)]
        self._answered.append((ticket, self._clock()))
        if self._answer_timer is None:
            self._answer_timer = asyncio.get_running_loop().call_later(ANSWERED_WAIT, self._tell_answered)

    def _take_answered(self) -> list[tuple[str, float]]:
        """The answers Redis has not heard of yet."""
        if self._answer_timer is not None:
            self._answer_timer.cancel()
            self._answer_timer = None
        taken, self._answered = self._answered, []
        return taken

    def _ages(self, taken: list[tuple[str, float]]) -> tuple:
        now = self._clock()
        return tuple(x for ticket, at in taken for x in (ticket, round(max(0.0, now - at), 6)))

    def _untold(self, taken: list[tuple[str, float]]) -> None:
        """Redis did not take them: they go with the next reservation (telling twice changes nothing)."""
        self._answered[:0] = taken

    def _tell_answered(self) -> None:
        self._answer_timer = None
        if taken := self._take_answered():
            done = self.store.pace_release(self._ages(taken), self.pace)
            done.add_done_callback(lambda fut: fut.cancelled() or fut.exception() and self._untold(taken))

    def penalise(self, chat_id: int, retry_after: float) -> None:
        super().penalise(chat_id, retry_after)
        if self._clock() >= self._down_until:
            task = asyncio.ensure_future(self._hold(chat_id, retry_after))
            self._holding.add(task)
            task.add_done_callback(self._holding.discard)

    async def _hold(self, chat_id: int, retry_after: float) -> None:
        try:
            async with within(self._timeout):
                await self.store.pace_hold(chat_id, retry_after)
        except Exception as e:
            self._went_down(e)

    async def _reserve(self, chat_id: int, priority: int, again: bool = False, ticket: str = "") -> tuple[bool, float]:
        self.round_trips += 1
        taken = self._take_answered()
        try:
            # not wait_for: no task of its own for every message; not asyncio.timeout: its one cancel, swallowed by
            # redis-py's wait_for, left the call to the 2 s socket timeout (bot/cancelsafe.py)
            async with within(self._timeout if priority <= 1 else self._slow_timeout):
                return await self.store.pace_reserve(chat_id, priority <= 1, self.pace, alert=priority == 0,
                                                     again=again, burst=self.burst(chat_id, priority), ticket=ticket,
                                                     answered=self._ages(taken))
        except BaseException:
            self._untold(taken)
            raise

    async def _ask(self, chat_id: int, chat: _Chat, priority: int, again: bool = False,
                   ticket: str = "") -> tuple[bool, float]:
        fut = asyncio.get_running_loop().create_future()
        heapq.heappush(self._asks, (priority, next(self._seq), chat_id, chat, fut, again, ticket))
        chat.asking = (priority, fut)  # until the asker takes it up, a staff alert to the chat may go first
        if self._asker is None or self._asker.done():
            self._asker = asyncio.create_task(self._run_asker())
        try:
            return await fut
        finally:
            chat.asking = None

    async def _run_asker(self) -> None:
        """Reserves slots for this process's waiters, most urgent first, one at a time: the next once the last
        has come (an urgent one at once). Ends when nobody waits."""
        while self._asks:
            wait = self._reserved_until - self._clock()
            if wait > 0 and self._asks[0][0] > 1:
                await self._sleep(min(wait, 0.05))  # short naps: an urgent waiter may arrive meanwhile
                continue
            priority, _, chat_id, chat, fut, again, ticket = heapq.heappop(self._asks)
            if fut.done():  # its sender was cancelled, or gave its chat's turn to a staff alert
                continue
            chat.asking = None  # reserving now: it keeps the turn
            try:
                granted, seconds = reply = await self._reserve(chat_id, priority, again, ticket)
            except Exception as e:  # every waiter falls back at once, not one timeout after another
                for f in (fut, *(ask[4] for ask in self._asks)):
                    if not f.done():
                        f.set_exception(e)
                self._asks.clear()
                continue
            if granted:
                self._reserved_until = self._clock() + seconds
            elif getattr(reply, "anyone", False):  # no place on the token: the others here need not ask before then
                self._reserved_until = max(self._reserved_until, self._clock() + seconds)
            if not fut.done():
                fut.set_result((granted, seconds))

    def _went_down(self, error: Exception) -> None:
        self.fallbacks += 1
        if self._clock() >= self._down_until:
            log.warning("shared Telegram limits unavailable (%s): this process keeps them on its own for %s s",
                        type(error).__name__, self._down_seconds)
        self._down_until = self._clock() + self._down_seconds
