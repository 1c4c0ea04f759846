"""Incidents: a call for help from creation to close. Record first, then act; every step on the timeline.

Deadlines (in Redis, so they survive a restart) carry what they expect, e.g. "esc:42:2" = "raise incident 42
to level 2": when one fires and the incident has moved on, it does nothing — so nothing fires twice. The others:
"arr:42:c" (claim number c without 已到达), "fol:42:c:s" (follow-up s of an arrived incident not yet resolved),
"rnw:42:k:l" (level l of the k-th new 🆘 on a claimed or arrived incident), "addr:42", "first:42".
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass, field

from . import roster
from .alerts import NAME_CHARS, render, render_digest, tappable
from .config import Policy
from .residents import differing_parts, full_address, has_any
from .services import Services
from .store import Opened
from .textfit import clip
from .types import Button, MessageRef, Outbound

log = logging.getLogger(__name__)
POLICY_OF = {"emergency": "emergency", "help": "help", "checkin": "checkin"}
FIRST_ALERT_GRACE_SECONDS = 10
# short, so a lock left by a crashed process holds escalation back by seconds, not minutes
INCIDENT_LOCK_SECONDS = 20


DIGEST_MAX = 40  # calls listed in one digest message, each with its claim button (Telegram allows 100 buttons)
DIGEST_CHARS = 3800  # and its length (Telegram's limit is 4096)
# escalations due together are gathered to share digests: the round leaves once none has joined for
# LATER_ROUND_SECONDS (so a busy machine, whose deadlines reach this point spread out, still sends one digest),
# and at most LATER_ROUND_MAX_SECONDS after its first call
LATER_ROUND_SECONDS = 0.05
LATER_ROUND_MAX_SECONDS = 1.0


@dataclass
class _Call:
    """An alert round's call on its way to staff: what to render, and each target's send (target, task,
    full packet?). `done` tells whoever waits for it how it went; `token` is a fast-lane call's lock."""

    n: int
    inc: dict
    person: dict
    targets: list[tuple[int, str, str]]
    token: str
    done: asyncio.Future
    sends: list = field(default_factory=list)


async def _sent(call: _Call) -> list:
    """The results of a call's sends, one per target (a digest's result counts for each call in it)."""
    return [await task for _, task, _ in call.sends]


def _digested(call: _Call) -> list[tuple[int, str, str]]:
    """The targets that got this call in a digest, and so still need its full packet."""
    return [t for t, _, whole in call.sends if not whole]


