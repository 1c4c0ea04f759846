"""The staff desk's response times with a year of history: 1,000 residents, 10,000 past incidents.

    .venv/bin/python bench/bench_console.py            # about a minute on 2 cores
    .venv/bin/python bench/bench_console.py --requests 100 --incidents 10000 --residents 1000

Each page is fetched over HTTP from the desk served by `bot.desk.make_web_app` (the bot's own aiohttp app, on an
embedded Redis), signed in as a staff member; the baseline is a static file (`/static/desk.css`) served by the
same server in the same run. Prints p50 / p99 per page. Goals: p99 ≤ 100 ms per page, ≤ 300 ms for a month's
report.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiohttp import ClientSession, CookieJar, web  # noqa: E402

from bot.residents import register  # noqa: E402
from bot.app import build_app  # noqa: E402
from bot.config import Secrets, load_settings  # noqa: E402
from bot.desk import make_web_app  # noqa: E402
from bot.desk.auth import new_link  # noqa: E402
from bot.redis_server import EmbeddedRedis  # noqa: E402

ROADS = ("建新路", "天平路", "永嘉路", "襄阳南路", "建国西路")
KINDS = ("emergency", "help", "checkin")
OUTCOMES = ("handled", "hospital", "false_alarm", "handled", "handled")


def person(i: int) -> dict:
    return {"name": f"居民{i:04d}", "phone": f"139{i:08d}", "road": ROADS[i % len(ROADS)], "lane": str(i % 300 + 1),
            "building": str(i % 20 + 1), "room": str(100 + i % 600), "lives_alone": i % 3 == 0,
            "birth_date": f"19{30 + i % 25}-0{1 + i % 9}-1{i % 9}", "notes": "",
            "contacts": [{"name": f"家属{i}", "relation": "女儿", "phone": f"137{i:08d}"}],
            "doctor": {"name": "赵医生", "phone": "13922220001"}}


async def populate(app, residents: int, incidents: int) -> None:
    store, now = app.svc.store, app.svc.clock.ts()
    ids = await store.next_resident_ids(residents)
    people = [{**person(i), "id": rid} for i, rid in enumerate(ids)]
    await store.replace_residents(people, register.contacts_index(people))
    rng = random.Random(7)

    times = sorted(now - rng.uniform(0, 365 * 86400) for _ in range(incidents))

    first = await store.incident_seq() + 1

    async def one(k: int) -> None:
        fields = {"kind": rng.choice(KINDS), "created": times[k], "status": "open", "level": rng.choice((0, 0, 1, 2)),
                  "claimed_by": "li", "claims": 1, "resident": rng.choice(ids), "source": "button",
                  "address_state": "confirmed", "outcome": rng.choice(OUTCOMES)}
        n = await store.create_incident(fields, {"at": times[k], "event": "created", "kind": fields["kind"],
                                                 "source": "button", "by": "x"}, {})
        # incident numbers grow with time, as in real life: the times go by number (a batch's creates race)
        created, claim = times[n - first], rng.uniform(30, 900)
        await store.close_incident(n, {"status": "resolved", "created": created, "claimed_at": created + claim,
                                       "arrived_at": created + claim + rng.uniform(60, 1800),
                                       "resolved_at": created + 3600}, None)

    for start in range(0, incidents, 250):
        await asyncio.gather(*(one(k) for k in range(start, min(incidents, start + 250))))
    checkins = app.svc.checkins
    if checkins:
        await store.enrol_checkins((rid, {"enrolled": True, "times": ["09:00"]}, now + 3600) for rid in ids)
        for day in range(31):
            await asyncio.gather(*(store.log_checkin(rid, {"slot": now - day * 86400, "at": now - day * 86400,
                                                           "outcome": "answered" if rng.random() < .9 else "missed"})
                                   for rid in ids))
    topics = [f"topic{i}" for i in range(20)]
    for q in range(3000):  # two months of questions: most answered by the bot, some 👎, some it could not answer
        at, topic = now - rng.uniform(0, 60 * 86400), rng.choice(topics)
        if q % 10:
            await store.count_question({"topic": topic, "status": "bot_answered", "at": at})
        else:
            await store.add_question({"text": "老年综合津贴怎么领", "status": "unanswered", "at": at})
        if q % 7 == 0:
            await store.add_question({"text": "老年综合津贴怎么领", "topic": topic, "status": "unhelpful", "at": at})


async def measure(session: ClientSession, base: str, method: str, path: str, n: int, data=None) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        async with session.request(method, base + path, data=data) as resp:
            await resp.read()
            assert resp.status == 200, (path, resp.status)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


async def main(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        redis = await EmbeddedRedis(Path(tmp) / "redis").astart()
        settings = load_settings(ROOT / "config.yaml")
        settings = settings.model_copy(update={"residents": settings.residents.model_copy(update={"seed_file": None})})
        app = await build_app(settings, Secrets(redis_url=redis.url), nlu=False, kb=False)
        try:
            t0 = time.perf_counter()
            await populate(app, args.residents, args.incidents)
            print(f"populated {args.residents} residents, {args.incidents} incidents in "
                  f"{time.perf_counter() - t0:.1f} s")
            runner = web.AppRunner(make_web_app(app.engine, None), access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]
            base = f"http://127.0.0.1:{port}"
            async with ClientSession(cookie_jar=CookieJar(unsafe=True)) as s:
                token = await new_link(app.svc, settings.staff[0])
                async with s.post(f"{base}/signin", data={"token": token}) as resp:
                    csrf = re.search(r'name="csrf" value="([^"]+)"', await resp.text()).group(1)
                open_n = (await app.svc.store.incident_seq())
                rows = [("static file (baseline)", "GET", "/static/desk.css", None, 100),
                        ("Now", "GET", "/", None, 100),
                        ("Now, live part", "GET", "/now/list", None, 100),
                        ("Incident", "GET", f"/incident/{open_n}", None, 100),
                        ("Residents", "GET", "/residents", None, 100),
                        ("Residents, search", "POST", "/residents/search", {"csrf": csrf, "q": "0042"}, 100),
                        ("Resident", "GET", "/residents/r500", None, 100),
                        ("Check-ins today", "GET", "/checkins", None, 100),
                        ("Report, week", "GET", "/reports?period=week", None, 100),
                        ("Report, month", "GET", "/reports?period=month", None, 100),
                        ("Report, last month", "GET", "/reports?period=last_month", None, 100),
                        ("Report, month .xlsx", "GET", "/reports.xlsx?period=month", None, 30)]
                print(f"\n{'page':<24}{'p50 ms':>9}{'p99 ms':>9}   goal (p99)")
                for name, method, path, data, n in rows:
                    await measure(s, base, method, path, 3, data)  # warm up
                    times = await measure(s, base, method, path, max(10, n * args.requests // 100), data)
                    goal = "≤ 300" if "month" in name else ("" if "baseline" in name else "≤ 100")
                    ok = "" if not goal else ("ok" if pct(times, 99) <= float(goal[2:]) else "MISSED")
                    print(f"{name:<24}{statistics.median(times):>9.1f}{pct(times, 99):>9.1f}   {goal} {ok}")
            await runner.cleanup()
        finally:
            await app.close()
            redis.stop()


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--residents", type=int, default=1000)
    p.add_argument("--incidents", type=int, default=10000)
    p.add_argument("--requests", type=int, default=100, help="percent of the default request counts")
    asyncio.run(main(p.parse_args()))
