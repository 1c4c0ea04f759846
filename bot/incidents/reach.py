"""Who on the staff can hear the bot, known before a call comes.

A staff member who never pressed Start, or who blocked the bot, cannot receive an alert. At start and at each
shift change (or duty take-over) every staff chat is probed (Telegram's "typing…", refused exactly as a message
would be); if anyone on duty cannot be reached, the head is told, /duty shows it, and level 0 passes them over
for the next reachable person (`roster.on_duty`). A staff member who writes to the bot is reachable again (and
hears what became of the calls she held meanwhile).
What is known lives in Redis (the store's `unreachable_staff`), not in the process: every worker process of the
committee, and the bot after a restart, passes over whom any of them found it cannot reach. So does the duty last
checked (`duty_checked`): whichever worker's timer comes next compares with it, so a worker that never looked does
not probe every phone again and tell the head the same line again.
"""
from __future__ import annotations

import asyncio
import logging

from .. import roster
from ..services import Services
from ..types import Outbound, SendResult
from .held_calls import give_back_former, holder_unreachable, tell_back
from .shift_end import tell_leaving

log = logging.getLogger(__name__)
DEADLINE = "duty"
CHECK_EVERY_SECONDS = 60  # how often the roster is looked at for a shift change (a probe only then)


class Reach:
    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self._started = False

    async def on_deadline(self, key: str) -> bool:
        """The "duty" timer: a check when the duty has changed (or at start), then again in a minute."""
        if not self._started:  # at start: calls held by someone taken off the staff list go back (held_calls.py)
            await give_back_former(self.svc)
            self._started = True
        await self.check()
        await self.svc.store.set_deadline(DEADLINE, self.svc.clock.ts() + CHECK_EVERY_SECONDS)
        return False

    async def unreachable(self) -> set[str]:
        """Staff ids the bot cannot reach, found by any process of this committee."""
        return await self.svc.store.unreachable_staff()

    async def check(self) -> None:
        s = self.svc.settings
        overrides = await self.svc.store.duty_overrides()
        duty = roster.on_duty(s, self.svc.clock.now(), overrides)
        checked, last = _checked(duty, s.staff), await self.svc.store.duty_checked()
        probe = getattr(self.svc.outbox.messenger, "probe", None)
        if checked == last or probe is None:  # no change; or a channel that cannot tell (the console)
            return
        if last is not None:  # a shift ended: who leaves it holding calls is told (not the first time: unknown)
            try:
                await tell_leaving(self.svc, _ids(last), duty, overrides)
            except Exception:  # never at the cost of the duty's probe
                log.exception("could not tell who left the duty of the calls they hold")
        results = await asyncio.gather(*(probe(st.telegram_id) for st in s.staff), return_exceptions=True)
        answers = [(st.id, res) for st, res in zip(s.staff, results) if isinstance(res, SendResult)]
        before = await self.unreachable()
        unreachable = await self.svc.store.mark_reach(  # Telegram away (no answer either way) forgets no one
            reachable=[sid for sid, res in answers if res.ok],
            unreachable=[sid for sid, res in answers if not res.ok and res.permanent])
        self._holders(unreachable - before)
        for st in s.staff:  # found reachable again: what became of the calls she held meanwhile, once
            if st.id in before - unreachable:
                await tell_back(self.svc, st)
        missing = [st for st in duty if st.id in unreachable]
        if missing:
            log.warning("%s staff on duty cannot be reached by the bot", len(missing))
            await self._tell_heads(missing, overrides, unreachable)
        await self.svc.store.set_duty_checked(checked)  # only once the head is told: a failure leaves it to the next

    async def refused(self, chats: list[int]) -> None:
        """An alert to these staff chats was refused for good (blocked, never started)."""
        if ids := [st.id for st in self.svc.settings.staff if st.telegram_id in chats]:
            before = await self.unreachable()
            self._holders(await self.svc.store.mark_reach(unreachable=ids) - before)

    def _holders(self, ids: set[str]) -> None:
        """Staff just found unreachable: the calls they hold go back to the others (held_calls.py); not waited for
        (an alert round that found it may hold the call's lock)."""
        for sid in ids:
            self.svc.incidents.background(holder_unreachable(self.svc, sid))

    async def heard(self, staff_id: str) -> None:
        """They wrote to the bot: every process can reach them now. One the bot could not reach reads, once, what
        became of the calls given back meanwhile (as on taking a block back: blocked_people.py) — before her
        message is handled, so she reads it as it was."""
        if await self.svc.store.heard_again(staff_id) and (st := roster.staff_by_id(self.svc.settings, staff_id)):
            await tell_back(self.svc, st)

    async def on_duty(self, overrides: dict[str, float], unreachable: set[str] | None = None) -> list:
        """Who gets level 0 now: the duty, the unreachable passed over."""
        if unreachable is None:
            unreachable = await self.unreachable()
        return roster.on_duty(self.svc.settings, self.svc.clock.now(), overrides, unreachable)

    async def _tell_heads(self, missing: list, overrides: dict[str, float], unreachable: set[str]) -> None:
        s, cat = self.svc.settings, self.svc.cat
        instead = "、".join(st.name for st in await self.on_duty(overrides, unreachable)) or "-"
        heads = [h for h in roster.heads(s) if h.id not in unreachable]
        await self.svc.outbox.send_all([Outbound(h.telegram_id, cat.t(
            "duty.unreachable_head", self.svc.staff_locale(h.telegram_id), names="、".join(st.name for st in missing),
            instead=instead), urgent=True) for h in heads])

    async def start(self) -> None:
        """Its timer (routes.py) due at once, so that the first tick (at start) checks."""
        await self.svc.store.set_deadline(DEADLINE, self.svc.clock.ts())


def _checked(duty: list, staff: list) -> str:
    """What a check looked at: the duty's ids, and the staff list (a restart with another list probes again)."""
    return "+".join(st.id for st in duty) + "|" + ",".join(f"{st.id}:{st.telegram_id}" for st in staff)


def _ids(checked: str) -> tuple[str, ...]:
    return tuple(i for i in checked.split("|", 1)[0].split("+") if i)
