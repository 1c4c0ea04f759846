"""A resident's family told of her cry when Redis stays away past the emergency escalation's family level.

The fallback (bot/fallback.py) alerts every staff member once while Redis is away; the escalation that reaches her
family at the emergency level naming `family` (8 minutes by default) lives in Redis, so in a long outage nobody but
the staff — asleep, perhaps — was told. While Redis answers, a snapshot is kept next to the outage journal (beside
outage_known.py's, at the same times): each signed-up resident's Telegram id, her name for the message, and her
signed-up family contacts' Telegram ids — nothing else (no phones, no addresses); mode 0600, replaced whole.

A cry from a resident in it starts a timer in this process (her first cry of the outage counts). Once the level's
minutes have passed and Redis still does not answer, each of her family contacts gets one message: she asked for
help at HH:MM, staff were told but the system is partly down, phone her now or call 120, and the committee's phone.
If Redis is back and her call stored from the journal first, the timer is dropped: the stored call's own escalation,
counted from when she cried, tells the family (once); a call still only on disk (Redis gone again) keeps it. Staff cannot show they are on it during the outage (the fallback's alert
has no button and their texts join no call), so nothing they do stops it. A process restarted during the outage
arms the timers again from the cries waiting in the journal (every REARM_SECONDS, so another worker's too), and the
journal says whether her family was told already: once an outage across restarts and workers
(outage_family_told.py). The staff her cry reached read that her family got the message (or that none could be
reached), and once Redis is back the stored call's packet and history say so.
"""
from __future__ import annotations

import asyncio
import logging
import math
from pathlib import Path

from redis.exceptions import RedisError

from ..journal import read_whole, write_whole
from ..types import Outbound
from .outage_family_told import claim, first_cries

log = logging.getLogger(__name__)
SNAPSHOT = "outage-family.json"  # not *.jsonl: the journal's own files are those
REARM_SECONDS = 60  # while Redis is away, the journal's cries arm this process's timers this often


def family_after_seconds(settings) -> float | None:
    """When an unclaimed emergency reaches the family (the first level naming it); None: no level does."""
    return next((lv.after_minutes * 60 for lv in settings.escalation.emergency.levels if "family" in lv.to), None)


async def read_families(store) -> dict[int, dict]:
    """Each signed-up resident's Telegram id: {"name", "to": her signed-up family contacts' Telegram ids}, as
    alerting reaches the family (her register's contacts' phones, signed up as a contact or as a resident)."""
    people = await store.residents()
    tg_of_phone: dict[str, set[int]] = {}
    for p in people:
        if p.get("tg_id") and p.get("phone"):
            tg_of_phone.setdefault(p["phone"], set()).add(int(p["tg_id"]))
    for tg, acc in (await store.contact_accounts()).items():
        if acc.get("phone"):
            tg_of_phone.setdefault(acc["phone"], set()).add(int(tg))
    out = {}
    for p in people:
        if p.get("tg_id"):
            me = int(p["tg_id"])
            to = sorted({tg for c in p.get("contacts", []) for tg in tg_of_phone.get(c.get("phone") or "", ())} - {me})
            out[me] = {"name": p.get("name") or "", "to": to}
    return out


