"""What a caller types after their cry while Redis is away: not lost, and not mistaken for an answer.

After "救命 我摔倒了" a resident goes on typing: where he is ("我在3号楼302", maybe not the door on the register, as in
the real case), "门开着", "我没事了". While Redis is away, such words (no cry themselves) from someone whose cry waits
in the outage journal are journaled too, then go at once to the staff whom that cry's alert reached, as one short
line "（求助人又说）" (SAID_PER_MINUTE a person; those held back are counted into their next one), and he hears they
were passed on.

Once Redis is back they are not replayed through the conversation (they answered the fallback, not a question:
"不用了" is no "the address is wrong"). Each is attached to the incident his cry became: on its timeline at its own
time and in the packet, and an address in his own words beside the register (loudly when it differs), so the
read-back is not asked after it. What he typed shortly before his cry ("我在3号楼602", then "救命": journaled as
`loose`, below, as no cry of his was there yet) joins it alike (bot/incidents/outage.py, BEFORE_CRY_SECONDS). Someone
unknown's (whose cry opened no incident) are written down as their messages are. Nobody gets a message for them (bot/incidents/recovery.py sends the one).

A call may have been open since before Redis went away (claimed, 李社工 on her way) when he types "门开着": the
fallback cannot ask Redis who he is, so every text typed during an outage is journaled (`loose`). Once Redis is back,
those of someone with an open call (his own, or those of the residents a family contact looks out for: all of them,
as nothing says which; Incidents.open_calls_of) join it as above, and the staff holding it, who heard nothing then, get
one message with them (one a call and outage: words another process replayed are added to it); the rest are dropped
unread.
"""
from __future__ import annotations

import asyncio
import logging
from collections import deque

from ..flows.understanding import is_emergency, understand
from ..types import Inbound, Outbound
from .address_steps import door_in
from .outage_family_told import on_call as family_on_call
from .outage_holders import tell_holders_of
from .repeats import renews

log = logging.getLogger(__name__)

SAID_PER_MINUTE = 3  # a caller's words that reach staff in a minute during an outage; the rest are counted
SAID_SECONDS = 60
SAID_KEPT = 5  # the packet shows this many of the latest words said during the outage
SAID_CHARS = 300
SENDERS_KEPT = 1000  # callers remembered at most (those whose minute has passed are forgotten first)
BEFORE_CRY_SECONDS = 600  # a text typed this long before the sender's own cry ("我在3号楼602", then "救命") is its call's
TEXTS_AT_ONCE = 10  # one sender's texts journaled during an outage before the pace below applies
TEXT_SECONDS = 20  # then one more every this many seconds (a cry for help is never capped)


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


