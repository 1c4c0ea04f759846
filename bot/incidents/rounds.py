"""Alert rounds: the calls of one moment sent together, as few messages per staff chat as Telegram allows
(a digest listing them all, each with its claim button, then each full packet)."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from ..types import Outbound
from . import packet_order
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
    """An alert round's call on its way to staff: what to render, and its send to each target (`_Send`). `done` tells
    whoever waits for it how it went; `token` is a fast-lane call's lock."""

    n: int
    inc: dict
    person: dict
    targets: list[tuple[int, str, str]]
    token: str
    done: asyncio.Future
    sends: list[_Send] = field(default_factory=list)


@dataclass(eq=False)
class _Box:
    """Alerts bound for one chat that leave in one message when its turn comes: its call's packet if it holds one, else
    a digest of them all. A staff chat's box takes more calls until then (Telegram lets one message a second into a
    chat: calls half a second apart would otherwise each wait for the chat's next second)."""

    key: tuple
    heading: str
    sends: list[_Send] = field(default_factory=list)
    task: asyncio.Future | None = None
    msg: Outbound | None = None  # made when the chat's turn came; nothing joins after
    whole: bool = False  # the message is a call's full packet (not a digest)


@dataclass(eq=False)
class _Send:
    call: _Call
    target: tuple[int, str, str]
    box: _Box | None = None
    after: asyncio.Future | None = None  # the packet of the call listed above it in a digest: sent (packet_order.py)
    turn: asyncio.Future | None = None  # its own packet sent: the call listed below it goes next


async def _sent(call: _Call) -> list:
    """The results of a call's sends, one per target (a digest's result counts for each call in it)."""
    out = []
    for send in call.sends:
        while True:  # a digest too long for one message hands the rest on to the next (`_made`)
            box = send.box
            result = await box.task
            if send.box is box:
                break
        out.append(result)
    return out


def _settle(done: asyncio.Future, result=None, error: BaseException | None = None) -> None:
    """A call's round has ended: its result (or error) for whoever waits; nobody does if that waiter was cancelled
    (the bot stopping), and the round's work ends quietly."""
    if done.done():
        return
    if error is not None:
        done.set_exception(error)
    else:
        done.set_result(result)


def _digested(call: _Call) -> list[tuple[int, str, str]]:
    """The targets that got this call in a digest, and so still need its full packet."""
    return [s.target for s in call.sends if not s.box.whole]


class Rounds:
    """Sending calls in rounds, and the background work that follows them (part of `Incidents`)."""

    def _start_sends(self, batch: list[_Call], heading: str) -> None:
        """Each call's message to each of its targets: to a staff chat, with the other calls waiting for its turn
        (`_Box`); family always get their own packet."""
        for call in batch:
            for target in call.targets:
                send = _Send(call, target)
                call.sends.append(send)
                self._box_for(send, heading).sends.append(send)

    def _box_for(self, send: _Send, heading: str) -> _Box:
        chat, role, _ = send.target
        urgent = send.call.inc["kind"] in URGENT_KINDS
        key = (chat, urgent)
        box = self._boxes.get(key) if role == "staff" else None
        if box is None or box.task.done():  # none open for the chat (or its send ended without its turn coming)
            box = _Box(key, heading)
            box.task = asyncio.ensure_future(self.svc.outbox.send(
                Outbound(chat, "", urgent=urgent, tag=f"alert:{send.call.n}"), at_send=lambda: self._made(box)))
            if role == "staff":
                self._boxes[key] = box
                box.task.add_done_callback(lambda _: self._close(box))
        elif heading == "packet.digest_title":  # new calls among escalated ones: the digest says so
            box.heading = heading
        send.box = box
        return box

    def _close(self, box: _Box) -> None:
        """No more calls join the box: its message is being made, or its send ended."""
        if self._boxes.get(box.key) is box:
            del self._boxes[box.key]

    def _made(self, box: _Box) -> Outbound:
        """A box's message, now that its chat's turn has come: the box closes (a later call opens the next)."""
        if box.msg is not None:
            return box.msg
        self._close(box)
        chat, urgent = box.key[:2]
        if len(box.sends) == 1:
            send = box.sends[0]
            box.whole, box.msg = True, self._messages(send.call.n, send.call.inc, send.call.person, [send.target])[0]
            return box.msg
        packet_order.chain(box.sends)
        for i, (_, chunk, text, buttons) in enumerate(self._digests([(s.call, s) for s in box.sends], box.heading,
                                                                    self.svc.staff_locale(chat))):
            msg = Outbound(chat, text, buttons=buttons, urgent=urgent, tag=f"alert:digest:{chunk[0][0].n}")
            if not i:
                box.msg = msg
                continue
            more = _Box(box.key, box.heading, [s for _, s in chunk], msg=msg)  # too long for one: the next message
            more.task = asyncio.ensure_future(self.svc.outbox.send(msg))
            for send in more.sends:
                send.box = more
        return box.msg

    def pending(self) -> list[asyncio.Task]:
        """Alert work still running in the background (for a clean shutdown)."""
        return list(self._sending)

    def background(self, coro) -> asyncio.Task:
        """Alert work that runs on by itself (its task kept, for `pending` and a clean shutdown)."""
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
        try:
            reached = await self._record_call(call, await call.done, level, reason, mark=mark)
        except BaseException:
            packet_order.done(call)  # the calls listed below it in a digest need not wait for its packets
            raise
        if _digested(call):
            self.background(self._full_packets(call))
        return reached

    def _send_later_round(self) -> None:
        batch, self._later_round, self._later_flush = self._later_round, [], None
        try:
            self._start_sends(batch, "packet.digest_escalated")
        except Exception as e:
            log.exception("a round of alerts could not be started")
            for call in batch:
                _settle(call.done, error=e)
            return
        for call in batch:
            self.background(self._results(call))

    @staticmethod
    async def _results(call: _Call) -> None:
        try:
            results = await _sent(call)
        except Exception as e:
            _settle(call.done, error=e)
        else:
            _settle(call.done, results)

    async def _record_call(self, call: _Call, results: list, level: int, reason: str, *, first: bool = False,
                           mark: dict | None = None) -> int:
        """A call's alert round, written down: the packets (not digests) are the messages later edits update; the
        packets owed to those that had it in a digest, written down with it (owed.py)."""
        packets = [(s.target[0], res.message_id, s.target[1]) for s, res in zip(call.sends, results)
                   if s.box.whole and res.ok and res.message_id]
        return await self._recorded(call.n, level, [s.target for s in call.sends], results, reason, first=first,
                                    sent=packets, mark=mark, owe=self._owed(_digested(call)))

    def _digests(self, items: list, heading: str = "packet.digest_title", locale: str | None = None) -> list:
        """As few messages as Telegram allows: at most DIGEST_MAX calls (one claim button each) and
        DIGEST_CHARS characters per message."""
        out, i = [], 0
        while i < len(items):
            size = min(DIGEST_MAX, len(items) - i)
            while True:
                chunk = items[i:i + size]
                text, buttons = render_digest(self.svc, [(f.inc, f.person) for f, _ in chunk], start=i + 1,
                                              total=len(items), heading=heading, locale=locale)
                if len(text) <= DIGEST_CHARS or size == 1:
                    break
                size = max(1, size * DIGEST_CHARS // len(text))
            out.append((i + 1, chunk, text, buttons))
            i += size
        return out
