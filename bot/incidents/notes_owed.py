"""A note about a call that Telegram failed to bring to some of those it was for (5xx, time-outs) is sent again to
those ALERT_RETRY_SECONDS later, and again, until each has it or refused it for good, or the call is closed: each gets
each note once. The notes: to the staff holding the call, what the resident (or his family) adds on it ("📝 #1 王老伯
又说：…"), his cry again on it and the minute's count of them ("又发来 2 次"), a stranger joining it — each to those
of them who still hold the call (its claimer once claimed: `listeners`); to the family told of the call, that he says
he is all right; a missed check-in's all-clear, even once it closed it (`after_close`). Its deadline "rty:42:0:wK"
(K: the note's timeline entry) and the note, in the incident's field "note_K", are kept in Redis, so a restart loses
neither."""
from __future__ import annotations

from ..types import Outbound
from .alerting import listeners
from .closed import family_told
from .retries import ALERT_RETRY_SECONDS


class NotesOwed:
    """Notes about a call, sent again while Telegram fails (part of `Incidents`)."""

    async def owe_note(self, n: int, k: int, texts: dict[int, str], *, urgent: bool, family: bool = False,
                       after_close: bool = False) -> None:
        """The note of timeline entry `k`, owed to each chat of `texts` (its text there; Telegram failed for them):
        sent again soon. `family`: for the family told of the call (else the staff holding it). `after_close`: owed
        even once the call is closed (it says so: a late check-in's all-clear)."""
        if texts:
            note = {"texts": {str(chat): text for chat, text in texts.items()}, "urgent": urgent, "family": family,
                    **({"after_close": True} if after_close else {})}
            await self.store.update_incident(n, **{f"note_{k}": note})
            await self.store.set_deadline(f"rty:{n}:0:w{k}", self.svc.clock.ts() + ALERT_RETRY_SECONDS)

    async def sent_owing(self, n: int, k: int, msgs: list[Outbound], family: bool = False,
                         after_close: bool = False) -> list:
        """`msgs` (one note to several chats) sent; those Telegram failed for are owed it (`owe_note`)."""
        results = await self.svc.outbox.send_all(msgs)
        await self.owe_note(n, k, {m.chat_id: m.text for m, res in zip(msgs, results)
                                   if not res.ok and not res.permanent}, urgent=any(m.urgent for m in msgs),
                            family=family, after_close=after_close)
        return results

    async def _note_retried(self, inc: dict, k: int) -> bool:
        """The "rty:n:0:wK" deadline: the note again to those still owed it; True when none is."""
        n, note = inc["id"], inc.get(f"note_{k}") or {}
        held = {**inc, "claimed_by": None} if inc.get("renewed") else inc  # (a new 🆘 unanswered: all alerted hold it)
        to = await family_told(self.svc, inc) if note.get("family") else set(await listeners(self.svc, held))
        texts = {int(chat): text for chat, text in (note.get("texts") or {}).items() if int(chat) in to}
        tag = f"family:{n}" if note.get("family") else f"added:{n}"
        msgs = [Outbound(chat, text, urgent=note.get("urgent", True), tag=tag) for chat, text in texts.items()]
        results = await self.svc.outbox.send_all(msgs)
        if not note.get("family") and any(res.ok for res in results):  # a caller told it reached nobody: now it has
            await self._reached_late(n)  # (reached_late.py)
        left = {str(m.chat_id): m.text for m, res in zip(msgs, results) if not res.ok and not res.permanent}
        if note:
            await self.store.update_incident(n, **{f"note_{k}": {**note, "texts": left}})
        if not left:
            return True
        await self.store.set_deadline(f"rty:{n}:0:w{k}", self.svc.clock.ts() + ALERT_RETRY_SECONDS)
        return False
