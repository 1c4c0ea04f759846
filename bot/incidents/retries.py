"""An alert round that no staff member got because Telegram was failing (5xx, time-outs — not refusing), sent again
ALERT_RETRY_SECONDS later, to the staff it was for, until one of them has it: not only at the next level or
reminder minutes (or hours) later. A round that reached the family but no staff member is sent again too: the
family cannot claim a call. Its deadline says which round:
- "rty:42:l": level l of a call nobody has claimed;
- "rty:42:l:k": level l of the k-th new 🆘 on a claimed or arrived call (deadlines.py `renew`);
- "rty:42:l:cN": claim number N without 已到达, told to all staff and the head (deadlines.py `_no_arrival`);
- "rty:42:l:fS": follow-up S of an arrived call; "rty:42:l:s": the head told they went unanswered (`_follow_up`);
- "rty:42:0:wK": the note of timeline entry K (his new words to the staff holding the call, "说自己没事" to his
  family...), to those still owed it, until the call is closed (notes_owed.py);
- "rty:42:0:p": the line asking the staff holding the call to phone a caller the bot cannot write to (urgency.py).
Once the call has moved on (claimed, its next level or follow-up, another new 🆘, 已到达, closed): nothing."""
from __future__ import annotations

from ..types import Outbound

ALERT_RETRY_SECONDS = 30  # a round that reached no staff member while Telegram was failing is sent again this soon


def retry_key(inc: dict, level: int) -> str | None:
    """The deadline that sends this moment's round of the call again (None: a call in no state to be told)."""
    n = inc["id"]
    if inc["status"] == "open" and not inc.get("claimed_by"):
        return f"rty:{n}:{level}"
    if inc.get("renewed") and inc["status"] in ("claimed", "arrived"):
        return f"rty:{n}:{level}:{inc.get('renewals', 0)}"
    if inc.get("reopened") and inc["status"] == "claimed":  # claimed, and nobody arrived
        return f"rty:{n}:{level}:c{inc.get('claims', 0)}"
    if inc["status"] == "arrived":
        return f"rty:{n}:{level}:s" if inc.get("followup_stopped") else f"rty:{n}:{level}:f{inc.get('followup', 0)}"
    return None


class Retries:
    """Alert rounds sent again while Telegram fails (part of `Incidents`)."""

    async def _retry_later(self, n: int, level: int, results: list, staff_failed: bool = True) -> None:
        """After a round (or its short alerts) reached no staff member: sent again soon if Telegram was failing."""
        if not staff_failed or all(res.ok or res.permanent for res in results):
            return
        inc = await self.store.incident(n)
        if inc and (key := retry_key(inc, level)):
            await self.store.set_deadline(key, self.svc.clock.ts() + ALERT_RETRY_SECONDS)

    async def _retry_staff(self, n: int, level: int, targets: list[tuple[int, str, str]], results: list) -> None:
        """A round that reached someone (the family) but none of the staff it was for."""
        staff = [res for (_, role, _), res in zip(targets, results) if role == "staff"]
        if staff and not any(res.ok for res in staff):
            await self._retry_later(n, level, staff)

    async def ask_to_phone(self, n: int, key: str, **kw) -> None:
        """The staff holding the call are asked to phone its caller (the bot cannot write to them); while Telegram
        fails for all of them, the line is sent again soon. Its packets, edited, say so too."""
        note = {"key": key, **kw}
        if not await self._phone_note(await self.store.incident(n), note):
            await self.store.update_incident(n, phone_note=note)
            await self.store.set_deadline(f"rty:{n}:0:p", self.svc.clock.ts() + ALERT_RETRY_SECONDS)

    async def _phone_note(self, inc: dict, note: dict) -> bool:
        """The line to the staff chats holding the call; False when none got it and Telegram was failing (none
        holding it yet: its packets, when they go, say so)."""
        n = inc["id"]
        chats = sorted({chat for chat, _, role in await self.store.alert_messages(n) if role == "staff"})
        name = (await self._caller(inc)).get("name", "")
        kw = {k: v for k, v in note.items() if k != "key"}
        results = await self.svc.outbox.send_all([Outbound(chat, self.svc.cat.t(note["key"], n=n, name=name, **kw),
                                                           urgent=True) for chat in chats])
        return any(res.ok for res in results) or all(res.permanent for res in results)

    async def _retried(self, inc: dict, rest: list[str]) -> bool:
        """A "rty" deadline: the round again while the call waits at that level; True when finished with it
        (someone was reached, or the call moved on). Family and doctors holding a packet already are left out."""
        n, level = inc["id"], int(rest[0])
        held = {chat for chat, _, role in await self.store.alert_messages(n) if role != "staff"}
        if len(rest) == 1:
            if inc["status"] != "open" or inc.get("claimed_by") or inc.get("level", 0) != level:
                return True
            return await self._alert(n, level, reason="retry", inc=inc, skip=held) > 0
        if rest[1].startswith("w"):  # a note to the staff holding the call (notes_owed.py)
            return await self._note_retried(inc, int(rest[1][1:]))
        if rest[1] == "p":
            if not inc.get("phone_note") or await self._phone_note(inc, inc["phone_note"]):
                self.background(self.refresh(n))  # the packets say so too (their edits may have failed with it)
                return True
            await self.store.set_deadline(f"rty:{n}:0:p", self.svc.clock.ts() + ALERT_RETRY_SECONDS)
            return False
        if rest[1] == "s" or rest[1].startswith("f"):  # a follow-up, or the head told they went unanswered
            step = 0 if rest[1] == "s" else int(rest[1][1:])
            if inc["status"] != "arrived" or inc.get("renewed") or bool(inc.get("followup_stopped")) != (not step) \
                    or (step and inc.get("followup", 0) != step):
                return True
            targets = [t for t in await self._follow_up_targets(inc, step) if t[0] not in held]
            return await self._round_alert(n, level, inc, await self.store.resident(inc["resident"]), targets,
                                           "retry") > 0
        if rest[1].startswith("c"):
            if inc["status"] != "claimed" or not inc.get("reopened") or inc.get("renewed") \
                    or inc.get("claims", 0) != int(rest[1][1:]):
                return True
            return await self._alert(n, level, audience=["all_staff", "head"], reason="retry", inc=inc, skip=held) > 0
        if not inc.get("renewed") or inc["status"] not in ("claimed", "arrived") \
                or inc.get("renewals") != int(rest[1]) or inc.get("renew_level", 0) != level:
            return True
        return await self._renewed_alert(inc, level, "retry", skip=held) > 0
