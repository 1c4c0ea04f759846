"""Capacity figures for docs/SCALE.md: Redis bytes per resident, and CPU per update and per check-in.

    .venv/bin/python bench/bench_capacity.py [--residents 5000] [--updates 1000]

An embedded Redis and the real app with a messenger that accepts every message at once (no network, no rate
limit: this measures the bot's own cost, not Telegram's pace). Residents are full register rows (address,
two contacts, a doctor, notes), signed up and enrolled in the daily check-in the way staff enrol them.
CPU is process CPU time (user + system) of the bot, and of redis-server read from /proc, per unit of work.
Baseline in the same run: the same number of plain pipelined HSETs of one resident row each,
to show what the bare storage of the register costs.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
import time
from datetime import datetime
from itertools import count
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import build_app  # noqa: E402
from bot.clock import FakeClock  # noqa: E402
from bot.config import Secrets, load_settings  # noqa: E402
from bot.redis_server import EmbeddedRedis  # noqa: E402
from bot.store import dumps  # noqa: E402
from bot.types import Inbound, SendResult  # noqa: E402

MONDAY_8 = datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
TG0 = 20_000_000
TICKS = os.sysconf("SC_CLK_TCK")
WAVE = 50


class Accepting:
    """Every message delivered at once."""

    def __init__(self) -> None:
        self.ids, self.sent = count(1), 0

    async def deliver(self, msg) -> SendResult:
        self.sent += 1
        return SendResult(True, next(self.ids))


def redis_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def row(i: int, rid: str) -> dict:
    return {"id": rid, "name": f"居民{i}", "phone": f"137{i:08d}", "tg_id": TG0 + i, "road": "建新路",
            "lane": str(20 + i % 10), "building": str(1 + i % 12), "room": str(101 + i % 600),
            "lives_alone": True, "birth_date": f"{1930 + i % 20}-0{1 + i % 9}-1{i % 10}",
            "contacts": [{"name": f"家属{i}", "relation": "女儿", "phone": f"158{i:08d}"},
                         {"name": f"亲属{i}", "relation": "儿子", "phone": f"159{i:08d}"}],
            "doctor": {"name": "赵医生", "phone": "13922220001"}, "notes": "高血压，耳背"}


async def stored(r, prefix: str) -> int:
    """Bytes Redis reports for every key under the prefix (MEMORY USAGE, exact for these sizes): unlike
    used_memory, not moved by client buffers or the allocator's timing."""
    total = 0
    async for key in r.scan_iter(match=prefix + "*", count=1000):
        total += await r.memory_usage(key, samples=0) or 0
    return total


async def measure(app, pid: int, n: int, work) -> tuple[float, float]:
    """(bot CPU µs, Redis CPU µs) per unit of `work` done n times."""
    c0, r0 = time.process_time(), redis_cpu(pid)
    await work()
    return (time.process_time() - c0) / n * 1e6, (redis_cpu(pid) - r0) / n * 1e6


