"""100,000 residents due for their check-in at 09:00: schedule load, memory, and the send rate within Telegram's limits.

    .venv/bin/python bench/bench_checkins.py [--residents 100000] [--seconds 25]

Everything runs locally: an embedded Redis and the local Bot API test server enforcing Telegram's limits
with 429s (30/s overall, 1/s per chat). The bot sends through the real aiogram client and the shared
limiter (bot/ratelimit.py); an urgent staff alert is raised half-way through the burst. Baselines measured
in the same run: raw pipelined Redis writes of the same count, and a sender without the limiter against
the same kind of server (with and without limits).
"""
from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _setup import parse_args, settings_for  # noqa: E402
from bot.app import build_app  # noqa: E402
from bot.clock import FakeClock  # noqa: E402
from bot.config import Secrets  # noqa: E402
from bot.handlers.aiogram_adapter import AiogramMessenger, make_bot  # noqa: E402
from bot.ratelimit import TelegramLimiter  # noqa: E402
from bot.redis_server import EmbeddedRedis  # noqa: E402
from bot.store import dumps  # noqa: E402
from bot.testing.botapi_server import BotAPIServer, RateLimits  # noqa: E402
from bot.types import Outbound  # noqa: E402
from bot.checkins.rules import CheckinState  # noqa: E402

NINE = datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
TG0 = 10_000_000
CHUNK = 2000


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


async def redis_mb(r) -> float:
    return (await r.info("memory"))["used_memory"] / 2**20


async def baseline_writes(r, n: int) -> float:
    start = time.perf_counter()
    for lo in range(0, n, CHUNK):
        async with r.pipeline(transaction=False) as p:
            for i in range(lo, min(n, lo + CHUNK)):
                p.set(f"baseline:{i}", "x" * 200)  # about one check-in record's size
            await p.execute()
    took = time.perf_counter() - start
    await r.flushdb()
    return took


async def enrol(store, n: int) -> float:
    """The register and the schedules, straight into Redis in pipelines."""
    start = time.perf_counter()
    for lo in range(0, n, CHUNK):
        ids = range(lo, min(n, lo + CHUNK))
        async with store.r.pipeline(transaction=False) as p:
            p.hset(store.k("residents"), mapping={f"r{i + 1}": dumps(
                {"id": f"r{i + 1}", "name": f"居民{i + 1}", "phone": f"139{i:08d}", "tg_id": TG0 + i,
                 "lives_alone": True, "contacts": []}) for i in ids})
            p.hset(store.k("residents:tg"), mapping={str(TG0 + i): f"r{i + 1}" for i in ids})
            await p.execute()
    since, stored = NINE.timestamp() - 3600, ("enrolled", "since", "times", "days", "tz", "phase")
    rows = ((f"r{i + 1}", CheckinState(f"r{i + 1}", enrolled=True, since=since).to_hash(*stored),
             NINE.timestamp()) for i in range(n))
    await store.enrol_checkins(rows, chunk=CHUNK)
    return time.perf_counter() - start


async def naive_rate(limits: RateLimits | None, seconds: float) -> tuple[float, int]:
    """Baseline: sendMessage as fast as 16 workers can, no limiter. Returns (accepted per second, 429s)."""
    async with BotAPIServer(limits=limits) as api:
        for i in range(20_000):
            api.user(TG0 + i, "x")
        bot = make_bot(api.token, api.base_url)
        messenger, chats, stop = AiogramMessenger(bot), iter(range(TG0, TG0 + 20_000)), time.monotonic() + seconds

        async def worker():
            while time.monotonic() < stop:
                await messenger.deliver(Outbound(next(chats), "早上好"))

        start = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(16)))
        await bot.session.close()
        return api.stats.sent / (time.monotonic() - start), api.stats.throttled


