"""A resident who blocks the assistant's chat, or deletes it (Telegram's my_chat_member: "kicked").

From then on nothing reaches her: not the daily check-in, not a notice, and she cannot press 🆘 in that chat. For
someone living alone that is the safety net gone, and it was found out only at the next check-in (or never: the
/checkins list showed 📵). Now the on-duty staff get a call at once, to phone her and help her take it back; when
she does ("unblocked"), they get one line saying so (silent at night: roster.staff_line). Staff, strangers and the deceased: nothing.

The next check-in that cannot be sent then joins the open call, or, if staff had closed it, opens one more: still
nobody could check on her that day (bot/checkins/ladder.py).
"""
from __future__ import annotations

import logging

from .. import roster, staff_langs
from ..types import Inbound

log = logging.getLogger(__name__)
CATEGORY = "unreachable"  # the call's line under its title: the assistant's messages no longer reach her


async def on_member(svc, ev: Inbound) -> None:
    person = await svc.store.resident_by_tg(ev.user_id)
    if not person or await svc.store.died(person["id"]):
        return
    if ev.kind == "blocked":
        await _blocked(svc, person)
    else:
        await _unblocked(svc, person)


async def _blocked(svc, person: dict) -> None:
    detail = svc.cat.t("checkin.detail_blocked", time=svc.clock.now().strftime("%H:%M"))
    existing, n = await svc.incidents.opened_or_open("checkin", person, source="checkin", category=CATEGORY,
                                                     detail=detail, ask_address=False)
    if existing:  # staff are on her call already: it says so, no second alert, and they are asked to phone her
        await svc.store.add_timeline(existing["id"], {"at": svc.clock.ts(), "event": "chat_blocked"})
        await svc.incidents.chat_lost(existing, person)
        return
    log.info("a resident blocked the chat: call %s", n)
    await svc.incidents.alert_first(n)


async def _unblocked(svc, person: dict) -> None:
    for st in await roster.reachable_on_duty(svc):
        said = staff_langs.t(svc, st.telegram_id, "checkin.unblocked", name=person["name"])  # in her language
        await svc.outbox.send(roster.staff_line(svc, st.telegram_id, said))