class OutageFamily:
    def __init__(self, svc, folder: Path) -> None:
        self.svc, self.path = svc, folder / SNAPSHOT
        self.families: dict[int, dict] | None = None  # None: neither read from Redis nor from disk in this process
        self._cried: dict[int, float] = {}  # resident's Telegram id: when she first cried this outage
        self._armed_at = -math.inf  # when the journal's cries last armed the timers (a restart's, another worker's)

    async def refresh(self) -> None:
        """While Redis answers (with the known senders' snapshot): her family read again, written if it changed."""
        try:
            async with asyncio.timeout(2):
                families = await read_families(self.svc.store)
        except (RedisError, OSError, TimeoutError):
            return
        if families != self.families:
            try:
                await asyncio.to_thread(self._write, families)
            except OSError as e:
                log.warning("the outage family snapshot could not be written (%s)", e.strerror)
        self.families = families

    def cried(self, sender: int) -> None:
        """A cry reached the fallback: her family's timer starts (if she is a resident; checked when it is due)."""
        if self.families is None or sender in self.families:  # a crowd of strangers is not remembered
            self._cried.setdefault(sender, self.svc.clock.ts())

    async def tick(self) -> None:
        """Every second while a cry waits: once Redis answers, a cry stored from the journal drops its timer (the
        stored call escalates, to the family too; one still only on disk keeps it); a cry whose family level has
        passed with Redis still away tells her family, once."""
        after = family_after_seconds(self.svc.settings)
        journal = self.svc.outage.journal if self.svc.outage else None
        now = self.svc.clock.ts()
        rearm = journal is not None and now - self._armed_at >= REARM_SECONDS and journal.waiting()
        if after is None or not self._cried and not rearm:
            return
        try:
            async with asyncio.timeout(1):
                await self.svc.store.ping()
        except (RedisError, OSError, TimeoutError):
            pass
        else:
            for tg in list(self._cried):
                if self.svc.outage is None or not await self.svc.outage.cry_of(tg):
                    del self._cried[tg]
            self._armed_at = -math.inf  # the next outage arms again from its own journal
            return
        await self.snapshot()
        if rearm:  # her cry may have reached a process that died since, or another worker
            self._armed_at = now
            for tg, (at, _) in first_cries(await asyncio.to_thread(journal.peek)).items():
                if tg in self.families:
                    self._cried.setdefault(tg, at)
        due = {tg: at for tg, at in self._cried.items() if now - at >= after}
        self._cried |= dict.fromkeys(due, float("inf"))  # told (or not hers to tell): never again this process
        due = {tg: at for tg, at in due.items() if (self.families.get(tg) or {}).get("to")}  # her family signed up
        if not due:
            return
        try:
            verdicts = await asyncio.to_thread(claim, journal, due, now) if journal else \
                dict.fromkeys(due, ("tell", ""))
        except OSError as e:  # the disk failed too: told all the same (a restart may tell them again)
            log.error("the outage journal could not be read or written (%s)", e.strerror)
            verdicts = dict.fromkeys(due, ("tell", ""))
        tells = []
        for tg, (verdict, mark) in verdicts.items():
            if verdict == "sending":  # another worker is telling her family now: looked at again next second
                self._cried[tg] = due[tg]
            elif verdict == "tell":
                tells.append(self._tell(tg, self.families[tg], due[tg], mark))
        await asyncio.gather(*tells)

    async def _tell(self, resident: int, fam: dict, at: float, mark: str) -> None:
        """Her family told (the mark written before, its outcome after), then the staff her cry reached."""
        cat, s, clock = self.svc.cat, self.svc.settings, self.svc.clock
        text = cat.t("fallback.family_told", name=fam["name"], time=clock.local(at).strftime("%H:%M"),
                     phone=s.community.committee_phone)
        results = await asyncio.gather(*(self.svc.outbox.send(Outbound(tg, text, urgent=True, tag="fallback:family"))
                                         for tg in fam["to"]), return_exceptions=True)
        reached = sum(1 for r in results if not isinstance(r, BaseException) and r.ok)
        log.warning("outage: a resident's family told of her cry (%s of %s reached)", reached, len(results))
        if mark:  # her family told: no restart or other worker tells them again this outage
            try:
                await asyncio.to_thread(self.svc.outage.journal.append, {"id": mark, "reached": reached})
            except OSError as e:
                log.error("outage journal could not be written (%s): her family may be told again", e.strerror)
        cry = await self.svc.outage.cry_of(resident) or {"to": set()}
        staff = [st for st in s.staff if st.telegram_id]
        staff = [st for st in staff if st.name in cry["to"]] or staff  # whom her cry reached; else everyone
        key = "fallback.family_told_staff" if reached else "fallback.family_not_reached_staff"
        note = cat.t(key, name=fam["name"], time=clock.local(clock.ts()).strftime("%H:%M"))
        await asyncio.gather(*(self.svc.outbox.send(Outbound(st.telegram_id, note, urgent=True, tag="fallback:family"))
                               for st in staff), return_exceptions=True)

    async def snapshot(self) -> dict[int, dict]:
        """Each signed-up resident's name and family as last read from Redis (this process's, else the disk's)."""
        if self.families is None:
            self.families = await asyncio.to_thread(self._read)
        return self.families

    def _write(self, families: dict[int, dict]) -> None:
        write_whole(self.path, {"v": 1, "of": {str(k): v for k, v in families.items()}})

    def _read(self) -> dict[int, dict]:
        """The snapshot on disk; empty (no family told by the fallback) if there is none or it cannot be read."""
        return read_whole(self.path, lambda body: {int(k): {"name": str(v["name"]), "to": [int(t) for t in v["to"]]}
                                                   for k, v in body["of"].items()},
                          "outage family snapshot", "families are told once Redis is back") or {}
