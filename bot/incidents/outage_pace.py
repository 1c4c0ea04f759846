"""Everyone's ordinary texts during an outage, bounded together: a crowd of strangers, or several worker processes
each journaling their share, cannot grow the outage journal without end.

Every text typed while Redis is away is journaled (bot/fallback.py), as it may be about a call open since before the
outage; one sender's are capped (outage_words.TextCap), but a thousand senders each within their own cap were not.
Texts with no call behind them — a stranger's, a resident's ordinary chatter — are now journaled together at most
CHATTER_AT_ONCE, then CHATTER_PER_MINUTE (in this process), and none while the journal folder (every process's files)
holds CHATTER_BYTES: they would be dropped unread once Redis is back anyway, unless typed just before a cry. Never
capped here: a cry for help, words after one's own cry, and the texts of anyone with an open call — its resident,
the family and doctor the register names — as Redis last said (while it answers, every OPEN_CALLERS_SECONDS).

One sender's cries reach staff through the fallback a few a minute (`CryPace`); those held back were counted only
into their next alert, so the last ones of someone who then went quiet were never mentioned. The fallback's own timer
(`tell_held_cries`, every second, no Redis needed) tells staff "又发来 N 次" as soon as the pace lets one more through.
"""
from __future__ import annotations

import asyncio
import math
from collections import deque

from redis.exceptions import RedisError

from ..types import Outbound
from .outage_words import SAID_PER_MINUTE, SAID_SECONDS, SENDERS_KEPT, SaidPace

CHATTER_AT_ONCE = 200  # everyone's texts with no call behind them journaled at once in this process ...
CHATTER_PER_MINUTE = 60  # ... then this many a minute
CHATTER_BYTES = 4 * 1024 * 1024  # and none while the journal folder holds this much
OPEN_CALLERS_SECONDS = 15  # who has an open call is read again this often while Redis answers


class Chatter:
    def __init__(self, svc, journal) -> None:
        self.svc, self.journal = svc, journal
        self.callers: set[int] = set()  # Telegram ids whose texts may be about an open call (as of `_known_at`)
        self._known_at = -math.inf
        self._left, self._at = float(CHATTER_AT_ONCE), None

    async def know_open_callers(self) -> None:
        """While Redis answers: whose texts may be about an open call — each open call's resident, and the family
        and doctor the register names for them (as alerting reaches them). Redis away: the last known stay."""
        now, store = self.svc.clock.ts(), self.svc.store
        if now - self._known_at < OPEN_CALLERS_SECONDS:
            return
        self._known_at = now  # tried once a while, answered or not
        try:
            async with asyncio.timeout(1):
                people = [p for n in await store.open_incident_ids()
                          if (inc := await store.incident(n)) and inc.get("status") != "resolved"
                          and (p := await store.resident(inc.get("resident")))]
                phones = [c["phone"] for p in people for c in [*p.get("contacts", []), p.get("doctor") or {}]
                          if c.get("phone")]
                linked = await store.telegram_ids_by_phone(phones)
        except (RedisError, OSError, TimeoutError):
            return
        self.callers = {int(p["tg_id"]) for p in people if p.get("tg_id")} | {tg for tg, _ in linked}

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


class CryPace(SaidPace):
    """One sender's cries alerted by the fallback, paced as their words are; those held back at the end wait for
    `due`."""

    def __init__(self, clock) -> None:
        super().__init__(clock)
        self._names: dict[int, str] = {}  # sender: who they are, as their last alert said

    def named(self, sender: int, name: str) -> None:
        if len(self._names) >= SENDERS_KEPT:
            self._names = {k: v for k, v in self._names.items() if k in self._sent}
        self._names[sender] = name

    def due(self) -> list[tuple[int, str, int]]:
        """Whose cries held back may now be told (sender, who, how many): each told counts as one alert of theirs."""
        now, out = self.clock.ts(), []
        for sender, held in list(self._held.items()):
            sent = self._sent.setdefault(sender, deque())
            while sent and sent[0] <= now - SAID_SECONDS:
                sent.popleft()
            if len(sent) < SAID_PER_MINUTE:
                sent.append(now)
                del self._held[sender]
                out.append((sender, self._names.get(sender) or str(sender), held))
        return out


async def tell_held_cries(outage) -> None:
    """The fallback's own timer: staff hear of the cries held back by the pace once it lets one more through."""
    svc = outage.svc
    for sender, name, count in outage.cries.due():
        text = svc.cat.t("fallback.cries_again", name=name, count=count)
        await asyncio.gather(*(svc.outbox.send(Outbound(st.telegram_id, text, urgent=True))  # a colleague's: not hers
                               for st in svc.settings.staff if st.telegram_id not in (None, sender)),
                             return_exceptions=True)
