"""A family contact or family doctor asks how the resident is ("我爸今天签到了吗"): answered at once from the check-in,
only about the residents the register links them to (a stranger or another family's contact is never told).

(no step)   linked to one: today's check-in, the week's marks, last heard from; not enrolled: said kindly, with
            [📨 转给社工] (the words kept for that tap, as under "没太明白")
            linked to several: which one? one button a name → fas:<rid>
A worry about the resident's health or safety, however it is worded ("我爸最近怎么样都不肯吃药", "我妈这几天老说胸口闷
怎么办"), is no question for the check-in to answer: `worried` words reach staff as a request (bot/incidents/family.py).
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.menu import keyboard, show_menu
from ..types import Button
from ..flows.understanding import AILING
from . import family  # each imports the other: family reads the words, this module answers them

# the resident's health or safety in a family member's words (AILING: words of being ill)
WORRY = re.compile(r"不肯吃药|不吃药|忘(了|记)?吃药|胸口闷|胸闷|心慌|气短|吃不下|不吃饭|没胃口|睡不着|失眠|忘事|糊涂|认不得"
                   r"|走丢|迷路|摔|跌|打不通|没人接|不接电话|联系不上|煤气|燃气|忘(了|记)?关|骗|转账|出事|担心|怎么办"
                   r"|\b(worried|worry|won'?t take|chest|dizzy|fell|scam)\b", re.I)


def worried(text: str) -> bool:
    """A worry about the resident's health or safety ("…不肯吃药", "…胸口闷怎么办"), for staff, not the check-in."""
    return bool(WORRY.search(text) or AILING.search(text))


async def asked(ctx: Ctx, text: str) -> None:
    """Words asking after the resident: the answer, or which one (linked to several)."""
    _, people = await family.linked_people(ctx)
    if not people:
        show_menu(ctx, "contact.menu")
    elif len(people) == 1:
        await _tell(ctx, people[0], text)
    else:
        ctx.session["asked"] = text[:300]
        ctx.say(ctx.t("family.which_checkin"), buttons=[[Button(p["name"], f"fas:{p['id']}")] for p in people])


async def on_asked_which(ctx: Ctx, args: list[str]) -> None:
    """fas:<rid> — the one they asked about; a resident not linked to them (a forged or stale button) is not told."""
    rid = args[0] if args else ""
    _, people = await family.linked_people(ctx)
    person = next((p for p in people if p["id"] == rid), None)
    if person is None:
        show_menu(ctx, "bad.stale_button")
        return
    ctx.edit_pressed(ctx.t("family.which_checkin") + "\n" + person["name"])
    await _tell(ctx, person, ctx.session.pop("asked", "") or person["name"])


async def _tell(ctx: Ctx, person: dict, text: str) -> None:
    """The check-in, or that there is none; then one tap to a person either way (a worry the words did not show)."""
    report = await ctx.svc.checkins.family_report(person, ctx.me.locale)
    phone = ctx.svc.settings.community.committee_phone
    if report is not None:
        ctx.say(report + "\n" + ctx.t("contact.call", phone=phone), keyboard=keyboard(ctx))
    else:
        show_menu(ctx, "family.checkin_off", name=person["name"])
    ctx.session.update(unclear=[text[:300]], about=person["id"])  # [📨 转给社工]: a request about this resident
    ctx.say(ctx.t("family.checkin_ask_staff"), buttons=[[ctx.button("btn.pass_on", "pass:on")]])
