"""Every message leaves through here: optional shared rate limit, retries, and a record of each attempt."""
from __future__ import annotations

import asyncio
import logging
from contextlib import nullcontext
from dataclasses import replace
from typing import Callable, Protocol

from .cancelsafe import within
from .clock import Clock
from .lanes import AlertHold, Lanes
from .logmask import mask
from .store import Store
from .textfit import clip
from .types import MessageRef, Outbound, SendResult

log = logging.getLogger(__name__)
URGENT_RETRY_AFTER_SECONDS = 10  # an urgent message Telegram holds longer (429) is not waited for: it fails now, as
# a time-out would, so its round is written down (the person not reached), the call's lock let go and the next level
# sent on time; the alert is sent again by its round's retries (bot/incidents/retries.py), not an hour later here
HUNG = "no answer in time"  # an urgent message Telegram left unanswered past `Outbox.urgent_seconds` (a chat that
# hangs: aiogram waits 60 s a try): failed now as a time-out, not tried again here — its round is written down, the
# call's lock let go, the next level and a colleague's claim not kept waiting; the round's retries send it again
URGENT_HOLD_SECONDS = 0.5  # a staff alert's wait for its slot and its send keep others waiting this long at most (not
# its wait for its chat's pace: others go meanwhile)


class Messenger(Protocol):
    """The port a channel adapter implements: deliver one outbound message."""

    async def deliver(self, msg: Outbound) -> SendResult: ...


class Limiter(Protocol):
    async def acquire(self, chat_id: int, urgent: bool | int, *, again: bool = False,
                      hold: AlertHold | None = None) -> float | None: ...

    def stale(self, slot_at: float) -> bool: ...

    def penalise(self, chat_id: int, retry_after: float) -> None: ...

    def sent(self, chat_id: int, slot_at: float | None) -> None: ...


def priority(msg: Outbound) -> int:
    """0: an urgent staff alert; 1: other urgent messages; 2: replies and everything else; 3: the bot's own
    bookkeeping (an alert packet edited to show the incident's state), which no one is waiting for; 4: a notice
    to many (bulk), behind everything else."""
    if msg.urgent:
        return 0 if msg.tag.startswith("alert:") else 1
    if msg.bulk:
        return 4
    return 3 if msg.edit and msg.tag.startswith("edit:") else 2


