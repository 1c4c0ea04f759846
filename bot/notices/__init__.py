"""Notices that reach every door: compose (staff), send at the lowest priority, 👌, follow-up, visit tasks;
and the age-band entitlement messages (ageband.py).

Its buttons, commands, timers and jobs, and who may press what: routes.py."""
from __future__ import annotations

from .ageband import AgeBands
from .sending import Notices

__all__ = ["AgeBands", "Notices"]
