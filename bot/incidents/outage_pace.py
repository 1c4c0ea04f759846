"""Everyone's ordinary texts during an outage, bounded together: a crowd of strangers, or several worker processes
each journaling their share, cannot grow the outage journal without end.

Every text typed while Redis is away is journaled (bot/fallback.py), as it may be about a call open since before the
outage; one sender's are capped (outage_words.TextCap), but a thousand senders each within their own cap were not.
Texts with no call behind them — a stranger's, a resident's ordinary chatter — are now journaled together at most
CHATTER_AT_ONCE, then CHATTER_PER_MINUTE (in this process), and none while the journal folder (every process's files)
holds CHATTER_BYTES (once Redis is back they are read as if just typed: "帮我买点菜" becomes a request). Never
capped here: a cry for help, words after one's own cry, and the texts of anyone with an open call — its resident,
the family and doctor the register names, whoever reported it — as Redis last said (while it answers, every
OPEN_CALLERS_SECONDS and within a second of any call being opened or given its resident; at once in the process that
opened it), their ids also kept beside the journal (`CALLERS`) for a process that started just before the outage and
never read them itself.

One sender's cries reach staff through the fallback as one alert, then their repeats as short lines, one a minute
(`CryPace`): someone crying 救命 every minute does not send every staff chat a full alert each time. Those counted
meanwhile are told by the fallback's own timer (`tell_held_cries`, every second, no Redis needed), "又发来 N 次", as
soon as the minute is over. Different senders are never capped together while Redis is away: the register cannot be
read, so a stranger cannot be told from a resident who signed up a minute ago (Redis, once back, caps the strangers'
calls as ever: bot/incidents/stranger_call.py).
"""
from __future__ import annotations

import asyncio
import logging
import math

from redis.exceptions import RedisError

from ..journal import read_whole, write_whole
from ..types import Outbound
from .outage_words import SENDERS_KEPT
from .repeats import REPEAT_INTERVAL_SECONDS

log = logging.getLogger(__name__)
CHATTER_AT_ONCE = 200  # everyone's texts with no call behind them journaled at once in this process ...
CHATTER_PER_MINUTE = 60  # ... then this many a minute
CHATTER_BYTES = 4 * 1024 * 1024  # and none while the journal folder holds this much
OPEN_CALLERS_SECONDS = 15  # who has an open call is read again this often while Redis answers (failed: next run)
CALLERS = "open-callers.json"  # their Telegram ids beside the journal: a worker that never read them takes them there
REPEAT_SECONDS = 600  # a sender's cry this soon after their fallback alert is a repeat: a short line, no new alert


class Chatter:
    def __init__(self, svc, journal) -> None:
        self.svc, self.journal = svc, journal
        self.callers: set[int] = set()  # Telegram ids whose texts may be about an open call (as of `_known_at`)
        self._known_at, self._seq = -math.inf, -1  # when last read, and the incident counter then
        self._latest = 0  # the incident counter as the scheduler's tick last read it (scheduler/__init__.py)
        self._noted: dict[int, float] = {}  # residents of calls this process opened: when
        self._left, self._at = float(CHATTER_AT_ONCE), None
        self._on_disk: frozenset[int] | None = None  # the ids as last written (None: not by this process)

    def opened(self, tg_id) -> None:
        """A call this process just stored: its resident's texts are his call's from now on, not at the next read
        (his family's and doctor's ids come with that read, within a second: `know_open_callers`)."""
        if tg_id:
            self.callers.add(int(tg_id))
            self._noted[int(tg_id)] = self.svc.clock.ts()

    def seq_seen(self, seq: int) -> None:
        """The incident counter (plus the calls named later), from the scheduler's one read a tick: higher than at the
        last read, a call was opened, or given its resident, by some worker since (no round trip of its own: 50 idle
        committees still cost one a tick)."""
        self._latest = max(self._latest, seq)

    async def know_open_callers(self) -> None:
        """While Redis answers: whose texts may be about an open call — each open call's resident, and the family
        and doctor the register names for them (as alerting reaches them). Redis away: the last known stay.

        Read every OPEN_CALLERS_SECONDS, and at once when any process has opened a call since (the counter the
        scheduler's tick reads, `seq_seen`): a call opened in the seconds before an outage counts. Read as long as
        Redis takes to answer (its own time-outs bound a hung one; the breaker fails the rest at once). One that
        failed is tried the next run."""
        now, store = self.svc.clock.ts(), self.svc.store
        if now - self._known_at < OPEN_CALLERS_SECONDS and self._latest <= self._seq:
            return
        try:
            seq = max(self._latest, await store.calls_changed())  # read first: a call opened meanwhile reads again
            calls = [inc for inc in await asyncio.gather(*(store.incident(n) for n in await store.open_incident_ids()))
                     if inc and inc.get("status") != "resolved"]
            rids = {inc.get("resident") for inc in calls} - {None, ""}
            people = [p for p in await asyncio.gather(*(store.resident(rid) for rid in rids)) if p]
            # who reported it (a doctor's call about one of her patients, not yet said which; a stranger's) too
            told = [inc.get("reporter") or {} for inc in calls]
            phones = [c["phone"] for p in people for c in [*p.get("contacts", []), p.get("doctor") or {}]
                      if c.get("phone")] + [r["phone"] for r in told if r.get("phone")]
            linked = await store.telegram_ids_by_phone(phones)
        except (RedisError, OSError, TimeoutError):
            return
        self._known_at, self._seq = now, seq
        self._noted = {tg: at for tg, at in self._noted.items() if at >= now}  # opened while this read ran
        self.callers = {int(p["tg_id"]) for p in people if p.get("tg_id")} | {tg for tg, _ in linked} | set(self._noted)
        self.callers |= {int(r["tg_id"]) for r in told if str(r.get("tg_id", "")).isdigit()} | {
            inc["stranger"] for inc in calls if type(inc.get("stranger")) is int and inc["stranger"] > 1}
        if (ids := frozenset(self.callers)) != self._on_disk:
            try:
                await asyncio.to_thread(write_whole, self.journal.folder / CALLERS, {"v": 1, "ids": sorted(ids)})
                self._on_disk = ids
            except OSError as e:  # this process still knows them; a new one would treat their texts as chatter
                log.warning("open callers' ids could not be written (%s)", e.strerror)

    async def has_call(self, sender: int) -> bool:
        """Whether `sender`'s texts may be about an open call: as Redis last said to this process, or — a process that
        never read it (started just before the outage) — as the last worker that did wrote beside the journal."""
        if self._known_at == -math.inf and self._on_disk is None:
            self._on_disk = await asyncio.to_thread(read_whole, self.journal.folder / CALLERS, lambda body: frozenset(
                int(i) for i in body["ids"]), "list of open callers", "their texts are read as anyone's") or frozenset()
            self.callers |= self._on_disk
        return sender in self.callers

    def keeps(self, sender: int) -> bool:
        """Whether a text of `sender`'s, no cry of theirs behind it, is journaled."""
        if sender in self.callers:
            return True
        now = self.svc.clock.ts()
        left = self._left if self._at is None else min(
            CHATTER_AT_ONCE, self._left + (now - self._at) * CHATTER_PER_MINUTE / 60)
        self._at = now
        if left < 1 or self.journal.size() >= CHATTER_BYTES:
            self._left = left
            return False
        self._left = left - 1
        return True


