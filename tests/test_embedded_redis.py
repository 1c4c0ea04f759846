"""The embedded Redis: persistent, and never left running behind a bot that died."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bot.redis_server import EmbeddedRedis


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


def test_a_stale_server_on_the_same_data_is_stopped_first(tmp_path):
    first = EmbeddedRedis(tmp_path).start()
    try:
        second = EmbeddedRedis(tmp_path).start()  # as if the first had been orphaned
        try:
            first.proc.wait(timeout=5)
            assert first.proc.returncode is not None
            assert _alive(second.proc.pid)
        finally:
            second.stop()
    finally:
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
