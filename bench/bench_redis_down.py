"""While Redis is down or stalled: time from a resident's 救命 to staff holding the fallback alert and the resident
holding 120, and how many times a connection to Redis was tried on the way.

    .venv/bin/python bench/bench_redis_down.py [--cries 5] [--case down|stopped] [--gap 0]

The real bot from config.yaml (in-memory messenger, the builtin NLU) on a redis-server of its own, which after one
resident signs up is either stopped ("down": it refuses connections) or frozen with SIGSTOP ("stopped": it keeps its
port but answers nothing, as a hung process, a network partition or a stalled disk); then `--cries` residents send
救命 one after another. The first cry meets a Redis nobody has found away yet; those after it meet what the bot
remembers of that (bot/redisbreaker.py), `--gap` seconds after the one before. Without `--case`, both cases.

2026-11-30, 2 shared cores, back to back: before (redis-py Retry, 3 retries with backoff, on every call) each cry
took ~2120 ms and 15-16 tries of Redis; with bot/redisbreaker.py the first cry ~120 ms (7 tries), later ones 4-10 ms.
Same day, with the outage journal (each cry written and fsync'd before the sends), two runs each, back to back: the
first cry 111-123 ms before, 133-137 ms with it; later ones 4-18 ms before, 5-25 ms with it (noisy, shared cores).
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from redis.asyncio.connection import Connection  # noqa: E402

from bot.app import build_app  # noqa: E402
from bot.config import Secrets, load_settings  # noqa: E402
from bot.redis_server import EmbeddedRedis  # noqa: E402
from bot.testing.tools import Person, RecordingMessenger  # noqa: E402

TRIES = [0]


def count_tries() -> None:
    connect = Connection._connect

    async def counted(self):
        TRIES[0] += 1
        return await connect(self)

    Connection._connect = counted


async def main(args) -> None:
    count_tries()
    for case in [args.case] if args.case else ["down", "stopped"]:
        print(f"Redis {case}:")
        await run(case, args.cries, args.gap)


async def run(case: str, cries: int, gap: float) -> None:
    from nlu import NLU

    settings = load_settings(HERE.parent / "config.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        settings = settings.model_copy(update={"redis": settings.redis.model_copy(
            update={"journal_dir": str(Path(tmp) / "outage")})})  # each cry is journaled (fsync'd) before the sends
        server = EmbeddedRedis(Path(tmp) / "redis").start()
        app = None
        try:
            app = await build_app(settings, Secrets(redis_url=server.url), messenger=RecordingMessenger(),
                                  nlu=NLU.builtin(), kb=False)
            await Person(app, 5000, "王老伯").send("你好")  # connections open, as in a running bot
            if case == "down":
                server.stop()
            else:
                os.kill(server.proc.pid, signal.SIGSTOP)
            staff = Person(app, settings.staff[0].telegram_id)
            print(f"{'cry':>4} {'to staff alert + 120 (ms)':>26} {'tries of Redis':>15}")
            for n in range(cries):
                await asyncio.sleep(gap if n else 0)
                resident, TRIES[0] = Person(app, 6000 + n, f"居民{n}"), 0
                t0 = time.perf_counter()
                await resident.send("救命")
                took = (time.perf_counter() - t0) * 1000
                assert "120" in resident.last().text and f"居民{n}" in staff.last(f"居民{n}").text
                print(f"{n + 1:>4} {took:>26.0f} {TRIES[0]:>15}")
        finally:
            if server.proc and server.proc.poll() is None:
                os.kill(server.proc.pid, signal.SIGCONT)  # a frozen process cannot act on SIGTERM
            if app:
                await app.close()
            server.stop()


if __name__ == "__main__":
    logging.basicConfig(level=logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cries", type=int, default=5)
    parser.add_argument("--case", choices=["down", "stopped"])
    parser.add_argument("--gap", type=float, default=0.0, help="seconds between cries")
    asyncio.run(main(parser.parse_args()))
