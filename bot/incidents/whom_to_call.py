"""A staff member on a call whose resident does not answer the phone ("电话打不通", "王老伯电话没人接", "联系不上"): the
numbers to try next — the resident's, the family's, the family doctor's, as the packet lists them — beside the
call's next button, for each call she holds or can take (the one named, if she names one). The bot phones nobody.
"""
from __future__ import annotations

import re

from ..flows import staff_views
from ..flows.base import Ctx
from .packet import NAME_CHARS, tappable
from ..textfit import clip

UNREACHABLE = re.compile(r"打不通|没人接(电话|听)|电话.{0,3}没人接|不接电话|联系不上|关机了?|无人接听"
                         r"|\b(no answer|can'?t reach|unreachable)\b", re.I)


async def answer(ctx: Ctx, calls: list[tuple[dict, str]], rows_of) -> None:
    """`calls`: (incident, name) she may act on, narrowed to the one named; `rows_of(inc, name)`: its buttons."""
    if not calls:
        await staff_views.show_open(ctx, ctx.t("staffwords.none"))
        return
    lines, rows = [ctx.t("staffwords.unreachable")], []
    for inc, name in calls:
        lines.append(await staff_views.open_line(ctx, inc))
        lines += numbers(ctx, await staff_views.about(ctx, inc))
        rows += rows_of(inc, name)
    ctx.say("\n".join(lines), buttons=rows)


def numbers(ctx: Ctx, person: dict) -> list[str]:
    """The resident's phone, the family's, the family doctor's, as the packet lists them."""
    lines = [ctx.t("packet.phone", phone=tappable(person["phone"]))] if person.get("phone") else []
    for c in person.get("contacts", []):
        lines.append(ctx.t("packet.contact", name=clip(c["name"], NAME_CHARS), relation=clip(c["relation"], NAME_CHARS),
                           phone=tappable(c["phone"])))
    if (doctor := person.get("doctor")) and doctor.get("phone"):
        lines.append(ctx.t("packet.doctor", name=clip(doctor["name"], NAME_CHARS), phone=tappable(doctor["phone"])))
    return lines
