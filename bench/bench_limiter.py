"""Telegram's limits shared by worker processes on one token: rate, 429s, Redis round trips, CPU, alert wait.

    .venv/bin/python bench/bench_limiter.py [--workers 3] [--rounds 3] [--messages 60] [--compare]

Everything runs locally: an embedded Redis, the Bot API test server enforcing Telegram's limits with 429s (30/s
per token, 1/s per chat), and `--workers` forked worker processes (bot/testing/pace_driver.py: `build_app`, the
limiter it installs, the real aiogram client) sending for one token. Each round every worker sends `--messages`
check-ins to different residents at once; the first worker raises a staff alert one second in. The rate is
measured by the server (accepted sends over the span from first to last); CPU is the workers' process time per
message (the aiogram client's share included); the alert's wait runs from `outbox.send` to its answer.
`--compare` runs the same rounds with each worker's in-process `TelegramLimiter` (as before limits were shared).

Then the design not built, (b) one leased sender draining a Redis stream, is costed where it differs: the Redis
work per message (XADD by the producing process, XREADGROUP and XACK by the sender) against (a)'s one script call.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.redis_server import EmbeddedRedis  # noqa: E402
from bot.store import Pace, Store  # noqa: E402
from bot.testing.botapi_server import BotAPIServer, RateLimits  # noqa: E402

STAFF = 1001


async def rounds(api: BotAPIServer, redis_url: str, args, limiter: str) -> list[dict]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.testing.pace_driver", "--workers", str(args.workers), "--api", api.base_url,
        "--token", api.token, "--redis", redis_url, "--prefix", f"nc:{{b{uuid.uuid4().hex[:6]}}}:",
        "--limiter", limiter, cwd=ROOT, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out = []
    try:
        assert json.loads(await proc.stdout.readline())["ready"]
        for r in range(args.rounds):
            first = 100_000 + r * 10_000 + (50_000 if limiter == "local" else 0)
            each = []
            for w in range(args.workers):
                chats = list(range(first + w * 1000, first + w * 1000 + args.messages))
                for c in chats:
                    api.user(c, "居民")
                each.append({"chats": chats, **({"alert": {"chat": STAFF, "after": 1.0}} if w == 0 else {})})
            before, throttled = len(api.calls), api.stats.throttled
            proc.stdin.write((json.dumps({"op": "send", "each": each}) + "\n").encode())
            answers = json.loads(await proc.stdout.readline())
            times = sorted(c.at for c in api.calls[before:] if c.method.lower() == "sendmessage" and c.result_ok)
            sent = sum(a["ok"] for a in answers)
            out.append({"rate": (len(times) - 1) / (times[-1] - times[0]), "429": api.stats.throttled - throttled,
                        "trips": sum(a["round_trips"] for a in answers) / (sent + 1),
                        "cpu_us": 1e6 * sum(a["cpu"] for a in answers) / (sent + 1),
                        "alert_ms": 1000 * answers[0]["alert_wait"],
                        "alert_limiter_ms": 1000 * answers[0]["alert_limiter"]})
        proc.stdin.write(b'{"op": "quit"}\n')
        await asyncio.wait_for(proc.wait(), 30)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    return out


async def script_cost(redis_url: str, n: int) -> float:
    """CPU µs in the calling process per reservation (one EVALSHA), `n` chats."""
    from redis.asyncio import Redis

    store = Store(Redis.from_url(redis_url), f"nc:{{s{uuid.uuid4().hex[:6]}}}:")
    pace = Pace(interval=1.045 / 30, catchup=0.007, chat_interval=1.0, burst=3, group_limit=20, group_window=62.7,
                lend=1.045)
    await store.pace_reserve(1, False, pace)
    cpu = time.process_time()
    for c in range(n):
        await store.pace_reserve(c, False, pace)
    used = time.process_time() - cpu
    await store.r.aclose()
    return 1e6 * used / n


async def stream_cost(redis_url: str, n: int) -> float:
    """CPU µs per message for design (b): XADD by a producer, XREADGROUP + XACK by the one sender."""
    from redis.asyncio import Redis

    r = Redis.from_url(redis_url)
    stream = f"nc:{{s{uuid.uuid4().hex[:6]}}}:outbox"
    await r.xgroup_create(stream, "sender", id="0", mkstream=True)
    cpu = time.process_time()
    for c in range(n):
        await r.xadd(stream, {"chat": c, "text": "早上好，今天还好吗？", "tag": "checkin", "priority": 2})
        got = await r.xreadgroup("sender", "s1", {stream: ">"}, count=1)
        await r.xack(stream, "sender", got[0][1][0][0])
    used = time.process_time() - cpu
    await r.aclose()
    return 1e6 * used / n


def summary(name: str, runs: list[dict]) -> None:
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    worst = max(r["alert_ms"] for r in runs)
    print(f"| {name} | {med['rate']:.1f} ({100 * med['rate'] / 30:.0f}%) | {sum(r['429'] for r in runs)} | "
          f"{med['trips']:.2f} | {med['cpu_us']:.0f} | {med['alert_ms']:.0f} / {worst:.0f} | "
          f"{med['alert_limiter_ms']:.0f} |")


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--messages", type=int, default=60)
    ap.add_argument("--compare", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        redis = EmbeddedRedis(tmp, appendonly=False).start()
        try:
            async with BotAPIServer(limits=RateLimits()) as api:
                api.user(STAFF, "李社工")
                results = {"(a) shared, Redis script": await rounds(api, redis.url, args, "shared")}
                if args.compare:
                    results["in-process only (before)"] = await rounds(api, redis.url, args, "local")
            a_cpu, b_cpu = await script_cost(redis.url, 2000), await stream_cost(redis.url, 2000)
        finally:
            redis.stop()
    print(f"{args.workers} workers × {args.messages} messages × {args.rounds} rounds (medians of the rounds)\n")
    print("| limiter | rate, msg/s (of 30) | 429s | Redis round trips / msg | worker CPU µs / msg | "
          "alert ms p50 / max | of which limiter ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, runs in results.items():
        summary(name, runs)
    print(f"\nRedis client CPU per message: (a) one script call {a_cpu:.0f} µs; "
          f"(b) XADD + XREADGROUP + XACK {b_cpu:.0f} µs (3 round trips)")


if __name__ == "__main__":
    asyncio.run(main())
