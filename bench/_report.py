"""The compact table the alert benchmark prints, and the verdict on the goal."""
from __future__ import annotations

import math

from _harness import Samples, percentile

BASELINE = "aiogram echo"
LOADS = (("one", "1 at a time"), ("burst", "{burst} at once"))


def _all(s: Samples, attr: str) -> list[float]:
    """Latencies with every request that got no alert counted as infinitely late."""
    return getattr(s, attr) + [math.inf] * s.lost.get(attr, 0)


def _ms(seconds: float, window: float) -> str:
    return f"{seconds * 1e3:7.1f}" if seconds < math.inf else f"{f'>{window:.0f} s':>7}"


def _row(load: str, name: str, s: Samples, attr: str, base: Samples | None, window: float) -> str:
    xs = _all(s, attr)
    if not xs:
        return f"{load:<12} {name:<32} (not measured)"
    ok = f"{len(getattr(s, attr))}/{len(xs)}"
    p50, p99 = percentile(xs, 0.50), percentile(xs, 0.99)
    line = f"{load:<12} {name:<32} {ok:>8} {_ms(p50, window)} {_ms(p99, window)} {_ms(max(xs), window)}"
    if base and name != BASELINE and p99 < math.inf:
        b = getattr(base, attr)
        b50, b99 = percentile(b, 0.50), percentile(b, 0.99)
        line += f" {p50 / b50:6.1f}× {p99 / b99:6.1f}× {_ms(p50 - b50, 0)} {_ms(p99 - b99, 0)}"
    return line


def print_table(results: dict[str, Samples], args, goal_ms: float, notes: list[str]) -> None:
    base = results.get(BASELINE)
    print("\nUpdate handed out by getUpdates → the staff alert's sendMessage arriving at the server (echo bots: "
          "the echo's sendMessage).\nms; ok = alerts that arrived (within the window); ×p50/×p99 and own "
          "(= bot − echo) are against the aiogram echo at the same load.\n")
    print(f"{'load':<12} {'subject':<32} {'ok':>8} {'p50':>7} {'p99':>7} {'max':>7} {'×p50':>7} {'×p99':>7} "
          f"{'own p50':>7} {'own p99':>7}")
    for attr, label in LOADS:
        for name, s in results.items():
            print(_row(label.format(burst=args.burst), name, s, attr, base, args.window))
    print()
    for name, s in results.items():
        calls = ", ".join(f"{m} {n / max(1, s.updates_total):.1f}" for m, n in sorted(s.requests.items())
                          if m in ("sendmessage", "editmessagetext"))
        facts = [f"slowest burst: last alert {max(s.burst_wall, default=0) * 1e3:.0f} ms after the first hand-out"]
        if s.throttled:
            facts = [f"one burst, cut off after {args.window:.0f} s"]
        facts.append(f"Bot API calls per update: {calls}")
        if s.redis_per_update is not None:
            facts.append(f"Redis commands per update: {s.redis_per_update:.1f}")
        if s.gc_pauses:
            facts.append(f"full GCs {len(s.gc_pauses)}, longest {max(s.gc_pauses) * 1e3:.0f} ms")
        if s.packet:
            facts.append(f"full packet {args.burst} at once: {len(s.packet)} within the window, p50 "
                         f"{percentile(s.packet, 0.5) * 1e3:.0f} ms, p99 {percentile(s.packet, 0.99) * 1e3:.0f} ms")
        if failed := sum(s.failed.values()):
            facts.append(f"{failed} got the error reply (no incident stored)")
        print(f"{name:<32} " + "; ".join(facts))
    print()
    for name, s in results.items():
        if not name.startswith("bot") or base is None:
            continue
        xs = _all(s, "burst")
        own = percentile(xs, 0.99) - percentile(base.burst, 0.99) if xs else math.inf
        shown = f"{own * 1e3:.1f} ms" if own < math.inf else f"more than {args.window:.0f} s"
        if s.throttled:  # its tail is Telegram's pacing of one chat, which no bot may go faster than
            print(f"as built, {name}: p99 − echo, {args.burst} at once = {shown}: the last alerts wait for Telegram's "
                  f"limit of about one message a second per staff chat (the limiter), not for the bot")
            continue
        verdict = "MET" if own * 1e3 < goal_ms else "NOT MET"
        line = f"goal, {name}: p99 of the bot's own time, {args.burst} at once = {shown} (goal < {goal_ms:.0f} ms)"
        if "python-telegram-bot" in name and "PTB echo" in results and own < math.inf:
            line += f"; {(percentile(xs, 0.99) - percentile(results['PTB echo'].burst, 0.99)) * 1e3:.1f} ms " \
                    f"against the PTB echo"
        print(f"{line} → {verdict}")
    for note in notes:
        print(note)
