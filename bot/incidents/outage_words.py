"""What a caller types after their cry while Redis is away: not lost, and not mistaken for an answer.

After "救命 我摔倒了" a resident goes on typing: where he is ("我在3号楼302", maybe not the door on the register, as in
the real case), "门开着", "我没事了". While Redis is away, such words (no cry themselves) from someone whose cry waits
in the outage journal are journaled too, then go at once to the staff whom that cry's alert reached, as one short
line "（求助人又说）" (SAID_PER_MINUTE a person; those held back are counted into their next one), and he hears they
were passed on.

Once Redis is back they are not replayed through the conversation (they answered the fallback, not a question:
"不用了" is no "the address is wrong"). Each is attached to the incident his cry became: on its timeline at its own
time and in the packet, and an address in his own words beside the register (loudly when it differs), so the
read-back is not asked after it. Someone unknown's (whose cry opened no incident) are written down as their messages
are. Nobody gets a message for them (bot/incidents/recovery.py sends the one).
"""
from __future__ import annotations

import asyncio
from collections import deque

from ..types import Inbound, Outbound
from .address_steps import door_in

SAID_PER_MINUTE = 3  # a caller's words that reach staff in a minute during an outage; the rest are counted
SAID_SECONDS = 60
SAID_KEPT = 5  # the packet shows this many of the latest words said during the outage
SAID_CHARS = 300
SENDERS_KEPT = 1000  # callers remembered at most (those whose minute has passed are forgotten first)


class SaidPace:
    """Which of a caller's words go on to staff while storage is away, counted in this process on `svc.clock`."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self._sent: dict[int, deque[float]] = {}  # sender: when their last ones went on, within SAID_SECONDS
        self._held: dict[int, int] = {}  # sender: held back since their last one went on

    def take(self, sender: int) -> int | None:
        """None when this one is held back (counted); else how many of theirs were held back before it."""
        now = self.clock.ts()
        if len(self._sent) >= SENDERS_KEPT:
            self._sent = {k: q for k, q in self._sent.items() if q and q[-1] > now - SAID_SECONDS}
            self._held = {k: v for k, v in self._held.items() if k in self._sent}
        sent = self._sent.setdefault(sender, deque())
        while sent and sent[0] <= now - SAID_SECONDS:
            sent.popleft()
        if len(sent) >= SAID_PER_MINUTE:
            self._held[sender] = self._held.get(sender, 0) + 1
            return None
        sent.append(now)
        return self._held.pop(sender, 0)


async def said_after_cry(svc, ev: Inbound, cry: dict, who) -> Outbound:
    """Words from someone whose cry waits in the journal (`cry`: its id, and the names of the staff its alert
    reached; `who()`: their name as staff know it). Journaled first, then passed on (paced), then they are told."""
    cat, settings = svc.cat, svc.settings
    held = svc.outage.pace.take(ev.user_id)
    await svc.outage.note(ev, cried="", held=held is None, said=cry["id"])
    reached = 0
    if held is not None:
        name, _ = await who()
        text = cat.t("fallback.said", name=name, words=ev.text.strip()[:SAID_CHARS])
        if held:
            text += "\n" + cat.t("fallback.media_held", count=held)
        staff = [st for st in settings.staff if st.telegram_id]
        staff = [st for st in staff if st.name in cry["to"]] or staff  # whom the cry reached; else everyone again
        results = await asyncio.gather(*(svc.outbox.send(Outbound(st.telegram_id, text, urgent=True))
                                         for st in staff), return_exceptions=True)
        reached = sum(1 for res in results if not isinstance(res, BaseException) and res.ok)
    key = "fallback.said_sent" if reached else "fallback.error"
    msg = Outbound(ev.chat, cat.t(key, cat.locale_for(ev.language), phone=settings.community.committee_phone),
                   urgent=True)
    await svc.outbox.send(msg)
    return msg


async def attach(svc, entry: dict, opened: list[int]) -> None:
    """Journaled words, once Redis is back: onto the incident their cry became (`opened`: the incidents its replay
    opened here; empty when it went on an open call, or was stored by another run: then the caller's open call)."""
    store = svc.store
    ev = entry.get("ev") or {}
    uid, text = ev.get("user_id"), str(ev.get("text") or "").strip()[:SAID_CHARS]
    at = float(entry.get("at") or svc.clock.ts())  # when it was said, not when Redis came back
    person = await store.resident_by_tg(uid) if uid else None
    n = opened[-1] if opened else await _open_call(svc, uid, person)
    inc = await store.incident(n) if n else None
    if not text:
        return
    if not inc:  # someone unknown (whose cry opened no incident): written down as their messages are
        if not person and not await store.contact_account(uid):
            await store.log_stranger(uid, {"at": at, "kind": "text", "name": ev.get("first_name") or "", "text": text})
        return
    own = bool(person) and person["id"] == inc.get("resident")
    by = person["name"] if own else (inc.get("reporter") or {}).get("name") or ev.get("first_name") or "?"
    said = {"at": at, "words": text, "by": by}
    await store.add_timeline(n, {**said, "event": "outage_said"})
    await store.update_incident(n, outage_said=[*inc.get("outage_said", []), said][-SAID_KEPT:])
    if own and (parts := door_in(text)):  # where he is, in his own words: beside the register
        await svc.incidents.address_stated(n, parts, text)
        await _where_answered(svc, uid, n)
    await svc.incidents.refresh(n)


async def _open_call(svc, uid: int | None, person: dict | None) -> int | None:
    """The call now open for this resident, or for the first resident this family contact looks out for who has one."""
    store = svc.store
    if person:
        return await store.active_incident(person["id"])
    account = await store.contact_account(uid) if uid else None
    for link in (account or {}).get("links", []):
        if n := await store.active_incident(link["rid"]):
            return n
    return None


async def _where_answered(svc, uid: int, n: int) -> None:
    """The read-back of the address the replay left waiting is not asked after he said where he is."""
    async with svc.store.lock(f"user:{uid}"):
        session = await svc.store.session(uid)
        if session.get("incident") == n and session.get("step") in ("confirm_address", "ask_address"):
            await svc.store.save_session(uid, {})
