"""A district at 09:00: 50 committees × 1,000 residents all due for their check-in, across 1, 2 and 4 worker processes.

    .venv/bin/python bench/bench_scale.py [--committees 50] [--residents 1000] [--workers 1,2,4] [--seconds 120]

Everything is local: an embedded Redis; one Bot API test server per committee token enforcing Telegram's limits with
429s (30/s per token, 1/s per chat), all in a process of their own; worker processes that each build every
committee on one shared Redis client (bench/_scale_worker.py). Printed, with baselines measured in the same run:
per token the check-in rate (goal ≥ 95 % of 30/s) and 429s (goal none); the workers' CPU per delivered check-in
against a bare aiohttp sender making the same number of sendMessage calls (goal ≤ 3×); RSS per extra committee in
one process with the NLU model and knowledge base shared (goal ≤ 2 MB); Redis bytes per resident; and the staff
alert of residents pressing 🆘 during the storm, against a bare echo bot in the same process (goal: own p99 < 50 ms).
See bench/README.md.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import _hops  # noqa: E402
import _pace_trace  # noqa: E402
from _scale_server import CHECKIN_TG0, Fleet, checkin_tg  # noqa: E402
from _scale_worker import Child, bare_sender, committee_settings, prefix_of, rss_probe, worker  # noqa: E402
from _server import RemoteServer  # noqa: E402

LIMIT = 30.0  # Telegram: messages a second per token
SOS_TG0 = 700_000
IDLE_SECONDS = 3.0
SETTLED_SECONDS = 5.0
NAN = float("nan")


async def enrol(redis, committees: int, residents: int, sos_users: list[tuple[int, str]]) -> dict[str, int]:
    """Full register rows (bench_capacity.py's) and check-ins due at 09:00, written as store.enrol_checkins does;
    committee 0 also has the residents who press 🆘 (signed up, not enrolled). Returns their phone -> Telegram id."""
    from _subjects import seed_residents
    from bench_capacity import row
    from bench_checkins import NINE
    from bot.checkins.rules import CheckinState
    from bot.store import Store

    since, stored, phones = NINE.timestamp() - 3600, ("enrolled", "since", "times", "days", "tz", "phase"), {}
    for c in range(committees):
        store = Store(redis, prefix_of(c))
        if c == 0:
            phones = await seed_residents(store, sos_users)
        rids = await store.next_resident_ids(residents)
        async with redis.pipeline(transaction=False) as p:
            for i, rid in enumerate(rids):
                store._index_resident(p, {**row(i, rid), "tg_id": checkin_tg(c, i), "phone": f"136{c:03d}{i:05d}"})
            await p.execute()
        await store.enrol_checkins((rid, CheckinState(rid, enrolled=True, since=since).to_hash(*stored),
                                    NINE.timestamp()) for rid in rids)
    return phones


async def used_memory(redis) -> int:
    return (await redis.info("memory"))["used_memory"]


def subjects(phones: dict[str, int]):
    from _harness import AlertFor, ReplyToOneOf, Subject
    from _subjects import ADDRESS_QUESTION, ALERT_TITLE, ECHO, NEED_QUESTION, SOS, staff_users

    staff = frozenset(uid for uid, _ in staff_users())
    bot = Subject("bot", SOS, matcher=AlertFor(staff, ALERT_TITLE, phones),
                  finisher=ReplyToOneOf((ADDRESS_QUESTION, NEED_QUESTION)))
    return bot, Subject("aiogram echo", **ECHO)


def cpu(pids: list[int]) -> float:
    from bench_capacity import redis_cpu

    return sum(redis_cpu(pid) for pid in pids)


async def bare_baseline(fleet, targets, per_token: int, aiogram: bool = False,
                        uvloop: bool = False) -> tuple[float, float, int, int]:
    """(CPU seconds, wall seconds, failed, calls) for `per_token` sendMessage calls to each token by aiohttp alone (or
    aiogram's Bot alone), the servers' limits off: paced or not, each call costs the sender the same, and unpaced it
    takes seconds, not minutes."""
    await fleet.limits(False)
    child = Child(bare_sender, {"targets": targets, "per_token": per_token, "concurrency": 16, "aiogram": aiogram,
                                "uvloop": uvloop})
    try:
        await child.recv()
        c0, t0 = cpu([child.pid]), time.perf_counter()
        child.send("go")
        _, failed = await child.recv()
        return cpu([child.pid]) - c0, time.perf_counter() - t0, failed, per_token * len(targets)
    finally:
        child.stop()
        await fleet.reset(None, None)
        await fleet.limits(True)


async def commands(redis) -> dict[str, int]:
    return {k.removeprefix("cmdstat_"): v["calls"] for k, v in (await redis.info("commandstats")).items()}


async def storm(args, fleet, targets, echo, redis, redis_url: str, pids: dict, workers: int, sos: list[int],
                profile: str | None) -> dict:
    """One 09:00 with `workers` processes: until every check-in is delivered or `--seconds` have passed."""
    total = args.committees * args.residents
    children = [Child(worker, {"redis_url": redis_url, "targets": targets, "echo": echo, "poll": w == 0,
                               "chat_burst": args.chat_burst, "staff_notes": args.staff_notes,
                               "profile": profile if w == 0 else None, "concurrency": args.concurrency})
                for w in range(workers)]
    try:
        ready = [await ch.recv() for ch in children]
        rss, loops = [r[1] for r in ready], sorted({r[2] for r in ready})
        started = time.monotonic()
        while not await fleet.polling():
            if time.monotonic() - started > 60:
                raise RuntimeError("worker 0 never polled committee 0 and the echo bot")
            await asyncio.sleep(0.2)
        watched = [ch.pid for ch in children]
        i0, j0 = cpu(watched), await commands(redis)
        await asyncio.sleep(IDLE_SECONDS)  # every committee built, its scheduler ticking, nothing due
        h0, h1 = cpu(watched), await commands(redis)  # the first ticks ran each committee's duty check (a probe of
        await asyncio.sleep(SETTLED_SECONDS)  # every staff chat, bot/incidents/reach.py); then it is idle
        c0, r0, s0, k0 = cpu(watched), cpu([pids["redis"]]), cpu([pids["server"]]), await commands(redis)
        idle = (h0 - i0) / IDLE_SECONDS
        idle_cmds = (sum(h1.values()) - sum(j0.values())) / IDLE_SECONDS / args.committees / workers
        settled = (c0 - h0) / SETTLED_SECONDS
        settled_cmds = (sum(k0.values()) - sum(h1.values())) / SETTLED_SECONDS / args.committees / workers
        for ch in children:
            ch.send("go")
        t0 = await fleet.now()
        await fleet.start_sos(sos, args.sos_every)
        deadline = time.monotonic() + args.seconds
        counts = await fleet.counts()
        while sum(n for n, *_ in counts) < total and time.monotonic() < deadline:
            await asyncio.sleep(0.25)
            counts = await fleet.counts()
        c1, r1, s1, t1 = cpu(watched), cpu([pids["redis"]]), cpu([pids["server"]]), await fleet.now()
        k1 = await commands(redis)
        await fleet.stop_sos(5.0)
        alerts, refused = await fleet.alert_times(), await fleet.refused()
        for ch in children:
            ch.send("stop")
        done = [await ch.recv() for ch in children]
        rebooked, done = await _pace_trace.collect(fleet, done)  # and with BENCH_PACE=1, where 429s came from
        if done[0]:  # BENCH_HOPS: where each 🆘 spent its time
            _hops.report(await fleet.hops(), done[0], refused[0])
    finally:
        for ch in children:
            ch.stop()
    delivered = sum(n for n, *_ in counts)
    rates = [(n - 1) / (last - first) if n > 1 and last > first else 0.0 for n, first, last, _ in counts]
    per_cmd = sorted(((k1[k] - k0.get(k, 0), k) for k in k1 if k1[k] > k0.get(k, 0)), reverse=True)
    return {"workers": workers, "delivered": delivered, "total": total, "wall": t1 - t0,
            "span": max((last for _, _, last, _ in counts), default=t0) - t0, "rates": rates,
            "twice": sum(x for *_, x in counts), "limit_429": sum(r.get("checkin", 0) for r in refused),
            "tokens_429": sum(1 for r in refused if r.get("checkin")),
            "chat_429": sum(n for r in refused for k, n in r.items() if k != "checkin"), "rebooked": rebooked,
            "cpu": c1 - c0, "redis_cpu": r1 - r0, "server_cpu": s1 - s0, "alerts": alerts,
            "used": await used_memory(redis), "rss": rss, "idle": idle, "idle_cmds": idle_cmds,
            "settled": settled, "settled_cmds": settled_cmds,
            "commands": per_cmd, "loops": loops,
            "complete": delivered >= total}


def report(args, rss, bare: dict, enrolled: dict, rounds: list[dict]) -> None:
    from _harness import percentile

    n = args.committees * args.residents
    per_call = {k: cpu_s / calls * 1e6 for k, (cpu_s, _, _, calls) in bare.items()} or dict.fromkeys(
        ("aiohttp", "aiohttp on uvloop", "aiogram"), NAN)
    print(f"\n{args.committees} committees × {args.residents:,} residents due at 09:00 ({n:,} check-ins); one "
          f"limit-enforcing test server per token ({LIMIT:.0f}/s per token, 1/s per chat); load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    for name, (cpu_s, wall, failed, calls) in bare.items():
        print(f"baseline, bare {name} sender: {calls:,} sendMessage in {wall:.1f} s ({calls / wall:,.0f}/s), "
              f"{per_call[name]:.0f} µs CPU per call" + (f", {failed} failed" if failed else ""))
    shared, one, many, built = rss or (NAN, NAN, NAN, 2)
    print(f"RSS, one process, NLU model and knowledge base loaded once: {shared:.0f} MB before any committee, "
          f"{one:.0f} MB with 1, {many:.0f} MB with {built} → {(many - one) / max(built - 1, 1):.2f} MB per extra "
          f"committee (goal ≤ 2 MB)")
    per_resident = (enrolled["after"] - enrolled["before"]) / n
    line = f"Redis used_memory: {per_resident:,.0f} bytes per resident enrolled (register row, indexes, schedule)"
    if rounds and rounds[0]["delivered"]:
        r = rounds[0]
        sent = (r["used"] - r["base"] - r["enrolled"]) / r["delivered"]
        line += f" + {sent:,.0f} per check-in sent = {per_resident + sent:,.0f} bytes per resident after a day"
    print(line + "\n")
    print(f"{'workers':>7} {'delivered':>13} {'took s':>14} {'msg/s':>6} {'per token msg/s':>20} {'% of 30':>7} "
          f"{'committee 0':>11} {'429 token':>9} {'429 chat':>8} {'twice':>5} {'rebooked':>8}")
    for r in rounds:
        rates, rate = sorted(r["rates"][1:] or r["rates"]), r["delivered"] / r["span"] if r["delivered"] else NAN
        med = statistics.median(rates) if rates else 0.0
        spread = f"{med:5.1f} ({rates[0]:4.1f}–{rates[-1]:4.1f})" if rates else "—"
        took = f"{r['span']:.1f}" if r["complete"] else f">{r['wall']:.0f} (all: {r['total'] / rate:.0f})"
        print(f"{r['workers']:>7} {r['delivered']:>6,}/{r['total']:<6,} {took:>14} {rate:6.0f} "
              f"{spread:>20} {med / LIMIT:7.0%} {r['rates'][0]:11.1f} "
              f"{r['limit_429']:>4} ({r['tokens_429']:>2}) {r['chat_429']:>8} {r['twice']:>5} "
              f"{r['rebooked']:>8}")
    print("\n(per token msg/s: median (min–max) over the tokens but committee 0, each from its first check-in to its "
          "last; committee 0: the one whose residents press 🆘 during the storm; took s: from 09:00 to the last "
          "check-in, or (all: …) how long all would take at the rate seen; "
          "429 token: refusals of a check-in (one message per resident: the per-token limit), with the number of "
          "tokens; 429 chat: refusals to other chats (a 🆘 resident's second reply within a second: the per-chat "
          "limit, which the test server enforces strictly); twice: check-ins a resident got a second time "
          "(goal none); rebooked: sends that took a new slot, theirs more than a slot past (bot/outbox.py))\n")
    print(f"workers' event loop: {', '.join(sorted({x for r in rounds for x in r['loops']}))}\n")
    print(f"{'workers':>7} {'CPU µs/check-in':>15} {'× aiohttp':>9} {'× uvloop':>8} {'× aiogram':>9} {'Redis µs':>8} "
          f"{'Redis cmds':>10} {'server µs':>9} {'idle %core':>10} {'RSS MB':>7} {'B/check-in':>10}")
    for r in rounds:
        d = max(r["delivered"], 1)
        us = r["cpu"] / d * 1e6
        cmds = sum(c for c, _ in r["commands"]) / d
        print(f"{r['workers']:>7} {us:15.0f} {us / per_call['aiohttp']:8.1f}× "
              f"{us / per_call['aiohttp on uvloop']:7.1f}× {us / per_call['aiogram']:8.1f}× "
              f"{r['redis_cpu'] / d * 1e6:8.0f} {cmds:10.1f} {r['server_cpu'] / d * 1e6:9.0f} "
              f"{r['idle'] * 100:10.1f} {max(r['rss']):7.0f} {(r['used'] - r['base'] - r['enrolled']) / d:10,.0f}")
    print("\n(CPU: the workers' user+system time from 09:00 to the last check-in, per check-in delivered; × "
          "against the bare senders (goal ≤ 3× aiohttp; × uvloop: the bare aiohttp sender on uvloop); Redis µs and "
          "cmds: redis-server CPU and commands per "
          "check-in; server: the test servers' CPU (Telegram's side); idle: the workers' CPU before 09:00, all "
          "committees built and their schedulers ticking, in % of one core; RSS: the largest worker; B/check-in: "
          "Redis used_memory added by the storm per check-in delivered (state, logs, send log, tallies))\n")
    if rounds and rounds[0]["delivered"]:  # what 95 % of 30/s on every token would take of this machine's cores
        r, want = rounds[0], 0.95 * LIMIT * args.committees
        d = r["delivered"]
        parts = {"workers": r["cpu"] / d, "test servers": r["server_cpu"] / d, "Redis": r["redis_cpu"] / d}
        print(f"CPU budget at 95 % of 30/s on all {args.committees} tokens ({want:,.0f} check-ins/s), at round 1's "
              "cost per check-in: " + ", ".join(f"{k} {v * want:.2f}" for k, v in parts.items())
              + f" = {sum(parts.values()) * want:.2f} cores (the bare aiohttp sender alone: "
              f"{per_call['aiohttp'] * 1e-6 * want:.2f}); this machine has {os.cpu_count()}\n")
    for r in rounds:
        share = r["idle"] / args.committees / r["workers"] * 100
        settled = r["settled"] / args.committees / r["workers"] * 100
        print(f"idle, {r['workers']} worker(s): {share:.2f} % of a core and {r['idle_cmds']:.1f} Redis commands a "
              f"second per committee built in a worker in the first {IDLE_SECONDS:.0f} s (start-up duty checks "
              f"included), {settled:.3f} % and {r['settled_cmds']:.1f} in the {SETTLED_SECONDS:.0f} s after")
    top = rounds[0]["commands"][:8] if rounds else []
    print("Redis commands per check-in, round 1: " + ", ".join(
        f"{name} {c / max(rounds[0]['delivered'], 1):.1f}" for c, name in top) + "\n")
    print(f"{'workers':>7} {'🆘 pressed':>10} {'alerted':>7} {'bot p50 ms':>10} {'bot p99':>8} {'echo p50':>8} "
          f"{'echo p99':>8} {'own p99 ms':>10}")
    for r in rounds:
        bot, echo = r["alerts"]["bot"], r["alerts"]["echo"]
        if not bot:
            continue
        p = lambda xs, q: percentile(xs, q) * 1e3  # noqa: E731
        own = p(bot, 0.99) - p(echo, 0.99)
        print(f"{r['workers']:>7} {len(bot):>10} {sum(x < float('inf') for x in bot):>7} {p(bot, 0.5):10.1f} "
              f"{p(bot, 0.99):8.1f} {p(echo, 0.5):8.1f} {p(echo, 0.99):8.1f} {own:10.1f} "
              f"{'(goal < 50 ms: met)' if own < 50 else '(goal < 50 ms: NOT met)'}")
    print(f"\n(🆘: a resident of committee 0 every {args.sos_every} s during the storm, polled by worker 0; update "
          "handed out → the staff alert's sendMessage at the server; echo: a bare aiogram echo bot in worker 0 that "
          "the same resident writes to in the same instant; own = bot p99 − echo p99)")


async def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--committees", type=int, default=50)
    ap.add_argument("--residents", type=int, default=1000)
    ap.add_argument("--workers", default="1,2,4", help="worker processes per round, comma-separated")
    ap.add_argument("--seconds", type=float, default=60, help="longest a round's storm is watched")
    ap.add_argument("--sos-every", type=float, default=1.5, help="seconds between two residents' 🆘")
    ap.add_argument("--concurrency", type=int, default=0, metavar="N",
                    help="check-ins in flight per committee (the ladder's own setting, 16, unless given)")
    ap.add_argument("--storms-only", action="store_true", help="skip the RSS probe and the bare senders")
    ap.add_argument("--chat-burst", type=int, default=3,
                    help="messages into one chat within a second (servers and bot): 3, Telegram's short burst and the "
                         "bot's own default (config.yaml telegram.chat_burst); 1 for a server stricter than Telegram")
    ap.add_argument("--staff-notes", type=float, default=0, metavar="S", help="every S s, three messages that are "
                    "not urgent (missed check-ins) to each staff chat of committee 0 during the storm")
    ap.add_argument("--profile", metavar="FILE", help="cProfile worker 0 of the first round into FILE")
    args = ap.parse_args()
    rounds_of = [int(w) for w in args.workers.split(",")]
    assert args.residents <= 10_000 and CHECKIN_TG0 > SOS_TG0
    from _subjects import staff_users
    from bot.app import connect_redis
    from bot.config import Secrets
    from bot.redis_server import EmbeddedRedis

    sos_count = int(args.seconds / args.sos_every) + 5
    sos_users = [(SOS_TG0 + i, f"求助{i:03d}") for i in range(sos_count * len(rounds_of))]
    sos_batches = [[uid for uid, _ in sos_users[k * sos_count:(k + 1) * sos_count]] for k in range(len(rounds_of))]
    t_start = time.perf_counter()
    fleet = RemoteServer(Fleet)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp, EmbeddedRedis(tmp, appendonly=False) as redis_srv:
        _, redis = await connect_redis(committee_settings(0, ""), Secrets(redis_url=redis_srv.url))
        url = redis_srv.url
        try:
            targets, echo = await fleet.start(args.committees, args.residents, staff_users(), sos_users,
                                              args.chat_burst)
            pids = {"redis": redis_srv.proc.pid, "server": fleet.pid}
            rss, bare = None, {}
            if not args.storms_only:
                print(f"{args.committees} test servers up; RSS probe …", file=sys.stderr)
                probe = Child(rss_probe, {"redis_url": url, "targets": targets})
                try:
                    rss = await probe.recv()
                finally:
                    probe.stop()
            rounds, enrolled = [], {}
            bot_subject, echo_subject = subjects({})
            for k, workers in enumerate(rounds_of):
                await redis.flushdb()
                before = await used_memory(redis)
                phones = await enrol(redis, args.committees, args.residents, sos_users)
                after = await used_memory(redis)
                enrolled.setdefault("before", before)
                enrolled.setdefault("after", after)
                bot_subject, echo_subject = subjects(phones)
                await fleet.reset(bot_subject, echo_subject)
                print(f"round {k + 1}: {workers} worker(s) …", file=sys.stderr)
                rounds.append(await storm(args, fleet, targets, echo, redis, url, pids, workers, sos_batches[k],
                                          args.profile if k == 0 else None))
                rounds[-1]["enrolled"], rounds[-1]["base"] = after - before, before
            if not args.storms_only:  # as many calls as the first round delivered, spread over the same tokens
                print("bare senders …", file=sys.stderr)
                per_token = max(1, -(-rounds[0]["delivered"] // args.committees))
                bare = {"aiohttp": await bare_baseline(fleet, targets, per_token),
                        "aiohttp on uvloop": await bare_baseline(fleet, targets, per_token, uvloop=True),
                        "aiogram": await bare_baseline(fleet, targets, per_token, aiogram=True)}
        finally:
            await fleet.stop()
            await redis.aclose()
    report(args, rss, bare, enrolled, rounds)
    print(f"\ntotal run time {time.perf_counter() - t_start:.0f} s")
    if args.profile:
        import pstats
        print(f"\ncProfile of worker 0, round 1 ({args.profile}), top functions by own time:")
        pstats.Stats(args.profile).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
