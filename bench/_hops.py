"""Opt-in (`BENCH_HOPS=1`): where each 🆘 of bench_scale.py spends its time, hop by hop.

The server process stamps when a press was queued, when the getUpdates answer carrying it was built ("handed out")
and when the staff alert's sendMessage arrived ("accepted"); worker 0 stamps, by wrapping a few methods of its own
objects (no bot code changes): the getUpdates answer parsed ("received"), the update's dedupe mark taken in Redis
("marked"), the engine entered, the incident stored, the alert handed to the outbox ("send"), its slot granted and
the HTTP request started ("request"). Stamps are `time.perf_counter()`: one
monotonic clock for every process on the machine. The worker also records event-loop stalls (a 10 ms timer firing
late) and garbage collections that took over 2 ms, to see what a slow alert waited behind.
"""
from __future__ import annotations

import asyncio
import contextvars
import gc
import os
import time

ON = bool(os.environ.get("BENCH_HOPS"))
_alert_uid: contextvars.ContextVar[int | None] = contextvars.ContextVar("alert_uid", default=None)
STAFF_BELOW = 700_000  # Telegram ids below this are staff (bench/_harness.py FIRST_RESIDENT_TG)
ALL_HOPS = ("queued", "handed_out", "received", "marked", "engine", "stored", "send", "request", "accepted")


