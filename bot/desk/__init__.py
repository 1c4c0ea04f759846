"""The committee's desk: a staff web console served by the bot's own process (aiohttp, Jinja2, HTMX, Chart.js).

Same event loop, same store, the same incident actions as the chat buttons. See README "The staff desk"."""
from __future__ import annotations

from .server import details_url, make_web_app, signin_link, start_console, web_command

__all__ = ["details_url", "make_web_app", "signin_link", "start_console", "web_command"]