class TextCap:
    """Whether a sender's text is journaled while storage is away: a flood from one sender (a stuck client, a
    stranger) makes no more fsyncs and journal lines than TEXTS_AT_ONCE, then one every TEXT_SECONDS. Counted in
    this process on `svc.clock`."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self._left: dict[int, tuple[float, float]] = {}  # sender: (texts they may still send, as of when)

    def take(self, sender: int) -> bool:
        now = self.clock.ts()
        if len(self._left) >= SENDERS_KEPT:  # those whose allowance is whole again are forgotten first
            self._left = {k: v for k, v in self._left.items() if _allowance(v, now) < TEXTS_AT_ONCE}
        left = _allowance(self._left.get(sender, (TEXTS_AT_ONCE, now)), now)
        if left < 1:
            return False
        self._left[sender] = (left - 1, now)
        return True


def _allowance(kept: tuple[float, float], now: float) -> float:
    left, at = kept
    return min(TEXTS_AT_ONCE, left + (now - at) / TEXT_SECONDS)


async def said_after_cry(svc, ev: Inbound, cry: dict, who) -> Outbound:
    """Words from someone whose cry waits in the journal (`cry`: its id, and the names of the staff its alert
    reached; `who()`: their name as staff know it). Journaled first, then passed on (paced), then they are told."""
    cat, settings = svc.cat, svc.settings
    held = svc.outage.pace.take(ev.user_id)
    await svc.outage.note(ev, cried="", held=held is None, said=cry["id"], loose=not cry["id"])
    reached = 0
    if held is not None:
        name, _ = await who()

        def text(loc: str) -> str:  # each staff member's in her own language (bot/staff_langs.py)
            said = cat.t("fallback.said", loc, name=name, words=ev.text.strip()[:SAID_CHARS])
            return said + ("\n" + cat.t("fallback.media_held", loc, count=held) if held else "")

        staff = [st for st in settings.staff if st.telegram_id]
        staff = [st for st in staff if st.name in cry["to"]] or staff  # whom the cry reached; else everyone again
        results = await asyncio.gather(*(svc.outbox.send(Outbound(st.telegram_id, text(svc.staff_locale(
            st.telegram_id)), urgent=True)) for st in staff), return_exceptions=True)
        reached = sum(1 for res in results if not isinstance(res, BaseException) and res.ok)
    key = "fallback.said_sent" if reached else "fallback.error"
    msg = Outbound(ev.chat, cat.t(key, cat.locale_for(ev.language), phone=settings.community.committee_phone),
                   urgent=True)
    await svc.outbox.send(msg)
    return msg


async def said_on_open_call(svc, ev: Inbound, who) -> Outbound:
    """Words from someone whose call was open before the outage (outage_pace.Chatter.callers: its resident, his family
    or doctor): journaled to join it once Redis is back (`loose`), and passed on now (paced) to every staff member —
    who holds it cannot be read — so a door said ("我在3号楼602") does not wait for Redis."""
    return await said_after_cry(svc, ev, {"id": "", "to": set()}, who)


async def said_before(svc, user_id: int) -> str:
    """What this person typed in the BEFORE_CRY_SECONDS before their cry, as it waits in the journal: staff alerted
    by the fallback read it with the cry (where he is, "门开着"), not only once Redis is back. "" if nothing."""
    try:
        entries = await asyncio.to_thread(svc.outage.journal.peek) if svc.outage.journal.waiting() else []
    except Exception:  # the disk failed too: the cry's alert goes all the same, without them
        return ""
    since = svc.clock.ts() - BEFORE_CRY_SECONDS
    said = [str((e.get("ev") or {}).get("text") or "").strip() for e in sorted(entries, key=lambda e: e.get("at", 0))
            if e.get("loose") and e.get("at", 0) >= since and (e.get("ev") or {}).get("user_id") == user_id]
    return "；".join(filter(None, said))[-SAID_CHARS:]


async def attach(svc, entry: dict, opened: list[int]) -> list[dict] | None:
    """Journaled words, once Redis is back: onto the incident their cry became (`opened`: the incidents its replay
    opened here; empty when it went on an open call, or was stored by another run: then the caller's open calls).
    Words typed with no cry of theirs in the journal (`loose`) join only a call open now (None: none; the replay
    reads them as if just typed instead, bot/incidents/outage.py); a resident's about a new emergency ("我又摔了")
    renew his claimed call as they would with Redis up (an unclaimed one escalates anyway: its holders hear them
    below). What joined a call for its holders to hear (each with its number `n`)."""
    store = svc.store
    if entry.get("family_told"):  # her family got the outage message: said on her call (outage_family_told.py)
        return await family_on_call(svc, entry, opened)
    ev = entry.get("ev") or {}
    uid, text = ev.get("user_id"), str(ev.get("text") or "").strip()[:SAID_CHARS]
    at = float(entry.get("at") or svc.clock.ts())  # when it was said, not when Redis came back
    if not uid or not text:
        return None
    loose = bool(entry.get("loose"))
    calls = [(opened[-1], {})] if opened and not loose else await svc.incidents.open_calls_of(uid)
    person = await store.resident_by_tg(uid)
    if not calls and not loose and not person and not await store.contact_account(uid):
        # someone unknown (whose cry opened no incident): written down as their messages are
        await store.log_stranger(uid, {"at": at, "kind": "text", "name": ev.get("first_name") or "", "text": text})
    joined = []
    for n, family in calls:
        if not (inc := await store.incident(n)):
            continue
        own = bool(person) and person["id"] == inc.get("resident")
        if own and loose and renews(inc) and is_emergency(await understand(svc, text)):
            await svc.repeats.called_again(n, text, at)  # "我又摔了" with 李社工 on her way: a new urgent call
            continue
        by = person["name"] if own else (family.get("by") or (inc.get("reporter") or {}).get("name")
                                         or ev.get("first_name") or "?")
        joined.append(await _join(svc, n, uid, {"at": at, "words": text, "by": by}, own=own))
    return joined if calls else None


async def _join(svc, n: int, uid: int, said: dict, *, own: bool) -> dict:
    """Words on call `n`: on its timeline at their own time, in its packet, and where he is in his own words (`own`:
    the resident's, not a family contact's) beside the register."""
    store = svc.store
    inc = await store.incident(n) or {}
    await store.add_timeline(n, {**said, "event": "outage_said"})
    await store.update_incident(n, outage_said=[*inc.get("outage_said", []), said][-SAID_KEPT:])
    if own and (parts := door_in(said["words"])):
        await svc.incidents.address_stated(n, parts, said["words"])
        await _where_answered(svc, uid, n)
    await svc.incidents.refresh(n)
    return {**said, "n": n}


async def tell_holders(svc, joined: list[dict | None]) -> None:
    """Words typed during the outage with no cry of theirs, once `joined` (None: dropped, the sender had no open
    call): nobody heard them then, so the staff holding each call get one message with them."""
    if dropped := joined.count(None):
        log.info("%s text(s) typed during the outage by people with no open call: dropped unread", dropped)
    calls: dict[int, list[dict]] = {}
    for said in sorted(filter(None, joined), key=lambda s: s["at"]):
        calls.setdefault(said["n"], []).append(said)
    for n, said in calls.items():
        await tell_holders_of(svc, n, said, SAID_KEPT)


async def _where_answered(svc, uid: int, n: int) -> None:
    """The read-back of the address the replay left waiting is not asked after he said where he is."""
    async with svc.store.lock(f"user:{uid}"):
        session = await svc.store.session(uid)
        if session.get("incident") == n and session.get("step") in ("confirm_address", "ask_address"):
            await svc.store.save_session(uid, {})
