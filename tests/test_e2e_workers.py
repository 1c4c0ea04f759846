"""Three worker processes on one Redis and one bot token behave as one bot (issue 16, "several processes").

Two run aiogram and one python-telegram-bot; the Bot API test server enforces Telegram's limits. A resident
presses 🆘; the on-duty staff member is alerted; the worker that polls Telegram (the poller lease names its pid) is
killed with SIGKILL while the call escalates. Every later level still reaches its staff exactly once, the lease
moves and the resident is answered within 10 s of the kill, and nothing is throttled.

As in test_e2e_restart.py, the processes' clock reads 23:59 of a Tuesday and the roster covers every minute.
"""
import asyncio
import json
import os
import signal
import subprocess
import time

import yaml
from conftest import signed_up_over_api
from redis.asyncio import Redis

from bot.store import Keys
from bot.testing import warm_process
from bot.testing.botapi_server import BotAPIServer, RateLimits
from test_e2e_restart import LAST_MINUTE, ROOT, stopped, write_config

LI, WANG, CHEN = 1001, 1002, 1003  # on duty; staff; the head


def worker_configs(tmp_path, api_url: str) -> tuple[list, str]:
    """Two configs alike but for the library (aiogram, python-telegram-bot), and their key prefix."""
    cfg = yaml.safe_load(write_config(tmp_path, api_url, "aiogram").read_text(encoding="utf-8"))
    cfg["escalation"]["emergency"]["levels"][1]["after_minutes"] = 0.1  # level 1 six seconds after the call
    cfg["escalation"]["emergency"]["levels"][2]["after_minutes"] = 0.2  # level 2 after twelve
    cfg["escalation"]["emergency"]["repeat_every_minutes"] = 60  # no repeat while the test watches
    cfg["telegram"]["chat_burst"] = 1  # the test server allows no burst into a chat: one a second, strictly
    paths = []
    for library in ("aiogram", "python-telegram-bot"):
        cfg["telegram"]["library"] = library
        path = tmp_path / f"{library}.yaml"
        path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths, cfg["redis"]["prefix"]


def start_worker(config, redis_url: str, token: str, shift: float, log_path) -> subprocess.Popen:
    """A worker process of its own, forked from one that has imported the bot (warm_process.py)."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "REDIS_URL": redis_url, "LOG_LEVEL": "WARNING"}
    return warm_process.start("bot.testing.shifted_clock", [str(shift), "--config", str(config)], env=env, cwd=ROOT,
                              stderr_path=log_path)


def alerts(api, chat_id: int) -> int:
    return sum("紧急求助 #1" in m.text for m in api.sent_to(chat_id))


async def poller_pid(r: Redis, keys: Keys, api, timeout: float = 120) -> int:
    """The pid in the bot's poller lease ("host:pid:nonce"), once some worker holds it."""
    key = keys.poller_lease(api.token.split(":")[0])
    deadline = time.monotonic() + timeout
    while not (holder := await r.get(key)):
        assert time.monotonic() < deadline, "no worker took the poller lease"
        await asyncio.sleep(0.2)
    return int(holder.decode().split(":")[1])


async def test_three_workers_one_killed_mid_escalation_every_level_reaches_staff_once(tmp_path, redis_server):
    async with BotAPIServer(limits=RateLimits()) as api:
        for uid, name in ((LI, "李社工"), (WANG, "王社工"), (CHEN, "陈书记")):
            api.user(uid, name)  # staff have started the bot
        (aiogram_cfg, ptb_cfg), prefix = worker_configs(tmp_path, api.base_url)
        shift = LAST_MINUTE.timestamp() - time.time()  # one timeline for all three
        workers = [start_worker(cfg, redis_server.url, api.token, shift, tmp_path / f"worker{i}.log")
                   for i, cfg in enumerate((aiogram_cfg, aiogram_cfg, ptb_cfg))]
        r, keys = Redis.from_url(redis_server.url), Keys(prefix)
        try:
            await api.wait_until(lambda: sum(c.method == "setMyCommands" for c in api.calls) >= 15, 180)  # all up
            wang = await signed_up_over_api(api, api.user(5001, "王老伯"), "13900000002", timeout=30)
            await wang.press("🆘 紧急求助")
            await api.wait_for_message(LI, "紧急求助 #1")
            question = await api.wait_for_message(wang.id, "请确认您现在的地址")
            pid = await poller_pid(r, keys, api)
            killed = next(w for w in workers if w.pid == pid)
            os.kill(pid, signal.SIGKILL)  # mid-escalation: level 1 is due six seconds after the call
            killed.wait()
            died, told = time.monotonic(), len(api.sent_to(wang.id))
            await wang.click(question, "对")
            await api.wait_for_message(wang.id, timeout=10, after=told)  # the lease moved; another worker polls
            assert time.monotonic() - died < 10
            assert await poller_pid(r, keys, api) in {w.pid for w in workers if w is not killed}
            await api.wait_until(lambda: alerts(api, LI) >= 3 and alerts(api, WANG) >= 2 and alerts(api, CHEN) >= 2,
                                 60)
            await asyncio.sleep(5)  # time for any duplicate to show up
            assert (alerts(api, LI), alerts(api, WANG), alerts(api, CHEN)) == (3, 2, 2)  # levels 0-2; 1-2; 1-2
            timeline = [json.loads(e) for e in await r.lrange(keys.incident_timeline(1), 0, -1)]
            assert [e["level"] for e in timeline if e["event"] == "escalated"] == [1, 2]
            assert api.stats.throttled == 0, [(c.method, c.params.get("chat_id")) for c in api.calls
                                              if c.error_code == 429]
            assert all(w.poll() is None for w in workers if w is not killed)
        finally:
            await asyncio.gather(*(stopped(w, 20) for w in workers))
            await r.aclose()
        assert [w.returncode for w in workers if w is not killed] == [0, 0]
