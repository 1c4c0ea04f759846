"""Where the Bot API test server runs: in a process of its own (default), so that the server's work —
Telegram's work, in real life — is not charged to the bot; or in the bot's own event loop, as in the tests.

Both offer the same async interface; RemoteServer forwards each call over a pipe to a LocalServer.
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
from typing import Any

from _harness import Result, Subject, TimedBotAPIServer, all_at_once, detail_times, one_at_a_time


class LocalServer:
    """The server in this process."""

    def __init__(self) -> None:
        self.api = TimedBotAPIServer()

    async def start(self) -> tuple[str, str]:
        await self.api.start()
        return self.api.base_url, self.api.token

    async def stop(self) -> None:
        await self.api.stop()

    async def add_users(self, users: list[tuple[int, str]]) -> None:
        for uid, name in users:
            self.api.user(uid, name)

    async def set_subject(self, subject: Subject) -> None:
        self.api.subject = subject

    async def wait_polling(self, timeout: float = 10) -> bool:
        return bool(await self.api.wait_until(lambda: self.api.requests.get("getupdates"), timeout))

    async def one_at_a_time(self, ids: list[int]) -> Result:
        return await one_at_a_time(self.api, ids)

    async def all_at_once(self, ids: list[int], timeout: float = 60) -> Result:
        self.api.calls.clear()  # the server keeps every call for tests; a benchmark does not need them
        return await all_at_once(self.api, ids, timeout)

    async def detail_times(self, ids: list[int], timeout: float) -> list[float]:
        return await detail_times(self.api, ids, timeout)

    async def requests(self) -> dict[str, int]:
        return dict(self.api.requests)


def _child(conn, factory=None) -> None:
    asyncio.run(_serve(conn, factory or LocalServer))


async def _serve(conn, factory) -> None:
    server, loop = factory(), asyncio.get_running_loop()
    while True:
        name, args = await loop.run_in_executor(None, conn.recv)
        try:
            result = (True, await getattr(server, name)(*args))
        except Exception as e:  # sent back and raised in the parent
            result = (False, f"{type(e).__name__}: {e}")
        conn.send(result)
        if name == "stop":
            return


class RemoteServer:
    """The same interface; the server runs in a child process with its own event loop. `factory` (a module-level
    class with async methods, LocalServer by default) is what runs there; each call is forwarded to it."""

    def __init__(self, factory: type | None = None) -> None:
        self._conn, child = mp.get_context("spawn").Pipe()
        self._proc = mp.get_context("spawn").Process(target=_child, args=(child, factory), daemon=True)
        self._lock = asyncio.Lock()

    @property
    def pid(self) -> int | None:
        return self._proc.pid

    async def _call(self, name: str, *args: Any) -> Any:
        async with self._lock:
            self._conn.send((name, args))
            ok, value = await asyncio.get_running_loop().run_in_executor(None, self._conn.recv)
        if not ok:
            raise RuntimeError(f"bench server: {value}")
        return value

    async def start(self, *args: Any) -> Any:
        self._proc.start()
        return await self._call("start", *args)

    async def stop(self) -> None:
        try:
            await self._call("stop")
        finally:
            self._proc.join(5)
            if self._proc.is_alive():
                self._proc.kill()

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args: self._call(name, *args)
