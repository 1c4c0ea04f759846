"""The run command without a token: a console chat over the same flows, on its own embedded Redis."""
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def run_console(tmp_path, script: str, **sections) -> str:
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8")) | sections
    cfg["redis"]["data_dir"] = str(tmp_path / "redis")
    cfg["nlu"]["cache_dir"] = str(ROOT / "var" / "nlu-cache")
    cfg["residents"]["seed_file"] = str(ROOT / "data" / "sample_residents.csv")
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "REDIS_URL")}
    res = subprocess.run([sys.executable, "-m", "bot", "--config", str(config)], input=script, cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_console_acts_as_a_resident_and_as_staff(tmp_path):
    out = run_console(tmp_path, "/as 王老伯\n救命\n1\n1\n/as 李社工\n1\n/open\n/quit\n")
    assert "现在您是 张阿姨" in out and "🆘 紧急求助" in out  # a sample resident and the menu at once
    assert "[李社工]" in out and "紧急求助 #1" in out
    assert "请确认您现在的地址" in out and "居民已确认地址" in out
    assert "李社工 已经接手您的求助" in out
    assert "待处理 1 件" in out


def test_console_state_survives_a_restart(tmp_path):
    run_console(tmp_path, "/as 王老伯\n救命\n/quit\n")
    out = run_console(tmp_path, "/as 李社工\n/open\n/quit\n")
    assert "#1 🆘紧急 王老伯" in out  # the embedded Redis kept it on disk (append-only file)
    assert any((tmp_path / "redis").rglob("*.aof*"))
