"""The outbound limiter: Telegram's flood limits, urgent messages first, within one process.

Telegram allows about 30 messages a second overall, one a second per chat (a short burst passes)
and 20 a minute per group; beyond that it answers 429 with retry_after. Waiting for a slot here
costs less than recovering from a 429, so every message the Outbox sends asks for one:

- per chat, a GCRA bucket: one a second with a burst of `chat_burst`, so a resident's two or three
  replies go out at once; groups add a sliding window of 20 a minute and get no burst; messages waiting
  for the same chat go by priority too, so a new staff alert does not queue behind a backlog of packets
  or edits to that staff member, nor behind one of them still queued for an overall slot or sleeping out the chat's
  pace (it gives the turn up); into a staff chat, messages that are not urgent keep one place of the burst free,
  so a call for help raised just after them goes at once, not in the chat's next second;
- overall, evenly spaced slots a little below 30 a second: the margin absorbs HTTP jitter, which
  would otherwise let a 31st request land inside the server's one-second window; a send held back more than a slot
  past its own (an alert in flight, a starved process) takes a new one (`stale`, bot/outbox.py), rather than land
  on top of the slots booked since;
- waiters for an overall slot are served staff alerts first, then other urgent messages (the resident's
  own reassurance), then in arrival order, so an alert raised
  during the morning's check-ins waits for one slot, not for the queue;
- a 429 holds that chat for retry_after, and every non-urgent message too (as python-telegram-bot's
  AIORateLimiter does), because a flood wait is often bot-wide.

This keeps the limits in one process. `bot/sharedlimit.py` builds on it to share them, through Redis, with every
process sending for the same token (what `build_app` installs), and falls back to it when Redis does not answer.
"""
from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Awaitable, Callable, Iterator

from .lanes import AlertHold

YIELDED = 1e-9  # the "wait" of a message that gave its chat's turn to a more urgent one: it queues again at once


@dataclass(frozen=True)
class Limits:
    per_second: float = 30
    per_chat_per_second: float = 1
    chat_burst: int = 3
    group_per_minute: int = 20
    margin: float = 0.045         # overall slots are (1 + margin) / per_second apart: 28.7 a second, which leaves
    # room in any one-second window for jitter and a staff alert sent ahead of the booked slots (store/pace.py)
    chat_margin: float = 0.1      # and a chat's (1 + chat_margin) / per_chat_per_second: a late request's stamp


class _Chat:
    __slots__ = ("busy", "waiting", "tat", "recent", "held_until", "asking", "slot_at")

    def __init__(self) -> None:
        # one sender per chat at a time; the others wait in order of priority, then of arrival, so a staff
        # alert never queues behind a backlog of lesser messages to the same person
        self.busy = False
        self.waiting: list[tuple[int, int, asyncio.Future]] = []
        self.tat = 0.0               # GCRA "theoretical arrival time" of the chat's next message
        self.recent: deque[float] = deque()  # groups only: grants in the last minute
        self.held_until = 0.0
        # the turn's holder while it waits in a queue for the token's slot, nothing reserved yet: (priority, future);
        # a more urgent message to the chat makes it give the turn up (`_preempt`)
        self.asking: tuple[int, asyncio.Future] | None = None
        self.slot_at = 0.0  # when the turn's holder was granted its slot: `acquire` returns it


@contextmanager
def _let_go(hold: AlertHold | None, waiting: bool) -> Iterator[None]:
    """While a staff alert only waits for its chat, its hold on the urgent lane is let go, and taken again after."""
    if hold is None or not waiting:
        yield
        return
    hold.off()
    try:
        yield
    finally:
        hold.on()


