"""An incident's deadlines: escalation, no arrival, follow-up, a renewed call, the address time-out, the first
alert's safety net.

Deadlines (in Redis, so they survive a restart) carry what they expect, e.g. "esc:42:2" = "raise incident 42
to level 2": when one fires and the incident has moved on, it does nothing — so nothing fires twice. A step's
record is written all at once (`step_incident`), and an escalation's deadline stays (leased to its worker) until
its alert is recorded as sent: if that worker dies in between, another sends it when the lease runs out. The others:
"arr:42:c" (claim number c without 已到达), "fol:42:c:s" (follow-up s of an arrived incident not yet resolved: held
in quiet hours; the one past the policy's `arrived_followup_max` tells the head instead; each stays like an
escalation's until its round is recorded as sent), "rnw:42:k:l" (level l of the k-th new 🆘 on a claimed or arrived incident; l = 0: the safety net of its first round, as "first:42"
is a new call's; each stays like an escalation's until its round is recorded as sent),
"addr:42", "first:42"; "rty:42:l…": an alert round (a level, a new 🆘's level, a claim without arrival, a follow-up)
that reached no staff member while Telegram was failing (5xx, time-outs), sent again while the call still waits
there (retries.py).
"""
from __future__ import annotations

import logging

from .. import roster
from ..clock import in_quiet, quiet_end
from ..config import Policy
from . import still_waiting
from .lifecycle import FIRST_ALERT_GRACE_SECONDS
from .packet import note_writer

log = logging.getLogger(__name__)


