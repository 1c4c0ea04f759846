"""Opt-in (`BENCH_PACE=1`): where bench_scale.py's 429s on check-ins come from.

Each worker notes, per check-in, the slot its limiter granted (`acquire`'s answer) and when the outbox handed it to
the messenger; each token's server notes when each check-in's request reached it and whether it was refused. All are
`time.monotonic()`: one clock for every process on the machine. For each refusal, the report looks at the requests
the server had accepted in the second before it, and splits each one's delay from its slot into "held before the
request" (slot → messenger) and "on the way" (messenger → server).
"""
from __future__ import annotations

import os
import time

ON = bool(os.environ.get("BENCH_PACE"))


def install(apps) -> dict[int, list[float]]:
    """Wraps each committee's limiter and messenger; returns chat → [slot, handed to the messenger]."""
    seen: dict[int, list[float]] = {}
    for app in apps:
        outbox = app.svc.outbox
        acquire, messenger = outbox.limiter.acquire, outbox.messenger
        deliver = messenger.deliver

        async def timed_acquire(chat_id, urgent=False, *, _acquire=acquire, **kw):  # again=, hold=: as given
            slot = await _acquire(chat_id, urgent, **kw)
            seen.setdefault(chat_id, [0.0, 0.0])[0] = slot if slot is not None else time.monotonic()
            return slot

        async def timed_deliver(msg, _deliver=deliver):
            seen.setdefault(msg.chat_id, [0.0, 0.0])[1] = time.monotonic()
            return await _deliver(msg)

        outbox.limiter.acquire, messenger.deliver = timed_acquire, timed_deliver
    return seen


async def collect(fleet, done: list[tuple]) -> tuple[int, list]:
    """From the workers' last words ("done", hops, rebooked, traced): the sends rebooked in all, and each one's hops;
    with the trace on, it is reported against the servers' stamps."""
    if traced := [d[3] for d in done if d[3]]:
        report(await fleet.paced(), traced)
    return sum(d[2] for d in done), [d[1] for d in done]


def report(servers: list[list[tuple[int, float, bool]]], workers: list[dict[int, list[float]]]) -> None:
    seen = {chat: v for w in workers for chat, v in w.items()}
    held, away, windows, spans, others, counts = [], [], 0, [], 0, []
    for stamps in servers:
        accepted = [(t, chat) for chat, t, refused in stamps if not refused]
        for chat, t, refused in stamps:
            if not refused:
                continue
            windows += 1
            inside = [(at, c) for at, c in accepted if t - 1.0 < at <= t]
            counts.append(len(inside))
            slots = []
            for at, c in inside:
                if c not in seen:
                    others += 1
                    continue
                slot, handed = seen[c]
                slots.append(slot)
                held.append(handed - slot)
                away.append(at - handed)
            if slots:
                spans.append(max(slots) - min(slots))
    if not windows:
        print("pace trace: no check-in refused")
        return
    q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))] * 1e3 if xs else float("nan")  # noqa: E731
    print(f"pace trace: {windows} refusals; accepted in the second before each: {sorted(counts)} ({others} not "
          f"traced); their slots spanned p50 {q(spans, .5):.0f} ms, min {q(spans, 0):.0f}, max {q(spans, 1):.0f}; "
          f"held slot → request p50 {q(held, .5):.0f} ms, p90 {q(held, .9):.0f}, max {q(held, 1):.0f}; request → "
          f"server p50 {q(away, .5):.0f} ms, p90 {q(away, .9):.0f}, max {q(away, 1):.0f}")
