"""The fast lane: a resident's 🆘 stored in one Redis round trip and alerted at once; calls of the same moment
leave together as one round (a digest per staff chat, then each full packet)."""
from __future__ import annotations

import asyncio
import logging

from ..store import Opened
from . import packet_order
from .lifecycle import FIRST_ALERT_GRACE_SECONDS
from .outage_pace import call_opened
from .rounds import _Call, _digested, _sent, _settle
from .unanswered import sos_token, unanswered

log = logging.getLogger(__name__)


class FastLane:
    """The first alert of a 🆘, before anything else this process does (part of `Incidents`)."""

    async def sos(self, tg: int, *, words: str = "🆘", source: str = "button") -> tuple[Opened, asyncio.Future | None]:
        """The fast lane for a resident's 🆘, by Telegram id: one Redis round trip stores the incident (and
        takes its lock), and the on-duty alert leaves at once. Returns with the alert on its way (a future,
        done once the alert is sent and recorded); until it has left, the urgent lane is held, so under a
        burst every alert leaves before anyone's replies. Calls that arrive together are alerted together:
        one message per staff chat lists them all (`render_digest`), each full packet following."""
        now = self.svc.clock.ts()
        fields, deadlines, entry = self._new("emergency", now, words=words, category=None, detail="", source=source)
        token = sos_token()  # the incident's lock, held until this alert is recorded; if this process dies
        # first, it lapses when the safety net ("first:n") is due, and the alert goes out from there
        with self.svc.outbox.lanes.urgent():
            try:
                got = await self.store.open_emergency(
                    tg, fields, entry, created=fields["created"], first_due=deadlines["first:{n}"],
                    esc_due=deadlines["esc:{n}:1"], addr_due=deadlines["addr:{n}"], lock_token=token,
                    lock_seconds=FIRST_ALERT_GRACE_SECONDS)
            except Exception:  # it may have been stored all the same: its journaled cry keeps the token
                unanswered(token)
                raise
            if got.outcome != "opened":
                return got, None
            n, person = got.n, got.person
            call_opened(self.svc, tg)  # his texts in an outage starting now are his call's
            await self._note_recorded_late(n)
            inc = {**fields, "id": n, "resident": person["id"], "address_state": got.address_state,
                   **({"after_closed": got.after_closed} if got.after_closed else {})}
            targets = await self.recipients(inc, self.policy("emergency").levels[0].to, got.duty_overrides,
                                            got.unreachable)
            first = _Call(n, inc, person, targets, token, asyncio.get_running_loop().create_future())
            if not self._round:  # the first of this moment's calls: the round leaves on the next turn of the loop
                self._round_ends = self.svc.outbox.lanes.hold()
                asyncio.get_running_loop().call_soon(self._send_round)
            self._round.append(first)
        log.info("incident %s opened (emergency, %s, fast lane)", n, source)
        return got, first.done

    def _send_round(self) -> None:
        """One alert per staff chat for each call in this round: its full packet if it is the only one, else
        a digest of them all. The sends are started before the round's hold on the lane is let go."""
        batch, self._round = self._round, []
        try:
            self._start_round(batch)
        except Exception as e:  # nothing sent: the callers fall back, and "first:n" still fires after a restart
            log.exception("a round of first alerts could not be started")
            for first in batch:
                _settle(first.done, error=e)
        finally:
            self._round_ends()

    def _start_round(self, batch: list[_Call]) -> None:
        self._start_sends(batch, "packet.digest_title")
        for first in batch:
            self.background(self._first_sent(first))

    async def _first_sent(self, first: _Call) -> None:
        n = first.n
        try:
            results = await _sent(first)
            await self.svc.outbox.lanes.wait_turn()  # the record can wait for the other alerts in flight
            reached = await self._record_call(first, results, 0, "", first=True)
        except Exception as e:  # the caller hears of it and falls back; "first:n" is still due after 10 s
            log.exception("first alert of incident %s failed", n)
            _settle(first.done, error=e)
            packet_order.done(first)  # the calls listed below it in a digest need not wait for its packets
            return
        else:
            _settle(first.done, reached)
        finally:
            try:
                await self.store.unlock(f"incident:{n}", first.token)
            except Exception:  # it lapses by itself within FIRST_ALERT_GRACE_SECONDS
                log.warning("could not release the lock of incident %s", n)
        if _digested(first):
            await self._full_packets(first)
