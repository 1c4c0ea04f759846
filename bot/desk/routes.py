"""What the staff desk answers in chat.

command   /web (and the staff menu's 🗂 button): staff only → server.web_command (a one-time sign-in link)
"""
from __future__ import annotations

from ..routes import CommandRoute, Routes
from .server import web_command


def routes() -> Routes:
    return Routes(commands=(CommandRoute("web", web_command),))
