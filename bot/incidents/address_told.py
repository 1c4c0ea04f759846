"""Where she is differs from the register: the staff who hold the call (everyone alerted while nobody has taken it)
get a NEW message saying so, beside the registered address — an edited packet alone may never make a phone ring (the
real case was a wrong door number). Once per place and call: the same door or pin again says nothing new."""
from __future__ import annotations

from .. import roster, staff_langs
from ..residents import format_parts, full_address
from ..textfit import clip
from .alerting import listeners


async def _new_place(svc, n: int, place: str) -> bool:
    """True the first time this place is told on call n (whichever worker)."""
    return await svc.store.mark_incident(n, f"place_told:{clip(place, 120)}", 1)


async def _tell(svc, inc: dict, key: str, kw: dict, ref=None) -> int:
    person = await svc.store.resident(inc["resident"]) or {}
    kw = dict(kw, n=inc["id"], name=person.get("name", ""),
              address=full_address(svc.settings.community.address_prefix, person) or svc.cat.t("packet.no_address"))
    text = lambda chat: staff_langs.t(svc, chat, key, **kw)  # noqa: E731 — each in her language
    return await roster.pass_on(svc, await listeners(svc, inc), text, ref, tag=f"place:{inc['id']}",
                                urgent_intro=inc["kind"] == "emergency")


async def door_differs(svc, n: int, parts: dict, text: str, by: dict | None = None) -> int:
    """A door (or, unread, her words) that is not the register's: to staff now, once per door."""
    inc = await svc.store.incident(n)
    said = format_parts(parts) if parts else clip(text, 120)
    if not inc or not said or not await _new_place(svc, n, f"door:{sorted(parts.items()) if parts else text}"):
        return 0
    kw = dict(said=said, words=clip(text, 200))
    if by:
        return await _tell(svc, inc, "alert.address_differs_by", dict(kw, reporter=by.get("name", ""),
                                                                      relation=by.get("relation", "")))
    return await _tell(svc, inc, "alert.address_differs", kw)


async def pin_new(svc, n: int, lat: float, lon: float) -> bool:
    """Whether this pin is a new place on call n (about 10 m apart), marked told."""
    return await _new_place(svc, n, f"pin:{lat:.4f},{lon:.4f}")


async def pin_differs(svc, n: int, lat: float, lon: float, ref=None) -> int:
    """Her pin, beside the registered address (and `ref`, the pin itself, to open on a map): to staff now, once per
    place."""
    inc = await svc.store.incident(n)
    if not inc or not await pin_new(svc, n, lat, lon):
        return 0
    return await _tell(svc, inc, "alert.location_from", dict(lat=f"{lat:.5f}", lon=f"{lon:.5f}"), ref)


async def pin_seen(svc, n: int, ev) -> bool:
    """A pin (`ev`) already told on call n: the same place again says nothing new. Any other event: False."""
    return ev.kind == "location" and not await pin_new(svc, n, ev.latitude, ev.longitude)
