"""Telegram away at start is not fatal: the store and the scheduler run, Telegram is retried with one line per
attempt, and only a rejected token stops the bot — in one line."""
import asyncio
import signal
import subprocess
import threading

import pytest
import yaml
from conftest import LIBRARIES, signed_up_over_api
from redis.asyncio import Redis
from test_e2e_restart import start_bot, write_config

from bot.redis_server import free_port
from bot.store import Store
from bot.testing.botapi_format import APIError
from bot.testing.botapi_server import BotAPIServer

RETRYING = "Telegram 暂时连不上 / unreachable"


class Bot:
    """The bot as a process, its stderr read as it comes."""

    def __init__(self, config, redis_url: str, token: str, cold: bool = False) -> None:
        self.proc = start_bot(config, redis_url, token, cold=cold)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for raw in self.proc.stderr:
            self.lines.append(raw.decode(errors="replace").rstrip("\n"))

    @property
    def err(self) -> str:
        return "\n".join(self.lines)

    async def said(self, needle: str, timeout: float = 120) -> None:
        for _ in range(int(timeout * 10)):
            if needle in self.err:
                return
            assert self.proc.poll() is None, f"the bot exited:\n{self.err}"
            await asyncio.sleep(0.1)
        raise AssertionError(f"the bot never said {needle!r}:\n{self.err}")

    async def stop(self) -> str:
        """SIGTERM, the exit, and everything the bot wrote to stderr."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.to_thread(self.proc.wait, 30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        await asyncio.to_thread(self._reader.join, 5)
        self.proc.stderr.close()
        return self.err


async def incident_level(config, redis_url: str, n: int) -> int:
    prefix = yaml.safe_load(config.read_text(encoding="utf-8"))["redis"]["prefix"]
    redis = Redis.from_url(redis_url)
    try:
        return int((await Store(redis, prefix).incident(n))["level"])
    finally:
        await redis.aclose()


@pytest.mark.parametrize("library", LIBRARIES)
async def test_escalations_run_while_telegram_answers_5xx_and_the_bot_polls_once_it_is_back(
        tmp_path, redis_server, library):
    async with BotAPIServer() as api:
        li = api.user(1001, "李社工")
        config = write_config(tmp_path, api.base_url, library)  # next level after six seconds
        bot = Bot(config, redis_server.url, api.token)
        try:
            wang = await signed_up_over_api(api, api.user(5001, "王老伯"), "13900000002")
            await wang.press("🆘 紧急求助")
            await api.wait_for_message(li.id, "紧急求助 #1")
            await bot.stop()
            api.outage = APIError(502, "Bad Gateway")  # Telegram away
            bot = Bot(config, redis_server.url, api.token)
            await bot.said("retrying in")
            for _ in range(600):  # the escalation falls due meanwhile
                if await incident_level(config, redis_server.url, 1) >= 1:
                    break
                await asyncio.sleep(0.1)
            assert await incident_level(config, redis_server.url, 1) >= 1, bot.err
            assert api.outage and bot.proc.poll() is None
            api.outage = None  # Telegram is back
            before = len(api.sent_to(wang.id))
            await wang.send_text("你好")
            await api.wait_for_message(wang.id, None, timeout=60, after=before)
        finally:
            err = await bot.stop()
        assert RETRYING in err and "Traceback" not in err, err


@pytest.mark.parametrize("library", LIBRARIES)
async def test_telegram_refusing_connections_at_first_then_coming_up(tmp_path, redis_server, library):
    port = free_port()
    config = write_config(tmp_path, f"http://127.0.0.1:{port}", library)
    bot = Bot(config, redis_server.url, "123456:TEST-TOKEN")
    try:
        await bot.said(RETRYING)  # nothing listens: connections refused
        async with BotAPIServer(port=port) as api:
            await signed_up_over_api(api, api.user(5001, "王老伯"), "13900000002", timeout=60)
            err = await bot.stop()
    finally:
        err = await bot.stop()
    assert "Traceback" not in err, err


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_rejected_token_stops_the_bot_with_one_line(tmp_path, redis_server, library):
    async with BotAPIServer() as api:
        config = write_config(tmp_path, api.base_url, library)
        bot = Bot(config, redis_server.url, "999:REVOKED", cold=True)  # Telegram answers 401; all it prints
        code = await asyncio.to_thread(bot.proc.wait, 120)
        err = await bot.stop()
    lines = [line for line in err.splitlines() if "jieba" not in line and "prefix dict" not in line.lower()
             and "Loading model" not in line]
    assert code == 2
    assert lines == ["token rejected by Telegram: check TELEGRAM_BOT_TOKEN"]
