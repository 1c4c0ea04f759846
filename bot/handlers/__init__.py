"""Channel adapters: aiogram (default), python-telegram-bot, and the local console."""
from __future__ import annotations


async def run_telegram(settings, secrets) -> int:
    if settings.telegram.library == "python-telegram-bot":
        from .ptb_adapter import run
    else:
        from .aiogram_adapter import run
    return await run(settings, secrets)