class Hops:
    def __init__(self) -> None:
        self.at: dict[int, dict[str, float]] = {}  # resident's Telegram id -> hop -> stamp
        self._by_n: dict[int, int] = {}  # incident number -> resident's Telegram id
        self.stalls: list[tuple[float, float]] = []  # (when, how late) for a 10 ms timer over 5 ms late
        self.gcs: list[tuple[float, float, int]] = []  # (start, seconds, generation) over 2 ms
        self._gc_start = 0.0
        self._watch: asyncio.Task | None = None
        self.pool_waits: list[float] = []  # seconds waited for a connection of the shared Redis pool, over 1 ms
        self.pool_max = 0  # the most connections of that pool in use at once
        self._limiter = None
        self.limits: dict[int, list] = {}  # resident -> the alert's waits inside the limiter (_install_limiter)
        self.staff: list[tuple[int, str, bool, float]] = []  # every request to a staff chat: (chat, tag, edit?, when)

    def mark(self, uid: int | None, hop: str) -> None:
        if uid is not None:
            self.at.setdefault(uid, {}).setdefault(hop, time.perf_counter())

    def install(self, adapter, app) -> None:
        from aiogram.methods import GetUpdates

        session, store, outbox, messenger = adapter.bot.session, app.svc.store, app.svc.outbox, adapter.messenger
        make_request, open_emergency, send, deliver = (session.make_request, store.open_emergency, outbox.send,
                                                       messenger.deliver)

        async def timed_request(bot, method, timeout=None):
            result = await make_request(bot, method, timeout)
            if isinstance(method, GetUpdates):
                for u in result:
                    self.mark(u.message.from_user.id if u.message else None, "received")
            return result

        async def timed_mark(handler, update, data):
            self.mark(update.message.from_user.id if update.message else None, "marked")
            return await handler(update, data)

        async def timed_handle(ev):
            self.mark(ev.user_id, "engine")
            return await handle(ev)

        async def timed_open(tg, *a, **kw):
            got = await open_emergency(tg, *a, **kw)
            self.mark(tg, "stored")
            self._by_n[got.n] = tg
            return got

        def alert_of(msg) -> int | None:
            if msg.tag.startswith("alert:") and not msg.tag.startswith("alert:min"):
                return self._by_n.get(int(msg.tag.rsplit(":", 1)[1]))
            return None

        async def timed_send(msg, **kw):  # kw: the check-in drain's `records` (without it, no check-in would go)
            uid = alert_of(msg)
            self.mark(uid, "send")
            _alert_uid.set(uid)
            return await send(msg, **kw)

        async def timed_deliver(msg):
            self.mark(alert_of(msg), "request")
            if msg.chat_id < STAFF_BELOW:  # what else went to a staff chat, and when (what took its second)
                self.staff.append((msg.chat_id, msg.tag, bool(msg.edit), time.perf_counter()))
            return await deliver(msg)

        handle = app.engine.handle
        session.make_request, store.open_emergency, outbox.send = timed_request, timed_open, timed_send
        messenger.deliver, app.engine.handle = timed_deliver, timed_handle
        adapter.dp.update.outer_middleware(timed_mark)  # inside the adapter's own: after the update's mark
        pool = store.r.connection_pool
        get_connection = pool.get_connection

        async def timed_get(*a, **kw):
            t0 = time.perf_counter()
            conn = await get_connection(*a, **kw)
            if (waited := time.perf_counter() - t0) > 0.001:
                self.pool_waits.append(waited)
            self.pool_max = max(self.pool_max, len(pool._in_use_connections))
            return conn

        pool.get_connection = timed_get
        self._install_limiter(outbox.limiter)
        gc.callbacks.append(self._on_gc)
        self._watch = asyncio.ensure_future(self._stalls())

    def _install_limiter(self, limiter) -> None:
        """The staff alert's wait inside the limiter, by part: its chat's turn (and who held it), each Redis
        reservation (granted?, seconds), and the sleep until the slot."""
        if limiter is None or not hasattr(limiter, "_reserve"):
            return
        chat_turn, reserve, holders = limiter._chat_turn, limiter._reserve, {}

        async def timed_turn(chat, priority):
            uid = _alert_uid.get() if priority == 0 else None
            held_by, t0 = holders.get(id(chat)) if chat.busy else None, time.perf_counter()
            await chat_turn(chat, priority)
            holders[id(chat)] = priority
            if uid is not None:
                self.limits.setdefault(uid, []).append(("turn", t0, time.perf_counter(), held_by))

        async def timed_reserve(chat_id, priority, *again):
            uid = _alert_uid.get() if priority == 0 else None
            t0, got = time.perf_counter(), None
            try:
                got = await reserve(chat_id, priority, *again)
                return got
            finally:  # a reservation past the limiter's timeout: (False, None), and the process goes on its own
                if uid is not None:
                    self.limits.setdefault(uid, []).append(("reserve", t0, time.perf_counter(), got or (False, None)))

        limiter._chat_turn, limiter._reserve, self._limiter = timed_turn, timed_reserve, limiter

    def _on_gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        elif (took := time.perf_counter() - self._gc_start) > 0.002:
            self.gcs.append((self._gc_start, took, info["generation"]))

    async def _stalls(self) -> None:
        while True:
            t0 = time.perf_counter()
            await asyncio.sleep(0.01)
            if (late := time.perf_counter() - t0 - 0.01) > 0.005:
                self.stalls.append((t0 + 0.01, late))

    def result(self) -> dict:
        if self._watch:
            self._watch.cancel()
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        return {"at": self.at, "limits": self.limits, "fallbacks": getattr(self._limiter, "fallbacks", 0),
                "stalls": self.stalls, "gcs": self.gcs, "staff": self.staff, "pool_waits": self.pool_waits,
                "pool_max": self.pool_max}


def _by_generation(gcs: list) -> str:
    gens = sorted({g for _, _, g in gcs})
    return ", ".join(f"{g}: {sum(x == g for _, _, x in gcs)}/{max(t for _, t, x in gcs if x == g) * 1e3:.0f}" for g in gens)


