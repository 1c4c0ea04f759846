"""Who cried for help and was told "暂时没联系上社工" (its first round, the round of her new cry on a call already
taken, or her reminder on a call nobody has taken, reached no staff member: Telegram failing, the staff's phones
blocked) hears once, when a staff member first has the call — its round sent again (retries.py), its next level, a
short alert, the reminder sent again (notes_owed.py) — that staff have it now: one line, the same for a resident, a
daughter who cried for him and someone unregistered who cried in private (stranger_call.py), and never again with
each later round. A missed check-in's call (nobody cried) and a staff member's own call are not told here."""
from __future__ import annotations

import asyncio

from ..types import Outbound

TOLD_WITHIN_SECONDS = 5.0  # a cry's alert Telegram has not taken by then: whoever cried reads the numbers to call now


class ReachedLate:
    """The caller told nobody had the call, told once somebody has (part of `Incidents`)."""

    async def caller_unreached(self, n: int, chats: list[int] | None = None) -> None:
        """Those who cried on the call were told its round reached nobody (help_request.tell_not_reached & co):
        `chats`, or (its first round) whoever made the call."""
        inc = await self.store.incident(n) or {}
        told = set(inc.get("caller_unreached") or []) | set(chats if chats is not None else await _callers(self.store,
                                                                                                            inc))
        await self.store.update_incident(n, caller_unreached=sorted(told))

    async def within(self, n: int, work, late=0, *, mark: bool = False):
        """What `work` (alerts of call n) returns, if Telegram answers within TOLD_WITHIN_SECONDS; else `late`
        (nobody known to have it: whoever cried reads the numbers to call, not minutes of silence — a hanging request
        is tried for minutes), the work going on, and its caller told once if it reaches a staff member after all
        (`mark`: whoever made the call is marked as told here, else the caller marks whom it told)."""
        task = work if isinstance(work, asyncio.Future) else self.background(work)
        try:
            return await asyncio.wait_for(asyncio.shield(task), TOLD_WITHIN_SECONDS)
        except TimeoutError:
            if mark:
                await self.caller_unreached(n)
            task.add_done_callback(lambda done: self._through_late(n, done))
            return late

    def _through_late(self, n: int, task: asyncio.Future) -> None:
        if task.cancelled() or task.exception() is not None:
            return
        got = task.result()
        if got is True or isinstance(got, int) and got > 0 or isinstance(got, list) and any(r.ok for r in got):
            self.background(self._reached_late(n))

    async def _reached_late(self, n: int) -> None:
        """A round reached a staff member: a caller told nobody had it hears that someone has, once."""
        inc = await self.store.incident(n)
        if not inc or not inc.get("caller_unreached"):
            return
        await self.store.update_incident(n, caller_unreached=[])  # (rounds of a call run under its lock)
        phone, msgs = self.svc.settings.community.committee_phone, []
        for chat in inc["caller_unreached"]:
            loc = await self.store.pref(chat, "locale") or self.svc.settings.locale
            msgs.append(Outbound(chat, self.svc.cat.t("help.reached_late", loc, phone=phone), urgent=True,
                                 tag=f"resident:{n}"))
        if msgs:
            await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "caller_told_reached"})
            self.background(self.svc.outbox.send_all(msgs))  # the round does not wait for it


async def _callers(store, inc: dict) -> list[int]:
    """The chats that cried on the call: the family contact who made it, else the resident himself (not when someone
    else reported it: he is told here by whoever answered him)."""
    if inc.get("kind") == "checkin" or inc.get("staff_caller") or inc.get("category") == "death" \
            or inc.get("source") == "reported":
        return []
    if inc.get("source") == "family" or inc.get("family_chats"):
        return sorted(set(inc.get("family_chats") or []))
    person = await store.resident(inc.get("resident")) or {}
    return [int(person["tg_id"])] if person.get("tg_id") else []
