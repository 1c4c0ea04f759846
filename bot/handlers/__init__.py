"""Channel adapters: aiogram (default), python-telegram-bot, and the local console.

A Telegram adapter has `__init__(app, token)`, `async start()` and `async stop()`; which one runs is the
config key `telegram.library`.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import signal

from .telegram_common import CannotStart

log = logging.getLogger(__name__)
RETRY_SECONDS = (1, 2, 5, 10, 30)  # between attempts to reach Telegram at start; then every 30 s


def adapter_class(library: str):
    if library == "python-telegram-bot":
        from .ptb_adapter import PTBAdapter

        return PTBAdapter
    from .aiogram_adapter import AiogramAdapter

    return AiogramAdapter


async def run_telegram(settings, secrets, config_path=None) -> int:
    """Runs until SIGINT or SIGTERM, then stops the adapter and closes the app cleanly; SIGHUP re-reads the staff
    list from `config_path`.

    The store and the scheduler start first: escalations and check-ins run while Telegram is still unreachable.
    Raises CannotStart (one line for the person starting the bot) when Telegram refuses the token or settings."""
    from ..app import build_app

    app = await build_app(settings, secrets)
    adapter = adapter_class(settings.telegram.library)(app, secrets.telegram_token)
    app.start_scheduler()
    await app.start_console()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    reloads: set[asyncio.Task] = set()

    def reload() -> None:
        task = asyncio.ensure_future(app.reload_staff(config_path))
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    if config_path:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, reload)
    try:
        if await connect(adapter, stop):
            await stop.wait()
    finally:
        await adapter.stop()
        await app.close()
    return 0


async def connect(adapter, stop: asyncio.Event) -> bool:
    """Starts the adapter, retrying with backoff while Telegram is unreachable; False if stopped meanwhile."""
    stopping = asyncio.ensure_future(stop.wait())
    try:
        for attempt in itertools.count():
            starting = asyncio.ensure_future(adapter.start())
            await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not starting.done():  # SIGTERM while a request hangs: stop now
                starting.cancel()
                await asyncio.gather(starting, return_exceptions=True)
                return False
            if await _started(starting, attempt, stopping):
                return True
            if stopping.done():
                return False
    finally:
        stopping.cancel()


async def _started(starting: asyncio.Task, attempt: int, stopping: asyncio.Future) -> bool:
    """True if the attempt succeeded; otherwise one line, then the backoff (cut short by a stop)."""
    try:
        starting.result()
        return True
    except CannotStart:
        raise
    except Exception as e:  # network down, 5xx, timeouts: Telegram is away, not gone
        delay = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
        log.warning("Telegram 暂时连不上 / unreachable (%s), retrying in %s s", type(e).__name__, delay)
    await asyncio.wait({stopping}, timeout=delay)
    return False
