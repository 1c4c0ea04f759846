"""The check-in drain: takes whoever is due from Redis and moves each one step along the ladder.

    due → sending → sent → reminding → reminded → missed: a "checkin" incident to on-duty staff
Reminders and misses go first (they are late already); new check-ins follow in batches of `batch`, at most
`concurrency` in flight (and, with every other committee's drain in the process, `Lanes.take_checkin_place`'s few),
so the shared limiter's queue stays short and an urgent alert waits one slot, not a thousand; while an alert is in
flight, no new step starts. Each step is recorded before its message is sent; due residents are leased, and a
check-in or reminder stays so until sent ("sending", "reminding"), so a crash mid-step refires after the lease and
nothing is lost (sent twice only if the worker dies between a send and its record). A miss opens an incident whose
own safety net ("first:n") alerts staff if the worker dies before it does.

A batch's rows and states are read together, and the common steps (ask, remind, wait; sent) are each recorded by one
script that writes only if nobody holds the resident's lock and what the step was decided on is as it was read
(`_begin`): a few Redis commands per check-in, not twenty. Anything else (a miss, a skip, someone the script found
busy or changed) takes the full step under the lock (`advance`).
"""
from __future__ import annotations

import asyncio
import logging

from ..store import GUESSED, dumps, loads
from .blocked import CATEGORY
from .rules import LADDER, CheckinState, decide
from .words import checkin_message, missed_detail, undeliverable_detail

log = logging.getLogger(__name__)
_DONE = ("done",)  # `_begin`: nothing more for this step


