"""A shift ends (the roster's hour, or a duty taken over) while someone leaving it still holds calls: what the
resident sends next reaches her alone, perhaps at home. She reads which calls are still hers, with one tap to hand
each to whoever is on duty now (staff.py's 🔁 转交 does it); nothing moves without the tap. Told once per change,
whichever worker process sees it first (the store marks it)."""
from __future__ import annotations

import logging

from ..types import Button, Outbound
from .held_calls import lost
from .packet import called_name

log = logging.getLogger(__name__)
KEEP_SECONDS = 3600  # a change seen again within this (by a worker that looked at the duty before it) is the same


async def tell_leaving(svc, before: tuple[str, ...], duty: list) -> None:
    """Each staff member in `before` (the duty last seen) and not in `duty` (now) who holds open calls is told."""
    now_ids = {st.id for st in duty}
    leaving = [st for st in svc.settings.staff if st.id in before and st.id not in now_ids]
    if not leaving or not duty:
        return
    calls = [inc for inc in await svc.store.incidents(await svc.store.open_incident_ids())
             if inc.get("status") != "resolved" and not lost(inc)]
    held = {st.id: [inc for inc in calls if inc.get("claimed_by") == st.id] for st in leaving}
    if not any(held.values()) or not await svc.store.shift_end_told(
            f"{'+'.join(sorted(before))}>{'+'.join(sorted(now_ids))}", KEEP_SECONDS):
        return
    people = await svc.store.residents_by_ids(sorted({i["resident"] for i in calls if i.get("resident")}))
    for st in leaving:
        if not held[st.id]:
            continue
        loc, cat = svc.staff_locale(st.telegram_id), svc.cat
        names = {inc["id"]: called_name(svc, inc, people.get(inc.get("resident"))) for inc in held[st.id]}
        text = "\n".join([cat.t("shift.end_held", loc, on_duty="、".join(s.name for s in duty)),
                          *(f"#{n} {name}" for n, name in names.items())])
        rows = [[Button(cat.t("staffwords.handto", loc, n=n, name=name, to=to.name), f"inc:handto:{n}:{to.id}")]
                for n, name in names.items() for to in duty]
        await svc.outbox.send(Outbound(st.telegram_id, text, buttons=rows, tag="shift_end"))
    log.info("shift change: %s staff told of the calls they still hold", sum(1 for v in held.values() if v))
