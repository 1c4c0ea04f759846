"""One open call per resident. What they say or send while a call of theirs is open joins that call, never a second
one beside it (two packets about one person, two staff who could each claim one):
- words that raise urgency (a typed cry, 🆘 again, 需要帮助 at a check-in, "快来" after "我好难受") raise the call
  itself to an emergency: recorded first, then alerted and escalating as an emergency would, staff told loudly
  "升级为紧急" on the same incident; a claim is kept (its claimer and the first level are alerted, as a renewal is);
- anything else (a new need, "我好难受" during an emergency) goes on the call's timeline and to the staff who hold it
  (its claimer, or everyone alerted while nobody has claimed it; anyone reachable if none of them can be).
"""
from __future__ import annotations

import logging

from .. import roster, staff_langs
from ..residents import has_any
from ..textfit import clip
from .alerting import listeners
from .closed import family_told
from .family_news import tell_raised
from .merged_claim import keep_claim
from .unanswered import call_token, unanswered

log = logging.getLogger(__name__)
RAISES = ("open", "claimed", "arrived")


async def open_call(store, rid: str | None) -> dict | None:
    """The resident's call still open, if any."""
    n = await store.active_incident(rid) if rid else None
    inc = await store.incident(n) if n else None
    return inc if inc and inc["status"] != "resolved" else None


