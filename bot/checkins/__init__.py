"""Daily wellbeing check-ins: a 早上好 that notices silence and sends a person.

Owns everything check-in:
  rules.py         when check-ins fall, quiet hours, what is due next: pure functions of `now`
  service.py       each resident's settings and state, the controls, the signs of life
  routes.py        its buttons, the /checkins command, the sign-of-life hook, and who may press what
  ladder.py        the drain: due → sent → reminded → missed (a "checkin" incident), recorded before sent
  conversation.py  the resident's side: the daily message, one-tap answers, 我出门几天 / 我回来了 / 改时间
  answer.py        reading a typed answer to the daily message: fine, unwell, a call for help, or a sign of life
  staff.py         the staff's side: /checkins (today's status) and one resident's card with its buttons
  words.py         the small labels they share: dates, times, history marks, "last heard from"
  family.py        what a family contact asking after the resident is told (Checkins.family_report)
  life.py          a death a family member reported, confirmed by staff on its call (check-ins stop for good), or undone
  own.py           a staff member who is on the register too: her own check-in, answered as a resident's
Exposes `Checkins` (the service the composition root builds; its `kick` is what the scheduler's wake-up
job calls when a check-in step is due), and `CheckinState` / `today_status` for read-only views
such as the staff desk. Due times live in Redis, so a restart loses nothing.
"""
from .rules import CheckinState, today_status
from .service import Checkins, Heard

__all__ = ["CheckinState", "Checkins", "Heard", "today_status"]
