"""The measuring side: a Bot API test server that timestamps when it hands a user's update out and when
the answering sendMessage arrives, and the two load shapes (one at a time, N at once).

Both timestamps are taken by the server (time.perf_counter() in its process), so they compare directly.
"""
from __future__ import annotations

import asyncio
import gc
import re
import time
from dataclasses import dataclass, field
from typing import Any

from bot.testing.botapi_server import BotAPIServer

FIRST_RESIDENT_TG = 700_000  # residents' Telegram ids start here; staff ids are below
PHONE = re.compile(r"1\d{10}")


# --- which sendMessage is which (plain classes, so they can be sent to the server's process) ----------------
@dataclass
class ReplyTo:
    """Any message to a resident's chat: an echo bot's reply."""

    needle: str = ""

    def __call__(self, chat: int, text: str) -> int | None:
        return chat if chat >= FIRST_RESIDENT_TG and self.needle in text else None


@dataclass
class ReplyToOneOf:
    """A message to a resident's chat containing any of the needles."""

    needles: tuple[str, ...]

    def __call__(self, chat: int, text: str) -> int | None:
        return chat if chat >= FIRST_RESIDENT_TG and any(n in text for n in self.needles) else None


@dataclass
class AlertFor:
    """A staff alert; the resident is found by the phone number printed in it. A digest (several calls that
    arrived together, in one message) is the alert for every resident it lists."""

    staff: frozenset[int]
    title: str
    phones: dict[str, int]  # resident phone -> their Telegram id
    exclude: str = ""  # e.g. a digest's heading, to pick out the full packets only

    def __call__(self, chat: int, text: str) -> list[int] | None:
        if chat not in self.staff or self.title not in text or (self.exclude and self.exclude in text):
            return None
        return [self.phones[p] for p in PHONE.findall(text) if p in self.phones] or None


@dataclass
class Subject:
    """A bot under test, as the server sees it."""

    name: str
    text: str  # what each user sends
    matcher: Any  # (chat, text) of a sendMessage -> user id (or ids) if it is the measured reply
    finisher: Any  # (chat, text) -> user id if it shows the bot has finished with that user's update
    failure: str = ""  # text of the message a user gets when the bot could not handle the update
    detail: Any = None  # (chat, text) -> user id(s) if it is the full responder packet (reported beside)
    typed: str = ""  # what every `typed_every`-th user types instead (a typed cry for help, in the same mix)
    typed_every: int = 0

    def text_for(self, uid: int) -> str:
        return self.typed if self.typed_every and uid % self.typed_every == 0 else self.text


