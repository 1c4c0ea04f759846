"""A note to the staff holding a call — what the resident (or his family) adds on it, "📝 #1 王老伯 又说：…" — that
Telegram failed to bring to some of them (5xx, time-outs) is sent again to those ALERT_RETRY_SECONDS later, and again,
until each has it or refused it for good, or the call is closed: each staff member gets each note once. Only those it
was for who still hold the call (its claimer once claimed: `listeners`) get it. Its deadline "rty:42:0:wK" (K: the
note's timeline entry) and the note, in the incident's field "note_K", are kept in Redis, so a restart loses neither."""
from __future__ import annotations

from ..types import Outbound
from .alerting import listeners
from .retries import ALERT_RETRY_SECONDS


class NotesOwed:
    """Notes to a call's holders, sent again while Telegram fails (part of `Incidents`)."""

    async def owe_note(self, n: int, k: int, chats: list[int], text: str, *, urgent: bool) -> None:
        """The note of timeline entry `k`, owed to `chats` (Telegram failed for them): sent again soon."""
        if chats:
            await self.store.update_incident(n, **{f"note_{k}": {"text": text, "chats": sorted(set(chats)),
                                                                 "urgent": urgent}})
            await self.store.set_deadline(f"rty:{n}:0:w{k}", self.svc.clock.ts() + ALERT_RETRY_SECONDS)

    async def sent_owing(self, n: int, k: int, msgs: list[Outbound]) -> list:
        """`msgs` (one note to several chats) sent; those Telegram failed for are owed it (`owe_note`)."""
        results = await self.svc.outbox.send_all(msgs)
        if msgs:
            await self.owe_note(n, k, [m.chat_id for m, res in zip(msgs, results) if not res.ok and not res.permanent],
                                msgs[0].text, urgent=msgs[0].urgent)
        return results

    async def _note_retried(self, inc: dict, k: int) -> bool:
        """The "rty:n:0:wK" deadline: the note again to those still owed it; True when none is."""
        n, note = inc["id"], inc.get(f"note_{k}") or {}
        holders = set(await listeners(self.svc, inc))
        chats = [chat for chat in note.get("chats", []) if chat in holders]
        msgs = [Outbound(chat, note["text"], urgent=note.get("urgent", True), tag=f"added:{n}") for chat in chats]
        results = await self.svc.outbox.send_all(msgs)
        left = [m.chat_id for m, res in zip(msgs, results) if not res.ok and not res.permanent]
        if note:
            await self.store.update_incident(n, **{f"note_{k}": {**note, "chats": left}})
        if not left:
            return True
        await self.store.set_deadline(f"rty:{n}:0:w{k}", self.svc.clock.ts() + ALERT_RETRY_SECONDS)
        return False
