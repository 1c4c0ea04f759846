"""Incidents: a call for help from creation to close. Record first, then act; every step on the timeline.

Deadlines (in Redis, so they survive a restart) carry what they expect, e.g. "esc:42:2" = "raise incident 42
to level 2": when one fires and the incident has moved on, it does nothing — so nothing fires twice.
"""
from __future__ import annotations

import asyncio
import logging

from . import roster
from .address import differing_parts, has_any
from .alerts import render
from .config import Policy
from .services import Services
from .types import MessageRef, Outbound

log = logging.getLogger(__name__)
POLICY_OF = {"emergency": "emergency", "help": "help", "checkin": "checkin"}
FIRST_ALERT_GRACE_SECONDS = 10
# short, so a lock left by a crashed process holds escalation back by seconds, not minutes
INCIDENT_LOCK_SECONDS = 20


class Incidents:
    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self.store = svc.store
        self._opened: dict[int, tuple[dict, dict]] = {}  # just stored, not yet alerted: saves re-reading them

    def lock(self, n: int, blocking_timeout: float = 10):
        """One change to an incident at a time: staff actions, timers and the first alert."""
        return self.store.lock(f"incident:{n}", timeout=INCIDENT_LOCK_SECONDS, blocking_timeout=blocking_timeout)

    def policy(self, kind: str) -> Policy:
        return getattr(self.svc.settings.escalation, POLICY_OF[kind])

    # --- opening ---------------------------------------------------------------------
    async def open(self, kind: str, person: dict, *, words: str = "", category: str | None = None,
                   source: str = "button", detail: str = "", ask_address: bool = True) -> int:
        now = self.svc.clock.ts()
        policy = self.policy(kind)
        address_state = ("pending" if has_any(person) else "unknown") if ask_address else "not_asked"
        fields = {"kind": kind, "resident": person["id"], "words": words, "category": category, "detail": detail,
                  "created": now, "status": "open", "level": 0, "claimed_by": "", "claims": 0,
                  "address_state": address_state, "source": source}
        # a safety net: if the process dies between storing and alerting, the first alert still goes out
        deadlines = {"first:{n}": now + FIRST_ALERT_GRACE_SECONDS}
        if len(policy.levels) > 1:
            deadlines["esc:{n}:1"] = now + policy.levels[1].after_minutes * 60
        else:
            deadlines["esc:{n}:1"] = now + policy.repeat_every_minutes * 60
        if address_state == "pending":
            deadlines["addr:{n}"] = now + self.svc.settings.escalation.address_confirm_timeout_minutes * 60
        entry = {"at": now, "event": "created", "kind": kind, "by": person["name"], "source": source}
        n = await self.store.create_incident(fields, entry, deadlines)
        self._opened[n] = ({**fields, "id": n}, person)
        log.info("incident %s opened (%s, %s)", n, kind, source)
        return n

    async def alert_first(self, n: int) -> int:
        """Level 0, right after the incident is stored. Returns how many people were reached.

        Under the incident's lock, so the restart safety net ("first:n") cannot send it a second time while a
        slow Telegram keeps this one busy."""
        async with self.lock(n):
            return await self._alert_first_locked(n)

    async def _alert_first_locked(self, n: int) -> int:
        inc, person = self._opened.pop(n, (None, None))
        reached = await self._alert(n, 0, inc=inc, person=person, first=True)
        if reached == 0:
            await self.store.set_deadline(f"esc:{n}:1", self.svc.clock.ts())
        return reached

    # --- who hears about it ----------------------------------------------------------
    async def recipients(self, inc: dict, audience: list[str]) -> list[tuple[int, str, str]]:
        """(chat id, role, display name) for each audience, without repeats."""
        s = self.svc.settings
        out: dict[int, tuple[int, str, str]] = {}
        for who in audience:
            if who == "on_duty":
                staff = roster.on_duty(s, self.svc.clock.now(), await self.store.duty_overrides())
            elif who == "all_staff":
                staff = list(s.staff)
            elif who == "head":
                staff = roster.heads(s)
            else:
                staff = []
                for tg, acc in (await self.store.contact_accounts()).items():
                    if any(l["rid"] == inc["resident"] and l["kind"] == who for l in acc.get("links", [])):
                        out.setdefault(tg, (tg, "family", acc.get("name", "")))
            for st in staff:
                out.setdefault(st.telegram_id, (st.telegram_id, "staff", st.name))
        return list(out.values())

    async def _alert(self, n: int, level: int, audience: list[str] | None = None, reason: str = "", *,
                     inc: dict | None = None, person: dict | None = None, first: bool = False) -> int:
        inc = inc or await self.store.incident(n)
        person = person or await self.store.resident(inc["resident"])
        policy = self.policy(inc["kind"])
        if audience is None:
            lv = policy.levels[min(level, len(policy.levels) - 1)]
            audience = lv.to if level < len(policy.levels) else ["all_staff", "head"]
        targets = await self.recipients(inc, audience)
        urgent = inc["kind"] == "emergency"

        async def one(chat: int, role: str):
            text, buttons = render(self.svc, inc, person, role=role)
            return await self.svc.outbox.send(Outbound(chat, text, buttons=buttons, urgent=urgent, tag=f"alert:{n}"))

        results = await asyncio.gather(*(one(chat, role) for chat, role, _ in targets))
        sent = [(chat, res.message_id, role) for (chat, role, _), res in zip(targets, results) if res.ok and res.message_id]
        reached = [name for (_, _, name), res in zip(targets, results) if res.ok]
        failed = [name for (_, _, name), res in zip(targets, results) if not res.ok]
        entry = {"at": self.svc.clock.ts(), "event": "alerted", "level": level, "to": reached, "failed": failed,
                 "reason": reason}
        await self.store.record_alerts(n, sent, entry, fields={"first_alert_sent": True} if first else None,
                                       cancel=(f"first:{n}",) if first else ())
        return len(reached)

    async def refresh(self, n: int) -> None:
        """Edit every alert message of the incident to show its current state."""
        inc = await self.store.incident(n)
        person = await self.store.resident(inc["resident"])
        msgs = await self.store.alert_messages(n)
        edits = []
        for chat, msg_id, role in msgs:
            text, buttons = render(self.svc, inc, person, role=role)
            edits.append(Outbound(chat, text, buttons=buttons, edit=MessageRef(chat, msg_id), tag=f"edit:{n}"))
        await self.svc.outbox.send_all(edits)

    async def notify_alerted(self, n: int, text_key: str, skip: set[int] = frozenset(), **kw) -> None:
        chats = {chat for chat, _, _ in await self.store.alert_messages(n)} - set(skip)
        inc = await self.store.incident(n)
        person = await self.store.resident(inc["resident"]) or {}
        await self.svc.outbox.send_all([
            Outbound(chat, self.svc.cat.t(text_key, n=n, name=person.get("name", ""), **kw)) for chat in chats])

    # --- staff actions -----------------------------------------------------------------
    async def claim(self, n: int, staff) -> tuple[bool, dict]:
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            return False, inc
        expected = inc["claimed_by"] if inc.get("reopened") else ""
        now = self.svc.clock.ts()
        won = await self.store.claim_incident(n, staff.id, now, expected=expected)
        if not won:
            return False, await self.store.incident(n)
        claims = inc.get("claims", 0) + 1
        policy = self.policy(inc["kind"])
        await self.store.update_incident(n, claims=claims, reopened=False)
        await self.store.cancel_deadline(*[f"esc:{n}:{i}" for i in range(inc["level"] + 1, inc["level"] + 3)])
        await self.store.set_deadline(f"arr:{n}:{claims}", now + policy.arrival_timeout_minutes * 60)
        await self.store.add_timeline(n, {"at": now, "event": "claimed", "by": staff.name})
        return True, await self.store.incident(n)

    async def arrive(self, n: int, staff) -> dict | None:
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            return inc
        if inc["status"] == "open":
            won, inc = await self.claim(n, staff)
            if not won:
                return inc
        now = self.svc.clock.ts()
        await self.store.update_incident(n, status="arrived", arrived_at=now, reopened=False)
        await self.store.cancel_deadline(f"arr:{n}:{inc.get('claims', 0)}")
        await self.store.add_timeline(n, {"at": now, "event": "arrived", "by": staff.name})
        return await self.store.incident(n)

    async def resolve(self, n: int, staff, outcome: str, note: str = "") -> dict | None:
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            return None
        now = self.svc.clock.ts()
        await self.store.close_incident(n, {"status": "resolved", "resolved_at": now, "resolved_by": staff.id,
                                            "outcome": outcome, "note": note, "reopened": False},
                                        inc["resident"])
        await self.store.cancel_deadline(f"addr:{n}", f"arr:{n}:{inc.get('claims', 0)}", f"first:{n}",
                                         *[f"esc:{n}:{i}" for i in range(inc["level"] + 1, inc["level"] + 3)])
        await self.store.add_timeline(n, {"at": now, "event": "resolved", "by": staff.name, "outcome": outcome,
                                          "note": note})
        return await self.store.incident(n)

    async def close_by_resident(self, n: int, reason: str) -> dict | None:
        """Closes an incident the resident made unnecessary (e.g. answered the check-in late)."""
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            return None
        now = self.svc.clock.ts()
        await self.store.close_incident(n, {"status": "resolved", "resolved_at": now, "resolved_by": "",
                                            "outcome": reason}, inc["resident"])
        await self.store.cancel_deadline(f"addr:{n}", f"arr:{n}:{inc.get('claims', 0)}",
                                         *[f"esc:{n}:{i}" for i in range(inc["level"] + 1, inc["level"] + 3)])
        await self.store.add_timeline(n, {"at": now, "event": "resolved", "by": "resident", "outcome": reason})
        return await self.store.incident(n)

    async def handover(self, n: int, from_staff, to_staff) -> bool:
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved" or inc["claimed_by"] != from_staff.id:
            return False
        now = self.svc.clock.ts()
        if not await self.store.claim_incident(n, to_staff.id, now, expected=from_staff.id):
            return False
        claims = inc.get("claims", 0) + 1
        await self.store.update_incident(n, claims=claims, reopened=False)
        await self.store.cancel_deadline(f"arr:{n}:{inc.get('claims', 0)}")
        await self.store.set_deadline(f"arr:{n}:{claims}", now + self.policy(inc["kind"]).arrival_timeout_minutes * 60)
        await self.store.add_timeline(n, {"at": now, "event": "handed_over", "by": from_staff.name,
                                          "to": to_staff.name})
        return True

    # --- what the resident says about the address ---------------------------------------------
    async def address_confirmed(self, n: int) -> None:
        await self.store.update_incident(n, address_state="confirmed")
        await self.store.cancel_deadline(f"addr:{n}")
        await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "address_confirmed"})

    async def address_stated(self, n: int, parts: dict, text: str, disputed: bool = False) -> set[str]:
        """What the resident typed. After they said the register is wrong, it never counts as a confirmation."""
        inc = await self.store.incident(n)
        person = await self.store.resident(inc["resident"]) or {}
        diff = differing_parts(person, parts)
        if not has_any(parts):
            state = "unparsed"
        elif diff or disputed or not has_any(person):
            state = "corrected"
        else:
            state = "confirmed"
        await self.store.update_incident(n, address_state=state, address_stated=parts, address_text=text[:200],
                                         address_diff=sorted(diff))
        await self.store.cancel_deadline(f"addr:{n}")
        await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": f"address_{state}",
                                          "differs": sorted(diff)})
        return diff

    async def address_location(self, n: int, lat: float, lon: float) -> None:
        await self.store.update_incident(n, address_state="location", location=[lat, lon])
        await self.store.cancel_deadline(f"addr:{n}")
        await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "address_location"})

    # --- timers ----------------------------------------------------------------------------
    async def on_deadline(self, key: str) -> bool:
        """Handles one due deadline; True when it is finished with (the caller removes it)."""
        kind, n, *rest = key.split(":")
        n = int(n)
        # a timer never waits long for a lock: it comes back in a moment instead (see Engine.tick)
        async with self.lock(n, blocking_timeout=0.5):
            inc = await self.store.incident(n)
            if inc is None or inc["status"] == "resolved":
                return True
            if kind == "first":
                if not inc.get("first_alert_sent"):
                    log.warning("incident %s was stored but not alerted (restart?); alerting now", n)
                    await self._alert_first_locked(n)
                return True
            if kind == "esc":
                return await self._escalate(inc, int(rest[0]), key)
            if kind == "arr":
                return await self._no_arrival(inc, int(rest[0]), key)
            if kind == "addr":
                if inc.get("address_state") == "pending":
                    await self.store.update_incident(n, address_state="unconfirmed")
                    await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "address_unconfirmed"})
                    await self.refresh(n)
                return True
        return True

    async def _escalate(self, inc: dict, level: int, key: str) -> bool:
        n = inc["id"]
        if inc["status"] != "open" or inc["level"] >= level:
            return True  # claimed meanwhile, or this step already ran
        policy = self.policy(inc["kind"])
        now = self.svc.clock.ts()
        nxt = level + 1
        due = (inc["created"] + policy.levels[nxt].after_minutes * 60 if nxt < len(policy.levels)
               else now + policy.repeat_every_minutes * 60)
        remind = level < len(policy.levels) and policy.levels[level].remind_staff_to_call
        # record first: the level moves and the next step is scheduled before anyone is messaged
        await self.store.update_incident(n, level=level, **({"remind_call": True} if remind else {}))
        await self.store.set_deadline(f"esc:{n}:{nxt}", max(due, now))
        await self.store.cancel_deadline(key)
        await self.store.add_timeline(n, {"at": now, "event": "escalated", "level": level})
        reached = await self._alert(n, level, reason="alert.escalated")
        if reached == 0:
            await self.store.set_deadline(f"esc:{n}:{nxt}", now)  # nobody reached: next level at once
        await self.refresh(n)
        return False

    async def _no_arrival(self, inc: dict, claims: int, key: str) -> bool:
        n = inc["id"]
        if inc["status"] != "claimed" or inc.get("claims", 0) != claims:
            return True
        now = self.svc.clock.ts()
        policy = self.policy(inc["kind"])
        await self.store.update_incident(n, reopened=True)
        await self.store.set_deadline(key, now + policy.repeat_every_minutes * 60)
        await self.store.add_timeline(n, {"at": now, "event": "no_arrival", "claimed_by": inc["claimed_by"]})
        who = roster.staff_by_id(self.svc.settings, inc["claimed_by"])
        await self._alert(n, inc["level"], audience=["all_staff", "head"], reason="alert.no_arrival")
        await self.refresh(n)
        log.warning("incident %s claimed by %s without arrival", n, who.id if who else "?")
        return False
