"""The packet's buttons (what staff can do on a call now: 🙋 我来处理, 📍 已到达, ✅ 已解决, 🔁 转交, a death's
confirmation, the map and the desk's page), and the latest position they open a map at."""
from __future__ import annotations

from ..services import Services
from ..types import Button
from .handover import shows_hand_over


def last_position(inc: dict) -> tuple[float, float] | None:
    """The latest position known for the call: a live location's, else the one the resident sent for the address,
    else a family contact's."""
    if live := inc.get("live"):
        return live["lat"], live["lon"]
    if inc.get("address_state") == "location" and inc.get("location"):
        return tuple(inc["location"])
    if where := inc.get("family_location"):
        return where["lat"], where["lon"]
    return None


def map_button(svc: Services, where: tuple[float, float], loc: str | None = None) -> Button:
    """[🗺 在地图上打开]: one tap from coordinates to a map there (`community.map_link`, {lat} and {lon} filled in)."""
    url = svc.settings.community.map_link.format(lat=f"{where[0]:.5f}", lon=f"{where[1]:.5f}")
    return Button(svc.cat.t("btn.map", loc or svc.settings.locale), "", url=url)


def actions(svc: Services, inc: dict) -> list[str]:
    """What the packet's buttons offer now (`inc:<action>:<n>`), in their order: claim, arrive, resolve …"""
    return [b.data.split(":")[1] for row in buttons(svc, inc, svc.settings.locale) for b in row
            if b.data.startswith("inc:")]


def buttons(svc: Services, inc: dict, loc: str, viewer: int | None = None) -> tuple[tuple[Button, ...], ...]:
    t = lambda k: svc.cat.t(k, loc)  # noqa: E731
    n = inc["id"]
    death = _death_row(t, inc)
    if inc["status"] == "resolved":
        return (death,) if death else ()  # a death reported: confirmed (or undone) also after the request is closed
    rows: list[tuple[Button, ...]] = []
    if inc.get("media") and inc["kind"] == "help" and inc["status"] == "open":
        # something the bot cannot read: a person listens and decides
        return ((Button(t("btn.media_urgent"), f"inc:urgent:{n}"),), (Button(t("btn.media_heard"), f"inc:heard:{n}"),))
    if inc["status"] == "open" or inc.get("reopened"):
        rows.append((Button(t("btn.claim"), f"inc:claim:{n}"),))
    if inc["status"] != "arrived":
        rows.append((Button(t("btn.arrived"), f"inc:arrive:{n}"),))
    rows.append((Button(t("btn.resolve"), f"inc:resolve:{n}"),))
    if death:
        rows.append(death)
    if inc["status"] in ("claimed", "arrived") and shows_hand_over(svc.settings, inc, viewer):  # the claimer's, the head's
        rows.append((Button(t("btn.handover"), f"inc:handover:{n}"),))
    if where := last_position(inc):  # one tap from the coordinates to a map
        rows.append((map_button(svc, where, loc),))
    if url := svc.details_url and svc.details_url(n):  # the staff desk's page, opened as a Mini App
        rows.append((Button(t("btn.details"), "", web_app=url),))
    return tuple(rows)


def _death_row(t, inc: dict) -> tuple[Button, ...] | None:
    """A death a family member reported (bot/checkins/life.py): one tap to confirm it (his check-ins stop), or undo."""
    if not inc.get("resident") or not (inc.get("category") == "death" or inc.get("death_told")):
        return None
    undo = bool(inc.get("death_confirmed"))  # who confirmed it, when
    return (Button(t("btn.death_undo" if undo else "btn.death_confirm"), f"died:{'undo' if undo else 'yes'}:{inc['id']}"),)
