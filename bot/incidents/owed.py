"""The full packets owed after a digest. A staff chat that got several calls in one digest message (a line and a claim
button each) is owed each call's full packet: name, phone, address, its own buttons, the message later edits keep up
to date. Record, then act: what is owed is written down with the round that sent the digest, in the same transaction
("incident:{n}:owed"), and each packet is paid off in the transaction that records it. Its deadline ("pkt:{n}") is
the lease of whoever sends them, renewed while they wait their turn in the outbox: after a crash (or a send that
failed) any worker's tick sends what is still owed, once — after the incident's escalations due in the same tick
(a slow chat never holds those back), and not to a chat a later round's full packet reached (it paid the debt)."""
from __future__ import annotations

import logging
from collections import Counter

from .. import roster, staff_langs
from ..renewing import Renewing
from ..types import Outbound
from . import packet_order
from .rounds import _digested

log = logging.getLogger(__name__)
PACKETS_LEASE_SECONDS = 60  # packets whose sender died go out from the first tick after this
RENEW_SECONDS = 15  # their sender renews that lease this often (real time) while they wait behind other alerts


class OwedPackets:
    """Paying the packets owed after a digest (part of `Incidents`)."""

    _paying: Counter

    def _owed(self, targets: list[tuple[int, str, str]]) -> tuple[list, float] | None:
        """What a round's record owes (`record_alerts`'s `owe`): its digested targets, sent by "pkt:{n}" unless paid
        before its lease runs out."""
        return (targets, self.svc.clock.ts() + PACKETS_LEASE_SECONDS) if targets else None

    async def _full_packets(self, call) -> None:
        """After a digest, each staff member's full packet: at an ordinary pace, in the digest's order, with the state
        as it is by then."""
        try:
            await self._pay_packets(call.n, _digested(call), call.person, call=call)
        except Exception:  # the digest reached them; what is still owed goes from "pkt:n" after its lease
            log.exception("full packets of incident %s not sent; they are tried again in %s s", call.n,
                          PACKETS_LEASE_SECONDS)
        finally:
            packet_order.done(call)

    async def on_packets_deadline(self, key: str) -> bool:
        """The packets still owed when their sender's lease ran out (it died, or its send failed), sent once. True
        when none are owed any more."""
        n = int(key.split(":")[1])
        if self._paying[n]:  # this process is sending them: its renewals hold the lease
            return False
        owed = await self.store.packets_owed(n)
        if owed:
            log.warning("incident %s: %s full packets owed after a digest, sent now", n, len(owed))
            await self._pay_packets(n, owed, None)
        return not await self.store.packets_owed(n)

    async def _pay_packets(self, n: int, targets: list[tuple[int, str, str]], person: dict | None, *,
                           call=None) -> None:
        """`call`: the round's, whose packets wait for those listed above it in a digest (their lease kept meanwhile)."""
        self._paying[n] += 1

        def renew():
            return self.store.renew_deadline(f"pkt:{n}", self.svc.clock.ts() + PACKETS_LEASE_SECONDS)
        try:
            async with Renewing(RENEW_SECONDS, renew, f"incident {n}'s owed packets"):
                if call is not None:
                    await packet_order.wait_turn(call)
                inc = await self.store.incident(n)
                if person is None:
                    person = await self._caller(inc)
                if inc["status"] == "resolved":  # closed since the digest: nobody is sent to a call that is over
                    await self._pay_closed(n, inc, person, targets)
                    return
                taken = roster.staff_by_id(self.svc.settings, inc.get("claimed_by"))  # by a colleague since: no alert
                head = lambda chat: staff_langs.t(self.svc, chat, "alert.owed_taken", n=n, who=taken.name) + "\n" \
                    if taken else ""  # noqa: E731
                msgs = [Outbound(m.chat_id, head(m.chat_id) + m.text, buttons=m.buttons,
                                 urgent=not taken, tag=f"packet:{n}")
                        for m in self._messages(n, inc, person, targets)]
                results = await self.svc.outbox.send_all(msgs)
                sent = [(t[0], res.message_id, t[1]) for t, res in zip(targets, results) if res.ok and res.message_id]
                await self.store.record_alerts(n, sent, {"at": self.svc.clock.ts(), "event": "packet_sent",
                                                         "to": [t[2] for t in targets], "sent": len(sent)},
                                               paid=[t[0] for t in targets])
                if (now := await self.store.incident(n))["status"] != inc["status"]:  # taken or closed meanwhile
                    await self.refresh(n)
                    if now["status"] == "resolved":  # its all-clear went before these packets were written down
                        await self.svc.outbox.send_all(self._over(n, now, person, [chat for chat, _, _ in sent]))
        finally:
            self._paying[n] -= 1
            if not self._paying[n]:
                del self._paying[n]

    async def _pay_closed(self, n: int, inc: dict, person: dict, targets: list[tuple[int, str, str]]) -> None:
        """The packets owed for a call closed meanwhile: one plain line each, saying it is over, by whom and how."""
        await self.svc.outbox.send_all(self._over(n, inc, person, [chat for chat, _, _ in targets]))
        await self.store.record_alerts(n, [], {"at": self.svc.clock.ts(), "event": "packet_over",
                                               "to": [t[2] for t in targets]}, paid=[t[0] for t in targets])

    def _over(self, n: int, inc: dict, person: dict, chats: list[int]) -> list[Outbound]:
        who = roster.staff_by_id(self.svc.settings, inc.get("resolved_by"))
        outcome, name = inc.get("outcome"), person.get("name", "")
        if outcome == "merged":
            text = self.svc.cat.t("alert.owed_merged", n=n, m=inc.get("merged_into", "?"), name=name)
        else:
            text = self.svc.cat.t("alert.owed_over" if who else "alert.owed_over_itself", n=n, name=name,
                                  who=who.name if who else "",
                                  outcome=self.svc.cat.t(f"outcome.{outcome}") if outcome else "")
        return [Outbound(chat, text, tag=f"over:{n}") for chat in chats]
