"""A call's packets, edited as it changes (claimed, arrived, "又发来 N 次", closed): an edit Telegram failed to make
(5xx, time-outs; the outbox's own few tries within seconds spent) is made again EDIT_RETRY_SECONDS later, and again,
until it went or was refused for good — else a staff phone reads "等待接单" with 🙋 我来处理 after a colleague took the
call. The edit made then shows the call as it is then (the latest state wins), always in place, never a new message;
the packets Telegram failed for alone, each once a round, not again once edited. Which packets are owed one is kept in
Redis (the store's `edits_owed`), and the timer "pke:42" makes them, so a restart loses neither; it runs for a closed
call too (its packets must say it is over)."""
from __future__ import annotations

from ..types import MessageRef, Outbound
from .packet import render
from .retries import ALERT_RETRY_SECONDS

EDIT_RETRY_SECONDS = ALERT_RETRY_SECONDS


class EditsOwed:
    """Packet edits made again while Telegram fails (part of `Incidents`)."""

    def _packet_edits(self, inc: dict, person: dict | None, messages: list[tuple[int, int, str]],
                      pressed: MessageRef | None = None) -> list[Outbound]:
        """The edits that show the call's state now on these packets (the one a staff member just pressed: her
        answer, sent as a reply)."""
        n, edits = inc["id"], []
        for chat, msg_id, role in messages:
            text, buttons = render(self.svc, inc, person, role=role, viewer=chat, locale=self.svc.staff_locale(chat))
            ref = MessageRef(chat, msg_id)
            edits.append(Outbound(chat, text, buttons=buttons, edit=ref, tag=f"reply:{n}" if ref == pressed
                                  else f"edit:{n}"))
        return edits

    async def _packets_edited(self, n: int, packets: list[Outbound], others: list[Outbound] = ()) -> list:
        """`packets` (edits of the call's packets) and `others` sent; each packet Telegram failed for is owed an
        edit, made again soon. (One that went is struck off by the timer alone: an edit the outbox folded into
        another of the same message reads as sent at once, before that one's fate is known.)"""
        results = await self.svc.outbox.send_all([*packets, *others])
        await self._owe_edits(n, packets, results[:len(packets)], retried=False)
        return results

    async def _owe_edits(self, n: int, edits: list[Outbound], results: list, gone=(), *, retried: bool = True) -> bool:
        """The packets of `edits` Telegram failed for owed an edit; once `retried`, the others (and `gone`) not.
        True when some still are (its timer then due again)."""
        refs = [(m.edit.chat_id, m.edit.message_id) for m in edits]
        failed = [ref for ref, res in zip(refs, results) if not res.ok and not res.permanent]
        done = [ref for ref, res in zip(refs, results) if res.ok or res.permanent] + list(gone) if retried else []
        if not failed and not done:
            return False
        owed = await self.store.edits_owed(n, failed=failed, done=done)
        if owed:
            await self.store.set_deadline(f"pke:{n}", self.svc.clock.ts() + EDIT_RETRY_SECONDS)
        return bool(owed)

    async def on_edits_deadline(self, key: str) -> bool:
        """"pke:n": the packets still owed an edit, edited to show the call now; True when none is left."""
        n = int(key.split(":")[1])
        owed = set(await self.store.edits_owed(n))
        inc = await self.store.incident(n) if owed else None
        if inc is None:
            return True
        person = await self.store.resident(inc["resident"])
        edits = self._packet_edits(inc, person, [m for m in await self.store.alert_messages(n) if m[:2] in owed])
        results = await self.svc.outbox.send_all(edits)
        gone = owed - {(m.edit.chat_id, m.edit.message_id) for m in edits}  # (no longer a packet of the call)
        return not await self._owe_edits(n, edits, results, gone)