class Ladder:
    def __init__(self, cis, *, concurrency: int = 16, batch: int = 60, lease: float = 120) -> None:
        self.cis, self.svc, self.store = cis, cis.svc, cis.store
        self.concurrency, self.batch, self.lease = concurrency, batch, lease
        self._drain: asyncio.Task | None = None

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
        """Everything due: reminders and misses first (they are late already), then new check-ins in batches; the
        next batch is leased as soon as the last one's steps have all started, so the sending never runs dry at a
        batch's tail."""
        done, running = 0, set()
        gate = asyncio.Semaphore(self.concurrency)  # few in flight: an urgent alert never queues behind many

        async def one(rid: str, begun: tuple | None, leave) -> None:
            try:
                if begun is None:
                    await self.advance(rid)
                else:
                    await self._deliver(*begun)
            except Exception:
                log.exception("check-in step failed; it is retried when its lease runs out")
            finally:
                leave()
                gate.release()

        try:
            while True:
                now = self.svc.clock.ts()
                rids = await self.store.take_checkins_due("ladder", now, self.lease, self.batch)
                if len(rids) < self.batch:
                    rids += await self.store.take_checkins_due("due", now, self.lease, self.batch - len(rids))
                if not rids:
                    await asyncio.gather(*running)
                    return done
                views = await self.store.checkin_batch(rids)
                await self.svc.outbox.lanes.wait_turn()  # a 🆘 on its way goes first
                # the batch's common steps recorded together (one round trip), before any takes a place: a place is
                # then held for the send and its record only, so the token's slots find a check-in ready
                begun = await self._begin(rids, views)
                for rid, step in zip(rids, begun):
                    if step is _DONE:
                        continue
                    await gate.acquire()  # the places first, then the step's task: a few alive, not a batch's
                    try:
                        leave = await self.svc.outbox.lanes.take_checkin_place()  # few in the whole process too
                    except BaseException:
                        gate.release()
                        raise
                    task = asyncio.ensure_future(one(rid, step, leave))
                    running.add(task)
                    task.add_done_callback(running.discard)
                done += len(rids)
        finally:  # cancelled (the bot stopping): the steps under way stop too; their leases bring them back
            for task in running:
                task.cancel()

    async def _begin(self, rids: list[str], views: list[tuple]) -> list:
        """The batch's common steps (ask, remind, wait), each decided from what the batch read and recorded by one
        script, all in one round trip. For each resident: _DONE (a wait recorded, or it failed: its lease brings it
        back), None (it needs `advance`: a miss, a skip, no Telegram, or a state busy or changed since read), or the
        arguments of `_deliver` (an ask or a reminder recorded, to send)."""
        plans = [self._plan(rid, *view) for rid, view in zip(rids, views)]
        steps = [plan[0] for plan in plans if plan is not None]
        said = iter(await self.store.checkin_steps(steps) if steps else ())
        out = []
        for plan in plans:
            got = next(said) if plan is not None else None
            if isinstance(got, BaseException):
                log.error("check-in step failed (%s); it is retried when its lease runs out", type(got).__name__)
                out.append(_DONE)
            else:
                out.append(None if got != "ok" else plan[1])
        return out

    def _plan(self, rid: str, person: dict, raw: dict, locale: str | None) -> tuple | None:
        """(the step's `checkin_step` arguments, what follows when it is recorded), or None: it needs `advance`."""
        if not raw or not person.get("tg_id"):
            return None
        st = CheckinState.from_hash(rid, {k: loads(v) for k, v in raw.items()})
        now = self.svc.clock.ts()
        step = decide(st, now, self.cis.window_s, self.cis.cfg.quiet_hours)
        if not st.enrolled or step.action not in ("send", "remind", "wait") or (step.action == "wait" and not step.due):
            return None
        lock = self.cis.lock_name(rid, person)
        if step.action == "wait":  # as `Checkins.reschedule` puts it
            return (rid, lock, raw, {}, "ladder" if st.phase in LADDER else "due", max(step.due, now + 1)), _DONE
        if step.action == "remind":  # stays leased in the ladder until sent, so a crash reminds again
            st.phase, st.reminded_at = "reminding", now
            fields = {"phase": st.phase, "reminded_at": now}
        else:  # stays leased in checkins:due until delivered, so a crash sends it again
            st.phase, st.slot = "sending", step.slot
            fields = {"phase": st.phase, "slot": st.slot}
        seen = {**raw, "phase": dumps(st.phase), "slot": dumps(st.slot)}
        return (rid, lock, raw, fields), (st, person, step.action, locale, seen)

    async def advance(self, rid: str) -> None:
        """One resident's next step, recorded under their lock; the message itself is sent after the lock."""
        person = await self.store.resident(rid) or {}
        opened, send, wait_until = None, "", None
        async with self.cis.locked(rid, person):
            st = await self.cis.state(rid)
            for _ in range(3):  # a miss or a skip may leave the next check-in due at once (the catch-up)
                step = decide(st, self.svc.clock.ts(), self.cis.window_s, self.cis.cfg.quiet_hours)
                if not st.enrolled or step.action == "wait":
                    wait_until = step.due
                    break
                if step.action == "skip":
                    st.phase, st.slot, st.since = "skipped", step.slot, self.svc.clock.ts()
                    await self.cis.save(st, step.reason)
                elif step.action == "miss":
                    opened = await self._open_missed(st, person) or opened
                    st.phase, st.since = "missed", max(st.since, st.slot)
                    await self.cis.save(st, "missed")
                elif not person.get("tg_id"):
                    st.phase, st.slot, st.since = "undeliverable", step.slot, self.svc.clock.ts()
                    await self.cis.save(st, "undeliverable")
                else:
                    send = step.action
                    if send == "remind":  # stays leased in the ladder until sent, so a crash reminds again
                        st.phase, st.reminded_at = "reminding", self.svc.clock.ts()
                    else:  # stays leased in checkins:due until delivered, so a crash sends it again
                        st.phase, st.slot = "sending", step.slot
                    await self.cis.save(st)
                    break
            if not send:
                await self.cis.reschedule(st, wait_until)
        if opened:
            await self.svc.incidents.alert_first(opened)
        if send:
            await self._deliver(st, person, send)

    async def _deliver(self, st: CheckinState, person: dict, action: str, locale: str | None = None,
                       seen: dict | None = None) -> None:
        """Sends it; a check-in is then marked sent (`seen`: its state as recorded, for the one-script way, which
        writes the send's record to the send log too)."""
        if locale is None:  # "": read with the batch, and none chosen
            kept, guessed, profile = await self.store.prefs(person["tg_id"], "locale", "guessed", "profile")
            locale = GUESSED + profile if guessed == "1" and profile else kept
        guessed = (locale or "").startswith(GUESSED)  # only her profile says one: in both, the committee's first
        if guessed:  # (bot/flows/both.py), unless the register says hers
            locale = person.get("language") or locale.removeprefix(GUESSED)
        locale = locale or self.svc.settings.locale
        both = guessed and not person.get("language") and locale != self.svc.cat.default
        msg = checkin_message(self.svc, person, locale, reminder=action == "remind", both=both)
        records: list | None = [] if seen is not None and action == "send" else None
        result = await self.svc.outbox.send(msg, records=records)
        if result.ok and records is not None:  # still as recorded (nobody answered meanwhile): sent, in one script
            now = self.svc.clock.ts()
            if await self.store.checkin_step(
                    st.rid, self.cis.lock_name(st.rid, person), seen,
                    {"phase": "sent", "sent_at": now, "msg": result.message_id or 0}, "ladder",
                    now + max(self.cis.window_s, 1), sent=records[0] if records else None) == "ok":
                return
        for entry in records or ():  # the one-script way did not happen: the record goes on its own
            await self.svc.outbox.log(entry)
        opened = None
        async with self.cis.locked(st.rid, person):
            st = await self.cis.state(st.rid)
            if action == "remind":  # reminded (once tried: a failed send is not tried again), the miss is next
                if st.phase == "reminding":
                    st.phase = "reminded"
                    await self.cis.save(st)
                    await self.cis.reschedule(st)
                return
            if st.phase != "sending":  # answered while we were sending: keep the answer
                st.msg = result.message_id or st.msg
                await self.cis.save(st)
                return
            if result.ok:
                st.phase, st.sent_at, st.msg = "sent", self.svc.clock.ts(), result.message_id or 0
                await self.cis.save(st)
            elif result.permanent:  # blocked, the chat deleted: nobody can know she is well, so staff are told
                told = (await self.store.checkin_log(st.rid, 1) or [{}])[0].get("outcome") == "undeliverable"
                st.phase, st.since = "undeliverable", st.slot
                await self.cis.save(st, "undeliverable")
                if not told:  # once, not every day it stays so
                    opened = await self._open_missed(st, person, undeliverable_detail(self.svc, st, await
                                                                                      self.store.checkin_log(st.rid, 7)))
            else:
                await self.store.schedule_checkin(st.rid, self.svc.clock.ts() + 60)  # try again in a minute
                return
            await self.cis.reschedule(st)
        if opened:
            await self.svc.incidents.alert_first(opened)

    async def _open_missed(self, st: CheckinState, person: dict, detail: str = "") -> int | None:
        """A missed check-in's call; with `detail`, one that could not be sent (blocked: `blocked.CATEGORY`)."""
        how = {"detail": detail, "category": CATEGORY} if detail else {
            "detail": missed_detail(self.svc, st, await self.store.checkin_log(st.rid, 7))}
        existing, n = await self.svc.incidents.opened_or_open(  # one step: a 🆘 at that moment is not doubled
            "checkin", person, source="checkin", ask_address=False, **how)
        if existing:
            await self.store.add_timeline(existing["id"], {"at": self.svc.clock.ts(), "event": "checkin_missed"})
            return None  # staff are already on it; one more alert would only be noise
        st.incident = n
        return n