def call_opened(svc, tg_id) -> None:
    """This process stored a call for the person with `tg_id`: their texts in an outage starting now are kept."""
    if svc.outage is not None:
        svc.outage.chatter.opened(tg_id)


class CryPace:
    """One sender's cries alerted by the fallback, in this process on `clock`: the first a full alert; their repeats
    within REPEAT_SECONDS of it short lines — the first of a minute at once, the rest counted and told by `due` once
    the minute is over — as a resident's repeats reach staff with Redis up (bot/incidents/repeats.py). Different
    senders are never paced together: whether one is a resident cannot be read while Redis is away."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self._alerted: dict[int, float] = {}  # sender: when their last full alert went
        self._line: dict[int, float] = {}  # sender: when their last short line went
        self._held: dict[int, tuple[int, str]] = {}  # sender: (cries counted since, the latest one's words)
        self._names: dict[int, str] = {}  # sender: who they are, as their alert said

    def take(self, sender: int, words: str) -> tuple[str | None, int]:
        """("alert", n): a full alert; ("again", n): a short line now; (None, 0): counted. `n`: how many of theirs
        were counted and not told yet (the timer did not run meanwhile)."""
        now = self.clock.ts()
        if len(self._alerted) >= SENDERS_KEPT:  # those whose repeats are over are forgotten first
            self._alerted = {k: at for k, at in self._alerted.items() if now - at < REPEAT_SECONDS or k in self._held}
            self._line = {k: at for k, at in self._line.items() if k in self._alerted}
            self._names = {k: v for k, v in self._names.items() if k in self._alerted}
        if now - self._alerted.get(sender, -math.inf) >= REPEAT_SECONDS:
            self._alerted[sender] = now
            self._line.pop(sender, None)
            return "alert", self._held.pop(sender, (0, ""))[0]
        if now - self._line.get(sender, -math.inf) >= REPEAT_INTERVAL_SECONDS:
            self._line[sender] = now
            return "again", self._held.pop(sender, (0, ""))[0]
        self._held[sender] = (self._held.get(sender, (0, ""))[0] + 1, words)
        return None, 0

    def named(self, sender: int, name: str) -> None:
        self._names[sender] = name

    def name_of(self, sender: int) -> str | None:
        return self._names.get(sender)

    def due(self) -> list[tuple[int, str, int, str]]:
        """Whose cries counted may now be told (sender, who, how many, the latest words): each told is their line
        of that minute."""
        now, out = self.clock.ts(), []
        for sender, (count, words) in list(self._held.items()):
            if now - self._line.get(sender, -math.inf) >= REPEAT_INTERVAL_SECONDS:
                self._line[sender] = now
                del self._held[sender]
                out.append((sender, self._names.get(sender) or str(sender), count, words))
        return out


async def tell_held_cries(outage) -> None:
    """The fallback's own timer: staff hear of the cries held back by the pace once it lets one more through."""
    svc = outage.svc
    for sender, name, count, words in outage.cries.due():
        text = svc.cat.t("fallback.cries_again", name=name, count=count, words=words)
        await asyncio.gather(*(svc.outbox.send(Outbound(st.telegram_id, text, urgent=True, tag="fallback:again"))
                               for st in svc.settings.staff if st.telegram_id not in (None, sender)),  # not hers
                             return_exceptions=True)
