"""When handling an event breaks (Redis down, a bug): the person still gets the committee's phone and 120, and a
cry for help still reaches staff, with whatever of the register can still be read."""
from __future__ import annotations

import asyncio

from .residents import full_address
from .flows.understanding import keyword_parse
from .incidents.urgency import WORDED
from .services import Services
from .types import Inbound, Outbound

FALLBACK_READ_SECONDS = 1


async def fallback(svc: Services, ev: Inbound, *, sos: bool, alerted: bool = False, cried: bool = False
                   ) -> list[Outbound]:
    """Whatever broke, the person still gets the committee's phone and 120; a cry for help (`cried`: judged so
    before it broke; `sos`: the 🆘 itself) still reaches staff, unless its alert has already gone out."""
    s, cat = svc.settings, svc.cat
    loc = cat.locale_for(ev.language)
    # a call whose alert went out before the failure: the person hears that staff know, not only "error"
    key = "help.alerted" if alerted else "fallback.error"
    msg = Outbound(ev.chat, cat.t(key, loc, phone=s.community.committee_phone), urgent=True)
    urgent = not alerted and (cried or ev.kind in ("text", "button", *WORDED) and (
        sos or keyword_parse(ev.text)["emergency_suspected"] or "sos" in ev.data))
    sends = [svc.outbox.send(msg)]
    if urgent:
        name, address = await _who_if_readable(svc, ev)
        text = cat.t("fallback.staff_alert", name=name, address=address, words=(ev.text or "🆘")[:200])
        sends += [svc.outbox.send(Outbound(st.telegram_id, text, urgent=True)) for st in s.staff]
    await asyncio.gather(*sends, return_exceptions=True)
    return [msg]


async def _who_if_readable(svc: Services, ev: Inbound) -> tuple[str, str]:
    """The registered name and address for a fallback alert, if the register can still be read (briefly)."""
    try:
        async with asyncio.timeout(FALLBACK_READ_SECONDS):
            person = await svc.store.resident_by_tg(ev.user_id)
    except Exception:  # the store is what failed: the Telegram name is all there is
        person = None
    if not person:
        return ev.first_name or str(ev.user_id), ""
    address = full_address(svc.settings.community.address_prefix, person)
    return person["name"], svc.cat.t("fallback.address", address=address) if address else ""
