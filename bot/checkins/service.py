"""Wellbeing check-ins: a daily 早上好 that notices silence and sends a person.

Due times live in Redis (checkins:due for the next check-in, checkins:ladder for the reminder and the
"missed" step of one already sent); the APScheduler job only wakes the drain (ladder.py), so a
restart loses nothing and an outage is caught up on start. This module holds each resident's settings and
state, the controls (enrol, pause, resume, times) and the signs of life; its buttons and jobs: bot/checkins/routes.py.
"""
from __future__ import annotations

import logging
import math
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from .family import family_away, family_report
from .ladder import Ladder
from .rules import LADDER, PENDING, CheckinState, next_slot
from .words import answer_label

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Heard:
    answered: bool          # this sign of life answered a check-in (on time or late)
    closed: int | None      # the missed-check-in incident it closed, if any
    unreached: bool = False  # its all-clear reached no staff member yet (Telegram failing): sent again soon

    @property
    def thanks(self) -> str:
        """What a late "我很好" is answered: staff told, or (the truth) not yet."""
        return "checkin.thanks_late_unreached" if self.unreached else "checkin.thanks_late"


class Checkins:
    """A resident's check-in settings and state, what they and staff may change, and the signs of life."""

    def __init__(self, svc) -> None:
        self.svc, self.store, self.cfg = svc, svc.store, svc.settings.checkin
        self.ladder = Ladder(self)

    @property
    def window_s(self) -> float:
        return self.cfg.window_minutes * 60

    async def state(self, rid: str) -> CheckinState:
        raw = await self.store.checkin(rid)
        if not raw:
            return CheckinState(rid, times=list(self.cfg.default_times), days=list(self.cfg.default_days),
                                tz=self.svc.settings.timezone)
        return CheckinState.from_hash(rid, raw)

    @asynccontextmanager
    async def locked(self, rid: str, person: dict | None = None):
        """The same lock the engine takes for the resident's own messages (`person`: their register row, if read
        already; {} for none)."""
        if person is None:
            person = await self.store.resident(rid) or {}
        async with self.store.lock(self.lock_name(rid, person)):
            yield

    @staticmethod
    def lock_name(rid: str, person: dict) -> str:
        return f"user:{person['tg_id']}" if person.get("tg_id") else f"checkin:{rid}"

    async def save(self, st: CheckinState, log_outcome: str = "") -> None:
        await self.store.save_checkin(st.rid, st.to_hash())
        if log_outcome:
            await self.store.log_checkin(st.rid, {"slot": st.slot, "outcome": log_outcome, "at": self.svc.clock.ts()})

    async def reschedule(self, st: CheckinState, due: float | None = None) -> None:
        """Puts the resident back in the right queue: at `due` if a rule said when, else at the natural next step."""
        if not st.enrolled:
            await self.store.schedule_checkin(st.rid, None)
            return
        ladder = st.phase in LADDER
        if due is None:
            due = (st.sent_at + (2 if st.phase == "reminded" else 1) * self.window_s if ladder
                   else next_slot(st, st.since))
        if due is not None:
            due = max(due, self.svc.clock.ts() + 1)  # never due again in the same drain: no busy loop
        await self.store.schedule_checkin(st.rid, due, ladder=ladder)

    # --- control: residents for themselves, staff for them (callers hold the resident's lock) ---------------
    async def enrol(self, rid: str, times: list[str] | None = None) -> CheckinState:
        st = await self.state(rid)
        if not st.enrolled:
            st.enrolled, st.phase, st.since, st.paused_until = True, "new", self.svc.clock.ts(), 0.0
            st.died_at, st.died_by = 0.0, ""  # a death reported by mistake, undone
        if times:
            st.times = sorted(times)
        if st.phase in PENDING:
            await self.save(st)  # a check-in on its way keeps its place in the ladder
        else:
            await self.store.enrol_checkins([(rid, st.to_hash(), next_slot(st, st.since) or math.inf)])
        return st

    async def unenrol(self, rid: str) -> CheckinState:
        st = await self.state(rid)
        st.enrolled = False
        await self.store.unenrol_checkin(rid, st.to_hash())
        return st

    async def pause(self, rid: str, days: int | None) -> CheckinState:
        """Until the start of the day `days` from today (local), or until they say they are back."""
        st = await self.state(rid)
        if days:
            local = self.svc.clock.now().astimezone(self.svc.clock.tz)
            start = datetime.combine(local.date() + timedelta(days=days), datetime.min.time(), local.tzinfo)
            st.paused_until = start.timestamp()
        else:
            st.paused_until = math.inf
        if st.phase in PENDING:  # e.g. staff pause someone taken to hospital: no reminder, no alert
            st.phase, st.since = "skipped", max(st.since, st.slot)
            await self.save(st, "paused")
            await self.reschedule(st)
        else:
            await self.save(st)
        return st

    async def resume(self, rid: str) -> CheckinState:
        st = await self.state(rid)
        st.paused_until = 0.0
        if st.phase not in PENDING:
            st.since = max(st.since, self.svc.clock.ts())  # no catch-up for a day they said they were away
        await self.save(st)
        await self.reschedule(st)
        return st

    async def set_times(self, rid: str, times: list[str]) -> CheckinState:
        st = await self.state(rid)
        st.times = sorted(times)
        if st.phase not in PENDING:
            st.since = max(st.since, self.svc.clock.ts())
        await self.save(st)
        await self.reschedule(st)
        return st

    # --- signs of life ---------------------------------------------------------------------------------
    async def heard_from(self, rid: str, answer: str = "activity") -> Heard:
        """Any message, button, voice or location from the resident (their lock is held by the engine)."""
        st = await self.state(rid)
        if not st.enrolled:
            return Heard(False, None)
        now = self.svc.clock.ts()
        st.last_seen = now
        answered = st.phase in PENDING or st.phase == "missed"
        outcome = ""
        if answered:
            outcome = answer if st.phase != "missed" else "late"
            st.phase, st.answered_at, st.answer = "answered", now, answer
            st.since = max(st.since, st.slot)
        closed, unreached = await self._close_missed(st, answer) if st.incident and answer not in ("media", "waiting") \
            else (None, False)
        await self.save(st, outcome)
        if answered:
            await self.reschedule(st)
        return Heard(answered, closed, unreached)

    async def _close_missed(self, st: CheckinState, answer: str) -> tuple[int | None, bool]:
        """The missed check-in's call closed by this answer, and whether its news reached no staff member (waited
        for: she is told the truth; it is owed and sent again soon, notes_owed.py)."""
        n, st.incident = st.incident, 0
        incidents = self.svc.incidents
        if await incidents.close_by_resident(n, "answered_checkin", answer=answer) is None:
            return None, False  # staff had closed it already
        await incidents.refresh(n)
        key = "checkin.staff_all_clear" if answer in ("ok", "activity") else "checkin.staff_answered_needs"
        timeline = await self.svc.store.timeline(n)
        k = max((i for i, e in enumerate(timeline) if e.get("event") == "resolved"), default=len(timeline) - 1)
        sending = await incidents.notify_alerted(n, key, time=self.svc.clock.now().strftime("%H:%M"),
                                                 answer=answer_label(self.svc, answer), owe=k, after_close=True)
        results = await incidents.within(n, sending, None)  # a hanging Telegram: she is not kept waiting for it
        return n, results is None or bool(results) and not any(res.ok for res in results)

    # --- the ladder (ladder.py) ----------------------------------------------------------------------
    async def run_due(self) -> int:
        return await self.ladder.run_due()

    async def kick(self) -> None:
        await self.ladder.kick()

    async def close(self) -> None:
        await self.ladder.close()

    # --- what staff and family see -------------------------------------------------------------------
    async def family_report(self, person: dict, locale: str | None = None) -> str | None:
        """Today's check-in as a family contact asking after `person` reads it (family.py); None: not enrolled."""
        return await family_report(self.svc, person, locale)

    async def family_away(self, person: dict, away: str | None, locale: str | None = None) -> tuple[str, str] | None:
        """Paused while family say `person` is away (their words), resumed when they say he is back (None)."""
        return await family_away(self.svc, person, away, locale)

    async def everyone(self) -> list[tuple[dict, CheckinState]]:
        out = []
        for rid in await self.store.checkin_enrolled():
            out.append((await self.store.resident(rid) or {"id": rid, "name": rid}, await self.state(rid)))
        return out

