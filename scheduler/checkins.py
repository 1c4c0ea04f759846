"""Wellbeing check-ins: a daily 早上好 that notices silence and sends a person.

Due times live in Redis (checkins:due for the next check-in, checkins:ladder for the reminder and the
"missed" step of one already sent); the APScheduler job only wakes `run_due`, so a restart loses nothing
and an outage is caught up on start. Each step is recorded before anything is sent, under the
resident's own lock, and what happens next is decided by `checkin_rules.decide` from the time alone.
"""
from __future__ import annotations

import asyncio
import logging
import math
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.flows import checkin as talk
from bot.types import Outbound

from . import checkin_staff
from .checkin_rules import PENDING, CheckinState, decide, next_slot
from .checkin_words import answer_label

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Heard:
    answered: bool          # this sign of life answered a check-in (on time or late)
    closed: int | None      # the missed-check-in incident it closed, if any


class Checkins:
    def __init__(self, svc, *, concurrency: int = 16, batch: int = 60, lease: float = 120) -> None:
        self.svc, self.store, self.cfg = svc, svc.store, svc.settings.checkin
        self.concurrency, self.batch, self.lease = concurrency, batch, lease
        self._drain: asyncio.Task | None = None

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
    async def locked(self, rid: str):
        """The same lock the engine takes for the resident's own messages."""
        person = await self.store.resident(rid) or {}
        name = f"user:{person['tg_id']}" if person.get("tg_id") else f"checkin:{rid}"
        async with self.store.lock(name):
            yield

    async def _save(self, st: CheckinState, log_outcome: str = "") -> None:
        await self.store.save_checkin(st.rid, st.to_hash())
        if log_outcome:
            await self.store.log_checkin(st.rid, {"slot": st.slot, "outcome": log_outcome, "at": self.svc.clock.ts()})

    async def _reschedule(self, st: CheckinState, due: float | None = None) -> None:
        """Puts the resident back in the right queue: at `due` if a rule said when, else at the natural next step."""
        if not st.enrolled:
            await self.store.schedule_checkin(st.rid, None)
            return
        ladder = st.phase in ("sent", "reminded")
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
        if times:
            st.times = sorted(times)
        if st.phase in PENDING:
            await self._save(st)  # a check-in on its way keeps its place in the ladder
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
        await self._save(st)
        return st

    async def resume(self, rid: str) -> CheckinState:
        st = await self.state(rid)
        st.paused_until = 0.0
        if st.phase not in PENDING:
            st.since = max(st.since, self.svc.clock.ts())  # no catch-up for a day they said they were away
        await self._save(st)
        await self._reschedule(st)
        return st

    async def set_times(self, rid: str, times: list[str]) -> CheckinState:
        st = await self.state(rid)
        st.times = sorted(times)
        if st.phase not in PENDING:
            st.since = max(st.since, self.svc.clock.ts())
        await self._save(st)
        await self._reschedule(st)
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
        closed = await self._close_missed(st, answer) if st.incident else None
        await self._save(st, outcome)
        if answered:
            await self._reschedule(st)
        return Heard(answered, closed)

    async def _close_missed(self, st: CheckinState, answer: str) -> int | None:
        n, st.incident = st.incident, 0
        incidents = self.svc.extra["incidents"]
        if await incidents.close_by_resident(n, "answered_checkin") is None:
            return None  # staff had closed it already
        await incidents.refresh(n)
        key = "checkin.staff_all_clear" if answer in ("ok", "activity") else "checkin.staff_answered_needs"
        await incidents.notify_alerted(n, key, time=self.svc.clock.now().strftime("%H:%M"),
                                       answer=answer_label(self.svc, answer))
        return n

    # --- the ladder ----------------------------------------------------------------------------------
    async def kick(self) -> None:
        """The APScheduler job: starts draining what is due unless a drain is running already."""
        if self._drain is None or self._drain.done():
            self._drain = asyncio.create_task(self._drain_quietly())

    async def _drain_quietly(self) -> None:
        try:
            await self.run_due()
        except Exception:
            log.exception("check-in drain failed; it runs again within a second")

    async def close(self) -> None:
        if self._drain is not None:
            self._drain.cancel()
            await asyncio.gather(self._drain, return_exceptions=True)

    async def run_due(self) -> int:
        """Everything due: reminders and misses first (they are late already), then new check-ins in batches."""
        done = 0
        while True:
            now = self.svc.clock.ts()
            rids = await self.store.take_checkins_due("ladder", now, self.lease, self.batch)
            if len(rids) < self.batch:
                rids += await self.store.take_checkins_due("due", now, self.lease, self.batch - len(rids))
            if not rids:
                return done
            gate = asyncio.Semaphore(self.concurrency)  # few in flight: an urgent alert never queues behind many

            async def one(rid: str) -> None:
                async with gate:
                    try:
                        await self.advance(rid)
                    except Exception:
                        log.exception("check-in step failed; it is retried when its lease runs out")

            await asyncio.gather(*(one(r) for r in rids))
            done += len(rids)

    async def advance(self, rid: str) -> None:
        """One resident's next step, recorded under their lock; the message itself is sent after the lock."""
        person = await self.store.resident(rid) or {}
        opened, send, wait_until = None, "", None
        async with self.locked(rid):
            st = await self.state(rid)
            for _ in range(3):  # a miss or a skip may leave the next check-in due at once (the catch-up)
                step = decide(st, self.svc.clock.ts(), self.window_s, self.cfg.quiet_hours)
                if not st.enrolled or step.action == "wait":
                    wait_until = step.due
                    break
                if step.action == "skip":
                    st.phase, st.slot, st.since = "skipped", step.slot, self.svc.clock.ts()
                    await self._save(st, step.reason)
                elif step.action == "miss":
                    opened = await self._open_missed(st, person) or opened
                    st.phase, st.since = "missed", max(st.since, st.slot)
                    await self._save(st, "missed")
                elif not person.get("tg_id"):
                    st.phase, st.slot, st.since = "undeliverable", step.slot, self.svc.clock.ts()
                    await self._save(st, "undeliverable")
                else:
                    send = step.action
                    if send == "remind":  # recorded before it is sent: a crash never reminds twice
                        st.phase, st.reminded_at = "reminded", self.svc.clock.ts()
                    else:  # stays leased in checkins:due until delivered, so a crash sends it again
                        st.phase, st.slot = "sending", step.slot
                    await self._save(st)
                    break
            if send != "send":
                await self._reschedule(st, wait_until)
        if opened:
            await self.svc.extra["incidents"].alert_first(opened)
        if send:
            await self._deliver(st, person, send)

    async def _deliver(self, st: CheckinState, person: dict, action: str) -> None:
        locale = await self.store.pref(person["tg_id"], "locale") or self.svc.settings.locale
        msg = talk.checkin_message(self.svc, person, locale, reminder=action == "remind")
        result = await self.svc.outbox.send(msg)
        if action == "remind":
            return
        async with self.locked(st.rid):
            st = await self.state(st.rid)
            if st.phase != "sending":  # answered while we were sending: keep the answer
                st.msg = result.message_id or st.msg
                await self._save(st)
                return
            if result.ok:
                st.phase, st.sent_at, st.msg = "sent", self.svc.clock.ts(), result.message_id or 0
                await self._save(st)
            elif result.permanent:
                st.phase, st.since = "undeliverable", st.slot
                await self._save(st, "undeliverable")
            else:
                await self.store.schedule_checkin(st.rid, self.svc.clock.ts() + 60)  # try again in a minute
                return
            await self._reschedule(st)

    async def _open_missed(self, st: CheckinState, person: dict) -> int | None:
        incidents, store = self.svc.extra["incidents"], self.store
        active = await store.active_incident(st.rid)
        if active and (inc := await store.incident(active)) and inc["status"] != "resolved":
            await store.add_timeline(active, {"at": self.svc.clock.ts(), "event": "checkin_missed"})
            return None  # staff are already on it; one more alert would only be noise
        detail = talk.missed_detail(self.svc, st, await store.checkin_log(st.rid, 7))
        n = await incidents.open("checkin", person, source="checkin", detail=detail, ask_address=False)
        st.incident = n
        return n

    # --- what staff see ------------------------------------------------------------------------------
    async def everyone(self) -> list[tuple[dict, CheckinState]]:
        out = []
        for rid in await self.store.checkin_enrolled():
            out.append((await self.store.resident(rid) or {"id": rid, "name": rid}, await self.state(rid)))
        return out


def install(engine) -> Checkins:
    """Called by the composition root: the hook, buttons, staff command and the job that wakes the drain."""
    svc = engine.svc
    checkins = svc.extra["checkins"] = Checkins(svc)
    engine.activity_hooks.append(talk.on_activity)
    engine.button_handlers["ci"] = (("resident",), talk.on_resident_button)
    engine.button_handlers["cis"] = (("staff",), checkin_staff.on_staff_button)
    engine.staff_commands["checkins"] = checkin_staff.show_checkins
    svc.extra.setdefault("scheduled_jobs", []).append(
        {"func": checkins.kick, "trigger": "interval", "seconds": 1, "id": "checkins", "max_instances": 1,
         "coalesce": True, "misfire_grace_time": None})
    svc.extra.setdefault("closers", []).append(checkins.close)
    return checkins
