"""A shift ends (the roster's hour, or a duty taken from /duty) while someone leaving it still holds calls: what the
resident sends next reaches her alone, perhaps at home. She reads which calls are still hers, each with 🔁 转交, and
whoever is on duty now that she holds them — as when she goes on leave (shift_handoff.still_held, which told her
then: not again); nothing moves without her tap. Told once per change, whichever worker process sees it first (the
store marks it)."""
from __future__ import annotations

import logging

from . import on_leave
from .held_calls import held_by
from .shift_handoff import still_held

log = logging.getLogger(__name__)
KEEP_SECONDS = 3600  # a change seen again within this (by a worker that looked at the duty before it) is the same


async def tell_leaving(svc, before: tuple[str, ...], duty: list, overrides: dict[str, float]) -> None:
    """Each staff member in `before` (the duty last seen), not in `duty` (now) nor gone on leave, who holds calls."""
    now_ids, leave = {st.id for st in duty}, on_leave.leave_ids(overrides, svc.clock.ts())
    leaving = [st for st in svc.settings.staff if st.id in before and st.id not in now_ids | leave]
    held = {st.id: [inc for inc in await held_by(svc, st.id) if not inc.get("followup_stopped")]
            for st in (leaving if duty else ())}  # (one whose follow-ups stopped: the head knows, "不再提醒")
    if not any(held.values()) or not await svc.store.shift_end_told(f"{'+'.join(sorted(before))}>{'+'.join(sorted(now_ids))}",
                                                      KEEP_SECONDS):
        return
    for st in leaving:
        if held[st.id]:
            await still_held(svc, st, duty[0], theirs="shift.held_theirs_ended", held=held[st.id])
    log.info("shift change: %s staff told of the calls they still hold", sum(1 for v in held.values() if v))
