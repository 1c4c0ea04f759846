"""Calls for help that reached the fallback while Redis was away: written down locally, stored once Redis is back.

The fallback (bot/fallback.py) writes each cry for help and 🆘, and each voice, photo or location it forwarded or held
back, to this process's journal (bot/journal.py, fsync'd) before it sends anything, and then whom its alert reached.
The outage job (every second; a directory listing while nothing waits, so it also runs at start-up: a process that
died during the outage replays its journal after the restart, and a live worker takes over a dead one's) sends each
entry through the engine's front door as if it had just come in: it becomes the normal incident — alerted with claim
buttons, escalating, on the desk and in the reports — whose packet says when it arrived and whom the fallback alert
reached; a voice held back then reaches whoever handles it. It is created at the time of the call (its timeline adds
when it was recorded), so its escalation counts from then: the levels overdue by now fire at once, one a tick, in
order; the rest when their time comes. What the replay would tell the caller again is kept back: they get one message
(bot/incidents/recovery.py), once an outage. Each entry is replayed once, by whichever process marks it first in
Redis, and one person's by one process at a time; a file is deleted only when Redis has every entry in it.
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import uuid
from contextlib import suppress
from contextvars import ContextVar
from pathlib import Path

from redis.exceptions import LockError, RedisError

from ..journal import Journal, JournalFile
from ..types import MEDIA, Inbound, Outbound, SendResult
from .outage_entries import EVENT_FIELDS, before_cries, event_of, merged
from .outage_known import KnownSenders
from .outage_orphans import Orphans
from .outage_pace import Chatter, CryPace
from .outage_replies import Replies
from .outage_words import BEFORE_CRY_SECONDS, SaidPace, TextCap, attach, tell_holders  # noqa: F401 (read here)
from .recovery import tell_recovered

log = logging.getLogger(__name__)
HANDLING_MS = 30_000  # a replayer that dies mid-entry holds it this long; then another one replays it
KEEP_SECONDS = 30 * 86400  # "done" marks outlive any journal file left behind by a crash before its deletion
GIVE_UP_AFTER = 5  # replays of one entry that broke (a bug, not Redis): then it is logged and let go

# the journaled call being replayed: every incident it opens carries when it came and whom the fallback reached
_REPLAYING: ContextVar[dict | None] = ContextVar("outage_replaying", default=None)


def replaying() -> dict | None:
    """The call being replayed (the fallback marks it failed instead of answering again), or None."""
    return _REPLAYING.get()


def outage_fields() -> dict:
    """An incident's fields saying it arrived during an outage (bot/incidents/lifecycle.py: every new incident)."""
    late = _REPLAYING.get()
    return {"outage": {"at": late["at"], "to": late["to"]}} if late else {}


def called_at(now: float) -> float:
    """When the call being handled was made: a replayed call's journaled time (its escalation counts from then, so
    the levels overdue by now fire at once), else `now`."""
    late = _REPLAYING.get()
    return min(float(late["at"]), now) if late and late.get("at") else now


def recorded_late(n: int) -> dict | None:
    """The timeline entry saying incident `n` was recorded only now, after the outage (None: not a replayed call);
    the incident is noted for the message its caller gets at the end (bot/incidents/recovery.py)."""
    late = _REPLAYING.get()
    if late is None:
        return None
    late.setdefault("incidents", []).append(n)
    return {"event": "outage_recorded"}


def keep_back(msg: Outbound) -> SendResult | None:
    """The outbox's hold: while a journaled call is replayed, what would go to the person who made it (or to the group
    they made it in) is kept back. They heard the fallback then; minutes later they get one message instead, once
    all their calls are stored (bot/incidents/recovery.py). None: this message goes."""
    late = _REPLAYING.get()
    if late is None or msg.chat_id not in late["quiet"]:
        return None
    late["kept"].append(msg)
    return SendResult(True)


