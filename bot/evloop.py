"""The event loop the bot's processes run on: uvloop when it is installed, asyncio's own otherwise.

A district worker's CPU goes largely to the loop itself (waking tasks, timers, reading sockets for Redis and
Telegram); uvloop runs the same asyncio code on libuv with less of it. `BOT_EVENT_LOOP=asyncio` (or `off`) in the
environment turns it off, e.g. to compare, or where a platform's uvloop misbehaves; a uvloop that cannot be imported
falls back to asyncio's loop with one warning, and the bot runs as before.

    from bot import evloop
    evloop.run(main())                 # what asyncio.run(main()) did, on the chosen loop
    evloop.name()                      # "uvloop" or "asyncio": what run() will use
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Callable, Coroutine

log = logging.getLogger(__name__)

ENV = "BOT_EVENT_LOOP"
OFF = ("asyncio", "off", "0", "no", "false")
ON = ("uvloop", "on", "1", "yes", "true", "")


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's loop factory, or None (asyncio's default loop) when the environment turns it off or it is missing."""
    choice = os.environ.get(ENV, "").strip().lower()
    if choice in OFF:
        return None
    if choice not in ON:
        log.warning("%s=%r is neither uvloop nor asyncio: using uvloop", ENV, choice)
    try:
        import uvloop
    except ImportError as e:
        log.warning("uvloop cannot be imported (%s): running on asyncio's own event loop", e)
        return None
    return uvloop.new_event_loop


def name() -> str:
    return "asyncio" if loop_factory() is None else "uvloop"


def run(main: Coroutine[Any, Any, Any]) -> Any:
    """asyncio.run(main) on the chosen loop (Python 3.11's Runner takes the factory; asyncio.run does from 3.12)."""
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(main)