class Incidents:
    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self.store = svc.store
        self._opened: dict[int, tuple[dict, dict]] = {}  # just stored, not yet alerted: saves re-reading them
        self._sending: set[asyncio.Task] = set()  # alert work running in the background (held until done)
        self._round: list[_Call] = []  # fast-lane calls of this moment, alerted together
        self._round_ends = lambda: None
        self._later_round: list[_Call] = []  # escalations of this moment, alerted together
        self._later_flush: asyncio.TimerHandle | None = None
        self._later_since = 0.0

    def lock(self, n: int, blocking_timeout: float = 10):
        """One change to an incident at a time: staff actions, timers and the first alert."""
        return self.store.lock(f"incident:{n}", timeout=INCIDENT_LOCK_SECONDS, blocking_timeout=blocking_timeout)

    def policy(self, kind: str) -> Policy:
        return getattr(self.svc.settings.escalation, POLICY_OF[kind])

    # --- opening ---------------------------------------------------------------------
    def _new(self, kind: str, now: float, **fields) -> tuple[dict, dict[str, float], dict]:
        """A new incident's fields, its deadlines and its first timeline entry."""
        policy = self.policy(kind)
        fields = {"kind": kind, "created": now, "status": "open", "level": 0, "claimed_by": "", "claims": 0,
                  **fields}
        # a safety net: if the process dies between storing and alerting, the first alert still goes out
        deadlines = {"first:{n}": now + FIRST_ALERT_GRACE_SECONDS}
        if len(policy.levels) > 1:
            deadlines["esc:{n}:1"] = now + policy.levels[1].after_minutes * 60
        else:
            deadlines["esc:{n}:1"] = now + policy.repeat_every_minutes * 60
        deadlines["addr:{n}"] = now + self.svc.settings.escalation.address_confirm_timeout_minutes * 60
        entry = {"at": now, "event": "created", "kind": kind, "source": fields["source"]}
        return fields, deadlines, entry

    async def open(self, kind: str, person: dict, *, words: str = "", category: str | None = None,
                   source: str = "button", detail: str = "", ask_address: bool = True,
                   media: list[int] | None = None, **extra) -> int:
        """`media`: [chat, message] of what the resident sent (a voice, photo or location), forwarded with
        every alert round so whoever is alerted can hear it. `extra`: more fields (a family reporter...)."""
        address_state = ("pending" if has_any(person) else "unknown") if ask_address else "not_asked"
        fields, deadlines, entry = self._new(kind, self.svc.clock.ts(), resident=person["id"], words=words,
                                             category=category, detail=detail, address_state=address_state,
                                             source=source, **({"media": media} if media else {}), **extra)
        if address_state != "pending":
            del deadlines["addr:{n}"]
        entry["by"] = (extra.get("reporter") or {}).get("name") or person["name"]  # who made the call
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
        return await self._alert(n, 0, inc=inc, person=person, first=True)

    async def sos(self, tg: int, *, words: str = "🆘", source: str = "button") -> tuple[Opened, asyncio.Future | None]:
        """The fast lane for a resident's 🆘, by Telegram id: one Redis round trip stores the incident (and
        takes its lock), and the on-duty alert leaves at once. Returns with the alert on its way (a future,
        done once the alert is sent and recorded); until it has left, the urgent lane is held, so under a
        burst every alert leaves before anyone's replies. Calls that arrive together are alerted together:
        one message per staff chat lists them all (`render_digest`), each full packet following."""
        now = self.svc.clock.ts()
        fields, deadlines, entry = self._new("emergency", now, words=words, category=None, detail="", source=source)
        token = uuid.uuid4().hex  # the incident's lock, held until this alert is recorded; if this process dies
        # first, it lapses when the safety net ("first:n") is due, and the alert goes out from there
        with self.svc.outbox.lanes.urgent():
            got = await self.store.open_emergency(
                tg, fields, entry, created=now, first_due=deadlines["first:{n}"], esc_due=deadlines["esc:{n}:1"],
                addr_due=deadlines["addr:{n}"], lock_token=token, lock_seconds=FIRST_ALERT_GRACE_SECONDS)
            if got.outcome != "opened":
                return got, None
            n, person = got.n, got.person
            inc = {**fields, "id": n, "resident": person["id"], "address_state": got.address_state}
            targets = await self.recipients(inc, self.policy("emergency").levels[0].to, got.duty_overrides)
            first = _Call(n, inc, person, targets, token, asyncio.get_running_loop().create_future())
            if not self._round:  # the first of this moment's calls: the round leaves on the next turn of the loop
                self._round_ends = self.svc.outbox.lanes.hold()
                asyncio.get_running_loop().call_soon(self._send_round)
            self._round.append(first)
        log.info("incident %s opened (emergency, %s, fast lane)", n, source)
        return got, first.done

    def _send_round(self) -> None:
        """One alert per staff chat for each call in this round: its full packet if it is the only one, else
        a digest of them all. The sends are started before the round's hold on the lane is let go."""
        batch, self._round = self._round, []
        try:
            self._start_round(batch)
        except Exception as e:  # nothing sent: the callers fall back, and "first:n" still fires after a restart
            log.exception("a round of first alerts could not be started")
            for first in batch:
                if not first.done.done():
                    first.done.set_exception(e)
        finally:
            self._round_ends()

    def _start_round(self, batch: list[_Call]) -> None:
        self._start_sends(batch, "packet.digest_title")
        for first in batch:
            self._background(self._first_sent(first))

    def _start_sends(self, batch: list[_Call], heading: str) -> None:
        """Each call's message to each of its targets: alone in a chat, its packet; with others, a digest
        (staff only: family always get their own packet)."""
        by_chat: dict[tuple[int, int], list[tuple[_Call, tuple[int, str, str]]]] = {}
        for call in batch:
            for target in call.targets:
                key = (target[0], 0 if target[1] == "staff" else call.n)
                by_chat.setdefault(key, []).append((call, target))
        send = self.svc.outbox.send
        for (chat, _), items in by_chat.items():
            if len(items) == 1:
                call, target = items[0]
                msg = self._messages(call.n, call.inc, call.person, [target])[0]
                call.sends.append((target, asyncio.ensure_future(send(msg)), True))
                continue
            urgent = any(c.inc["kind"] == "emergency" for c, _ in items)
            for start, chunk, text, buttons in self._digests(items, heading):
                task = asyncio.ensure_future(send(Outbound(chat, text, buttons=buttons, urgent=urgent,
                                                           tag=f"alert:digest:{chunk[0][0].n}")))
                for call, target in chunk:
                    call.sends.append((target, task, False))

    def pending(self) -> list[asyncio.Task]:
        """Alert work still running in the background (for a clean shutdown)."""
        return list(self._sending)

    def _background(self, coro) -> asyncio.Task:
        task = asyncio.ensure_future(coro)
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)
        return task

    async def _round_alert(self, n: int, level: int, inc: dict, person: dict | None, targets: list, reason: str
                           ) -> int:
        """A later alert (escalation, no arrival) joins the others of this moment: a staff chat that several
        are bound for gets one digest, then each packet. Returns how many were reached."""
        loop = asyncio.get_running_loop()
        call = _Call(n, inc, person or {}, targets, "", loop.create_future())
        if not self._later_round:
            self._later_since = loop.time()
        if self._later_flush is not None:
            self._later_flush.cancel()  # another one joined: wait a moment more for the rest
        left = self._later_since + LATER_ROUND_MAX_SECONDS - loop.time()
        self._later_flush = loop.call_later(max(0.0, min(LATER_ROUND_SECONDS, left)), self._send_later_round)
        self._later_round.append(call)
        reached = await self._record_call(call, await call.done, level, reason)
        if _digested(call):
            self._background(self._full_packets(call))
        return reached

    def _send_later_round(self) -> None:
        batch, self._later_round, self._later_flush = self._later_round, [], None
        try:
            self._start_sends(batch, "packet.digest_escalated")
        except Exception as e:
            log.exception("a round of alerts could not be started")
            for call in batch:
                call.done.set_exception(e)
            return
        for call in batch:
            self._background(self._results(call))

    @staticmethod
    async def _results(call: _Call) -> None:
        try:
            call.done.set_result(await _sent(call))
        except Exception as e:
            call.done.set_exception(e)

    async def _record_call(self, call: _Call, results: list, level: int, reason: str, *, first: bool = False) -> int:
        """A call's alert round, written down: the packets (not digests) are the messages later edits update."""
        packets = [(t[0], res.message_id, t[1]) for (t, _, whole), res in zip(call.sends, results)
                   if whole and res.ok and res.message_id]
        return await self._recorded(call.n, level, [t for t, _, _ in call.sends], results, reason, first=first,
                                    sent=packets)

    def _digests(self, items: list, heading: str = "packet.digest_title") -> list:
        """As few messages as Telegram allows: at most DIGEST_MAX calls (one claim button each) and
        DIGEST_CHARS characters per message."""
        out, i = [], 0
        while i < len(items):
            size = min(DIGEST_MAX, len(items) - i)
            while True:
                chunk = items[i:i + size]
                text, buttons = render_digest(self.svc, [(f.inc, f.person) for f, _ in chunk], start=i + 1,
                                              total=len(items), heading=heading)
                if len(text) <= DIGEST_CHARS or size == 1:
                    break
                size = max(1, size * DIGEST_CHARS // len(text))
            out.append((i + 1, chunk, text, buttons))
            i += size
        return out

    async def _first_sent(self, first: _Call) -> None:
        n = first.n
        try:
            results = await _sent(first)
            await self.svc.outbox.lanes.wait_turn()  # the record can wait for the other alerts in flight
            reached = await self._record_call(first, results, 0, "", first=True)
        except Exception as e:  # the caller hears of it and falls back; "first:n" is still due after 10 s
            log.exception("first alert of incident %s failed", n)
            first.done.set_exception(e)
            return
        else:
            first.done.set_result(reached)
        finally:
            try:
                await self.store.unlock(f"incident:{n}", first.token)
            except Exception:  # it lapses by itself within FIRST_ALERT_GRACE_SECONDS
                log.warning("could not release the lock of incident %s", n)
        if _digested(first):
            await self._full_packets(first)

    async def _full_packets(self, call: _Call) -> None:
        """After a digest, each staff member's full packet: at an ordinary pace, with the state as it is by then."""
        n, targets = call.n, _digested(call)
        try:
            inc = await self.store.incident(n)
            msgs = [Outbound(m.chat_id, m.text, buttons=m.buttons, urgent=True, tag=f"packet:{n}")
                    for m in self._messages(n, inc, call.person, targets)]
            results = await self.svc.outbox.send_all(msgs)
            sent = [(t[0], res.message_id, t[1]) for t, res in zip(targets, results) if res.ok and res.message_id]
            await self.store.record_alerts(n, sent, {"at": self.svc.clock.ts(), "event": "packet_sent",
                                                     "to": [t[2] for t in targets], "sent": len(sent)})
        except Exception:  # the digest reached them; /incident and later edits still work from the store
            log.exception("full packets of incident %s not sent", n)

    # --- who hears about it ----------------------------------------------------------
    async def recipients(self, inc: dict, audience: list[str], duty_overrides: dict[str, float] | None = None
                         ) -> list[tuple[int, str, str]]:
        """(chat id, role, display name) for each audience, without repeats."""
        s = self.svc.settings
        out: dict[int, tuple[int, str, str]] = {}
        for who in audience:
            if who == "claimer":
                claimer = roster.staff_by_id(s, inc.get("claimed_by"))
                staff = [claimer] if claimer else []
            elif who == "on_duty":
                if duty_overrides is None:
                    duty_overrides = await self.store.duty_overrides()
                staff = roster.on_duty(s, self.svc.clock.now(), duty_overrides,
                                       getattr(self.svc.extra.get("reach"), "unreachable", frozenset()))
            elif who == "all_staff":
                staff = list(s.staff)
            elif who == "head":
                staff = roster.heads(s)
            else:
                staff = []
                for tg, name in await self._linked(inc, who):
                    out.setdefault(tg, (tg, "family", name))
            for st in staff:
                out.setdefault(st.telegram_id, (st.telegram_id, "staff", st.name))
        return list(out.values())

    async def _linked(self, inc: dict, who: str) -> list[tuple[int, str]]:
        """The resident's family or doctor as the register names them now (a contact removed there hears nothing
        more), wherever they signed up: as a contact, or as a resident themselves."""
        person = await self.store.resident(inc.get("resident")) or {}
        named = person.get("contacts", []) if who == "family" else [person["doctor"]] if person.get("doctor") else []
        by_phone = {c["phone"]: c["name"] for c in named if c.get("phone")}
        return [(tg, by_phone[phone]) for tg, phone in await self.store.telegram_ids_by_phone(list(by_phone))]

    async def _alert(self, n: int, level: int, audience: list[str] | None = None, reason: str = "", *,
                     inc: dict | None = None, person: dict | None = None, first: bool = False) -> int:
        inc = inc or await self.store.incident(n)
        person = person or await self.store.resident(inc["resident"])
        policy = self.policy(inc["kind"])
        if audience is None:
            lv = policy.levels[min(level, len(policy.levels) - 1)]
            audience = lv.to  # repeats reach the last level's whole audience, family and doctor included
        targets = await self.recipients(inc, audience)
        if inc.get("media"):  # what the resident sent comes first, so the packet's buttons follow it
            chat, msg_id = inc["media"]
            await self.svc.outbox.send_all([Outbound(t, forward=MessageRef(chat, msg_id), urgent=True,
                                                     tag=f"media:{n}") for t, role, _ in targets if role == "staff"])
        if not first:
            return await self._round_alert(n, level, inc, person, targets, reason)
        results = await self.svc.outbox.send_all(self._messages(n, inc, person, targets))
        return await self._recorded(n, level, targets, results, reason, first=first)

    def _messages(self, n: int, inc: dict, person: dict | None, targets: list[tuple[int, str, str]]) -> list[Outbound]:
        urgent = inc["kind"] == "emergency"
        out = []
        for chat, role, _ in targets:
            text, buttons = render(self.svc, inc, person, role=role)
            out.append(Outbound(chat, text, buttons=buttons, urgent=urgent, tag=f"alert:{n}"))
        return out

    async def _recorded(self, n: int, level: int, targets: list[tuple[int, str, str]], results: list,
                        reason: str, *, first: bool = False, sent: list | None = None) -> int:
        """Writes an alert round down (its messages, for later edits; who was and wasn't reached). A first
        alert that reached nobody brings the next level forward to now. Returns how many were reached."""
        if sent is None:
            sent = [(chat, res.message_id, role) for (chat, role, _), res in zip(targets, results)
                    if res.ok and res.message_id]
        reached = [name for (_, _, name), res in zip(targets, results) if res.ok]
        failed = [name for (_, _, name), res in zip(targets, results) if not res.ok]
        if reach := self.svc.extra.get("reach"):  # a chat that refused this alert is passed over from now on
            reach.refused([chat for (chat, role, _), res in zip(targets, results)
                           if role == "staff" and not res.ok and res.permanent])
        entry = {"at": self.svc.clock.ts(), "event": "alerted", "level": level, "to": reached, "failed": failed,
                 "reason": reason}
        await self.store.record_alerts(n, sent, entry, fields={"first_alert_sent": True} if first else None,
                                       cancel=(f"first:{n}",) if first else ())
        if reached:
            return len(reached)
        if first:  # the next level (all staff) at once; later levels keep their pace, reached or not
            await self.store.set_deadline(f"esc:{n}:1", self.svc.clock.ts())
        return await self._nobody_reached(n, level, targets)

    async def _nobody_reached(self, n: int, level: int, targets: list[tuple[int, str, str]]) -> int:
        """A round whose packets reached nobody: a short plain alert to each staff member it was for, and the
        head told. Returns how many of these were reached."""
        cat, s = self.svc.cat, self.svc.settings
        inc = await self.store.incident(n)
        person = await self.store.resident(inc["resident"]) or {}
        failed = [name for _, _, name in targets]
        heads = {h.telegram_id: h.name for h in roster.heads(s)}
        chats = {chat: name for chat, role, name in targets if role == "staff"} | heads
        kw = dict(n=n, name=clip(person.get("name", "?"), NAME_CHARS), phone=tappable(person.get("phone", "")),
                  address=clip(full_address(s.community.address_prefix, person) or cat.t("packet.no_address"), 200),
                  words=clip(inc.get("words") or "🆘", 100), who="、".join(failed) or "-", level=level + 1)
        claim = ((Button(cat.t("btn.claim"), f"inc:claim:{n}"),),)
        msgs = [Outbound(chat, cat.t("alert.nobody_reached" if chat in heads else "alert.minimal", **kw),
                         buttons=claim, urgent=True, tag=f"alert:min:{n}") for chat in chats]
        results = await self.svc.outbox.send_all(msgs)
        reached = [chats[m.chat_id] for m, res in zip(msgs, results) if res.ok]
        await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "fallback_alert", "level": level,
                                          "to": reached, "failed": [chats[m.chat_id] for m, res in zip(msgs, results)
                                                                    if not res.ok]})
        log.warning("incident %s: alert round %s reached nobody; short alerts reached %s", n, level, len(reached))
        return len(reached)

    async def refresh(self, n: int, pressed: MessageRef | None = None) -> None:
        """Edits every alert message of the incident to show its current state, in the background: nobody's
        reply (nor lock) waits for them, and they go after replies, each message only in its latest state
        (`Outbox`). The packet a staff member just pressed is their answer: it goes as a reply."""
        inc = await self.store.incident(n)
        person = await self.store.resident(inc["resident"])
        edits = []
        for chat, msg_id, role in await self.store.alert_messages(n):
            text, buttons = render(self.svc, inc, person, role=role)
            ref = MessageRef(chat, msg_id)
            tag = f"reply:{n}" if ref == pressed else f"edit:{n}"
            edits.append(Outbound(chat, text, buttons=buttons, edit=ref, tag=tag))
        self._background(self.svc.outbox.send_all(edits))

    async def notify_alerted(self, n: int, text_key: str, skip: set[int] = frozenset(), *, urgent: bool = False,
                             **kw) -> None:
        chats = {chat for chat, _, _ in await self.store.alert_messages(n)} - set(skip)
        inc = await self.store.incident(n)
        person = await self.store.resident(inc["resident"]) or {}
        self._background(self.svc.outbox.send_all([  # news for them: nobody's reply (or lock) waits for it
            Outbound(chat, self.svc.cat.t(text_key, n=n, name=person.get("name", ""), **kw), urgent=urgent)
            for chat in chats]))

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
        await self.store.update_incident(n, claims=claims, reopened=False, renewed=False)
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
        await self.store.update_incident(n, status="arrived", arrived_at=now, reopened=False, renewed=False, followup=0)
        await self.store.cancel_deadline(f"arr:{n}:{inc.get('claims', 0)}")
        await self.store.set_deadline(f"fol:{n}:{inc.get('claims', 0)}:1",
                                      now + self.policy(inc["kind"]).arrived_followup_minutes * 60)
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
        await self.store.update_incident(n, claims=claims, reopened=False, renewed=False)
        await self.store.cancel_deadline(f"arr:{n}:{inc.get('claims', 0)}")
        await self.store.set_deadline(f"arr:{n}:{claims}", now + self.policy(inc["kind"]).arrival_timeout_minutes * 60)
        await self.store.add_timeline(n, {"at": now, "event": "handed_over", "by": from_staff.name,
                                          "to": to_staff.name})
        return True

    async def name_resident(self, n: int, person: dict, relation: str) -> bool:
        """A contact linked to several residents says which one their call was about."""
        async with self.lock(n):
            inc = await self.store.incident(n)
            if inc is None or inc.get("resident") or inc["status"] == "resolved":
                return False
            await self.store.update_incident(n, resident=person["id"],
                                             reporter={**inc.get("reporter", {}), "relation": relation})
            await self.store.set_active_incident(person["id"], n)
            await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "resident_named",
                                              "name": person["name"]})
        await self.refresh(n)
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
            finished, changed = await self._on_deadline_locked(kind, n, rest, key)
        if changed:  # edits wait their turn behind alerts: apart, so neither a claim nor the incident's next
            self._background(self.refresh(n))  # deadline waits for them (Engine.tick gives them a moment)
        return finished

    async def _on_deadline_locked(self, kind: str, n: int, rest: list[str], key: str) -> tuple[bool, bool]:
        """(finished with the deadline, the incident's messages need updating)."""
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
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
            finished = await self._follow_up(inc, int(rest[0]), int(rest[1]), key)
            return finished, not finished
        if kind == "rnw":
            finished = await self._renewed_escalate(inc, int(rest[0]), int(rest[1]), key)
            return finished, not finished
        if kind == "addr" and inc.get("address_state") == "pending":
            await self.store.update_incident(n, address_state="unconfirmed")
            await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "address_unconfirmed"})
            return True, True
        return True, False

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
        await self._alert(n, level, reason="alert.escalated")  # reaching nobody does not hurry the next level:
        return False  # its short alerts have gone and the head knows (`_nobody_reached`)

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
        log.warning("incident %s claimed by %s without arrival", n, who.id if who else "?")
        return False

    async def _follow_up(self, inc: dict, claims: int, step: int, key: str) -> bool:
        """An arrived incident nobody has resolved: its claimer is asked first, then all staff, again and again."""
        n = inc["id"]
        if inc["status"] != "arrived" or inc.get("claims", 0) != claims or inc.get("followup", 0) != step - 1:
            return True
        now = self.svc.clock.ts()
        nxt = f"fol:{n}:{claims}:{step + 1}"
        await self.store.update_incident(n, followup=step)
        await self.store.set_deadline(nxt, now + self.policy(inc["kind"]).arrived_followup_minutes * 60)
        await self.store.cancel_deadline(key)
        await self.store.add_timeline(n, {"at": now, "event": "followup", "step": step})
        inc = {**inc, "followup": step}
        targets = await self.recipients(inc, ["claimer"] if step == 1 else ["all_staff"])
        reached = await self._round_alert(n, inc["level"], inc, await self.store.resident(inc["resident"]), targets,
                                          "alert.followup")
        if reached == 0:
            await self.store.set_deadline(nxt, now)  # the claimer cannot be reached: everyone at once
        return False

    # --- a new 🆘 on a claimed or arrived incident -------------------------------------------
    async def renew(self, n: int, words: str) -> int:
        """The situation may have changed (a second fall, the helper gone home): a new urgent call with buttons
        to the claimer and the first level, escalating like a new call until someone claims or arrives.
        Returns how many were reached."""
        async with self.lock(n):
            inc = await self.store.incident(n)
            if inc is None or inc["status"] not in ("claimed", "arrived"):
                return 0
            now = self.svc.clock.ts()
            k = inc.get("renewals", 0) + 1
            fields = {"reopened": True, "renewed": True, "renewals": k, "renew_level": 0, "renewed_words": words}
            await self.store.update_incident(n, **fields)
            policy = self.policy(inc["kind"])
            await self.store.set_deadline(f"rnw:{n}:{k}:1", now + _gap(policy, 1))
            await self.store.add_timeline(n, {"at": now, "event": "renewed", "words": words})
            inc.update(fields)
            reached = await self._renewed_alert(inc, 0, "alert.renewed")
            if reached == 0:
                await self.store.set_deadline(f"rnw:{n}:{k}:1", now)
        self._background(self.refresh(n))  # the earlier packets show it too
        return reached

    async def _renewed_alert(self, inc: dict, level: int, reason: str) -> int:
        policy = self.policy(inc["kind"])
        targets = await self.recipients(inc, ["claimer", *policy.levels[min(level, len(policy.levels) - 1)].to])
        return await self._round_alert(inc["id"], level, inc, await self.store.resident(inc["resident"]), targets,
                                       reason)

    async def _renewed_escalate(self, inc: dict, k: int, level: int, key: str) -> bool:
        n = inc["id"]
        if not inc.get("renewed") or inc.get("renewals") != k or inc.get("renew_level", 0) >= level:
            return True  # answered meanwhile, or this step already ran
        now = self.svc.clock.ts()
        nxt = f"rnw:{n}:{k}:{level + 1}"
        await self.store.update_incident(n, renew_level=level)
        await self.store.set_deadline(nxt, now + _gap(self.policy(inc["kind"]), level + 1))
        await self.store.cancel_deadline(key)
        await self.store.add_timeline(n, {"at": now, "event": "escalated", "level": level})
        if await self._renewed_alert({**inc, "renew_level": level}, level, "alert.escalated") == 0:
            await self.store.set_deadline(nxt, now)
        return False


def _gap(policy: Policy, level: int) -> float:
    """Seconds between reaching level - 1 and level (past the last level: the repeat interval)."""
    if level < len(policy.levels):
        return (policy.levels[level].after_minutes - policy.levels[level - 1].after_minutes) * 60
    return policy.repeat_every_minutes * 60
