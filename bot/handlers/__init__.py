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


async def run_telegram(settings, secrets=None, config_path=None) -> int:
    """Every committee's bot (each its own token), until SIGINT or SIGTERM; then the adapters stop and everything
    closes cleanly; SIGHUP re-reads the staff lists from `config_path`. `settings`: a list of Committees (see
    bot/committees.py), or one committee's Settings with its `secrets`.

    The store and the scheduler start first: escalations and check-ins run while Telegram is still unreachable.
    Raises CannotStart (one line for the person starting the bot) when Telegram refuses a token or settings."""
    from ..committees import Committee
    from ..district import District

    committees = settings if isinstance(settings, list) else [Committee(settings.committee, settings, secrets)]
    district = await District.open(committees)
    try:
        adapters = [committee_adapter(app) for app in district.apps.values()]  # channels attached before any send
        district.start()
        await district.start_consoles()
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(sig, stop.set)
        reloads: set[asyncio.Task] = set()

        def reload() -> None:
            task = asyncio.ensure_future(district.reload_staff(config_path))
            reloads.add(task)
            task.add_done_callback(reloads.discard)

        if config_path:
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, reload)
        outcomes = await asyncio.gather(*(serve(adapter, stop) for adapter in adapters), return_exceptions=True)
    finally:
        await district.close()
    for failed in (o for o in outcomes if isinstance(o, BaseException)):
        raise failed
    return 0


def committee_adapter(app):
    """The committee's Telegram adapter on its own token (`telegram.library` says which library)."""
    return adapter_class(app.settings.telegram.library)(app, app.secrets.telegram_token)


async def serve(adapter, stop: asyncio.Event) -> None:
    """One committee's bot from start to stop: connected (retrying while Telegram is away), running until `stop`,
    then stopped. A committee Telegram refuses stops the whole start (`stop` is set for the others)."""
    try:
        if await connect(adapter, stop):
            await stop.wait()
    except BaseException as e:
        stop.set()
        committee = adapter.app.settings.committee
        if isinstance(e, CannotStart) and committee:
            from ..committees import token_variable

            raise CannotStart(f"committee {committee}: "
                              + str(e).replace("TELEGRAM_BOT_TOKEN", token_variable(committee))) from None
        raise
    finally:
        await adapter.stop()


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
