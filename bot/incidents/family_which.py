"""A family contact or doctor linked to several residents: her call (a cry, or a request) reached staff with each of
them, and she is asked which one (family.which); her tap or her typed name names it (`on_which`).

What she reads says staff were told only when they were: a call that reached nobody is told as such first
("暂时没联系上社工", the committee's phone and 120), then the question alone; the name she taps is answered the same
way while no staff member has the call yet (she hears once when one has: reached_late.py).

Whom she looks out for is also what she reads when she introduces herself ("我是王老伯的女儿", "我是王丽", their doctor's
"我是赵医生": `introduced`): that she is known, and whose emergency contact she is — never "没太明白", never a request
paging staff for a greeting; words of trouble with it ("我是王丽 我爸摔倒了") are read as ever.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.menu import keyboard, show_menu
from ..flows.understanding import danger_in
from ..types import Button
from . import family  # each imports the other: family hears the call, this module asks and hears which
from .help_request import again, tell_not_reached

# the whole message: "我是…" (a name, a relation, "他女儿", "王老伯家属"), after a greeting at most
INTRO = re.compile(r"(?:你好|您好|喂)?[，,。.!！\s]*我(?:就)?是[^，,。.!！？?\s]{1,12}[。.!！~]*")
ASKED = {False: ("family.which", "family.which_ask"), True: ("family.which_request", "family.which_request_ask")}


def ask_which(ctx: Ctx, n: int, people: list[dict], reached: int, *, request: bool = False) -> None:
    """Which of `people` the call is about: one tap each; the truth first when it reached nobody."""
    told, bare = ASKED[request]
    if not reached:
        tell_not_reached(ctx)
    ctx.goto("family", "which", incident=n)
    ctx.say(t_both(ctx, told if reached else bare, phone=ctx.svc.settings.community.committee_phone),
            buttons=[[Button(p["name"], f"fam:{n}:{p['id']}")] for p in people], urgent=not request)


async def cried_again(ctx: Ctx, words: str, people: list[dict], reporter: dict) -> int | None:
    """Her cry again while asked which (her call, still about one of several, open): on that call, for the staff it
    alerted — never a second call about the same people — and the question again. None: no such call waits."""
    n = ctx.session.get("incident") if ctx.step == ("family", "which") else None
    inc = await ctx.svc.store.incident(n) if n else None
    if not inc or inc["status"] == "resolved" or inc.get("resident") or inc.get("kind") != "emergency":
        return None
    await again(ctx, n, words, by=reporter)
    ctx.goto("family", "which", incident=n)
    ctx.say(t_both(ctx, "family.which_again"), buttons=[[Button(p["name"], f"fam:{n}:{p['id']}")] for p in people])
    return n


def named_in(people: list[dict], text: str) -> list[dict]:
    """The one of several she looks out for that her words name ("王老伯说他胸口疼" from their family doctor): staff
    read him at once, never "可能是：张阿姨、王老伯", and she is not asked; else all of them."""
    found = [p for p in people if p["name"] and p["name"] in text]
    return found if len(found) == 1 else people


async def named(ctx: Ctx, text: str) -> bool:
    """The one linked resident whose name these words give (and no danger in them), named on the waiting call."""
    _, people = await family.linked_people(ctx)
    found = [p for p in people if p["name"] and p["name"] in text]
    if len(found) != 1 or danger_in(ctx.svc, text):
        return False
    await on_which(ctx, [str(ctx.session.get("incident", 0)), found[0]["id"]])
    return True


async def on_which(ctx: Ctx, args: list[str]) -> None:
    """fam:{n}:{rid} — the caller names the resident their call was about."""
    n, rid = int(args[0]), args[1] if len(args) > 1 else ""
    link = next((link for link in await family.linked(ctx) if link["rid"] == rid), None)
    person = await ctx.svc.store.resident(rid) if link else None
    if person is None or not await ctx.svc.incidents.name_resident(n, person, link["relation"]):
        show_menu(ctx, "bad.stale_button")
        return
    ctx.goto(None)
    inc = await ctx.svc.store.incident(n) or {}
    phone, request = ctx.svc.settings.community.committee_phone, inc.get("kind") != "emergency"
    unreached = ctx.ev.user_id in (inc.get("caller_unreached") or [])  # no staff member has it yet
    if ctx.ev.kind == "button":
        ctx.edit_pressed(ctx.t(ASKED[request][unreached], phone=phone) + "\n" + person["name"])
    if unreached:
        tell_not_reached(ctx)
    else:
        ctx.say(t_both(ctx, "family.request_noted" if request else "family.alerted", name=person["name"], phone=phone),
                keyboard=keyboard(ctx))


async def introduced(ctx: Ctx, text: str) -> bool:
    if not INTRO.fullmatch(text.strip()) or danger_in(ctx.svc, text):
        return False
    links, people = await family.linked_people(ctx)
    if not people:
        return False
    doctor = all(link.get("kind") == "doctor" for link in links)  # their family doctor, not their emergency contact
    show_menu(ctx, "contact.known_doctor" if doctor else "contact.known", names="、".join(p["name"] for p in people),
              phone=ctx.svc.settings.community.committee_phone)
    return True