class Deadlines:
    """What happens when an incident's time runs out (part of `Incidents`)."""

    async def on_deadline(self, key: str) -> bool:
        """Handles one due deadline; True when it is finished with (the caller removes it)."""
        kind, n, *rest = key.split(":")
        n = int(n)
        # a timer never waits long for a lock: it comes back in a moment instead (see Engine.tick)
        async with self.lock(n, blocking_timeout=0.5):
            finished, changed = await self._on_deadline_locked(kind, n, rest, key)
        if changed and kind == "addr":  # the edits are all it owes: its deadline goes only once they went (not
            self.background(self._address_shown(n, key))  # waited for: the incident's escalation may be next)
            return False
        if changed:  # edits wait their turn behind alerts: apart, so neither a claim nor the incident's next
            self.background(self.refresh(n))  # deadline waits for them (Engine.tick gives them a moment)
        return finished

    async def _address_shown(self, n: int, key: str) -> None:
        await (await self.refresh(n))
        await self.store.cancel_deadline(key)

    async def _on_deadline_locked(self, kind: str, n: int, rest: list[str], key: str) -> tuple[bool, bool]:
        """(finished with the deadline, the incident's messages need updating)."""
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved" and not owed_after_close(inc, kind, rest):
            return True, False
        if kind == "first":
            if not inc.get("first_alert_sent"):
                log.warning("incident %s was stored but not alerted (restart?); alerting now", n)
                await self._alert_first_locked(n)
            return True, False
        if kind == "esc":
            finished = await self._escalate(inc, int(rest[0]), key)
            return finished, not finished
        if kind == "arr":
            finished = await self._no_arrival(inc, int(rest[0]), key)
            return finished, not finished
        if kind == "fol":
            return await self._follow_up(inc, int(rest[0]), int(rest[1]), key)
        if kind == "rnw":
            finished = await self._renewed_escalate(inc, int(rest[0]), int(rest[1]), key)
            return finished, not finished
        if kind == "rty":  # reaching nobody again, it stays: due again (retries.py), or when its lease ends
            return await self._retried(inc, rest), False
        if kind == "addr" and inc.get("address_state") in ("pending", "unconfirmed"):  # unconfirmed: recorded by a
            if inc["address_state"] == "pending":  # worker that died before the packets showed it (on_deadline)
                await self.store.update_incident(n, address_state="unconfirmed")
                await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "address_unconfirmed"})
            return True, True
        return True, False

    async def _escalate(self, inc: dict, level: int, key: str) -> bool:
        n = inc["id"]
        if inc["status"] != "open" or inc["level"] > level or inc.get("alerted_level", 0) >= level:
            return True  # claimed meanwhile, or this step already ran
        if inc["level"] < level:  # recorded first, all at once: the level moves and the next step is scheduled
            policy = self.policy(inc)
            now = self.svc.clock.ts()
            nxt = level + 1
            since = inc.get("esc_from", inc["created"])  # a request raised to an emergency: counted from then
            due = (since + policy.levels[nxt].after_minutes * 60 if nxt < len(policy.levels)
                   else now + policy.repeat_every_minutes * 60)
            remind = level < len(policy.levels) and policy.levels[level].remind_staff_to_call
            await self.store.step_incident(n, {"level": level, **({"remind_call": True} if remind else {})},
                                           {"at": now, "event": "escalated", "level": level},
                                           deadlines={f"esc:{n}:{nxt}": max(due, now)})
        # else the worker that recorded it died before its alert was recorded as sent (this deadline's lease ran
        # out): the alert goes now. Reaching nobody does not hurry the next level: its short alerts have gone
        # and the head knows (`_nobody_reached`)
        await self._alert(n, level, reason="alert.escalated", mark={"alerted_level": level})
        await still_waiting.tell(self.svc, await self.store.incident(n) or inc, level, self.policy(inc))
        await self.store.cancel_deadline(key)
        return False

    async def _no_arrival(self, inc: dict, claims: int, key: str) -> bool:
        n = inc["id"]
        if inc["status"] != "claimed" or inc.get("claims", 0) != claims:
            return True
        now = self.svc.clock.ts()
        policy = self.policy(inc)
        await self.store.update_incident(n, reopened=True)
        await self.store.add_timeline(n, {"at": now, "event": "no_arrival", "claimed_by": inc["claimed_by"]})
        who = roster.staff_by_id(self.svc.settings, inc["claimed_by"])
        await self._alert(n, inc["level"], audience=["all_staff", "head"], reason="alert.no_arrival")
        # moved on only once sent: a worker dying before that leaves it (leased) to another
        await self.store.set_deadline(key, now + policy.repeat_every_minutes * 60)
        log.warning("incident %s claimed by %s without arrival", n, who.id if who else "?")
        return False

    async def _follow_up(self, inc: dict, claims: int, step: int, key: str) -> tuple[bool, bool]:
        """An arrived incident nobody has resolved: its claimer is asked first, then all staff — never in the
        committee's quiet hours (the follow-up waits for their end; no quiet hours configured: none wait) and
        `arrived_followup_max` times at most; one interval after the last, the head is told once and it stops.
        Calls nobody claimed or nobody arrived at are never held (`_escalate`, `_no_arrival`). A step is recorded
        first and its deadline stays (leased) until its round is recorded as sent: a worker that dies in between
        leaves it to another. (finished with the deadline, the incident's messages need updating)."""
        n, done = inc["id"], inc.get("followup", 0)
        sent = done == step and inc.get("followup_told", 0) >= step
        if inc["status"] != "arrived" or inc.get("claims", 0) != claims or done not in (step - 1, step) or sent \
                or inc.get("renewed"):  # a new 🆘 is being chased: its alerts say more (`renew`)
            return True, False
        now, s = self.svc.clock.ts(), self.svc.settings
        if in_quiet(s.checkin.quiet_hours, now, s.timezone):
            await self.store.set_deadline(key, quiet_end(s.checkin.quiet_hours, now, s.timezone))
            return False, False
        policy = self.policy(inc)
        writing = inc.get("note_awaited_at", 0) + policy.arrived_followup_minutes * 60  # (she plainly left it then)
        if note_writer(inc) and writing > now:  # ✅ 已解决 → ✏️ 其他 pressed: never reminded while writing the note
            await self.store.set_deadline(key, writing)
            return False, False
        if step > policy.arrived_followup_max:
            return True, await self._follow_ups_stopped(inc)
        nxt = f"fol:{n}:{claims}:{step + 1}"
        if done < step:  # else recorded by a worker that died before its round was recorded as sent
            await self.store.step_incident(n, {"followup": step}, {"at": now, "event": "followup", "step": step},
                                           deadlines={nxt: now + policy.arrived_followup_minutes * 60})
            inc = {**inc, "followup": step}
        targets = await self._follow_up_targets(inc, step)
        reached = await self._round_alert(n, inc["level"], inc, await self.store.resident(inc["resident"]), targets,
                                          "alert.followup", mark={"followup_told": step})
        if reached == 0 and step == 1:  # the claimer cannot be reached: everyone at once (all staff not reached
            await self.store.set_deadline(nxt, now)  # while Telegram fails: sent again soon, retries.py)
        return True, True

    async def _follow_ups_stopped(self, inc: dict) -> bool:
        """Follow-ups nobody answered: no more of them; the head (or, with none, the claimer) gets the packet once,
        saying so, and the desk lists the incident as waiting for them. Recorded first; the deadline stays (leased to
        this worker) until the packet is recorded as sent, so a worker that dies in between leaves it to another
        when the lease runs out. Whether it went now (False: it had gone already)."""
        n = inc["id"]
        if inc.get("followup_stopped_told"):
            return False
        if not inc.get("followup_stopped"):
            await self.store.step_incident(n, {"followup_stopped": True},
                                           {"at": self.svc.clock.ts(), "event": "followup_stopped",
                                            "count": inc.get("followup", 0)})
            inc = {**inc, "followup_stopped": True}
        targets = await self._follow_up_targets(inc)
        await self._round_alert(n, inc["level"], inc, await self.store.resident(inc["resident"]), targets,
                                "alert.followup_stopped", mark={"followup_stopped_told": True})
        return True

    async def _follow_up_targets(self, inc: dict, step: int = 0) -> list[tuple[int, str, str]]:
        """Follow-up 1: its claimer; later ones: all staff; follow-ups stopped (step 0): the head (none: the claimer)."""
        if step:
            return await self.recipients(inc, ["claimer"] if step == 1 else ["all_staff"])
        return await self.recipients(inc, ["head"]) or await self.recipients(inc, ["claimer"])

    # --- a new 🆘 on a claimed or arrived incident -------------------------------------------
    async def renew(self, n: int, words: str, key: str = "alert.renewed", by: dict | None = None) -> int:
        """The situation may have changed (a second fall, the helper gone home): a new urgent call with buttons
        to the claimer and the first level, escalating like a new call until someone claims or arrives. An
        arrived incident's follow-ups are dropped (and a "🔕 不再提醒" lifted): a "still open?" beside a live
        emergency only confuses; they start over when someone arrives again. `key`: what its packets say on top (a request
        raised to an emergency: "alert.raised"; `by`: the family contact who cried, reporter and relation, as
        "alert.renewed_family" names her). Returns how many were reached."""
        async with self.lock(n):
            inc = await self.store.incident(n)
            if inc is None or inc["status"] not in ("claimed", "arrived"):
                return 0
            now = self.svc.clock.ts()
            k = inc.get("renewals", 0) + 1
            fields = {"reopened": True, "renewed": True, "renewals": k, "renew_level": 0, "renew_alerted": -1,
                      "renewed_at": now, "renewed_words": words, "renewed_key": key, "renewed_by": by or {},
                      "followup": 0, "followup_told": 0, "followup_stopped": False, "followup_stopped_told": False,
                      "note_awaited_by": ""}  # (a new 🆘: no longer a call about to be closed)
            pending = f"fol:{n}:{inc.get('claims', 0)}:{inc.get('followup', 0) + 1}"
            policy = self.policy(inc)
            safety_net = f"rnw:{n}:{k}:0"  # if this worker dies before the round below is recorded as sent
            await self.store.step_incident(n, fields, {"at": now, "event": "renewed", "words": words},
                                           deadlines={f"rnw:{n}:{k}:1": now + _gap(policy, 1),
                                                      safety_net: now + FIRST_ALERT_GRACE_SECONDS}, cancel=(pending,))
            inc.update(fields)
            reached = await self._renewed_alert(inc, 0, "alert.renewed", mark={"renew_alerted": 0})
            await self.store.cancel_deadline(safety_net)
            if reached == 0:
                await self.store.set_deadline(f"rnw:{n}:{k}:1", now)
        self.background(self.refresh(n))  # the earlier packets show it too
        return reached

    async def _renewed_alert(self, inc: dict, level: int, reason: str, *, mark: dict | None = None,
                             skip: set[int] = frozenset()) -> int:
        policy = self.policy(inc)
        audience = ["claimer", *policy.levels[min(level, len(policy.levels) - 1)].to]
        targets = [t for t in await self.recipients(inc, audience) if t[0] not in skip]
        return await self._round_alert(inc["id"], level, inc, await self.store.resident(inc["resident"]), targets,
                                       reason, mark=mark)

    async def _renewed_escalate(self, inc: dict, k: int, level: int, key: str) -> bool:
        """Level `level` of the k-th renewal, recorded first and its deadline kept (leased) until its round is
        recorded as sent, as `_escalate` does; level 0 is the first round's safety net (`renew`)."""
        n, done = inc["id"], inc.get("renew_alerted", inc.get("renew_level", 0))  # (older records: the level)
        if not inc.get("renewed") or inc.get("renewals") != k or done >= level or inc.get("renew_level", 0) > level:
            return True  # answered meanwhile, or this step already ran
        now, nxt = self.svc.clock.ts(), f"rnw:{n}:{k}:{level + 1}"
        if level and inc.get("renew_level", 0) < level:  # else recorded by a worker that died before sending it
            await self.store.step_incident(n, {"renew_level": level}, {"at": now, "event": "escalated", "level": level},
                                           deadlines={nxt: _due(self.policy(inc), inc, level + 1, now)})
        reason = "alert.escalated" if level else "alert.renewed"
        reached = await self._renewed_alert({**inc, "renew_level": level}, level, reason, mark={"renew_alerted": level})
        await self.store.cancel_deadline(key)
        if reached == 0 and not level:  # its level 1 at once, as `renew` does; later levels keep their pace, reached
            await self.store.set_deadline(nxt, now)  # or not (Telegram failing: the round again soon, retries.py)
        return False


def _due(policy: Policy, inc: dict, level: int, now: float) -> float:
    """When a renewal's `level` falls due: counted from the new cry, as a new call's levels are from the call (a level 1
    brought forward does not bring the next ones with it); past the last level, one repeat interval on."""
    if level < len(policy.levels) and inc.get("renewed_at"):
        return max(now, inc["renewed_at"] + policy.levels[level].after_minutes * 60)
    return now + _gap(policy, level)  # (older records: from the level before)


def _gap(policy: Policy, level: int) -> float:
    """Seconds between reaching level - 1 and level (past the last level: the repeat interval)."""
    if level < len(policy.levels):
        return (policy.levels[level].after_minutes - policy.levels[level - 1].after_minutes) * 60
    return policy.repeat_every_minutes * 60


def owed_after_close(inc: dict, kind: str, rest: list[str]) -> bool:
    """A note still owed once its call is closed: the news that it is over ("rty:42:0:wK", notes_owed.py)."""
    return kind == "rty" and len(rest) > 1 and rest[1].startswith("w") \
        and bool((inc.get(f"note_{rest[1][1:]}") or {}).get("after_close"))