class TelegramLimiter:
    """Implements the Outbox's Limiter protocol: `await acquire(chat_id, urgent)`, `penalise(chat_id, retry_after)`."""

    def __init__(self, limits: Limits = Limits(), *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.limits = limits
        self._clock, self._sleep = clock, sleep
        self._interval = (1 + limits.margin) / limits.per_second
        self._catchup = 0.2 * self._interval  # a late pump may grant a little early, never a whole slot
        self._chat_interval = (1 + limits.chat_margin) / limits.per_chat_per_second
        self._chats: dict[int, _Chat] = {}
        self._queue: list[tuple[int, int, asyncio.Future]] = []
        self._seq = itertools.count()
        self._next_slot = 0.0
        self._held_until = 0.0
        self._pump: asyncio.Task | None = None
        self._next_sweep = 0.0
        self.granted = 0
        self.penalties = 0
        self.rebooked = 0  # sends that took a new slot, theirs long past (`stale`)
        # staff chats (bot/residents/staff_join.py): what is not urgent leaves one place of the burst to an alert
        self.keep_free: frozenset[int] = frozenset()

    # --- the protocol --------------------------------------------------------------------------
    async def acquire(self, chat_id: int, urgent: bool | int = False, *, again: bool = False,
                      hold: AlertHold | None = None) -> float:
        """`urgent` is True/False, or a priority: 0 staff alert, 1 other urgent, 2 normal. Returns when the slot
        granted is (this limiter's clock). `again`: a new token slot for a message whose slot went by unused while
        it was held back (`stale`); its chat's pace was kept by the first, and is only moved on from the new one. `hold`: a
        staff alert's hold on the urgent lane, let go while it waits for its chat (its turn, its pace)."""
        priority = (1 if urgent else 2) if isinstance(urgent, bool) else int(urgent)
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = _Chat()
        with _let_go(hold, chat.busy):
            await self._chat_turn(chat, priority)
        holding = True
        try:
            while (wait := await self._slot(chat_id, chat, priority, again)) > 0:
                with _let_go(hold, wait > YIELDED):
                    await self._pause(chat, priority, wait)
                if chat.waiting and chat.waiting[0][0] < priority:  # a more urgent one came meanwhile
                    holding = False
                    self._chat_next(chat)
                    await self._chat_turn(chat, priority)
                    holding = True
        finally:
            if holding:
                self._chat_next(chat)
        self.granted += 1
        self.rebooked += again
        self._sweep()
        return chat.slot_at

    def stale(self, slot_at: float) -> bool:
        """Whether a send granted the slot at `slot_at` is now more than a slot late: sent now, it would land on top
        of the slots booked after its own (every process's on the token), past 30 in a second at the server."""
        return self._clock() - slot_at > self._interval

    async def _slot(self, chat_id: int, chat: _Chat, priority: int, again: bool = False) -> float:
        """0 once this chat's turn has its overall slot (recorded), else how long the chat must wait first."""
        wait = self._chat_wait(chat_id, chat, self._clock(), again, priority)
        if wait > 0:
            return wait
        if not await self._overall_slot(chat, priority):
            return YIELDED
        wait = self._chat_wait(chat_id, chat, self._clock(), again, priority)  # a 429 may have held it meanwhile
        if wait <= 0:
            self._record(chat_id, chat, self._clock(), again)
        return wait

    def sent(self, chat_id: int, slot_at: float | None) -> None:
        """The send granted `slot_at` has its answer (kept in Redis only: `SharedLimiter.sent`)."""

    def penalise(self, chat_id: int, retry_after: float) -> None:
        until = self._clock() + max(0.0, retry_after)
        chat = self._chats.setdefault(chat_id, _Chat())
        chat.held_until = max(chat.held_until, until)
        self._held_until = max(self._held_until, until)
        self.penalties += 1

    # --- per chat ------------------------------------------------------------------------------
    async def _chat_turn(self, chat: _Chat, priority: int) -> None:
        if not chat.busy:
            chat.busy = True
            return
        fut = asyncio.get_running_loop().create_future()
        heapq.heappush(chat.waiting, (priority, next(self._seq), fut))
        self._preempt(chat, priority)
        try:
            await fut
        except asyncio.CancelledError:
            if fut.done() and not fut.cancelled():  # handed the turn just as it was cancelled: pass it on
                self._chat_next(chat)
            raise

    async def _pause(self, chat: _Chat, priority: int, wait: float) -> None:
        """Sleeps out the chat's pace (or a 429's hold) holding its turn, unless a more urgent message to the chat
        comes meanwhile (`_preempt`): a staff alert does not wait for a lesser message's own wait."""
        if wait <= YIELDED:  # it gave its turn to a more urgent one: queues again at once
            await self._sleep(wait)
            return
        fut = asyncio.get_running_loop().create_future()
        chat.asking = (priority, fut)
        nap = asyncio.ensure_future(self._sleep(wait))
        try:
            await asyncio.wait((nap, fut), return_when=asyncio.FIRST_COMPLETED)
        finally:
            chat.asking = None
            nap.cancel()

    @staticmethod
    def _preempt(chat: _Chat, priority: int) -> None:
        """A staff alert for a chat whose turn a lesser message holds only to queue for the token (behind every
        check-in, for seconds): that message gives the turn up (its future answers YIELDED) and queues again."""
        if chat.asking and chat.asking[0] > priority and not chat.asking[1].done():
            chat.asking[1].set_result((False, YIELDED))

    def _chat_next(self, chat: _Chat) -> None:
        while chat.waiting:
            _, _, fut = heapq.heappop(chat.waiting)
            if not fut.done():
                fut.set_result(None)  # the turn passes straight on: the chat stays busy
                return
        chat.busy = False

    def burst(self, chat_id: int, priority: int) -> int:
        """The messages that may go into the chat at once: one into a group; into a staff chat, one fewer for what
        is not urgent, so a call for help raised just after them finds a place (not the chat's next second)."""
        if chat_id < 0:
            return 1
        burst = self.limits.chat_burst
        return burst - 1 if burst > 1 and priority >= 2 and chat_id in self.keep_free else burst

    def _chat_wait(self, chat_id: int, chat: _Chat, now: float, again: bool = False, priority: int = 0) -> float:
        if again:  # its chat's place was taken with its first slot: only a 429's hold counts now
            return chat.held_until - now
        burst = self.burst(chat_id, priority)
        wait = max(chat.held_until - now, chat.tat - (burst - 1) * self._chat_interval - now)
        if chat_id < 0:
            window = 60 * (1 + self.limits.margin)
            while chat.recent and chat.recent[0] <= now - window:
                chat.recent.popleft()
            if len(chat.recent) >= self.limits.group_per_minute:
                wait = max(wait, chat.recent[0] + window - now)
        return wait

    def _record(self, chat_id: int, chat: _Chat, now: float, again: bool = False) -> None:
        chat.slot_at = now
        if again:  # the chat's next message a whole interval after this one's new slot
            chat.tat = max(chat.tat, now + self._chat_interval)
            return
        chat.tat = max(chat.tat, now) + self._chat_interval
        if chat_id < 0:
            chat.recent.append(now)

    def _sweep(self) -> None:
        """Forgets chats that have been quiet a while, so 100,000 residents do not stay in memory, and a 09:00 storm
        keeps a few seconds' worth (the collector walks whatever stays)."""
        now = self._clock()
        if now < self._next_sweep:
            return
        self._next_sweep = now + 2
        for cid in [c for c, ch in self._chats.items()
                    if not ch.busy and not ch.waiting and ch.tat < now and ch.held_until < now
                    and (not ch.recent or ch.recent[-1] < now - 61)]:
            del self._chats[cid]

    # --- overall --------------------------------------------------------------------------------
    async def _overall_slot(self, chat: _Chat, priority: int) -> bool:
        """True once granted; False if a more urgent message to the chat came first (`_preempt`)."""
        fut = asyncio.get_running_loop().create_future()
        heapq.heappush(self._queue, (priority, next(self._seq), fut))
        chat.asking = (priority, fut)
        if self._pump is None or self._pump.done():
            self._pump = asyncio.create_task(self._run_pump())
        try:
            return await fut is True
        finally:
            chat.asking = None

    async def _run_pump(self) -> None:
        """Hands out overall slots one interval apart to the best waiter; ends when nobody waits."""
        while self._queue:
            now = self._clock()
            urgent = self._queue[0][0] <= 1
            start = self._next_slot if urgent else max(self._next_slot, self._held_until)
            if start > now:
                await self._sleep(min(start - now, 0.05))  # short naps: an urgent waiter may arrive meanwhile
                continue
            _, _, fut = heapq.heappop(self._queue)
            if fut.done():  # its sender was cancelled
                continue
            fut.set_result(True)
            self._next_slot = max(self._next_slot, now - self._catchup) + self._interval