def report(server: dict[int, dict[str, float]], worker: dict, refused: dict) -> None:
    """Per press, milliseconds spent between consecutive hops; the slowest presses, the median of each hop, and
    what the worker's loop was doing (stalls, collections) during the slowest."""
    from _harness import percentile

    rows = []
    for uid, stamps in server.items():
        stamps = {**stamps, **worker["at"].get(uid, {})}
        if "handed_out" in stamps and "accepted" in stamps:
            rows.append((stamps["accepted"] - stamps["handed_out"], uid, stamps))
    if not rows:
        print("hops: no complete press")
        return
    rows.sort(reverse=True)
    head = f"{'ms':>7} " + " ".join(f"{h[:9]:>9}" for h in ALL_HOPS[1:])
    print(f"\nhops of the {len(rows)} presses (ms since the hop before; total = handed out → accepted), slowest "
          f"first:\n{head}")

    def deltas(stamps: dict) -> list[float]:
        out, last = [], stamps.get("queued")
        for h in ALL_HOPS[1:]:
            out.append((stamps[h] - last) * 1e3 if h in stamps and last is not None else float("nan"))
            last = stamps.get(h, last)
        return out

    for total, uid, stamps in rows[:6]:
        print(f"{total * 1e3:7.1f} " + " ".join(f"{d:9.1f}" for d in deltas(stamps)))
    cols = list(zip(*(deltas(s) for _, _, s in rows)))
    print("    p50 " + " ".join(f"{percentile([x for x in c if x == x] or [0], 0.5):9.1f}" for c in cols))
    print("    max " + " ".join(f"{max([x for x in c if x == x] or [0]):9.1f}" for c in cols))
    for total, uid, stamps in rows[:3]:
        a, b = stamps["handed_out"], stamps["accepted"]
        stalls = [(t - a, late) for t, late in worker["stalls"] if a - 0.05 <= t <= b + 0.01]
        gcs = [(t - a, took, g) for t, took, g in worker["gcs"] if a - 0.05 <= t <= b]
        print(f"  {total * 1e3:.0f} ms press: loop stalls (at ms, late ms) "
              f"{[(round(t * 1e3), round(x * 1e3)) for t, x in stalls]}; "
              f"collections {[(round(t * 1e3), round(x * 1e3), g) for t, x, g in gcs]}")
    for total, uid, stamps in rows[:6]:
        parts = [(what, round((t0 - stamps["send"]) * 1e3, 1), round((t1 - t0) * 1e3, 1), extra)
                 for what, t0, t1, extra in worker.get("limits", {}).get(uid, [])] if "send" in stamps else []
        print(f"  {total * 1e3:.0f} ms press: in the limiter (what, at ms after send, took ms, detail) {parts}")
    for total, uid, stamps in rows[:6]:
        if "request" in stamps:  # the requests to staff chats in the 1.5 s before this alert's own
            before = [(tag, "edit" if edit else "new", round((t - stamps["request"]) * 1e3)) for chat, tag, edit, t
                      in worker.get("staff", []) if -1.5 <= t - stamps["request"] < 0]
            print(f"  {total * 1e3:.0f} ms press: to staff chats in the 1.5 s before its request (tag, kind, ms) "
                  f"{before}")
    parts = [(what, t1 - t0, extra) for each in worker.get("limits", {}).values() for what, t0, t1, extra in each]
    answers = [extra for what, _, extra in parts if what == "reserve"]
    trips = [took for what, took, _ in parts if what == "reserve"] or [0]
    turns = [took for what, took, _ in parts if what == "turn"] or [0]
    print(f"  in the limiter, {len(answers)} reservations for staff alerts: {sum(d is None for _, d in answers)} timed "
          f"out, {sum(not g and d is not None for g, d in answers)} told to wait (chat pace), "
          f"{sum(g and d > 0 for g, d in answers)} given a later slot (max "
          f"{max([d for g, d in answers if g] or [0]) * 1e3:.0f} ms); round trip p50 {percentile(trips, 0.5) * 1e3:.1f}"
          f" ms, max {max(trips) * 1e3:.1f} ms; waits for the chat's turn {sum(t > 0.001 for t in turns)} (max "
          f"{max(turns) * 1e3:.0f} ms); worker 0 fell back to its own limits {worker.get('fallbacks', 0)} times")
    late = sorted(x for _, x in worker["stalls"])
    print(f"  worker 0's loop over the round: {len(late)} stalls over 5 ms, p50 "
          f"{percentile(late or [0], 0.5) * 1e3:.0f} ms, max {max(late or [0]) * 1e3:.0f} ms; "
          f"{len(worker['gcs'])} collections over 2 ms, max {max([x for _, x, _ in worker['gcs']] or [0]) * 1e3:.0f} ms "
          f"(by generation, count/max ms: {_by_generation(worker['gcs'])}); "
          f"Redis pool: at most {worker['pool_max']} connections in use, {len(worker['pool_waits'])} waits for one "
          f"over 1 ms (max {max(worker['pool_waits'] or [0]) * 1e3:.0f} ms)")
    print(f"  refused by committee 0's server (what: how many): {refused}")