class Raising:
    """A resident's open call raised to an emergency, or told what they added (part of `Incidents`)."""

    async def opened_or_open(self, kind: str, person: dict, **how) -> tuple[dict | None, int]:
        """A new call about the resident (`open`'s arguments), unless one of theirs is open: (None, the new call's
        number), or (the open call, 0) for the caller to join. The check and the storing are one step in the store,
        so a 🆘 or a family member's cry stored a moment ago is joined, never doubled."""
        token, _ = call_token()  # a call a hung Redis stored after this round trip broke is this one when replayed
        for _ in range(3):  # an open call closed just as it was found: look again
            if (existing := await open_call(self.store, person["id"])) and existing.get("call_token") != token:
                return existing, 0
            try:
                n, new = await self.open_unless_open(kind, person, call_token=token, **how)
            except Exception:  # it may have been stored all the same: its journaled cry keeps the token
                unanswered(token)
                raise
            if new:
                return None, n
            if (inc := await self.store.incident(n)) and inc["status"] != "resolved":
                return inc, 0
        return None, await self.open(kind, person, **how)  # never a cry lost

    async def raise_call(self, n: int, words: str, source: str, by_chat: int | None = None, **extra) -> int:
        """Incident n (a request, a missed check-in) becomes an emergency. Recorded first, all at once: its kind, the
        words, the address to ask, the next escalation an emergency's gap from now (or a claimed one's arrival time);
        then alerted — the family told of it already hear it in one line (family_news.tell_raised), not the whole
        family message again; `by_chat`, the one who raised it, hears her own reply only. `extra`: more fields (who
        raised it). How many were reached (-1: an emergency already, or closed)."""
        family = await family_told(self.svc, await self.store.incident(n) or {"id": n})
        async with self.lock(n):
            inc = await self.store.incident(n)
            if inc is None or inc["status"] not in RAISES or inc["kind"] == "emergency":
                return -1
            person = await self.store.resident(inc["resident"]) or {}
            policy, now, level = self.policy("emergency"), self.svc.clock.ts(), inc.get("level", 0)
            here = policy.levels[min(level, len(policy.levels) - 1)].after_minutes * 60
            fields = {"kind": "emergency", "raised_words": clip(words or "🆘", 200), "raised_at": now,
                      "esc_from": now - here, "maybe_false_alarm": False, **extra}
            deadlines = {}
            if inc.get("address_state", "not_asked") == "not_asked":  # asked now, as an emergency's is
                fields["address_state"] = "pending" if has_any(person) else "unknown"
                if fields["address_state"] == "pending":
                    deadlines[f"addr:{n}"] = now + self.svc.settings.escalation.address_confirm_timeout_minutes * 60
            if inc["status"] == "open":
                nxt = level + 1
                gap = (policy.levels[nxt].after_minutes * 60 - here if nxt < len(policy.levels)
                       else policy.repeat_every_minutes * 60)
                deadlines[f"esc:{n}:{nxt}"] = now + gap  # replaces the request's slower one
            elif inc["status"] == "claimed":
                deadlines[f"arr:{n}:{inc.get('claims', 0)}"] = now + policy.arrival_timeout_minutes * 60
            await self.store.step_incident(n, fields, {"at": now, "event": "raised", "words": clip(words, 300),
                                                       "source": source}, deadlines=deadlines)
            log.info("incident %s raised to an emergency (%s)", n, source)
            if inc["status"] == "open":  # the current level's audience, loudly, with the packet (buttons and all)
                reached = await self._alert(n, level, reason="alert.raised", person=person or None, skip=family)
        if inc["status"] != "open":  # its claimer and the first level, escalating until someone takes it again
            reached = await self.renew(n, clip(words or "🆘", 200), key="alert.raised")
        self.background(self.refresh(n))  # the earlier packets say it too
        await tell_raised(self.svc, n, clip(words or "🆘", 100), family - {by_chat}, reached=reached > 0)
        return reached

    async def told_more(self, n: int, words: str, by: dict | None = None) -> int:
        """What the resident (or `by`, a family contact: name, relation) added to their open call, on its timeline
        first, then to the staff who hold it; those Telegram failed for get it again soon (notes_owed.py). How many
        staff chats got it."""
        inc, said = await self.store.incident(n), clip(words, 300)
        entry = {"event": "family_added", "by": by["name"]} if by else {"event": "resident_added"}
        k = await self.store.add_timeline(n, {"at": self.svc.clock.ts(), **entry, "words": said})
        person = await self.store.resident(inc["resident"]) or {}
        kw = dict(n=n, name=person.get("name", ""), words=said,
                  **({"reporter": by["name"], "relation": by["relation"]} if by else {}))
        key = "alert.family_added" if by else "alert.resident_added"
        text = lambda chat: staff_langs.t(self.svc, chat, key, **kw)  # noqa: E731 — hers; his words as he said them
        failed: list[int] = []
        reached = await roster.pass_on(self.svc, await listeners(self.svc, inc), text, None, tag=f"added:{n}",
                                       urgent_intro=inc["kind"] == "emergency", failed=failed)
        await self.owe_note(n, k, {chat: text(chat) for chat in failed}, urgent=inc["kind"] == "emergency")
        return reached

    async def visit_wish(self, n: int, choice: str) -> dict | None:
        """His answer to "要不要请社工来看看您？" ("come" or "rest"), pressed or typed, maybe late. On his unwell request it
        is what the packet's 📋 says; on a call that is more than that by now (raised to an emergency since, or about
        something else he asked for) the call's words, detail and raise stay as staff read them, and the staff
        holding it hear his choice as his added words. The call as it was (None: none open)."""
        inc = await self.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            return None
        choices = [self.svc.cat.t(k) for k in ("unwell.wants_visit", "unwell.resting")]
        said = choices[0] if choice == "come" else choices[1]
        if inc["kind"] == "help" and inc.get("category") == "unwell" and (inc.get("detail") or "") in ("", *choices):
            await self.store.update_incident(n, detail=said)
            await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "unwell_" + choice})
            await self.refresh(n)
        else:
            await self.told_more(n, said)
        return inc

    async def join_named(self, inc: dict, m: int, person: dict, reporter: dict) -> bool:
        """A contact's call about one of several (`inc`), named for a resident whose call m is open: hers is closed as
        joined to m (its record and timeline kept; her chats told when m ends), what she said goes on m's timeline, m
        is raised if hers was an emergency and m is not, and the staff alerted about either are told once which
        resident it is and which call to hold."""
        n, now, words = inc["id"], self.svc.clock.ts(), clip(inc.get("words") or "", 300)
        if not await self.store.close_incident(n, {"status": "resolved", "resolved_at": now, "resolved_by": "",
                                                   "outcome": "merged", "merged_into": m, "resident": person["id"],
                                                   "reporter": reporter}, None):
            return False
        await self.store.cancel_deadline(f"addr:{n}", f"first:{n}", f"arr:{n}:{inc.get('claims', 0)}",
                                         *[f"esc:{n}:{i}" for i in range(inc["level"] + 1, inc["level"] + 3)])
        await self.store.add_timeline(n, {"at": now, "event": "merged_into", "n": m, "name": person["name"]})
        for chat in inc.get("family_chats") or []:
            await self.store.join_family(m, chat)
        await self.store.add_timeline(m, {"at": now, "event": "family_added", "by": reporter.get("name", ""),
                                          "words": words, "merged_from": n})
        target, chats = await self.store.incident(m), {c for c, _, role in await self.store.alert_messages(n)
                                                       if role == "staff"}
        if inc["kind"] == "emergency" and target["kind"] != "emergency":  # loudly, to the audience of an emergency
            await self.raise_call(m, words, "family", **({} if target.get("reporter") else {"reporter": reporter}))
        else:
            chats |= set(await listeners(self.svc, target))
        text = lambda chat: staff_langs.t(self.svc, chat, "alert.merged", n=n, m=m, name=person["name"],  # noqa: E731
                                          reporter=reporter.get("name", ""), relation=reporter.get("relation", ""),
                                          words=clip(words, 200))
        await roster.pass_on(self.svc, sorted(chats), text, None, tag=f"merged:{n}",
                             urgent_intro=inc["kind"] == "emergency")
        await keep_claim(self, n, m, person["name"])
        self.background(self.refresh(n))
        log.info("incident %s joined to %s, the open call of the resident it was named for", n, m)
        return True
