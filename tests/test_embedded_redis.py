"""The embedded Redis: persistent, never left running behind a bot that died, and never stopped by a second
program on the same data (`python -m bot residents list`, a console demo): that one attaches to it."""
import socket
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import yaml

from bot.redis_server import EmbeddedRedis, EmbeddedRedisError
from bot.testing import warm_process

ROOT = Path(__file__).resolve().parent.parent


def _alive(pid: int) -> bool:
    try:
        return b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def test_a_killed_bot_takes_its_redis_with_it(tmp_path):
    script = ("import sys, time; from bot.redis_server import EmbeddedRedis; "
              f"r = EmbeddedRedis({str(tmp_path)!r}).start(); print(r.proc.pid, flush=True); time.sleep(60)")
    bot = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                           cwd=Path(__file__).resolve().parent.parent)
    redis_pid = int(bot.stdout.readline())
    assert _alive(redis_pid)
    os.kill(bot.pid, signal.SIGKILL)
    bot.wait()
    bot.stdout.close()
    deadline = time.monotonic() + 5
    while _alive(redis_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(redis_pid)


def _cli_config(tmp_path: Path, data_dir: Path) -> Path:
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    cfg["redis"]["data_dir"] = str(data_dir)
    cfg["residents"]["seed_file"] = str(ROOT / "data" / "sample_residents.csv")
    cfg["nlu"]["cache_dir"] = str(ROOT / "var" / "nlu-cache")
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return path


def test_residents_list_beside_a_running_bot_leaves_its_redis_running(tmp_path):
    data = tmp_path / "redis"
    running = EmbeddedRedis(data).start()  # the bot's own embedded Redis
    try:
        client = redis.Redis(port=running.port)
        client.set("nc:probe", "still here")
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "TELEGRAM_BOT_TOKEN")}
        # a program of its own, forked with the bot imported (bot/testing/warm_process.py): its exit is a process's
        res = warm_process.run("bot", ["--config", str(_cli_config(tmp_path, data)), "residents", "list"], cwd=ROOT,
                               env=env, timeout=120)
        assert res.returncode == 0, res.stderr
        assert "王老伯" in res.stdout  # it read the register from the running Redis
        assert running.proc.poll() is None and _alive(running.proc.pid)
        assert client.get("nc:probe") == b"still here"
        client.close()
    finally:
        running.stop()


def test_a_second_program_attaches_and_its_exit_does_not_stop_the_first(tmp_path):
    first = EmbeddedRedis(tmp_path).start()
    try:
        second = EmbeddedRedis(tmp_path).start()
        assert second.port == first.port and second.proc is None  # attached, not started
        second.stop()
        assert first.proc.poll() is None
        assert redis.Redis(port=first.port).ping()
    finally:
        first.stop()


def test_only_a_dead_server_is_cleaned_up(tmp_path):
    first = EmbeddedRedis(tmp_path).start()
    first.kill()  # its pidfile stays behind
    assert (tmp_path / "redis.pid").exists()
    second = EmbeddedRedis(tmp_path).start()
    try:
        assert second.proc is not None and redis.Redis(port=second.port).ping()
    finally:
        second.stop()


def test_a_server_that_holds_the_data_but_does_not_answer_is_refused_in_one_line(tmp_path):
    first = EmbeddedRedis(tmp_path).start()
    os.kill(first.proc.pid, signal.SIGSTOP)
    try:
        with pytest.raises(EmbeddedRedisError) as err:
            EmbeddedRedis(tmp_path).start()
        assert "\n" not in str(err.value) and str(first.proc.pid) in str(err.value)
        assert _alive(first.proc.pid)
    finally:
        os.kill(first.proc.pid, signal.SIGCONT)
        first.stop()


async def test_the_bots_own_redis_syncs_every_write_to_disk(settings, tmp_path):
    """A power cut must not lose an incident the resident was already told about (everysec loses up to 1 s)."""
    from bot.app import build_app
    from bot.config import Secrets

    s = settings.model_copy(update={"redis": settings.redis.model_copy(update={"data_dir": str(tmp_path)}),
                                    "residents": settings.residents.model_copy(update={"seed_file": None})})
    app = await build_app(s, Secrets(), nlu=False, kb=False)
    try:
        config = await app.redis.config_get("append*")
        assert (config["appendonly"], config["appendfsync"]) == ("yes", "always")
    finally:
        await app.close()


def test_a_free_port_is_never_one_the_kernel_hands_out_meanwhile():
    """A port chosen now and bound seconds later (a test server started after the bot has retried, a restart on the
    same port) must not be one the kernel gives another process's bind(0) or outgoing connection in between: under
    parallel tests the bot then met another test's server, whose token was not its own, and stopped with "token
    rejected" (exit 2, tests/test_e2e_telegram_away.py, seen once)."""
    from bot.redis_server import free_port

    low, high = map(int, open("/proc/sys/net/ipv4/ip_local_port_range").read().split())
    ports = {free_port() for _ in range(50)}
    assert not any(low <= p <= high for p in ports), sorted(ports)
    for port in ports:  # and each one free to bind
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))


def test_a_port_taken_between_choosing_it_and_the_start_gets_the_redis_another(tmp_path, monkeypatch):
    """The free port it chose is taken by another program (another worker's Redis, a test's server) before its
    redis-server binds it: the bot's Redis starts on another one instead of failing, and never uses that other
    program's server as its own (tests/test_redis_stalled.py's set-up failed once in a fresh-clone run)."""
    import bot.redis_server as rs

    with rs.EmbeddedRedis(tmp_path / "other") as other:  # another program's Redis, on the port ours will be given
        ports = iter([other.port])
        real = rs.free_port
        monkeypatch.setattr(rs, "free_port", lambda: next(ports, None) or real())
        ours = rs.EmbeddedRedis(tmp_path / "ours")
        assert ours.port == other.port
        with ours:
            assert ours.port != other.port
            assert rs._served_dir(ours.port) == str((tmp_path / "ours").resolve())
