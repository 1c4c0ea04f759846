"""Cries written down during an outage by a process that died before its staff alert left: alerted from the journal.

The fallback (bot/fallback.py) journals a cry (fsync'd), then alerts every staff member, then writes whom the alert
reached. A process killed in between (the OOM killer, a power blip) leaves a cry no staff member heard of, and while
Redis stays away nothing else would tell them: the journal is replayed only once Redis is back, maybe an hour later.
So while Redis is away, every CHECK_SECONDS, the cries in a dead process's journal file (no live process holds its
lock) with no record of whom their alert reached are alerted to every staff member, once: under the folder's lock
(every worker on this host) the record is written first ("to": nobody yet), then the alert sent, then whom it reached,
for the stored call's packet once Redis is back. Her family is told at the family level as for any cry in the
journal (outage_family.py arms it from there).
"""
from __future__ import annotations

import asyncio
import logging
import math

from .. import roster
from ..types import Outbound

log = logging.getLogger(__name__)
CHECK_SECONDS = 5  # how often the journal's dead files are looked at while Redis is away


def claim_orphans(journal) -> list[dict]:
    """Under the folder's lock (blocking: call it in a thread): the cries in dead files whose alert never went, each
    marked as being alerted now (so no other worker alerts it too)."""
    with journal.locked():
        dead = [e for e in journal.dead_entries() if e.get("v") and e.get("cried") and not e.get("held")]
        if not dead:
            return []
        told = {str(e["id"]) for e in journal.peek() if "to" in e}  # (a line of it in any file)
        orphans = [e for e in dead if str(e["id"]) not in told]
        for e in orphans:
            journal.append({"id": e["id"], "to": []})
        return orphans


class Orphans:
    def __init__(self, svc, journal) -> None:
        self.svc, self.journal = svc, journal
        self._checked = -math.inf

    async def alert(self) -> None:
        """While Redis is away (the outage job): the dead processes' cries no staff member heard of, alerted."""
        now = self.svc.clock.ts()
        if now - self._checked < CHECK_SECONDS:
            return
        self._checked = now
        try:
            orphans = await asyncio.to_thread(claim_orphans, self.journal)
        except OSError as e:
            log.error("the outage journal could not be read for cries never alerted (%s)", e.strerror)
            return
        for entry in orphans:
            reached = await self._alert(entry)
            log.warning("outage: a cry whose process died before alerting staff alerted now (%s reached)",
                        len(reached))
            try:
                await asyncio.to_thread(self.journal.append, {"id": entry["id"], "to": reached})
            except OSError:
                pass  # the packet later says nobody was reached; they were told all the same

    async def _alert(self, entry: dict) -> list[str]:
        """The fallback's alert for the cry, with what is known without Redis (the name in the register's last
        snapshot, else the Telegram name); whom it reached."""
        svc, cat, ev = self.svc, self.svc.cat, entry.get("ev") or {}
        uid, words = int(ev.get("user_id") or 0), (str(ev.get("text") or "") or "🆘")[:200]
        me = roster.staff_by_tg(svc.settings, uid)  # a colleague's cry: to the others, never to her
        known = svc.outage.known
        if me:
            text = cat.t("fallback.colleague_alert", name=me.name, phone=me.phone, words=words)
        else:
            name = ((await known.family.snapshot()).get(uid) or {}).get("name") or cat.t(
                "fallback.telegram_user", name=ev.get("first_name") or "?", id=uid)
            text = cat.t("fallback.staff_alert", name=name, address="", words=words)
        text += "\n" + cat.t("fallback.journaled")
        tag = ("alert:" if me or await known.knows(uid) else "") + "fallback:cry"
        staff = [st for st in svc.settings.staff if st.telegram_id and st is not me]
        results = await asyncio.gather(*(svc.outbox.send(Outbound(st.telegram_id, text, urgent=True, tag=tag))
                                         for st in staff), return_exceptions=True)
        return [st.name for st, res in zip(staff, results) if not isinstance(res, BaseException) and res.ok]