class TimedBotAPIServer(BotAPIServer):
    """BotAPIServer plus, per user: update handed out, measured reply arrived, bot done with it."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.subject: Subject | None = None
        self.handed_out: dict[int, float] = {}  # user id -> first getUpdates answer carrying their update
        self.arrived: dict[int, float] = {}  # user id -> first sendMessage the subject's matcher picks
        self.finished: set[int] = set()  # users whose update the bot has finished with (or failed on)
        self.failed: set[int] = set()  # users who were told something went wrong
        self.detailed: dict[int, float] = {}  # user id -> the full packet about them arrived
        self.requests: dict[str, int] = {}  # method -> count, to see how many calls the bot makes

    async def execute(self, method: str, params: dict[str, Any], token: str) -> dict:
        name = method.lower()
        if name == "sendmessage" and self.subject:
            at = time.perf_counter()  # before any work of the server's, so its own cost is not counted
            self._observe(_int(params.get("chat_id")), str(params.get("text", "")), at)
        self.requests[name] = self.requests.get(name, 0) + 1
        if name == "getupdates" and self.requests[name] == 1:
            self.notify()  # polling has begun (the call itself may now wait up to its long-poll timeout)
        body = await super().execute(method, params, token)
        if name == "getupdates" and body.get("ok") and body["result"]:
            at = time.perf_counter()  # the answer is built; next it is written to the socket
            for update in body["result"]:
                sender = _sender(update)
                if sender is not None:
                    self.handed_out.setdefault(sender, at)
        return body

    def _observe(self, chat: int, text: str, at: float) -> None:
        s = self.subject
        if (who := s.matcher(chat, text)) is not None:
            for user in who if isinstance(who, list) else [who]:
                self.arrived.setdefault(user, at)
        if s.detail and (who := s.detail(chat, text)) is not None:
            for user in who if isinstance(who, list) else [who]:
                self.detailed.setdefault(user, at)
        if (who := s.finisher(chat, text)) is not None:
            self.finished.add(who)
        if s.failure and chat not in self.failed and s.failure in text:
            self.failed.add(chat)
            self.finished.add(chat)


def _int(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


def _sender(update: dict) -> int | None:
    for kind in ("message", "callback_query", "edited_message"):
        if kind in update:
            return update[kind]["from"]["id"]
    return None


# --- the two load shapes ------------------------------------------------------------------------------
Result = tuple[list[float], int, int, float]  # latencies (s), no alert, got the error reply, burst wall time


async def _settle(api: TimedBotAPIServer, ids: list[int], timeout: float, quiet: float = 3.0) -> None:
    """Until every user is finished with, or nothing has moved for `quiet` seconds."""
    target = len(api.finished) + sum(i not in api.finished for i in ids)
    deadline = time.monotonic() + timeout
    while len(api.finished) < target and (left := deadline - time.monotonic()) > 0:
        seen = len(api.finished), len(api.arrived)
        if not await api.wait_until(lambda: (len(api.finished), len(api.arrived)) != seen, min(quiet, left)):
            return


def _tally(api: TimedBotAPIServer, ids: list[int]) -> Result:
    done = [i for i in ids if i in api.arrived]
    got = [api.arrived[i] - api.handed_out[i] for i in done]
    wall = max(api.arrived[i] for i in done) - min(api.handed_out[i] for i in ids if i in api.handed_out) \
        if done else 0.0
    return got, len(ids) - len(done), sum(i in api.failed for i in ids), wall


async def one_at_a_time(api: TimedBotAPIServer, ids: list[int], pause: float = 0.02) -> Result:
    """Each user sends once; the next only after the bot has finished with the previous one."""
    for uid in ids:
        await api.user(uid).send_text(api.subject.text_for(uid))
        await _settle(api, [uid], timeout=10)
        await asyncio.sleep(pause)  # lets the previous request's tail (send log, lock release) finish
    return _tally(api, ids)


async def all_at_once(api: TimedBotAPIServer, ids: list[int], timeout: float = 60) -> Result:
    """Every user's update is queued before the loop yields, i.e. in the same instant."""
    for uid in ids:
        user = api.user(uid)
        api.incoming(user.chat, user.obj, {"text": api.subject.text_for(uid)})
    await _settle(api, ids, timeout)
    return _tally(api, ids)


async def detail_times(api: TimedBotAPIServer, ids: list[int], timeout: float) -> list[float]:
    """Update handed out → full packet, for those of `ids` whose packet arrives within `timeout`."""
    await api.wait_until(lambda: all(i in api.detailed for i in ids), timeout)
    return [api.detailed[i] - api.handed_out[i] for i in ids if i in api.detailed and i in api.handed_out]


# --- results -------------------------------------------------------------------------------------------
@dataclass
class Samples:
    one: list[float] = field(default_factory=list)  # seconds, one request at a time
    burst: list[float] = field(default_factory=list)  # seconds, N at once (all bursts pooled)
    burst_wall: list[float] = field(default_factory=list)  # first hand-out -> last alert, per burst
    packet: list[float] = field(default_factory=list)  # seconds to the full packet, N at once (see Subject.detail)
    lost: dict[str, int] = field(default_factory=dict)  # load -> requests with no measured reply
    failed: dict[str, int] = field(default_factory=dict)  # load -> requests answered with the error reply
    requests: dict[str, int] = field(default_factory=dict)  # Bot API calls the subject made, by method
    updates_total: int = 0  # updates the subject was sent, warm-up included
    gc_pauses: list[float] = field(default_factory=list)  # full (generation 2) collections in the bot's process
    redis_per_update: float | None = None  # Redis commands per measured update
    throttled: bool = False  # the subject's own limiter paced it; its burst was cut off at the window


class GcWatch:
    """Records how long each full garbage collection in this process stops everything."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self._start = 0.0

    def _cb(self, phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.pauses.append(time.perf_counter() - self._start)

    def __enter__(self) -> "GcWatch":
        gc.callbacks.append(self._cb)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._cb)


def percentile(samples: list[float], q: float) -> float:
    """Nearest rank: p99 of 200 samples is the 198th smallest, a value that was really seen."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), -(-round(q * 1000) * len(ordered) // 1000)))
    return ordered[rank - 1]