async def main() -> int:
    args = parse_args(__doc__, 100_000, "length of the sending slice")
    n = args.residents

    with tempfile.TemporaryDirectory() as tmp:
        redis = EmbeddedRedis(tmp, appendonly=False).start()
        try:
            settings = settings_for("bench:")
            async with BotAPIServer(limits=RateLimits()) as api:
                for st in settings.staff:
                    api.user(st.telegram_id, st.name)
                bot = make_bot(api.token, api.base_url)
                limiter = TelegramLimiter()
                app = await build_app(settings, Secrets(redis_url=redis.url), clock=FakeClock(NINE),
                                      messenger=AiogramMessenger(bot), nlu=False, kb=False, limiter=limiter)
                store, cis = app.svc.store, app.svc.checkins
                raw_s = await baseline_writes(store.r, n)
                mem0, rss0 = await redis_mb(store.r), rss_mb()
                load_s = await enrol(store, n)
                mem1 = await redis_mb(store.r)
                t0 = time.perf_counter()
                first = await store.take_checkins_due("due", NINE.timestamp(), lease=0, limit=60)
                first_s = time.perf_counter() - t0
                due = await store.checkin_queue_size("due")
                for rid in sorted(f"r{i + 1}" for i in range(n))[:int(args.seconds * 40)]:
                    api.user(TG0 + int(rid[1:]) - 1, "居民")  # the ones this slice reaches have started the bot
                print(f"enrolled {n:,} residents due at 09:00: {due:,} in the queue, first batch of {len(first)} "
                      f"taken in {first_s * 1e3:.1f} ms")
                print(f"schedule load: {load_s:.2f} s ({n / load_s:,.0f}/s); baseline raw pipelined SETs "
                      f"{raw_s:.2f} s → ratio {load_s / raw_s:.2f}×")
                print(f"Redis memory: +{mem1 - mem0:.1f} MB ({(mem1 - mem0) * 2**20 / n:.0f} bytes per resident)")

                drain = asyncio.create_task(cis.run_due())
                start = time.monotonic()
                await asyncio.sleep(args.seconds / 2)
                person = await store.resident("r99999") or await store.resident("r1")
                raised = time.monotonic()
                k = await app.engine.incidents.open("emergency", person, words="🆘", source="bench")
                await app.engine.incidents.alert_first(k)
                alert = await api.wait_for_message(1001, "紧急求助", timeout=10)
                urgent_s = alert.at - raised
                await asyncio.sleep(max(0.0, start + args.seconds - time.monotonic()))
                drain.cancel()
                await asyncio.gather(drain, return_exceptions=True)
                stats, elapsed = api.stats, time.monotonic() - start
                full = [c for s, c in sorted(stats.per_second.items())[1:-1]]  # whole seconds only
                rate = sum(full) / len(full) if full else stats.sent / elapsed
                rss1 = rss_mb()
                await app.close()
                await app.svc.outbox.messenger.close()  # its json_send session (check-ins, notices)
                await bot.session.close()
            raw_rate, _ = await naive_rate(None, 3)
            flood_rate, flood_429 = await naive_rate(RateLimits(), 3)
        finally:
            redis.stop()

    print(f"sending slice: {stats.sent} messages in {elapsed:.1f} s; steady rate {rate:.2f}/s "
          f"(per-second min {min(full, default=0)}, max {max(full, default=0)}); 429s: {stats.throttled}; "
          f"limiter granted {limiter.granted}, penalties {limiter.penalties}")
    print(f"  vs configured 30/s: {rate / 30:.1%}   vs raw unlimited pipe {raw_rate:.0f}/s: {rate / raw_rate:.1%}")
    print(f"  baseline without the limiter against the limited server: {flood_rate:.1f}/s accepted, "
          f"{flood_429} × 429 in 3 s")
    print(f"urgent alert raised mid-burst reached staff in {urgent_s * 1e3:.0f} ms")
    print(f"process RSS: {rss0:.0f} MB before enrolment, {rss1:.0f} MB after the slice")
    goals = {"rate within 5% of 30/s": abs(rate - 30) <= 1.5, "zero 429s": stats.throttled == 0,
             "urgent alert within 2 s": urgent_s <= 2.0}
    for goal, ok in goals.items():
        print(f"  [{'ok' if ok else 'MISSED'}] {goal}")
    return 0 if all(goals.values()) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
