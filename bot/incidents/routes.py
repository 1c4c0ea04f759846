"""What the incident feature answers, and who may press it. The one place to read for an incident's buttons,
commands and timers.

button                        who        answered by
inc:claim|arrive|resolve:<n>  staff      staff.on_incident_button (🙋 我来处理 · 📍 已到达 · ✅ 已解决)
inc:handover:<n>              staff      staff.on_incident_button: 转交 asks to whom …
inc:handto:<n>:<staff id>     staff      … and hands it over (only its claimer can)
inc:urgent|heard:<n>          staff      staff.on_incident_button (🆘 按紧急处理 · ✅ 已听 on a forwarded voice/photo)
out:<n>:<outcome>[:<holder>]  staff      staff.on_outcome (the outcome after ✅ 已解决; on a colleague's call it
                                         closes only from the question naming her: outcome_ask.py)
stf:own · stf:raise:<rid>     staff      staff_about.on_button (her words were about a resident: her own call
                                         after all, or a call raised for the resident she named)
smd:<n>:<kind>:<message id>   staff      staff_media.on_button (which call her voice or photo from the scene is on)
osk:<n>                       staff      outcome_note.on_skip (✏️ 其他's note waits: close without one)
hnt:<n>:<k>                   staff      held_words.on_button (her words, holding several calls: on the one tapped)
addr:yes|no:<n>               resident   address_steps.on_address_answer
need:yes|no:<n>               resident   need_now.on_need
sos:go                        resident   help_request.start_help (Engine.handle's fast lane takes it first)
fam:<n>:<resident id>         contact    family_which.on_which (a family member says whom their call is about)
fas:<resident id>             contact    family_asks.on_asked_which (whom they asked after: its check-in)
fun:yes|no:<n>                contact    family_unsure.on_button (unsure words: must someone go at once?)

command   /open (open incidents) · /incident N (one incident's timeline): staff only
timer     esc, arr, fol, rnw, addr, first, rty → Incidents.on_deadline (deadlines.py) · rep → Repeats
          duty → Reach
          live → Incidents.on_live_deadline (live.py: a live location's latest position, paced)
          pkt → Incidents.on_packets_deadline (owed.py: full packets owed after a digest whose sender died;
                after the incident's escalations due in the same tick)
          pke → Incidents.on_edits_deadline (edits_owed.py: packet edits Telegram failed to make, made again)
          fam → Incidents.on_family_deadline (closed.py: the family's news of a closed call, if its closer died)
          fun → family_unsure.on_deadline (no answer to whether someone must go at once: an emergency)
          srg → Incidents.on_surge_deadline (surge.py: the surge line again to staff chats Telegram did not take it)
job       outage (every second) → Outage.job: the calls journaled while Redis was away, stored once it is back
          outage_cries (every second) → outage_pace.tell_held_cries: cries the fallback's pace held back, told
          outage_family (every second) → OutageFamily.tick: a resident's family told of her cry in a long outage
step      (staff, outcome_note) → staff.on_outcome_note (osk: its skip, outcome_note.py)
member    a staff member or family contact blocking the chat (or taking it back) → blocked_people.on_member
"""
from __future__ import annotations

from ..flows import staff_views
from ..flows.base import Ctx
from ..routes import RESIDENT, STAFF, ButtonRoute, CommandRoute, Routes, StepRoute, TimerRoute
from . import (Incidents, Outage, address_steps, blocked_people, family, family_asks, family_unsure, family_which,
               held_words, help_request, need_now, outcome_note, staff, staff_about, staff_media)
from .outage_pace import tell_held_cries
from .reach import DEADLINE as REACH, Reach
from .repeats import Repeats

DEADLINES = ("esc", "arr", "fol", "rnw", "addr", "first", "rty")  # Incidents.on_deadline
YES_NO = ("yes", "no")
OUTAGE_SECONDS = 1  # calls journaled while Redis was away are stored within a second of its return


async def _incident(ctx: Ctx, args: list[str]) -> bool:
    if len(args) < 2:
        return False
    await staff.on_incident_button(ctx, args[0], args[1:])
    return True


async def _sos(ctx: Ctx, _: str) -> None:
    await help_request.start_help(ctx, "emergency", words="🆘", source="button")


async def _open(ctx: Ctx, arg: str) -> None:
    await staff_views.show_open(ctx)


def routes(incidents: Incidents, repeats: Repeats, reach: Reach | None, outage: Outage | None = None) -> Routes:
    return Routes(
        buttons=(
            ButtonRoute("inc", STAFF, _incident),
            ButtonRoute("out", STAFF, staff.on_outcome),
            ButtonRoute("stf", STAFF, staff_about.on_button),
            ButtonRoute("smd", STAFF, staff_media.on_button),
            ButtonRoute("osk", STAFF, outcome_note.on_skip, (int,)),
            ButtonRoute("hnt", STAFF, held_words.on_button, (int, int)),
            ButtonRoute("addr", RESIDENT, address_steps.on_address_answer, (YES_NO, int)),
            ButtonRoute("need", RESIDENT, need_now.on_need, (YES_NO, int)),
            ButtonRoute("sos", RESIDENT, _sos, (("go",),)),
            ButtonRoute("fam", frozenset({"contact"}), family_which.on_which),
            ButtonRoute("fas", frozenset({"contact"}), family_asks.on_asked_which),
            ButtonRoute("fun", frozenset({"contact"}), family_unsure.on_button),
        ),
        commands=(
            CommandRoute("open", _open),
            CommandRoute("incident", staff_views.show_incident),
        ),
        timers=(
            *(TimerRoute(kind, incidents.on_deadline) for kind in DEADLINES),
            TimerRoute("rep", repeats.on_deadline),
            TimerRoute("live", incidents.on_live_deadline),
            TimerRoute("pkt", incidents.on_packets_deadline, catch_up=True),
            TimerRoute("pke", incidents.on_edits_deadline),
            TimerRoute("fam", incidents.on_family_deadline),
            TimerRoute("srg", incidents.on_surge_deadline),
            TimerRoute(family_unsure.TIMER, lambda key: family_unsure.on_deadline(incidents.svc, key)),
            *((TimerRoute(REACH, reach.on_deadline),) if reach else ()),
        ),
        steps=(StepRoute("staff", "outcome_note", staff.on_outcome_note),),
        member=(blocked_people.on_member,),
        jobs=tuple({"trigger": "interval", "seconds": OUTAGE_SECONDS, "max_instances": 1, "coalesce": True,
                    "misfire_grace_time": None, **job} for job in (
            {"func": outage.job, "id": "outage"},
            {"func": tell_held_cries, "args": (outage,), "id": "outage_cries"},
            {"func": outage.known.family.tick, "id": "outage_family"},
        )) if outage else (),
        closers=(outage.close,) if outage else (),
    )
