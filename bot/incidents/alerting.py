"""Who hears about an incident, what each is sent, and how an alert round is written down (a round that reaches
nobody: short alerts, and the head told); the packets edited to show the incident's state."""
from __future__ import annotations

import asyncio
import logging

from .. import roster, staff_langs
from . import on_leave
from ..residents import full_address
from ..textfit import clip
from ..types import Button, MessageRef, Outbound
from .closed import may_be
from .held_calls import lost
from .packet import NAME_CHARS, URGENT_KINDS, colleague, render, someone_else, tappable

log = logging.getLogger(__name__)


async def listeners(svc, inc: dict) -> list[int]:
    """Whoever is handling the call (everyone alerted about it until it is claimed): the staff chats that hear what
    the resident sends next."""
    claimer = None if lost(inc) else roster.staff_by_id(svc.settings, inc.get("claimed_by"))  # (held_calls.py)
    staff = {st.telegram_id for st in svc.settings.staff}  # (someone taken off the staff list: no longer)
    return [claimer.telegram_id] if claimer else sorted({c for c, _, role in await svc.store.alert_messages(inc["id"])
                                                        if role == "staff" and c in staff})


class Alerting:
    """Audiences, packets and their record (part of `Incidents`)."""

    async def recipients(self, inc: dict, audience: list[str], duty_overrides: dict[str, float] | None = None,
                         unreachable: set[str] | None = None) -> list[tuple[int, str, str]]:
        """(chat id, role, display name) for each audience, without repeats (`duty_overrides` and `unreachable`:
        as the caller already read them)."""
        s = self.svc.settings
        out: dict[int, tuple[int, str, str]] = {}
        ids, chosen = {}, set()  # staff chats → ids; those the roster chose (on_leave.py)
        if any(who in on_leave.WIDE for who in audience):
            if duty_overrides is None:
                duty_overrides = await self.store.duty_overrides()
            if unreachable is None:
                unreachable = await roster.unreachable(self.svc)
        for who in audience:
            if who == "claimer":
                claimer = None if lost(inc) else roster.staff_by_id(s, inc.get("claimed_by"))
                staff = [claimer] if claimer else []
            elif who == "on_duty":
                staff = roster.on_duty(s, self.svc.clock.now(), duty_overrides, unreachable)
            elif who == "all_staff":
                staff = list(s.staff)
            elif who == "head":
                staff = roster.heads(s)
            else:
                staff = []
                for tg, name in await self._linked(inc, who):
                    out.setdefault(tg, (tg, "family", name))
            for st in staff:
                if st.id != inc.get("staff_caller"):  # a staff member is never alerted about her own call
                    out.setdefault(st.telegram_id, (st.telegram_id, "staff", st.name))
                    ids[st.telegram_id] = st.id
                    chosen |= {st.telegram_id} if who in on_leave.WIDE else set()
        chosen.discard(self._claimer_chat(inc))  # her own call stays hers
        if chosen and (leave := on_leave.leave_ids(duty_overrides, self.svc.clock.ts())):
            await self._leave_noted(inc, ids, chosen, leave, out, unreachable)
        return list(out.values())

    def _claimer_chat(self, inc: dict) -> int | None:
        claimer = None if lost(inc) else roster.staff_by_id(self.svc.settings, inc.get("claimed_by"))
        return claimer.telegram_id if claimer else None

    async def _leave_noted(self, inc: dict, ids: dict[int, str], chosen: set[int], leave: set[str],
                           out: dict[int, tuple], unreachable: set[str]) -> None:
        """Staff on leave out of `out` while someone else in it can hear; else kept, and `inc` (and its record)
        notes them, so their packet says why they got it (on_leave.py)."""
        for chat in on_leave.passed_over(ids, chosen, leave, unreachable):
            out.pop(chat, None)
            ids.pop(chat, None)
        if (paged := on_leave.paged(ids, chosen, leave)) and not set(paged) <= set(inc.get("leave_paged") or ()):
            inc["leave_paged"] = sorted({*(inc.get("leave_paged") or ()), *paged})
            if inc.get("id"):
                await self.store.update_incident(inc["id"], leave_paged=inc["leave_paged"])

    async def _linked(self, inc: dict, who: str) -> list[tuple[int, str]]:
        """The resident's family or doctor as the register names them now (a contact removed there hears nothing
        more), wherever they signed up: as a contact, or as a resident themselves."""
        person = await self.store.resident(inc.get("resident")) or {}
        named = person.get("contacts", []) if who == "family" else [person["doctor"]] if person.get("doctor") else []
        by_phone = {c["phone"]: c["name"] for c in named if c.get("phone")}
        return [(tg, by_phone[phone]) for tg, phone in await self.store.telegram_ids_by_phone(list(by_phone))]

    async def _alert(self, n: int, level: int, audience: list[str] | None = None, reason: str = "", *,
                     inc: dict | None = None, person: dict | None = None, first: bool = False,
                     mark: dict | None = None, skip: frozenset[int] | set[int] = frozenset()) -> int:
        """An alert round at `level`; `mark`: incident fields written with its record (that it was sent); `skip`:
        chats this round leaves out (a family told of the call already hear a raise in one line)."""
        inc = inc or await self.store.incident(n)
        person = person or await self.store.resident(inc["resident"])
        policy = self.policy(inc)
        if audience is None:
            lv = policy.levels[min(level, len(policy.levels) - 1)]
            audience = lv.to  # repeats reach the last level's whole audience, family and doctor included
        await staff_langs.refresh(self.svc)  # (the fast lane's first round uses those known: it never waits)
        targets = [t for t in await self.recipients(inc, audience) if t[0] not in skip]
        if inc.get("media"):  # what the resident sent comes first, so the packet's buttons follow it
            chat, msg_id = inc["media"]
            await self.svc.outbox.send_all([Outbound(t, forward=MessageRef(chat, msg_id), urgent=True,
                                                     tag=f"media:{n}") for t, role, _ in targets if role == "staff"])
        if not first:
            return await self._round_alert(n, level, inc, person, targets, reason, mark=mark)
        results = await self.svc.outbox.send_all(self._messages(n, inc, person, targets))
        return await self._recorded(n, level, targets, results, reason, first=first)

    def _messages(self, n: int, inc: dict, person: dict | None, targets: list[tuple[int, str, str]]) -> list[Outbound]:
        urgent = inc["kind"] in URGENT_KINDS
        out = []
        for chat, role, _ in targets:
            text, buttons = render(self.svc, inc, person, role=role, viewer=chat, locale=self.svc.staff_locale(chat))
            out.append(Outbound(chat, text, buttons=buttons, urgent=urgent, tag=f"alert:{n}"))
        return out

    async def _recorded(self, n: int, level: int, targets: list[tuple[int, str, str]], results: list,
                        reason: str, *, first: bool = False, sent: list | None = None, mark: dict | None = None,
                        owe: tuple[list, float] | None = None) -> int:
        """Writes an alert round down (its messages, for later edits; who was and wasn't reached). A first
        alert that reached nobody brings the next level forward to now; a full packet sent to a chat still owed one
        after a digest pays that debt (owed.py), so nobody gets the call's packet twice. Returns how many were
        reached."""
        if sent is None:
            sent = [(chat, res.message_id, role) for (chat, role, _), res in zip(targets, results)
                    if res.ok and res.message_id]
        reached = [name for (_, _, name), res in zip(targets, results) if res.ok]
        failed = [name for (_, _, name), res in zip(targets, results) if not res.ok]
        if reach := self.svc.reach:  # a chat that refused this alert is passed over from now on
            await reach.refused([chat for (chat, role, _), res in zip(targets, results)
                           if role == "staff" and not res.ok and res.permanent])
        entry = {"at": self.svc.clock.ts(), "event": "alerted", "level": level, "to": reached, "failed": failed,
                 "reason": reason}
        fields = {**({"first_alert_sent": True} if first else {}), **(mark or {})}
        await self.store.record_alerts(n, sent, entry, fields=fields, cancel=(f"first:{n}",) if first else (),
                                       owe=owe, paid=[chat for chat, _, _ in sent])
        if first:  # many calls at once: everyone, not the on-duty phone alone (surge.py)
            await self.surge_check(n)
        if reached:  # the family perhaps, and no staff member: sent again soon (retries.py)
            if staff := [res for (_, role, _), res in zip(targets, results) if role == "staff"]:
                await self._staff_reached(n, any(res.ok for res in staff))
            await self._retry_staff(n, level, targets, results)
            if not first and any(res.ok for (_, role, _), res in zip(targets, results) if role == "staff"):
                await self._reached_late(n)  # a caller told nobody had it hears that someone has (reached_late.py)
            return len(reached)
        if first:  # the next level (all staff) at once; later levels keep their pace, reached or not
            await self.store.set_deadline(f"esc:{n}:1", self.svc.clock.ts())
        got = await self._nobody_reached(n, level, targets)
        if first and not got:
            await self.caller_unreached(n)
        elif got and not first:
            await self._reached_late(n)
        await self._staff_reached(n, bool(got))
        return got

    async def packet_to(self, n: int, chat: int, name: str) -> None:
        """The call's packet, with its buttons, to a staff chat that has none of it (a call handed over to a colleague
        it never alerted): written down as its alert messages are, so its edits and news reach her too."""
        if chat in {c for c, _, _ in await self.store.alert_messages(n)}:
            return
        inc = await self.store.incident(n)
        [res] = await self.svc.outbox.send_all(self._messages(n, inc, await self.store.resident(inc["resident"]),
                                                              [(chat, "staff", name)]))
        await self.store.record_alerts(n, [(chat, res.message_id, "staff")] if res.ok and res.message_id else [],
                                       {"at": self.svc.clock.ts(), "event": "packet_sent", "to": [name],
                                        "sent": int(res.ok)})

    async def _staff_reached(self, n: int, reached: bool) -> None:
        """A missed check-in's round reached a staff member, or none: its family's message says "社工正在去看看"
        only once one has it (else: not reached yet, please phone her), edited when that changes."""
        inc = await self.store.incident(n)
        if inc and inc.get("kind") == "checkin" and bool(inc.get("staff_unreached")) == reached:
            await self.store.update_incident(n, staff_unreached=not reached)
            self.background(self.refresh(n))

    async def _nobody_reached(self, n: int, level: int, targets: list[tuple[int, str, str]]) -> int:
        """A round whose packets reached nobody: a short plain alert to each staff member it was for, and the
        head told. Returns how many of these were reached."""
        cat, s = self.svc.cat, self.svc.settings
        inc = await self.store.incident(n)
        person = await self._caller(inc)
        failed = [name for _, _, name in targets]
        heads = {h.telegram_id: h.name for h in roster.heads(s) if h.id != inc.get("staff_caller")}  # (never herself)
        chats = {chat: name for chat, role, name in targets if role == "staff"} | heads
        kw = dict(n=n, name=clip(person.get("name", "?"), NAME_CHARS), phone=tappable(person.get("phone", "")),
                  address=clip(full_address(s.community.address_prefix, person) or cat.t("packet.no_address"), 200),
                  words=clip(inc.get("words") or "🆘", 100), who="、".join(failed) or "-", level=level + 1)
        msgs = [Outbound(chat, cat.t("alert.nobody_reached" if chat in heads else "alert.minimal",
                                     self.svc.staff_locale(chat), **kw),
                         buttons=((Button(cat.t("btn.claim", self.svc.staff_locale(chat)), f"inc:claim:{n}"),),),
                         urgent=True, tag=f"alert:min:{n}") for chat in chats]
        results = await self.svc.outbox.send_all(msgs)
        reached = [chats[m.chat_id] for m, res in zip(msgs, results) if res.ok]
        await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "fallback_alert", "level": level,
                                          "to": reached, "failed": [chats[m.chat_id] for m, res in zip(msgs, results)
                                                                    if not res.ok]})
        log.warning("incident %s: alert round %s reached nobody; short alerts reached %s", n, level, len(reached))
        # Telegram failing (5xx, time-outs), not refusing: the round again soon, not only at the next level
        await self._retry_later(n, level, results, staff_failed=not reached)
        return len(reached)

    async def _caller(self, inc: dict) -> dict:
        """Who the call is about: the resident, or the staff member who made it (bot/incidents/colleague.py)."""
        if inc.get("about_other") and not inc.get("resident"):  # someone the register did not name
            return someone_else(self.svc, inc)
        return colleague(self.svc, inc) if inc.get("staff_caller") else await self.store.resident(inc["resident"]) or {}

    async def refresh(self, n: int, pressed: MessageRef | None = None) -> asyncio.Task:
        """Edits every alert message of the incident to show its current state, in the background: nobody's
        reply (nor lock) waits for them, and they go after replies, each message only in its latest state
        (`Outbox`). The packet a staff member just pressed is their answer: it goes as a reply. An edit Telegram
        failed to make is made again soon (edits_owed.py)."""
        inc = await self.store.incident(n)
        person = await self.store.resident(inc["resident"])
        edits = self._packet_edits(inc, person, await self.store.alert_messages(n), pressed)
        # those Telegram failed for: made again soon (edits_owed.py); the live locations left (live.py) as they are
        return self.background(self._packets_edited(n, edits, await self.live_left(inc, person)))

    async def notify_alerted(self, n: int, text_key: str, skip: set[int] = frozenset(), *, urgent: bool = False,
                             holders: bool = False, owe: int | None = None, after_close: bool = False,
                             **kw) -> asyncio.Task:
        """Staff news of the incident for every staff member alerted about it (`holders`: only those holding it —
        its claimer once claimed, every one alerted while nobody has, or while a renewal of it waits for an answer).
        The family and doctors it reached never get these: they hear in their own words (family_news.py). `owe`:
        the news's timeline entry, to send it again soon to those Telegram failed for (notes_owed.py) — even once the
        call is closed, if `after_close` (the news that it is over)."""
        inc = await self.store.incident(n)
        chats = {chat for chat, _, role in await self.store.alert_messages(n) if role == "staff"}
        if holders and inc:
            chats = set(await listeners(self.svc, {**inc, "claimed_by": None} if inc.get("renewed") else inc))
        chats -= set(skip)
        person = await self._caller(inc)  # (one of several not named yet: "张阿姨/王老伯", as on its packet)
        msgs = [Outbound(chat, self.svc.cat.t(text_key, self.svc.staff_locale(chat), n=n, name=may_be(inc or {}, person),
                                              **kw), urgent=urgent)
                for chat in chats]  # news for them, each in her language: nobody's reply (or lock) waits for it
        return self.background(self.svc.outbox.send_all(msgs) if owe is None else self.sent_owing(n, owe, msgs,
                                                                                            after_close=after_close))
