"""Every message leaves through here: optional shared rate limit, retries, and a record of each attempt."""
from __future__ import annotations

import asyncio
import logging
from contextlib import nullcontext
from typing import Protocol

from .clock import Clock
from .lanes import Lanes
from .store import Store
from .types import Outbound, SendResult

log = logging.getLogger(__name__)
URGENT_HOLD_SECONDS = 0.5  # a staff alert's send keeps others waiting this long at most (a slow network)


class Messenger(Protocol):
    """The port a channel adapter implements: deliver one outbound message."""

    async def deliver(self, msg: Outbound) -> SendResult: ...


class Limiter(Protocol):
    async def acquire(self, chat_id: int, urgent: bool | int) -> None: ...

    def penalise(self, chat_id: int, retry_after: float) -> None: ...


def priority(msg: Outbound) -> int:
    """0: an urgent staff alert; 1: other urgent messages; 2: everything else."""
    if msg.urgent:
        return 0 if msg.tag.startswith("alert:") else 1
    return 2


class Outbox:
    def __init__(self, messenger: Messenger, store: Store | None, clock: Clock,
                 limiter: Limiter | None = None, attempts: int = 4, backoff: float = 0.5,
                 lanes: Lanes | None = None) -> None:
        self.messenger = messenger
        self.lanes = lanes or Lanes()
        self.store = store
        self.clock = clock
        self.limiter = limiter
        self.attempts = attempts
        self.backoff = backoff
        self.watchers: list = []  # called with (message, result, final?) after every attempt (metrics)

    async def send(self, msg: Outbound) -> SendResult:
        """A staff alert goes at once and holds the urgent lane while it does; anything else first lets
        the alerts in flight leave (`Lanes`)."""
        rank = priority(msg)
        if rank:
            await self.lanes.wait_turn()
        result = SendResult(ok=False, error="not sent")
        for attempt in range(1, self.attempts + 1):
            if self.limiter:  # waiting for Telegram's flood limit holds nothing up
                await self.limiter.acquire(msg.chat_id, rank)
            try:
                with self.lanes.urgent(at_most=URGENT_HOLD_SECONDS) if not rank else nullcontext():
                    result = await self.messenger.deliver(msg)
            except Exception as e:  # a transport error is transient until proven otherwise
                log.warning("send to chat %s failed: %s", msg.chat_id, type(e).__name__)
                result = SendResult(ok=False, error=type(e).__name__)
            final = result.ok or result.permanent or attempt == self.attempts
            for watch in self.watchers:
                watch(msg, result, final)
            if final:
                break
            if result.retry_after and self.limiter:
                self.limiter.penalise(msg.chat_id, result.retry_after)
            if attempt < self.attempts:
                await asyncio.sleep(result.retry_after or self.backoff * attempt)
        await self._record(msg, result, attempt)
        return result

    async def send_all(self, msgs: list[Outbound]) -> list[SendResult]:
        return list(await asyncio.gather(*(self.send(m) for m in msgs)))

    async def _record(self, msg: Outbound, result: SendResult, attempts: int) -> None:
        if self.store is None:
            return
        await self.lanes.wait_turn()  # a record can wait for the alerts in flight
        entry = {"at": self.clock.ts(), "chat": msg.chat_id, "tag": msg.tag, "ok": result.ok,
                 "attempts": attempts, "edit": bool(msg.edit)}
        if not result.ok:
            entry["error"] = result.error[:120]
            entry["permanent"] = result.permanent
        try:
            await self.store.log_send(entry)
        except Exception:  # the record must never stop the message itself
            log.warning("could not record a send attempt")
