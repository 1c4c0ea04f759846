"""Who a notice goes to: pure functions of the register, the check-in list and today's date."""
from __future__ import annotations

import re
from datetime import date

from ..people import age_of

AGES = (65, 70, 80, 90)  # the "aged N+" choices offered as buttons
PLACE = re.compile(r"^\s*(?P<road>[^\d\s]+?)\s*(?:(?P<lane>\d+)\s*弄)?\s*(?:(?P<building>\d+)\s*(?:号楼|号|幢))?\s*$")


def parse_place(text: str) -> dict | None:
    """"建新路27弄", "建新路 27弄 5号", "天平路": the road, and the lane and building if given."""
    m = PLACE.match(text or "")
    if not m:
        return None
    return {k: v for k, v in m.groupdict().items() if v}


def matches(person: dict, audience: str, today: date, enrolled: frozenset[str] = frozenset()) -> bool:
    """audience: "all", "alone", "age:80", "checkins", or "place:建新路27弄5号"."""
    kind, _, arg = audience.partition(":")
    if kind == "all":
        return True
    if kind == "alone":
        return bool(person.get("lives_alone"))
    if kind == "age":
        age = age_of(person, today)
        return age is not None and age >= int(arg)
    if kind == "checkins":
        return person["id"] in enrolled
    if kind == "place":
        place = parse_place(arg) or {"road": "\0"}
        return all(str(person.get(k) or "") == v for k, v in place.items())
    return False


def select(people: list[dict], audience: str, today: date, enrolled: frozenset[str] = frozenset()) -> list[dict]:
    return [p for p in people if matches(p, audience, today, enrolled)]
