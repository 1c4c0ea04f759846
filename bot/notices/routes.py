"""What notices and age-band messages answer, and who may press it.

button                        who        answered by
nt:a|t|s|x|v|d:…              staff      compose.on_button (audience, template, send, cancel, visit tasks)
ntk:<notice>                  resident   compose.on_ack (👌)

command   /notice · /visits: staff only → compose.start · compose.show_visits
activity  a resident's words written back while a notice awaits her 👌 count as heard → compose.on_activity
input     a staff member's text or photo while composing (flow "notice") → compose.on_input
timer     notice, noticefu → Notices.on_deadline (the drain's lease, the follow-up)
job       10:00 every day: AgeBands.run (the month's age-band entitlement messages)
closer    Notices.close
"""
from __future__ import annotations

from ..routes import RESIDENT, STAFF, ButtonRoute, CommandRoute, InputRoute, Routes, TimerRoute
from . import compose
from .ageband import AgeBands
from .sending import Notices


def routes(notices: Notices, agebands: AgeBands) -> Routes:
    return Routes(
        buttons=(ButtonRoute("nt", STAFF, compose.on_button), ButtonRoute("ntk", RESIDENT, compose.on_ack)),
        commands=(CommandRoute("notice", compose.start), CommandRoute("visits", compose.show_visits)),
        inputs=(InputRoute("notice", compose.on_input),),
        activity=(compose.on_activity,),
        timers=(TimerRoute("notice", notices.on_deadline), TimerRoute("noticefu", notices.on_deadline)),
        jobs=({"func": agebands.run, "trigger": "cron", "hour": 10, "minute": 0, "id": "agebands",
               "max_instances": 1, "coalesce": True, "misfire_grace_time": 6 * 3600},),
        closers=(notices.close,),
    )
