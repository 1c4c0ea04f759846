"""What the daily check-in answers, and who may press it.

button                              who        answered by
ci:ok|unwell|help|away|time|…       resident   talk.on_resident_button (the check-in's answers and its settings;
                                    staff      staff who are residents too: own.py)
cis:enrol|unenrol|pause|back|at:…   staff      checkin_staff.on_staff_button (a resident's check-in card)
died:yes|undo:<n>                   staff      life.on_button (a reported death confirmed on its call, or undone)
dyes:<n>:<holder id>                staff      life.on_confirmed (confirmed on a colleague's report, once told whose)

command   /checkins [resident]: staff only → checkin_staff.show_checkins
activity  every event of a resident (and of staff who are residents too) is a sign of life → talk.on_activity (it
          may answer today's check-in)
(the drain runs only when a check-in step is due: scheduler/'s wake-up job then calls Checkins.kick)
member    a resident blocking the chat (or taking it back) → blocked.on_member: a call to phone her (a line when back)
closer    Checkins.close
"""
from __future__ import annotations

from bot.routes import RESIDENT, STAFF, ButtonRoute, CommandRoute, Routes

from . import blocked
from . import conversation as talk
from . import life
from . import staff as checkin_staff
from .service import Checkins


def routes(checkins: Checkins) -> Routes:
    return Routes(
        buttons=(ButtonRoute("ci", RESIDENT | STAFF, talk.on_resident_button),
                 ButtonRoute("cis", STAFF, checkin_staff.on_staff_button),
                 ButtonRoute("died", STAFF, life.on_button, (("yes", "undo"), int)),
                 ButtonRoute("dyes", STAFF, life.on_confirmed, (int, str))),
        commands=(CommandRoute("checkins", checkin_staff.show_checkins),),
        activity=(talk.on_activity,),
        member=(blocked.on_member,),
        closers=(checkins.close,),
    )
