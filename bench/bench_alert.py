"""Time from a resident's 🆘 update being handed out by the Bot API to the staff alert's sendMessage arriving.

    .venv/bin/python bench/bench_alert.py [--library aiogram|python-telegram-bot|both] [--sequential 50]
        [--burst 200] [--bursts 2] [--window 10] [--server own-process|same-process]

Everything is local: an embedded Redis, the Bot API test server (no rate limits), and the real bot built
from config.yaml behind the chosen adapter, run twice: as built (its Telegram rate limiter on, redis-py's
default connection pool) and "unthrottled" (no limiter, a blocking pool), i.e. the bot's own work only.
The baseline is a bare echo bot on the same harness, measured the same way; "bot's own time" is the bot's
latency minus the echo's at the same load and percentile. See bench/README.md.
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from _harness import GcWatch, Samples  # noqa: E402
from _report import print_table  # noqa: E402
from _server import LocalServer, RemoteServer  # noqa: E402
from _subjects import AdapterMissing, aiogram_echo, neighbour_bot, ptb_echo, residents, staff_users  # noqa: E402

GOAL_MS = 50.0
WARMUP_ONE, WARMUP_BURST = 5, 20


async def measure(factory, args, **kw) -> Samples:
    """One subject on a fresh server: warm-up, then one at a time, then the bursts."""
    s = Samples()
    users = residents(WARMUP_ONE + WARMUP_BURST + args.sequential + args.burst * args.bursts)
    ids = iter(uid for uid, _ in users)
    take = lambda n: [next(ids) for _ in range(n)]  # noqa: E731  (every request from a new resident)
    srv = RemoteServer() if args.server == "own-process" else LocalServer()
    base_url, token = await srv.start()
    try:
        await srv.add_users(staff_users() + users)  # staff have started the bot too
        async with factory(base_url, token, users, **kw) as run:
            name = run.subject.name
            # every subject starts with its heap frozen, as build_app leaves the bot: the echo baseline must not
            # carry full-collection pauses the bot is spared
            gc.collect()
            gc.freeze()
            await srv.set_subject(run.subject)
            if not await srv.wait_polling():
                raise RuntimeError(f"{name} never called getUpdates")
            window = args.window if run.throttled else 60.0
            await one_by_one(srv, run, take(WARMUP_ONE))
            if not run.throttled:  # first-use costs: scripts, pools, connections
                await srv.all_at_once(take(WARMUP_BURST), window)
            await asyncio.sleep(0.2)
            commands = run.redis_commands() if run.redis_commands else 0
            with GcWatch() as gcw:
                s.one, s.lost["one"], s.failed["one"], _ = await one_by_one(srv, run, take(args.sequential))
                for _ in range(1 if run.throttled else args.bursts):
                    await asyncio.sleep(0.3)  # the previous burst's tail is over
                    burst_ids = take(args.burst)
                    got, lost, failed, wall = await srv.all_at_once(burst_ids, window)
                    if run.subject.detail:
                        s.packet += await srv.detail_times(burst_ids, 0 if run.throttled else 10.0)
                    s.burst += got
                    s.burst_wall.append(wall)
                    s.lost["burst"] = s.lost.get("burst", 0) + lost
                    s.failed["burst"] = s.failed.get("burst", 0) + failed
            handled = args.sequential + args.burst * len(s.burst_wall)
            if run.redis_commands and not run.throttled:  # a throttled burst is still running: no count
                s.redis_per_update = (run.redis_commands() - commands) / handled
            s.gc_pauses, s.requests, s.throttled = gcw.pauses, await srv.requests(), run.throttled
            s.updates_total = WARMUP_ONE + (0 if run.throttled else WARMUP_BURST) + handled
    finally:
        await srv.stop()
    print(f"  measured {name}", file=sys.stderr)
    return s


async def one_by_one(srv, run, ids: list[int]) -> tuple[list[float], int, int, float]:
    out: list[float] = []
    lost = failed = 0
    for uid in ids:
        if run.before_trial:
            await run.before_trial()
        got, n_lost, n_failed, _ = await srv.one_at_a_time([uid])
        out += got
        lost, failed = lost + n_lost, failed + n_failed
    return out, lost, failed, 0.0


async def run_all(args) -> int:
    from bot.redis_server import EmbeddedRedis

    libraries = ["aiogram", "python-telegram-bot"] if args.library == "both" else [args.library]
    t0 = time.perf_counter()
    results: dict[str, Samples] = {}
    notes: list[str] = []
    # the echo bots first, before the NLU model and knowledge base are loaded: a bare bot has a small heap
    results["aiogram echo"] = await measure(aiogram_echo, args)
    if "python-telegram-bot" in libraries:
        results["PTB echo"] = await measure(ptb_echo, args)
    import jieba
    from nlu import NLU
    from nlu.qa import KnowledgeBase

    jieba.setLogLevel(logging.ERROR)
    nlu, kb = NLU.builtin(), KnowledgeBase()
    with tempfile.TemporaryDirectory(prefix="bench-redis-") as tmp, EmbeddedRedis(tmp) as redis:
        for library in libraries:
            for unthrottled in (False, True):
                try:
                    s = await measure(neighbour_bot, args, library=library, redis_url=redis.url, nlu=nlu, kb=kb,
                                      unthrottled=unthrottled, pool=args.pool)
                except AdapterMissing as e:
                    notes.append(f"python-telegram-bot: not measured — {e}.")
                    break
                results[f"bot · {library}" + (", unthrottled" if unthrottled else "")] = s
    print_table(results, args, GOAL_MS, notes)
    print(f"total run time {time.perf_counter() - t0:.0f} s; server in {args.server.replace('-', ' ')}; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", choices=["aiogram", "python-telegram-bot", "both"], default="both")
    parser.add_argument("--sequential", type=int, default=50, help="trials of one request at a time")
    parser.add_argument("--burst", type=int, default=200, help="residents pressing 🆘 in the same instant")
    parser.add_argument("--bursts", type=int, default=2, help="how many such bursts (samples are pooled)")
    parser.add_argument("--server", choices=["own-process", "same-process"], default="own-process",
                        help="where the Bot API test server runs (same-process: in the bot's event loop)")
    parser.add_argument("--window", type=float, default=10, metavar="S",
                        help="longest wait for a burst's alerts (the as-built bot's limiter sends ~1 a second)")
    parser.add_argument("--pool", type=int, default=100, metavar="N",
                        help="size of the blocking Redis pool in the unthrottled run")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # the bot's own error log would drown the table
    return asyncio.run(run_all(args))


if __name__ == "__main__":
    sys.exit(main())