def journal_folder(settings) -> Path:
    """This committee's journal folder: `redis.journal_dir`, one folder per key prefix (one per committee)."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", settings.redis.prefix).strip("_") or "nc"
    return settings.path(settings.redis.journal_dir) / name


class Outage:
    def __init__(self, svc, journal: Journal) -> None:
        self.svc, self.journal = svc, journal
        self.handle = None  # the engine's front door (`attach`)
        self._tries: dict[str, int] = {}
        self._waiting = False  # "calls wait for Redis" logged once an outage, not every second
        self._replaying = asyncio.Lock()  # one replay at a time in this process (its files' locks are its own)
        self.pace = SaidPace(svc.clock)  # a caller's words after their cry, to staff (bot/incidents/outage_words.py)
        self.cries = CryPace(svc.clock)  # one sender's cries alerted by the fallback: a few a minute, all journaled
        self.texts = TextCap(svc.clock)  # anyone's texts journaled: a flood is not (bot/incidents/outage_words.py)
        self.chatter = Chatter(svc, journal)  # nor everyone's with no call behind them (outage_pace.py)
        self.known = KnownSenders(svc, journal.folder)  # whose cry goes first (the register's ids, on disk)
        self.orphans = Orphans(svc, journal)  # cries a dead process journaled but never alerted (outage_orphans.py)
        self.replies = Replies(svc, journal)  # callers' replies that never got to them (outage_replies.py)
        if keep_back not in svc.outbox.holds:
            svc.outbox.holds.append(keep_back)  # what a replayed call would tell its caller again

    def attach(self, handle) -> None:
        self.handle = handle

    async def note(self, ev: Inbound, *, cried: str, held: bool, said: str = "", loose: bool = False,
                   context: bool = False, token: str | None = None, asked: bool = False,
                   reply: Outbound | None = None) -> str | None:
        """The call written down, before anything is sent (`said`: the id of the cry these words came after; `loose`:
        words typed with no cry in the journal, for a call open before the outage, `asked`: a request whose line goes
        to staff now; `context`: a cry only in what came before, outage_context.py; `token`: its 🆘's, whose round
        trip broke, unanswered.py; `reply`: the caller's, owed until `reached` says it got there, outage_replies.py).
        Its entry's id; None if the disk failed too."""
        entry = {"v": 1, "id": uuid.uuid4().hex, "at": self.svc.clock.ts(), "cried": cried, "held": held,
                 "ev": {k: v for k, v in dataclasses.asdict(ev).items() if k in EVENT_FIELDS}}
        if context:
            entry["context"] = True
        if token:  # the replay's round trip uses it again: a call Redis stored meanwhile is this one
            entry["token"] = token
        if asked:  # its line, if it reaches nobody, is sent again like a cry's alert (outage_orphans.py)
            entry["asked"] = True
        if said or loose:
            entry["said" if said else "loose"] = said or True
        if reply is not None:  # a process that dies before it is known to have got there leaves it owed
            entry.update(reply_to=reply.chat_id, reply=reply.text, reply_tried=entry["at"])
        return entry["id"] if await self._write(entry) else None

    async def cry_of(self, user_id: int) -> dict | None:
        """This person's latest cry for help waiting in the journal (made during this outage, not yet stored): its
        id and whom the alerts of their cries reached; None when they made none. Any process's journal counts."""
        if not self.journal.waiting():
            return None
        entries = await asyncio.to_thread(self.journal.peek)
        cries = [e for e in entries if e.get("cried") and (e.get("ev") or {}).get("user_id") == user_id]
        if not cries:
            return None
        latest = max(cries, key=lambda e: e.get("at", 0))
        return {"id": latest["id"], "to": {name for e in cries for name in e.get("to") or ()}}

    async def reached(self, entry_id: str, names: list[str] | None, reply: dict | None = None) -> None:
        """Whom the fallback's alert reached, for the incident's packet later (None: no alert of its own, a repeat);
        `reply`: whether the caller's reply got there, else what it said (outage_replies.py)."""
        await self._write({"id": entry_id, **({} if names is None else {"to": names}), **(reply or {})})

    async def _write(self, entry: dict) -> bool:
        try:
            await asyncio.to_thread(self.journal.append, entry)
            return True
        except OSError as e:
            log.error("outage journal could not be written (%s): this call lives only in the alerts sent", e.strerror)
            return False

    # --- once Redis answers again ---------------------------------------------------------------------------
    async def job(self) -> None:
        """The scheduled job: the journal replayed if any (cheap otherwise); open calls' people, signed-up ids read."""
        await self.chatter.know_open_callers()
        await self.known.refresh()
        if self.handle is None or not self.journal.waiting():
            return
        try:
            await self.svc.store.ping()  # while Redis is away the journal stays as it is (this process's file open)
            await self.replay()
        except (RedisError, LockError, OSError) as e:
            await self.orphans.alert()  # Redis away: staff hear of a dead process's cries now, not once it is back
            await self.replies.send()  # and callers whose reply failed read it
            if not self._waiting:
                self._waiting = True
                log.warning("calls in the outage journal wait for Redis (%s); tried every second", type(e).__name__)
            return
        if self._waiting:
            self._waiting = False
            log.warning("Redis answers again: the calls in the outage journal are stored")

    async def replay(self) -> None:
        async with self._replaying:
            await self._replay()

    async def _replay(self) -> None:
        files = await asyncio.to_thread(self.journal.read_all)
        try:
            unfinished: set[Path] = set()
            by_person: dict = {}  # each person's calls in the order they came; different people's side by side
            loose: list = []  # words typed with no cry of theirs: joined a call open now (its holders told), or None
            entries, follows = merged(files)
            for entry, file in sorted(entries, key=lambda x: x[0].get("at", 0)):
                by_person.setdefault((entry.get("ev") or {}).get("user_id"), []).append((entry, file))
            done = await asyncio.gather(*(self._replay_theirs(uid, before_cries(items), unfinished, loose)
                                          for uid, items in by_person.items()), return_exceptions=True)
            await tell_holders(self.svc, loose)
            if broken := [e for e in done if isinstance(e, BaseException)]:
                raise broken[0]  # Redis away again (the rest wait for the next run), or this process stopping
            unfinished |= {path for path, of in follows.items() if of & unfinished}
            for file in files:
                if file.ours and file.path not in unfinished:
                    self._remove(file)
        finally:
            self.journal.let_go(files)

    async def _replay_theirs(self, uid: int | None, items: list, unfinished: set[Path], loose: list) -> None:
        """One person's entries, in order, by one process at a time: whichever replays them tells them once, with
        the question their calls left open (another process finds them taken and leaves them to it)."""
        store, holder = self.svc.store, uuid.uuid4().hex
        if uid is not None and not await store.take_caller(uid, holder, HANDLING_MS):
            unfinished.update(file.path for _, file in items)
            return
        try:
            await self._replay_each(items, unfinished, loose)
        finally:  # also when Redis fails again: their calls left wait the next second's run, not the lease's 30 s
            with suppress(RedisError, OSError):  # Redis away: the lease lapses by itself
                if uid is not None:
                    await store.release_caller(uid, holder)

    async def _replay_each(self, items: list, unfinished: set[Path], loose: list) -> None:
        heard: list[dict] = []  # their calls stored by this run: they hear one message once all are stored
        waiting: set[str] = set()  # their entries not stored yet: the words said after one wait with it
        for entry, file in items:  # (and any typed after one: the call they join may be that one)
            if entry.get("said") in waiting or entry.get("loose") and waiting or not await (
                    self._attach_one(entry, heard, loose) if entry.get("said") or entry.get("loose")
                    else self._replay_one(entry, heard)):
                unfinished.add(file.path)
                waiting.add(str(entry.get("id")))
        if heard:  # once an outage, whichever run stored which of their calls
            await tell_recovered(self.svc, heard, since=min(float(e.get("at") or 0) for e, _ in items))

    def _remove(self, file: JournalFile) -> None:
        if file.unreadable:
            log.warning("outage journal %s: %s unreadable line(s) skipped; every other call in it is stored",
                        file.path.name, file.unreadable)
        self.journal.remove(file)

    async def _replay_one(self, entry: dict, heard: list[dict]) -> bool:
        """Whether Redis has this entry now (replayed here or elsewhere); one replayed here is added to `heard`."""
        store, key = self.svc.store, str(entry["id"])
        state = await store.begin_replay(key, HANDLING_MS)
        if state != "new":
            return state == "done"
        ev, cried = event_of(entry)
        late = {"at": entry.get("at"), "to": entry.get("to"), "failed": False, "ev": ev, "kept": [], "entry": key,
                "token": entry.get("token"),
                "quiet": {entry["ev"].get("chat_id"), ev.chat_id, ev.group_id} - {None} if ev else set()}
        if ev is not None and await self._worth_replaying(entry, ev):
            token = _REPLAYING.set(late)
            try:
                await self.handle(ev, cried=cried)
            finally:
                _REPLAYING.reset(token)
            if not late["failed"] and (late.get("incidents") or not entry.get("loose")):
                heard.append(late)  # (words read with nothing to record, "你好", are not told "recorded")
        if late["failed"]:
            await store.ping()  # Redis away again: the entry waits (its mark lapses), no try counted
            tries = self._tries[key] = self._tries.get(key, 0) + 1
            if tries < GIVE_UP_AFTER:
                await store.drop_replay(key)  # tried again next second (if Redis is away again, this fails too)
                return False
            log.error("a call in the outage journal could not be stored after %s tries; let go", tries)
        self._tries.pop(key, None)
        await store.finish_replay(key, KEEP_SECONDS)
        return True

    async def _attach_one(self, entry: dict, heard: list[dict], loose: list) -> bool:
        """Words said after a cry: attached to its incident, never replayed through the conversation (they answered
        the fallback, not a question); words typed with no call of theirs to join ("帮我买点菜") are read as if just
        typed, in their turn, as words a cry only in context are (a request reaches staff). Whether Redis has them now."""
        if entry.get("loose") and (entry.get("token") and await self.svc.store.call_of_token(entry["token"]) or
                                   not await self.svc.incidents.open_calls_of((entry.get("ev") or {}).get("user_id"))):
            return await self._replay_one(entry, heard)  # (a request a hung Redis stored meanwhile: its own call)
        store, key = self.svc.store, str(entry["id"])
        state = await store.begin_replay(key, HANDLING_MS)
        if state != "new":
            return state == "done"
        opened = [n for late in heard if late["entry"] == entry.get("said") for n in late.get("incidents", ())]
        try:
            joined = await attach(self.svc, entry, opened)
            if entry.get("loose"):
                loose.extend([None] if joined is None else joined)
        except (RedisError, LockError, OSError):
            raise  # Redis away again: tried again once its mark lapses
        except Exception:  # a bug: they reached staff during the outage all the same
            log.exception("words said during the outage could not be attached to their call; let go")
        await store.finish_replay(key, KEEP_SECONDS)
        return True

    async def _worth_replaying(self, entry: dict, ev: Inbound) -> bool:
        """A stranger's voice or photo that reached staff then has nothing to escalate: it is not sent again."""
        if ev.kind not in MEDIA or entry.get("held") or entry.get("cried"):
            return True
        return bool(await self.svc.store.resident_by_tg(ev.user_id) or await self.svc.store.contact_account(ev.user_id))

    async def close(self) -> None:
        self.journal.close()
