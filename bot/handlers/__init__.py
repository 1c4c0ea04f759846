"""Channel adapters: aiogram (default), python-telegram-bot, and the local console.

A Telegram adapter has `__init__(app, token)`, `async start()` and `async stop()`; which one runs is the
config key `telegram.library`.
"""
from __future__ import annotations

import asyncio
import signal


def adapter_class(library: str):
    if library == "python-telegram-bot":
        from .ptb_adapter import PTBAdapter

        return PTBAdapter
    from .aiogram_adapter import AiogramAdapter

    return AiogramAdapter


async def run_telegram(settings, secrets) -> int:
    """Runs until SIGINT or SIGTERM, then stops the adapter and closes the app cleanly."""
    from ..app import build_app

    app = await build_app(settings, secrets)
    adapter = adapter_class(settings.telegram.library)(app, secrets.telegram_token)
    await adapter.start()
    app.start_scheduler()
    await app.start_console()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await adapter.stop()
        await app.close()
    return 0
