"""Alert rounds: the calls of one moment sent together, as few messages per staff chat as Telegram allows
(a digest listing them all, each with its claim button, then each full packet)."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from ..types import Outbound
from .packet import URGENT_KINDS, render_digest

log = logging.getLogger(__name__)


DIGEST_MAX = 40  # calls listed in one digest message, each with its claim button (Telegram allows 100 buttons)
DIGEST_CHARS = 3800  # and its length (Telegram's limit is 4096)
# escalations due together are gathered to share digests: the round leaves once none has joined for
# LATER_ROUND_SECONDS (so a busy machine, whose deadlines reach this point spread out, still sends one digest),
# and at most LATER_ROUND_MAX_SECONDS after its first call
LATER_ROUND_SECONDS = 0.05
LATER_ROUND_MAX_SECONDS = 1.0


@dataclass
class _Call:
    """An alert round's call on its way to staff: what to render, and each target's send (target, task,
    full packet?). `done` tells whoever waits for it how it went; `token` is a fast-lane call's lock."""

    n: int
    inc: dict
    person: dict
    targets: list[tuple[int, str, str]]
    token: str
    done: asyncio.Future
    sends: list = field(default_factory=list)


async def _sent(call: _Call) -> list:
    """The results of a call's sends, one per target (a digest's result counts for each call in it)."""
    return [await task for _, task, _ in call.sends]


def _digested(call: _Call) -> list[tuple[int, str, str]]:
    """The targets that got this call in a digest, and so still need its full packet."""
    return [t for t, _, whole in call.sends if not whole]



class Rounds:
    """Sending calls in rounds, and the background work that follows them (part of `Incidents`)."""

    def _start_sends(self, batch: list[_Call], heading: str) -> None:
        """Each call's message to each of its targets: alone in a chat, its packet; with others, a digest
        (staff only: family always get their own packet)."""
        by_chat: dict[tuple[int, int], list[tuple[_Call, tuple[int, str, str]]]] = {}
        for call in batch:
            for target in call.targets:
                key = (target[0], 0 if target[1] == "staff" else call.n)
                by_chat.setdefault(key, []).append((call, target))
        send = self.svc.outbox.send
        for (chat, _), items in by_chat.items():
            if len(items) == 1:
                call, target = items[0]
                msg = self._messages(call.n, call.inc, call.person, [target])[0]
                call.sends.append((target, asyncio.ensure_future(send(msg)), True))
                continue
            urgent = any(c.inc["kind"] in URGENT_KINDS for c, _ in items)
            for start, chunk, text, buttons in self._digests(items, heading):
                task = asyncio.ensure_future(send(Outbound(chat, text, buttons=buttons, urgent=urgent,
                                                           tag=f"alert:digest:{chunk[0][0].n}")))
                for call, target in chunk:
                    call.sends.append((target, task, False))

    def pending(self) -> list[asyncio.Task]:
        """Alert work still running in the background (for a clean shutdown)."""
        return list(self._sending)

    def _background(self, coro) -> asyncio.Task:
        task = asyncio.ensure_future(coro)
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)
        return task

    async def _round_alert(self, n: int, level: int, inc: dict, person: dict | None, targets: list, reason: str,
                           *, mark: dict | None = None) -> int:
        """A later alert (escalation, no arrival) joins the others of this moment: a staff chat that several
        are bound for gets one digest, then each packet. Returns how many were reached."""
        loop = asyncio.get_running_loop()
        call = _Call(n, inc, person or {}, targets, "", loop.create_future())
        if not self._later_round:
            self._later_since = loop.time()
        if self._later_flush is not None:
            self._later_flush.cancel()  # another one joined: wait a moment more for the rest
        left = self._later_since + LATER_ROUND_MAX_SECONDS - loop.time()
        self._later_flush = loop.call_later(max(0.0, min(LATER_ROUND_SECONDS, left)), self._send_later_round)
        self._later_round.append(call)
        reached = await self._record_call(call, await call.done, level, reason, mark=mark)
        if _digested(call):
            self._background(self._full_packets(call))
        return reached

    def _send_later_round(self) -> None:
        batch, self._later_round, self._later_flush = self._later_round, [], None
        try:
            self._start_sends(batch, "packet.digest_escalated")
        except Exception as e:
            log.exception("a round of alerts could not be started")
            for call in batch:
                call.done.set_exception(e)
            return
        for call in batch:
            self._background(self._results(call))

    @staticmethod
    async def _results(call: _Call) -> None:
        try:
            call.done.set_result(await _sent(call))
        except Exception as e:
            call.done.set_exception(e)

    async def _record_call(self, call: _Call, results: list, level: int, reason: str, *, first: bool = False,
                           mark: dict | None = None) -> int:
        """A call's alert round, written down: the packets (not digests) are the messages later edits update; the
        packets owed to those that had it in a digest, written down with it (owed.py)."""
        packets = [(t[0], res.message_id, t[1]) for (t, _, whole), res in zip(call.sends, results)
                   if whole and res.ok and res.message_id]
        return await self._recorded(call.n, level, [t for t, _, _ in call.sends], results, reason, first=first,
                                    sent=packets, mark=mark, owe=self._owed(_digested(call)))

    def _digests(self, items: list, heading: str = "packet.digest_title") -> list:
        """As few messages as Telegram allows: at most DIGEST_MAX calls (one claim button each) and
        DIGEST_CHARS characters per message."""
        out, i = [], 0
        while i < len(items):
            size = min(DIGEST_MAX, len(items) - i)
            while True:
                chunk = items[i:i + size]
                text, buttons = render_digest(self.svc, [(f.inc, f.person) for f, _ in chunk], start=i + 1,
                                              total=len(items), heading=heading)
                if len(text) <= DIGEST_CHARS or size == 1:
                    break
                size = max(1, size * DIGEST_CHARS // len(text))
            out.append((i + 1, chunk, text, buttons))
            i += size
        return out
