"""The bot process killed and restarted between a request and its escalation: the escalation still happens, once.

The processes run with their clock moved to 23:59:00 of a Tuesday (bot/testing/shifted_clock.py), whatever the
hour the test runs at: the request comes in the day's last minute or just after midnight (start-up time varies),
the escalation after midnight. The roster is one shift from 00:00 to 00:00, every minute of the week
(tests/test_register_and_config.py checks it at several instants, 23:59:30 included).
"""
import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import LIBRARIES

from bot.redis_server import free_port
from bot.testing import warm_process
from bot.testing.botapi_server import BotAPIServer

ROOT = Path(__file__).resolve().parent.parent


def write_config(tmp_path: Path, api_url: str, library: str) -> Path:
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    cfg["telegram"]["library"] = library
    cfg["escalation"]["emergency"]["levels"][1]["after_minutes"] = 0.1  # six seconds
    cfg["telegram"]["api_base_url"] = api_url
    cfg["redis"]["prefix"] = f"crash{uuid.uuid4().hex[:6]}:"
    cfg["console"]["port"] = free_port()  # not config.yaml's 8090, which other tests and runs may hold
    cfg["nlu"]["cache_dir"] = str(ROOT / "var" / "nlu-cache")
    cfg["residents"]["seed_file"] = str(ROOT / "data" / "sample_residents.csv")
    cfg["roster"] = [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "00:00", "to": "00:00",
                      "staff": ["li"]}]  # every minute of the week
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return path


LAST_MINUTE = datetime(2026, 11, 24, 23, 59, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def start_bot(config: Path, redis_url: str, token: str, shift: float = 0.0, cold: bool = False) -> subprocess.Popen:
    """The bot as a process of its own, forked from one that has imported its modules already (warm_process.py:
    seconds less per start); `cold`: a fresh `python -m`, as an operator starts it."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "REDIS_URL": redis_url, "LOG_LEVEL": "WARNING"}
    args = [str(shift), "--config", str(config)]
    if not cold:
        return warm_process.start("bot.testing.shifted_clock", args, env=env, cwd=ROOT)
    return subprocess.Popen([sys.executable, "-m", "bot.testing.shifted_clock", *args],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stop_bot(bot: subprocess.Popen, timeout: float = 15) -> None:
    """SIGTERM (a clean stop), and SIGKILL if it takes longer than `timeout`."""
    if bot.poll() is None:
        bot.send_signal(signal.SIGTERM)
    try:
        bot.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        bot.kill()
        bot.wait()


async def stopped(bot: subprocess.Popen, timeout: float = 15) -> None:
    """stop_bot, waiting off the event loop: the test's Bot API server runs on it and must answer the bot while it
    stops (python-telegram-bot confirms its last updates with one more getUpdates; blocked, that took 5 s)."""
    await asyncio.to_thread(stop_bot, bot, timeout)


@pytest.mark.parametrize("library", LIBRARIES)
async def test_escalation_survives_a_killed_process(tmp_path, redis_server, library):
    async with BotAPIServer() as api:
        li, wa = api.user(1001, "李社工"), api.user(1002, "王社工")
        config = write_config(tmp_path, api.base_url, library)
        shift = LAST_MINUTE.timestamp() - time.time()  # one timeline for both processes
        bot = start_bot(config, redis_server.url, api.token, shift)
        try:
            wang = api.user(5001, "王老伯")
            await wang.send_command("/start")
            await api.wait_for_message(wang.id, lambda m: m.has_request_contact(), timeout=120)
            await wang.send_contact("13900000002")
            await api.wait_for_message(wang.id, "已经认出您了")
            await wang.press("🆘 紧急求助")
            await api.wait_for_message(li.id, "紧急求助 #1")
            os.kill(bot.pid, signal.SIGKILL)  # crash: no clean shutdown
            bot.wait()
            assert api.sent_to(wa.id) == []
            await asyncio.sleep(7)  # the escalation falls due while nothing runs
            assert api.sent_to(wa.id) == []
            bot = start_bot(config, redis_server.url, api.token, shift)
            await api.wait_for_message(wa.id, "紧急求助 #1", timeout=120)  # a restart on a loaded machine
            await asyncio.sleep(3)  # time for any duplicate to show up
            assert sum("紧急求助 #1" in m.text for m in api.sent_to(wa.id)) == 1
        finally:
            await stopped(bot)
            bot.stderr.close()
