"""Cries written down during an outage whose staff alert never left (its process died) or reached nobody (Telegram
failing too): alerted from the journal. So are everyday requests whose line to staff ("帮我买点菜" from a signed-up
resident with no call open) never left or reached nobody: each sent again on its own, as the same line, not an alert.

The fallback (bot/fallback.py) journals a cry (fsync'd), then alerts every staff member, then writes whom the alert
reached. A process killed in between (the OOM killer, a power blip) leaves a cry no staff member heard of, and while
Redis stays away nothing else would tell them: the journal is replayed only once Redis is back, maybe an hour later.
So while Redis is away, every CHECK_SECONDS, the cries in a dead process's journal file (no live process holds its
lock) with no record of whom their alert reached are alerted to every staff member, once, and a cry whose alert
reached nobody again every RETRY_SECONDS until one reaches someone: under the folder's lock (every worker on this
host) the record is written first ("to": nobody yet), then the alert sent, then whom it reached, for the stored
call's packet once Redis is back. Her family is told at the family level as for any cry in the
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
RETRY_SECONDS = 30  # a cry whose alert reached nobody (Telegram failing too) is alerted again this often


def claim_orphans(journal, now: float) -> list[list[dict]]:
    """Under the folder's lock (blocking: call it in a thread): the cries whose alert never went (in a dead file, no
    record of whom it reached) or reached nobody RETRY_SECONDS ago or more, each marked as being alerted now (so no
    other worker alerts it too); one list a person, in the order they came."""
    with journal.locked():
        dead = {str(e["id"]) for e in journal.dead_entries()}
        lines: dict[str, list[dict]] = {}
        for e in journal.peek():
            lines.setdefault(str(e["id"]), []).append(e)
        orphans = []
        for key, parts in lines.items():
            cry = next((p for p in parts if p.get("v") and (p.get("cried") and not p.get("held") or p.get("asked"))),
                       None)
            if cry is None or any(p.get("to") for p in parts):
                continue  # no cry, or its alert reached someone
            told = any("to" in p for p in parts)  # its alert went, to nobody (Telegram failing)
            tried = max(float(p.get("tried") or p.get("at") or 0) for p in parts)
            if told and now - tried >= RETRY_SECONDS or not told and key in dead:
                orphans.append(cry)
                journal.append({"id": cry["id"], "to": [], "tried": now})
        theirs: dict = {}  # one alert a person, with their latest cry's words; whom it reached on each of them
        for cry in sorted(orphans, key=lambda e: float(e.get("at") or 0)):  # (a request: a line of its own)
            theirs.setdefault(cry["id"] if cry.get("asked") else (cry.get("ev") or {}).get("user_id"), []).append(cry)
        return list(theirs.values())


class JournalPass:
    """A look at the outage journal while Redis is away, at most every CHECK_SECONDS (the outage job runs every
    second): what `claim` takes from it now (this one and outage_replies.Replies)."""

    def __init__(self, svc, journal) -> None:
        self.svc, self.journal = svc, journal
        self._checked = -math.inf

    async def _claim(self, claim, what: str) -> tuple[float, list] | None:
        """(now, what `claim(journal, now)` took); None: not due yet, or the journal could not be read."""
        now = self.svc.clock.ts()
        if now - self._checked < CHECK_SECONDS:
            return None
        self._checked = now
        try:
            return now, await asyncio.to_thread(claim, self.journal, now)
        except OSError as e:
            log.error("the outage journal could not be read for %s (%s)", what, e.strerror)
            return None


class Orphans(JournalPass):
    async def alert(self) -> None:
        """While Redis is away (the outage job): the dead processes' cries no staff member heard of, alerted."""
        if (claimed := await self._claim(claim_orphans, "cries never alerted")) is None:
            return
        now, orphans = claimed
        for cries in orphans:
            reached = await self._alert(cries[-1])
            log.warning("outage: a %s that never reached staff sent now (%s reached)",
                        "request's line" if cries[-1].get("asked") else "cry's alert", len(reached))
            try:
                for entry in cries:
                    await asyncio.to_thread(self.journal.append, {"id": entry["id"], "to": reached, "tried": now})
            except OSError:
                pass  # the packet later says nobody was reached; they were told all the same

    async def _alert(self, entry: dict) -> list[str]:
        """The fallback's alert for the cry (or its line for the request), with what is known without Redis (the name
        in the register's last snapshot, else the Telegram name); whom it reached."""
        svc, cat, ev = self.svc, self.svc.cat, entry.get("ev") or {}
        uid, words = int(ev.get("user_id") or 0), (str(ev.get("text") or "") or "🆘")[:200]
        asked = bool(entry.get("asked"))
        me = roster.staff_by_tg(svc.settings, uid)  # a colleague's cry: to the others, never to her
        known = svc.outage.known
        if me:
            text = cat.t("fallback.colleague_alert", name=me.name, phone=me.phone, words=words)
        else:
            name = ((await known.family.snapshot()).get(uid) or {}).get("name") or cat.t(
                "fallback.telegram_user", name=ev.get("first_name") or "?", id=uid)
            text = cat.t("fallback.staff_request" if asked else "fallback.staff_alert", name=name, address="",
                         words=words)
        text += "\n" + cat.t("fallback.journaled")
        tag = "fallback:request" if asked else ("alert:" if me or await known.knows(uid) else "") + "fallback:cry"
        staff = [st for st in svc.settings.staff if st.telegram_id and st is not me]
        results = await asyncio.gather(*(svc.outbox.send(Outbound(st.telegram_id, text, urgent=not asked, tag=tag))
                                         for st in staff), return_exceptions=True)
        return [st.name for st, res in zip(staff, results) if not isinstance(res, BaseException) and res.ok]
