"""Notices that reach every door: compose (staff), send at the lowest priority, 👌, follow-up, visit tasks;
and the age-band entitlement messages (ageband.py)."""
from __future__ import annotations

from . import ageband, compose
from .sending import Notices


def install(engine) -> Notices:
    """Called by the composition root: the staff commands, the compose flow, the buttons and the deadlines."""
    svc = engine.svc
    notices = svc.extra["notices"] = Notices(svc)
    engine.staff_commands["notice"] = compose.start
    engine.staff_commands["visits"] = compose.show_visits
    engine.staff_inputs["notice"] = compose.on_input
    engine.button_handlers["nt"] = (("staff",), compose.on_button)
    engine.button_handlers["ntk"] = (("resident",), compose.on_ack)
    engine.tick_handlers["notice"] = notices.on_deadline
    engine.tick_handlers["noticefu"] = notices.on_deadline
    svc.extra.setdefault("closers", []).append(notices.close)
    ageband.install(engine)
    return notices
