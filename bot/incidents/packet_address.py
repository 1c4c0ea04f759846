"""The packet's address lines: the register's door, and beside it the door someone said — named as the resident's
or as the family contact's who said it — a shared location, or what staff should check."""
from __future__ import annotations

from ..residents import differing_parts, format_parts, full_address
from ..services import Services


def address_lines(svc: Services, inc: dict, person: dict, loc: str) -> list[str]:
    """Where to go: the register's door, and beside it what was said (by whom), a shared location, or what to check."""
    t = lambda k, **kw: svc.cat.t(k, loc, **kw)  # noqa: E731
    prefix = svc.settings.community.address_prefix
    registered = full_address(prefix, person) or t("packet.no_address")
    lines = [t("packet.address", address=registered)]
    state = inc.get("address_state", "pending")
    if state == "corrected":
        stated = inc.get("address_stated") or {}
        diff = set(inc.get("address_diff") or differing_parts(person, stated))
        by = inc.get("address_by") or {}  # a family contact's words ("我爸的地址改了…"): never shown as his own
        who = t("packet.addr_who", relation=by.get("relation", ""), name=by.get("name", "")) if by else ""
        same = not diff and any(stated.values())  # "不对" first, then the register's own door: no "不一样"
        lines += [t("packet.addr_corrected_by", who=who) if who else
                  t("packet.addr_disputed_same" if same else "packet.addr_corrected"),
                  t("packet.addr_registered", parts=format_parts(person, diff) or registered),
                  t("packet.addr_stated_by" if who else "packet.addr_stated", who=who,
                    parts=format_parts(stated, diff) or inc.get("address_text", "")),
                  t("packet.addr_check_second_source")]
    elif state == "unparsed":
        lines += [t("packet.addr_unparsed", text=inc.get("address_text", "")), t("packet.addr_check_second_source")]
    elif state == "location":
        lat, lon = inc.get("location") or (0, 0)
        lines += [t("packet.addr_location", lat=f"{lat:.5f}", lon=f"{lon:.5f}"), t("packet.addr_check_second_source")]
    elif state == "confirmed" and (by := inc.get("address_by")):  # his daughter said the registered door: not he
        lines.append(t("packet.addr_confirmed_by", who=t("packet.addr_who", relation=by.get("relation", ""),
                                                         name=by.get("name", ""))))
    elif state in ("unknown", "unconfirmed") and inc.get("resident") and not person.get("phone"):
        lines.append(t(f"packet.addr_{state}_no_phone"))  # "请打电话问清楚" with no number to phone
    else:
        lines.append(t(f"packet.addr_{state}"))
    return lines
