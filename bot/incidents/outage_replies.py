"""The fallback's reply to the person who called during an outage — 120 and the committee's phone — when no try got
it to them (Telegram failing for their chat: 5xx, time-outs): sent again every RETRY_SECONDS while Redis is away,
until it gets through, once. Staff lines are sent again the same way (outage_orphans.py); without this a resident
who cried and read nothing might think nobody heard.

The fallback (bot/fallback.py) writes her reply into the call's journal entry before it is sent, as owed, and after
the send whether it got there (with whom the staff alert reached: no write of its own): a process that dies while
sending it (Telegram may or may not have it) leaves it owed, sent again by a process started meanwhile — twice rather
than never. Under the folder's lock (every worker on this host), each chat owed a reply gets its latest one, once,
unless a reply to a later call of theirs got through meanwhile (she has read it then); the try is written first, then
whether it got there. Once Redis is back the replay tells her that her call is recorded, with the committee's phone
(bot/incidents/recovery.py)."""
from __future__ import annotations

import asyncio
import logging
import math

from ..types import Outbound, SendResult
from .outage_orphans import RETRY_SECONDS, JournalPass

log = logging.getLogger(__name__)


def reply_fields(msg: Outbound, result: SendResult | BaseException, now: float) -> dict:
    """What the journal says of the caller's reply to the call: that it got there (or was refused for good: a bot
    she blocked is not tried again), else what it said, to be sent again."""
    got = not isinstance(result, BaseException) and (result.ok or result.permanent)
    return {"reply_to": msg.chat_id, **({"replied": True} if got else {"reply": msg.text, "reply_tried": now})}


def claim_replies(journal, now: float) -> list[tuple[int, str, list[str]]]:
    """Under the folder's lock (blocking: call it in a thread): each chat owed a reply for RETRY_SECONDS or more,
    with the latest reply owed there and the calls it answers, each marked as tried now."""
    with journal.locked():
        lines: dict[str, list[dict]] = {}
        for e in journal.peek():  # (one call's lines may be in several files: merged here)
            lines.setdefault(str(e["id"]), []).append(e)
        owed: dict[int, list[tuple[float, str, str]]] = {}
        answered: dict[int, float] = {}  # a chat: when the latest of its calls whose reply got there came
        for key, parts in lines.items():
            chat = next((p["reply_to"] for p in parts if p.get("reply_to")), None)
            if chat is None:
                continue
            at = max(float(p.get("at") or 0) for p in parts)
            if any(p.get("replied") for p in parts):
                answered[chat] = max(answered.get(chat, -math.inf), at)
            elif (text := next((p["reply"] for p in parts if p.get("reply")), None)) and \
                    now - max(float(p.get("reply_tried") or 0) for p in parts) >= RETRY_SECONDS:
                owed.setdefault(chat, []).append((at, key, text))
        out = []
        for chat, calls in owed.items():
            calls.sort()
            if answered.get(chat, -math.inf) >= calls[-1][0]:
                continue  # a reply to a later call of theirs got there: they have read 120 and the phone
            for _, key, _ in calls:
                journal.append({"id": key, "reply_tried": now})
            out.append((chat, calls[-1][2], [key for _, key, _ in calls]))
        return out


class Replies(JournalPass):
    async def send(self) -> None:
        """While Redis is away (the outage job): the replies owed to callers, sent again."""
        if (claimed := await self._claim(claim_replies, "replies owed")) is None:
            return
        for chat, text, keys in claimed[1]:
            res = await self.svc.outbox.send(Outbound(chat, text, urgent=True))
            log.warning("outage: a caller's reply that never reached them sent again (%s)",
                        "got there" if res.ok else "failed again")
            if res.ok or res.permanent:
                try:
                    for key in keys:
                        await asyncio.to_thread(self.journal.append, {"id": key, "replied": True})
                except OSError:
                    pass  # tried again in RETRY_SECONDS: twice rather than never
