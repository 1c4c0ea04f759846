"""A notice to 10,000 residents: the send rate against Telegram's limit, 429s, and an alert's latency during it.

    .venv/bin/python bench/bench_notices.py [--residents 10000] [--seconds 25]   # a slice of the notice
    .venv/bin/python bench/bench_notices.py --seconds 0                         # the whole notice (~6 minutes)

Everything runs locally: an embedded Redis and the local Bot API test server enforcing Telegram's limits with
429s (30/s overall, 1/s per chat). The notice is stored and drained by bot/notices/sending.py through the real
aiogram client and the shared limiter (bot/ratelimit.py), at the lowest priority; an emergency is raised half-way
through the slice and its staff alert is timed from the moment it is raised to the server accepting it.
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
from bot.testing.botapi_server import BotAPIServer, RateLimits  # noqa: E402

TEN = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
TG0 = 20_000_000


def resident(i: int) -> dict:
    return {"id": f"r{i + 1}", "name": f"居民{i + 1}", "phone": f"137{i:08d}", "road": "建新路", "lane": str(i // 400),
            "building": str(i % 40), "room": "101", "lives_alone": True, "birth_date": "1940-01-01", "contacts": [],
            "doctor": None, "notes": "", "tg_id": TG0 + i}


async def main() -> int:
    args = parse_args(__doc__, 10_000, "length of the slice measured; 0: the whole notice")
    n = args.residents

    with tempfile.TemporaryDirectory() as tmp:
        redis = EmbeddedRedis(tmp, appendonly=False).start()
        try:
            settings = settings_for("benchn:")
            async with BotAPIServer(limits=RateLimits()) as api:
                for st in settings.staff:
                    api.user(st.telegram_id, st.name)
                people = [resident(i) for i in range(n)]
                for p in people:
                    api.user(p["tg_id"], p["name"])
                bot = make_bot(api.token, api.base_url)
                limiter = TelegramLimiter()
                app = await build_app(settings, Secrets(redis_url=redis.url), clock=FakeClock(TEN),
                                      messenger=AiogramMessenger(bot), nlu=False, kb=False, limiter=limiter)
                store, notices = app.svc.store, app.svc.notices
                await store.replace_residents(people, {})
                t0 = time.perf_counter()
                k = await notices.start(by="li", by_chat=1001, audience="all", rids=[p["id"] for p in people],
                                        text="明天上午停水，请提前储水。")
                stored_s = time.perf_counter() - t0
                start = time.monotonic()
                slice_s = args.seconds or 1e9
                await asyncio.sleep(min(slice_s / 2, 10))
                raised = time.monotonic()
                inc = await app.engine.incidents.open("emergency", people[-1], words="🆘", source="bench")
                await app.engine.incidents.alert_first(inc)
                alert = await api.wait_for_message(1001, "紧急求助", timeout=10)
                urgent_s = alert.at - raised
                drain = notices.running[k]
                try:
                    await asyncio.wait_for(asyncio.shield(drain), max(0.0, start + slice_s - time.monotonic()))
                except TimeoutError:
                    pass
                elapsed = time.monotonic() - start
                left = await store.notice_left(k)
                stats = api.stats
                full = [c for s, c in sorted(stats.per_second.items())[1:-1]]  # whole seconds only
                rate = sum(full) / len(full) if full else stats.sent / elapsed
                await app.close()
                await app.svc.outbox.messenger.close()  # its json_send session (check-ins, notices)
                await bot.session.close()
        finally:
            redis.stop()

    done = n - left
    print(f"notice #{k} to {n:,} residents stored in {stored_s * 1e3:.0f} ms; "
          f"{done:,} sent in {elapsed:.1f} s ({left:,} still queued)")
    print(f"steady rate {rate:.2f}/s (per-second min {min(full, default=0)}, max {max(full, default=0)}) "
          f"vs configured 30/s: {rate / 30:.1%}; 429s: {stats.throttled}; limiter penalties {limiter.penalties}")
    print(f"the whole notice at this rate: {n / rate / 60:.1f} minutes")
    print(f"emergency raised mid-notice reached staff in {urgent_s * 1e3:.0f} ms")
    goals = {"rate within 5% of 30/s": abs(rate - 30) <= 1.5, "zero 429s": stats.throttled == 0,
             "alert within 2 s": urgent_s <= 2.0}
    for goal, ok in goals.items():
        print(f"  [{'ok' if ok else 'MISSED'}] {goal}")
    return 0 if all(goals.values()) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
