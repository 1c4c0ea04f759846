"""The run command without a token: a console chat over the same flows, on its own embedded Redis.

The console runs with its clock moved to a fixed instant (bot/testing/shifted_clock.py), so what it shows does
not depend on the hour the test runs at.
"""
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.redis_server import free_port
from bot.testing import warm_process

ROOT = Path(__file__).resolve().parent.parent
SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)


def run_console(tmp_path, script: str, at: datetime = MONDAY_10, cold: bool = False,
                **sections) -> subprocess.CompletedProcess:
    """The console as a process of its own, forked from one that has imported the bot (bot/testing/warm_process.py);
    `cold`: a fresh `python -m`, as an operator starts it (all it prints from its first import on)."""
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    cfg["console"]["port"] = free_port()  # not config.yaml's 8090, which other tests and runs may hold
    cfg |= sections
    cfg["redis"]["data_dir"] = str(tmp_path / "redis")
    cfg["nlu"]["cache_dir"] = str(ROOT / "var" / "nlu-cache")
    cfg["residents"]["seed_file"] = str(ROOT / "data" / "sample_residents.csv")
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "REDIS_URL", "LOG_LEVEL")}
    shift = "@" + at.isoformat()  # the instant the bot's clock starts at, measured in its own process
    args = [shift, "--config", str(config)]
    if cold:
        res = subprocess.run([sys.executable, "-m", "bot.testing.shifted_clock", *args],
                             input=script, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    else:
        res = warm_process.run("bot.testing.shifted_clock", args, input=script, cwd=ROOT, env=env, timeout=180)
    assert res.returncode == 0, res.stderr
    return res


# the instants where the sample roster bites: early morning, a weekend, the last half minute of a day (the run
# crosses midnight), and the minute the day shift hands over to the night shift
INSTANTS = {
    "Monday 05:00": (datetime(2026, 11, 23, 5, 0, tzinfo=SHANGHAI), "王社工"),
    "Saturday 12:00": (datetime(2026, 11, 28, 12, 0, tzinfo=SHANGHAI), "王社工"),
    "Tuesday 23:59:30": (datetime(2026, 11, 24, 23, 59, 30, tzinfo=SHANGHAI), "李社工"),
    "Wednesday 20:00, shift change": (datetime(2026, 11, 25, 20, 0, 5, tzinfo=SHANGHAI), "王社工"),
}


COLD = "Monday 05:00"  # this one starts as an operator starts it: a fresh python -m


@pytest.mark.parametrize("instant", INSTANTS)
def test_the_console_says_who_is_on_duty_and_the_readme_conversation_works_at_any_hour(tmp_path, instant):
    at, on_duty = INSTANTS[instant]
    res = run_console(tmp_path, "/who\n/as 王老伯\n救命\n1\n1\n/as 值班\n1\n/open\n/quit\n", at=at,
                      cold=instant == COLD)
    out = res.stdout
    assert res.stderr == ""  # it starts clean: no library's chatter (jieba's DEBUG lines) around the banner
    assert out.startswith("建新居民区居委会 — 本地控制台")
    banner = out.split("» /who")[0]
    assert f"现在值班：{on_duty}" in banner  # the start banner names them
    assert f"{on_duty} (工作人员 staff · 🕒 值班 on duty)" in out  # and /who marks them
    assert "现在您是 张阿姨" in out and "🆘 紧急求助" in out  # a sample resident and the menu at once
    assert f"[{on_duty}]" in out and "紧急求助 #1" in out
    assert "请确认您现在的地址" in out and "居民已确认地址" in out
    assert f"{on_duty} 已经接手您的求助" in out
    assert "待处理 1 件" in out


def test_console_state_survives_a_restart(tmp_path):
    run_console(tmp_path, "/as 王老伯\n救命\n/quit\n")
    out = run_console(tmp_path, "/as 李社工\n/open\n/quit\n").stdout
    assert "#1 🆘紧急 王老伯" in out  # the embedded Redis kept it on disk (append-only file)
    assert any((tmp_path / "redis").rglob("*.aof*"))