class Outbox:
    def __init__(self, messenger: Messenger, store: Store | None, clock: Clock,
                 limiter: Limiter | None = None, attempts: int = 4, backoff: float = 0.5,
                 lanes: Lanes | None = None, urgent_seconds: float | None = None) -> None:
        self.messenger = messenger
        self.urgent_seconds = urgent_seconds  # (HUNG) None: as long as the channel waits
        self.lanes = lanes or Lanes()
        self.store = store
        self.clock = clock
        self.limiter = limiter
        self.attempts = attempts
        self.backoff = backoff
        # edits of one message are coalesced: while one waits its turn, later ones only update what it will say
        self._latest: dict[tuple[int, int], Outbound] = {}
        self._editing: dict[tuple[int, int], list[int]] = {}  # the ranks of the edits of a message under way
        self.watchers: list = []  # called with (message, result, final?) after every attempt (metrics)
        self.holds: list = []  # each may keep a message back, returning its result (a replayed call's replies)

    async def send(self, msg: Outbound, *, records: list | None = None,
                   at_send: Callable[[], Outbound] | None = None) -> SendResult:
        """A staff alert goes at once and holds the urgent lane while it does; anything else first lets
        the alerts in flight leave (`Lanes`). `records`: the send's record for the send log is put there, for the
        caller to write with its own (the check-in drain's "sent" step), not written here. `at_send`: the message
        itself, made when its slot has come (`msg` says only its chat, priority and tag): alerts waiting for one staff
        chat's turn leave together (incidents/rounds.py)."""
        for hold in self.holds:
            if (kept := hold(msg)) is not None:
                return kept
        if msg.text and not msg.forward:  # a message Telegram would refuse whole still says what fits
            msg = replace(msg, text=clip(msg.text))
        if msg.edit:
            return await self._edit(msg)
        return (await self._send(msg, priority(msg), records=records, at_send=at_send))[0]

    async def _edit(self, msg: Outbound) -> SendResult:
        """Only a message's latest state goes out: an edit that finds an earlier one of the same message waiting
        (as urgent or more) leaves its text to that one and returns at once."""
        key = (msg.edit.chat_id, msg.edit.message_id)
        rank = priority(msg)
        self._latest[key] = msg
        ranks = self._editing.setdefault(key, [])
        if ranks and min(ranks) <= rank:
            return SendResult(True, msg.edit.message_id)
        ranks.append(rank)
        try:
            while True:
                result, sent = await self._send(msg, rank, key)
                if not result.ok or self._latest.get(key) is sent:
                    return result
                msg = self._latest[key]  # it changed again while this one was on its way
        finally:
            ranks.remove(rank)
            if not ranks:
                del self._editing[key]
                self._latest.pop(key, None)

    async def _send(self, msg: Outbound, rank: int, edit_key: tuple[int, int] | None = None,
                    records: list | None = None, at_send: Callable[[], Outbound] | None = None
                    ) -> tuple[SendResult, Outbound]:
        """(the outcome, the message sent): an edit sends its message's latest state when its turn comes."""
        if rank:
            await self.lanes.wait_turn()
        result = SendResult(ok=False, error="not sent")
        for attempt in range(1, self.attempts + 1):
            slot = None
            try:  # a staff alert holds the others from its wait for a slot until Telegram has it (bounded), not while
                # it waits for its chat's pace
                with self.lanes.alert_hold(at_most=URGENT_HOLD_SECONDS) if not rank else nullcontext() as hold:
                    if self.limiter:
                        slot = await (self.limiter.acquire(msg.chat_id, rank, hold=hold) if hold
                                      else self.limiter.acquire(msg.chat_id, rank))
                        if rank:  # an alert that came while this one waited for its slot leaves first
                            await self.lanes.wait_turn()
                            if slot is not None and self.limiter.stale(slot):  # held back past it: sent now, it
                                # would land on the slots booked since, past 30 in a second: a slot of its own
                                self.limiter.sent(msg.chat_id, slot)
                                slot = None
                                slot = await self.limiter.acquire(msg.chat_id, rank, again=True)
                    if edit_key:
                        msg = self._latest.get(edit_key, msg)
                    elif at_send:
                        msg, at_send = at_send(), None
                    result = await self._deliver(msg)
            except Exception as e:  # a transport error is transient until proven otherwise
                log.warning("send to chat %s failed: %s", msg.chat_id, type(e).__name__)
                result = SendResult(ok=False, error=type(e).__name__)
            finally:  # answered, failed or never sent: its place on the token comes back a second from now
                if slot is not None:
                    self.limiter.sent(msg.chat_id, slot)
            final = result.ok or result.permanent or attempt == self.attempts or msg.urgent and (
                (result.retry_after or 0) > URGENT_RETRY_AFTER_SECONDS or result.error == HUNG)
            for watch in self.watchers:
                watch(msg, result, final)
            if final:
                break
            if result.retry_after and self.limiter:
                self.limiter.penalise(msg.chat_id, result.retry_after)
            if attempt < self.attempts:
                await asyncio.sleep(result.retry_after or self.backoff * attempt)
        await self._record(msg, result, attempt, records)
        return result, msg

    async def _deliver(self, msg: Outbound) -> SendResult:
        """The channel's answer; an urgent one bounded (HUNG). A cancel that comes meanwhile ends the send even when
        the channel's client swallowed it (bot/cancelsafe.py): no asyncio.wait_for of our own, which may too."""
        bound = self.urgent_seconds if msg.urgent else None
        try:
            async with within(bound or None):
                return await self.messenger.deliver(msg)
        except TimeoutError:
            if not bound:
                raise
            log.warning("an urgent send to chat %s got no answer in %s s", msg.chat_id, self.urgent_seconds)
            return SendResult(ok=False, error=HUNG)

    async def send_all(self, msgs: list[Outbound]) -> list[SendResult]:
        return list(await asyncio.gather(*(self.send(m) for m in msgs)))

    async def forward_to(self, chats: list[int], intro: str | Callable[[int], str], ref: MessageRef | None, *, tag: str,
                         urgent_intro: bool = True, refused: list[int] | None = None, failed: list[int] | None = None,
                         buttons=()) -> int:
        """Each chat gets `intro` and just after it the forwarded message `ref` (a voice, a photo), sent one after
        the other so each line stays just before its voice. Returns how many chats got it (a chat that refused
        the line for good is not sent the voice; it is added to `refused`, if given; one Telegram failed for (5xx,
        time-outs) to `failed`). `intro`, and `buttons` under it, may be a chat's own (a function of the chat: in her
        language)."""
        reached = 0
        for chat in chats:
            res = await self.send(Outbound(chat, intro(chat) if callable(intro) else intro, urgent=urgent_intro, tag=tag,
                                           buttons=buttons(chat) if callable(buttons) else buttons))
            if ref is not None and (res.ok or not res.permanent):
                res = await self.send(Outbound(chat, forward=ref, urgent=True, tag=tag))
            reached += res.ok
            if refused is not None and not res.ok and res.permanent:
                refused.append(chat)
            elif failed is not None and not res.ok and not res.permanent:
                failed.append(chat)
        return reached

    async def _record(self, msg: Outbound, result: SendResult, attempts: int, records: list | None = None) -> None:
        if self.store is None:
            return
        entry = {"at": self.clock.ts(), "chat": msg.chat_id, "tag": msg.tag, "ok": result.ok,
                 "attempts": attempts, "edit": bool(msg.edit)}
        if not result.ok:
            entry["error"] = mask(result.error)[:120]  # a library's error may quote the request's URL, token and all
            entry["permanent"] = result.permanent
        if records is not None:
            records.append(entry)
            return
        await self.log(entry)

    async def log(self, entry: dict) -> None:
        """Writes a send's record to the send log (never raises: the record must never stop the message itself)."""
        await self.lanes.wait_turn()  # a record can wait for the alerts in flight
        try:
            await self.store.log_send(entry)
        except Exception:
            log.warning("could not record a send attempt")
