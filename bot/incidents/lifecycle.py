"""An incident's life: opened (with its first deadlines), claimed, arrived, resolved, handed over, closed by the
resident; what the resident says about the address. Each change is recorded first, then acted on."""
from __future__ import annotations

import logging

from ..residents import differing_parts, has_any
from ..config import Policy
from ..textfit import WORDS_KEPT, clip_middle
from . import address_told
from .closed import family_news_owed
from .colleague import colleague_policy
from .night_pace import stuck, stuck_policy
from .outage import called_at, outage_fields, recorded_late
from .outage_pace import call_opened
from .unanswered import call_token, unanswered

log = logging.getLogger(__name__)
POLICY_OF = {"emergency": "emergency", "help": "help", "checkin": "checkin", "colleague": "colleague"}
FIRST_ALERT_GRACE_SECONDS = 10
# short, so a lock left by a crashed process holds escalation back by seconds, not minutes
INCIDENT_LOCK_SECONDS = 20  # renewed while its holder works (store/kept_lock.py)


class Lifecycle:
    """The incident's states and the deadlines each one sets or cancels (part of `Incidents`)."""

    def lock(self, n: int, blocking_timeout: float = 10):
        """One change to an incident at a time: staff actions, timers and the first alert."""
        return self.store.kept_lock(f"incident:{n}", timeout=INCIDENT_LOCK_SECONDS, blocking_timeout=blocking_timeout,
                                    shown=f"call {n}")

    def policy(self, of: str | dict) -> Policy:
        """The escalation policy of a kind of call, or of this call (`of`: the incident: someone stuck at night)."""
        if isinstance(of, dict) and stuck(of):
            return stuck_policy(self.svc.settings)
        kind = of["kind"] if isinstance(of, dict) else of
        return getattr(self.svc.settings.escalation, POLICY_OF[kind]) or colleague_policy(self.svc.settings)

    # --- opening ---------------------------------------------------------------------
    def _new(self, kind: str, now: float, **fields) -> tuple[dict, dict[str, float], dict]:
        """A new incident's fields, its deadlines and its first timeline entry. A call replayed from the outage
        journal was made earlier (`since`): its escalation counts from then; its first alert and address question
        are now."""
        policy = self.policy({"kind": kind, **fields})
        since = called_at(now)
        if isinstance(fields.get("words"), str):  # minutes of voice input: its start and its end (the need, often)
            fields["words"] = clip_middle(fields["words"], WORDS_KEPT)
        fields = {"kind": kind, "created": since, "status": "open", "level": 0, "claimed_by": "", "claims": 0,
                  **fields, **outage_fields()}  # a call replayed from the outage journal says so
        # a safety net: if the process dies between storing and alerting, the first alert still goes out
        deadlines = {"first:{n}": now + FIRST_ALERT_GRACE_SECONDS}
        if len(policy.levels) > 1:
            deadlines["esc:{n}:1"] = since + policy.levels[1].after_minutes * 60
        else:
            deadlines["esc:{n}:1"] = since + policy.repeat_every_minutes * 60
        deadlines["addr:{n}"] = now + self.svc.settings.escalation.address_confirm_timeout_minutes * 60
        entry = {"at": since, "event": "created", "kind": kind, "source": fields["source"]}
        return fields, deadlines, entry

    async def _note_recorded_late(self, n: int) -> None:
        """A replayed call's timeline: when it was recorded, after when it was made; and its fields say so (a call a
        hung Redis stored from its first try lacked them: its packet lost "系统故障期间" at its first edit)."""
        if entry := recorded_late(n):
            await self.store.update_incident(n, **outage_fields())
            await self.store.add_timeline(n, {"at": self.svc.clock.ts(), **entry})

    async def open(self, kind: str, person: dict, **how) -> int:
        """A new call about `person`, stored at once (what it takes: `_prepared`). A replayed call that a hung Redis
        stored after its round trip broke is that one (unanswered.py): not a second call of one cry."""
        fields, deadlines, entry = self._prepared(kind, person, **how)
        token, replayed = call_token()
        if replayed and (n := await self.store.call_of_token(token)):
            return await self._stored(n, fields, person)
        try:
            n = await self.store.create_incident({**fields, "call_token": token}, entry, deadlines)
        except Exception:  # it may have been stored all the same: its journaled cry keeps the token
            unanswered(token)
            raise
        return await self._stored(n, fields, person)

    async def open_unless_open(self, kind: str, person: dict, **how) -> tuple[int, bool]:
        """`open`, only if none of the resident's calls is open, in one step in the store: (the new call, True), or
        (the open one, False) for the caller to join — a call stored by someone else a moment ago is never doubled."""
        fields, deadlines, entry = self._prepared(kind, person, **how)
        if not person.get("id"):  # about one of several: nobody's call to join yet
            return await self._stored(await self.store.create_incident(fields, entry, deadlines), fields, person), True
        n, new = await self.store.open_unless_open(fields, entry, deadlines)
        if not new:
            log.info("incident %s open already: joined, not opened (%s, %s)", n, kind, fields["source"])
            return n, False
        return await self._stored(n, fields, person), True

    def _prepared(self, kind: str, person: dict, *, words: str = "", category: str | None = None,
                  source: str = "button", detail: str = "", ask_address: bool = True, media: list[int] | None = None,
                  **extra) -> tuple[dict, dict[str, float], dict]:
        """`media`: [chat, message] of what the resident sent (a voice, photo or location), forwarded with
        every alert round so whoever is alerted can hear it. `extra`: more fields (a family reporter...)."""
        address_state = ("pending" if has_any(person) else "unknown") if ask_address else "not_asked"
        fields, deadlines, entry = self._new(kind, self.svc.clock.ts(), resident=person["id"], words=words,
                                             category=category, detail=detail, address_state=address_state,
                                             source=source, **({"media": media} if media else {}), **extra)
        if address_state != "pending":
            del deadlines["addr:{n}"]
        entry["by"] = (extra.get("reporter") or {}).get("name") or person["name"]  # who made the call
        return fields, deadlines, entry

    async def _stored(self, n: int, fields: dict, person: dict) -> int:
        await self._note_recorded_late(n)
        self._opened[n] = ({**fields, "id": n}, person)
        call_opened(self.svc, person.get("tg_id"))  # his texts in an outage starting now are his call's
        log.info("incident %s opened (%s, %s)", n, fields["kind"], fields["source"])
        return n

    async def alert_first(self, n: int, *, bounded: bool = True) -> int:
        """Level 0, right after the incident is stored. Returns how many people were reached — `bounded`: 0 once
        Telegram has kept it waiting a few seconds (Incidents.within: the one who cried is not left in silence).

        Under the incident's lock, so the restart safety net ("first:n") cannot send it a second time while a
        slow Telegram keeps this one busy."""
        return await (self.within(n, self._alert_first(n), mark=True) if bounded else self._alert_first(n))

    async def _alert_first(self, n: int) -> int:
        async with self.lock(n):
            return await self._alert_first_locked(n)

    async def _alert_first_locked(self, n: int) -> int:
        inc, person = self._opened.pop(n, (None, None))
        return await self._alert(n, 0, inc=inc, person=person, first=True)

    # --- staff actions -----------------------------------------------------------------
    async def claim(self, n: int, staff, **entry) -> tuple[bool, dict]:
        """`entry`: what the timeline says of it besides (a claim kept from a joined call: bot/incidents/merged_claim.py)."""
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            return False, inc
        expected = inc["claimed_by"] if inc.get("reopened") else ""
        now = self.svc.clock.ts()
        won = await self.store.claim_incident(n, staff.id, now, expected=expected)
        if not won:
            return False, await self.store.incident(n)
        claims = inc.get("claims", 0) + 1
        policy = self.policy(inc)
        # (whoever was told nobody had it hears who took it: no longer "not reached", reached_late.py)
        await self.store.update_incident(n, claims=claims, reopened=False, renewed=False, caller_unreached=[])
        await self.store.cancel_deadline(*[f"esc:{n}:{i}" for i in range(inc["level"] + 1, inc["level"] + 3)])
        await self.store.set_deadline(f"arr:{n}:{claims}", now + policy.arrival_timeout_minutes * 60)
        await self.store.add_timeline(n, {"at": now, "event": "claimed", "by": staff.name, **entry})
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
        await self.store.update_incident(n, status="arrived", arrived_at=now, arrived_by=staff.id, reopened=False,
                                         renewed=False, followup=0,
                                         followup_told=0, followup_stopped=False, followup_stopped_told=False)
        await self.store.cancel_deadline(f"arr:{n}:{inc.get('claims', 0)}")
        await self.store.set_deadline(f"fol:{n}:{inc.get('claims', 0)}:1",
                                      now + self.policy(inc).arrived_followup_minutes * 60)
        await self.store.add_timeline(n, {"at": now, "event": "arrived", "by": staff.name})
        return await self.store.incident(n)

    async def resolve(self, n: int, staff, outcome: str, note: str = "") -> dict | None:
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            return None
        now = self.svc.clock.ts()
        if not await self.store.close_incident(n, {"status": "resolved", "resolved_at": now, "resolved_by": staff.id,
                                                   "outcome": outcome, "note": note, "reopened": False},
                                               inc["resident"], family_news_owed(n, now)):
            return None  # closed a moment ago another way (a late check-in answer)
        await self.store.cancel_deadline(f"addr:{n}", f"arr:{n}:{inc.get('claims', 0)}", f"first:{n}",
                                         *[f"esc:{n}:{i}" for i in range(inc["level"] + 1, inc["level"] + 3)])
        await self.store.add_timeline(n, {"at": now, "event": "resolved", "by": staff.name, "outcome": outcome,
                                          "note": note})
        return await self._closed(n)

    async def close_by_resident(self, n: int, reason: str, **fields) -> dict | None:
        """Closes an incident the resident made unnecessary (e.g. answered the check-in late: `answer`)."""
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            return None
        now = self.svc.clock.ts()
        if not await self.store.close_incident(n, {"status": "resolved", "resolved_at": now, "resolved_by": "",
                                                   "outcome": reason, **fields}, inc["resident"],
                                               family_news_owed(n, now)):
            return None  # staff closed it a moment ago
        await self.store.cancel_deadline(f"addr:{n}", f"arr:{n}:{inc.get('claims', 0)}",
                                         *[f"esc:{n}:{i}" for i in range(inc["level"] + 1, inc["level"] + 3)])
        await self.store.add_timeline(n, {"at": now, "event": "resolved", "by": "resident", "outcome": reason})
        return await self._closed(n)

    async def _closed(self, n: int) -> dict:
        """After a close (it happens once): the family contacts told of the call hear how it ended, whatever closed
        it (bot/incidents/closed.py), in the background, as staff's news goes; owed in Redis until it went."""
        self.background(self.tell_family_now(n))
        return await self.store.incident(n)

    async def handover(self, n: int, from_staff, to_staff, by=None) -> bool:
        """`by`: the head moving a colleague's call (the timeline says whose it was)."""
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved" or inc["claimed_by"] != from_staff.id or to_staff.id == from_staff.id:
            return False
        now = self.svc.clock.ts()
        if not await self.store.claim_incident(n, to_staff.id, now, expected=from_staff.id):
            return False
        claims = inc.get("claims", 0) + 1
        await self.store.update_incident(n, claims=claims, reopened=False, renewed=False)
        await self.store.cancel_deadline(f"arr:{n}:{inc.get('claims', 0)}")
        await self.store.set_deadline(f"arr:{n}:{claims}", now + self.policy(inc).arrival_timeout_minutes * 60)
        by = by or from_staff
        await self.store.add_timeline(n, {"at": now, "event": "handed_over", "by": by.name, "to": to_staff.name,
                                          **({"from": from_staff.name} if by.id != from_staff.id else {})})
        return True

    async def name_resident(self, n: int, person: dict, relation: str) -> bool:
        """A contact linked to several residents says which one their call was about."""
        async with self.lock(n):
            inc = await self.store.incident(n)
            if inc is None or inc.get("resident") or inc["status"] == "resolved":
                return False
            reporter = {**inc.get("reporter", {}), "relation": relation}
            named = await self.store.name_on_call(n, person["id"], {"resident": person["id"], "reporter": reporter},
                                                  {"at": self.svc.clock.ts(), "event": "resident_named",
                                                   "name": person["name"]})
        if named < 0:  # a call of theirs is open: hers joins it, never a second call about them
            return await self.join_named(inc, -named, person, reporter)
        if named:
            await self.refresh(n)
        return bool(named)

    # --- what the resident says about the address ---------------------------------------------
    async def address_confirmed(self, n: int) -> None:
        await self.store.update_incident(n, address_state="confirmed")
        await self.store.cancel_deadline(f"addr:{n}")
        await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "address_confirmed"})

    async def address_stated(self, n: int, parts: dict, text: str, disputed: bool = False,
                             by: dict | None = None, tell: bool = True, said_too: bool = False) -> set[str]:
        """What the resident typed (`by`: a family contact who said it, name and relation). After they said the
        register is wrong, it never counts as a confirmation. A place not the register's reaches the staff holding
        the call as a new message (`tell`; address_told.py). `said_too`: her words on the call's record, and to its
        staff as "📝 又说" unless that message just told them (one message, not two)."""
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
                                         address_diff=sorted(diff), address_by=by or {})
        await self.store.cancel_deadline(f"addr:{n}")
        said_by = {"by_name": by.get("name", ""), "by_relation": by.get("relation", "")} if by else {}
        await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": f"address_{state}",
                                          "differs": sorted(diff), **said_by})  # her words: never read as his
        told = 0
        if tell and (diff or state == "corrected" and not has_any(person) or state == "unparsed" and disputed):
            told = await address_told.door_differs(self.svc, n, parts, text, by)
        if said_too and told:
            await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "resident_added", "words": text[:300]})
        elif said_too:
            await self.told_more(n, text)
        return diff

    async def address_location(self, n: int, lat: float, lon: float, ref=None) -> None:
        """Her pin, kept as where she is; staff get it (`ref`: the pin itself, forwarded) once per place."""
        await self.store.update_incident(n, address_state="location", location=[lat, lon])
        await self.store.cancel_deadline(f"addr:{n}")
        await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "address_location"})
        await address_told.pin_differs(self.svc, n, lat, lon, ref)