async def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--residents", type=int, default=5000)
    ap.add_argument("--updates", type=int, default=1000)
    args = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)
    n, k = args.residents, min(args.updates, args.residents)
    with tempfile.TemporaryDirectory() as tmp:
        redis = EmbeddedRedis(tmp, appendonly=False).start()
        try:
            settings = load_settings(ROOT / "config.yaml")
            settings = settings.model_copy(update={
                "residents": settings.residents.model_copy(update={"seed_file": None}),
                "redis": settings.redis.model_copy(update={"prefix": "cap:"})})
            clock, messenger = FakeClock(MONDAY_8), Accepting()
            app = await build_app(settings, Secrets(redis_url=redis.url), clock=clock, messenger=messenger)
            store, cis, pid = app.svc.store, app.svc.checkins, redis.proc.pid
            r = store.r
            await r.config_set("save", "")

            # --- baseline: the bare register rows, pipelined ---------------------------------------
            async with r.pipeline(transaction=False) as p:
                for i in range(n):
                    p.hset("cap:baseline", f"r{i}", dumps(row(i, f"r{i}")))
                await p.execute()
            base_bytes = await stored(r, "cap:") / n
            await r.delete("cap:baseline")

            # --- the register and the check-in schedules, as the bot keeps them -------------------
            m0 = await stored(r, "cap:")
            rids = await store.next_resident_ids(n)
            for lo in range(0, n, 500):
                await asyncio.gather(*(store.save_resident(row(i, rids[i])) for i in range(lo, min(n, lo + 500))))
            m1 = await stored(r, "cap:")
            for lo in range(0, n, 500):
                await asyncio.gather(*(cis.enrol(rids[i]) for i in range(lo, min(n, lo + 500))))
            m2 = await stored(r, "cap:")

            # --- 09:00: every check-in sent --------------------------------------------------------
            clock.set(MONDAY_8.replace(hour=9))
            before = messenger.sent
            ci_bot, ci_redis = await measure(app, pid, n, cis.run_due)
            sent = messenger.sent - before
            m3 = await stored(r, "cap:")

            # --- updates: a resident's free text (NLU on the way), then a 🆘 press ------------------
            async def waves(first: int, text: str) -> None:  # 50 people at a time, as a busy morning brings
                for lo in range(first, first + k, WAVE):
                    await asyncio.gather(*(app.engine.handle(Inbound(user_id=TG0 + i, chat_id=TG0 + i, kind="text",
                                                                     text=text)) for i in range(lo, lo + WAVE)))

            async def texts():
                await waves(0, "今天天气不错，我去公园走走")

            async def sos():
                await waves(k, "🆘 紧急求助")
            text_bot, text_redis = await measure(app, pid, k, texts)
            m4 = await stored(r, "cap:")
            sos_bot, sos_redis = await measure(app, pid, k, sos) if 2 * k <= n else (0.0, 0.0)
            m5 = await stored(r, "cap:")
            opened = len(await store.open_incident_ids())
            log_entries = await r.llen(store.k("sendlog"))
            log_bytes = await r.memory_usage(store.k("sendlog"), samples=0) or 0
            with open("/proc/self/statm") as f:
                rss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
            await app.close()
        finally:
            redis.stop()

    print(f"{n:,} residents, full register rows; Redis MEMORY USAGE of the bot's keys:")
    print(f"  baseline: bare row JSON in one hash        {base_bytes:7.0f} bytes/resident")
    print(f"  register (rows + phone/tg indexes)          {(m1 - m0) / n:7.0f} bytes/resident")
    print(f"  + check-in enrolment and schedule           {(m2 - m1) / n:7.0f} bytes/resident")
    print(f"  + one day's check-in sent (state, log)      {(m3 - m2) / n:7.0f} bytes/resident")
    print(f"  = resident enrolled, after a day            {(m3 - m0) / n:7.0f} bytes/resident "
          f"({(m3 - m0) / n / base_bytes:.1f}x the bare row)")
    print(f"  + {k:,} free-text updates (sessions, prefs)    {(m4 - m3) / k:7.0f} bytes/update-sender")
    if opened:
        print(f"  + an open emergency incident                {(m5 - m4) / opened:7.0f} bytes/incident ({opened} open)")
    print(f"  send log (a fixed cost per committee once full): {log_bytes / max(log_entries, 1):.0f} bytes/entry "
          f"× {log_entries:,} entries")
    print(f"bot process RSS (NLU model and knowledge base loaded): {rss:.0f} MB")
    print(f"check-ins at 09:00: {sent:,} messages sent for {n:,} due")
    print(f"  CPU per check-in: bot {ci_bot:6.0f} µs, redis-server {ci_redis:6.0f} µs")
    print(f"CPU per free-text update (NLU, reply): bot {text_bot:6.0f} µs, redis-server {text_redis:6.0f} µs")
    if opened:
        print(f"CPU per 🆘 (store, alert, reassure, address question): bot {sos_bot:6.0f} µs, "
              f"redis-server {sos_redis:6.0f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
