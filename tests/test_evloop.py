"""The bot's processes run on uvloop (bot/evloop.py); BOT_EVENT_LOOP=asyncio turns it off, and a machine without
uvloop still runs the bot, on asyncio's own loop, with one warning. (That the bot works on uvloop is shown by every
subprocess test: `python -m bot` runs on it by default, e.g. tests/test_e2e_restart.py, test_e2e_workers.py.)"""
from __future__ import annotations

import asyncio
import logging
import sys

import pytest

from bot import evloop


async def _loop_and_work() -> tuple[str, int]:
    """The running loop's module and some real work on it: a timer, a task, a TCP round trip."""
    async def echo(r, w):
        w.write(await r.readline())
        await w.drain()
        w.close()

    await asyncio.sleep(0.01)
    task = asyncio.ensure_future(asyncio.sleep(0, result=20))
    async with await asyncio.start_server(echo, "127.0.0.1", 0) as server:
        reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname()[:2])
        writer.write(b"22\n")
        line = await reader.readline()
        writer.close()
    return type(asyncio.get_running_loop()).__module__, await task + int(line)


@pytest.mark.parametrize("setting, loop", [(None, "uvloop"), ("uvloop", "uvloop"), ("asyncio", "asyncio"),
                                           ("off", "asyncio")])
def test_bot_event_loop_setting_chooses_the_loop(monkeypatch, setting, loop):
    if setting is None:
        monkeypatch.delenv(evloop.ENV, raising=False)
    else:
        monkeypatch.setenv(evloop.ENV, setting)
    module, answer = evloop.run(_loop_and_work())
    assert module.split(".")[0] == loop and answer == 42
    assert evloop.name() == loop


def test_without_uvloop_the_bot_runs_on_asyncio_and_says_so(monkeypatch, caplog):
    monkeypatch.delenv(evloop.ENV, raising=False)
    monkeypatch.setitem(sys.modules, "uvloop", None)  # `import uvloop` raises ImportError, as where it is missing
    with caplog.at_level(logging.WARNING, logger="bot.evloop"):
        module, answer = evloop.run(_loop_and_work())
    assert module.startswith("asyncio") and answer == 42
    assert [r.getMessage() for r in caplog.records if "uvloop cannot be imported" in r.getMessage()]
