"""Telegram's flood limits as sliding windows, plus counters for benchmarks."""

from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RateLimits:
    """Telegram's published limits for bots (FAQ: "My bot is hitting limits")."""

    global_per_s: int = 30
    per_chat_per_s: int = 1
    per_group_per_min: int = 20


@dataclass
class RateStats:
    sent: int = 0  # send-type requests that were accepted
    throttled: int = 0  # answered with 429
    per_second: Counter = field(default_factory=Counter)  # whole second since start -> accepted sends

    @property
    def peak_per_second(self) -> int:
        return max(self.per_second.values(), default=0)


class RateLimiter:
    """Counts sends per window; a send is refused (not counted) while any window is full."""

    def __init__(self, limits: RateLimits):
        self.limits = limits
        self._windows: dict[tuple, deque[float]] = {}

    def _rules(self, chat_id: int) -> list[tuple[tuple, float, int]]:
        rules = [(("global",), 1.0, self.limits.global_per_s), (("chat", chat_id), 1.0, self.limits.per_chat_per_s)]
        if chat_id < 0:
            rules.append((("group", chat_id), 60.0, self.limits.per_group_per_min))
        return rules

    def acquire(self, chat_id: int, now: float) -> int | None:
        """Record a send at `now`; return retry_after seconds instead if it would exceed a limit."""
        waits, rules = [], self._rules(chat_id)
        for key, window, limit in rules:
            stamps = self._windows.setdefault(key, deque())
            while stamps and stamps[0] <= now - window:
                stamps.popleft()
            if len(stamps) >= limit:
                waits.append(window - (now - stamps[0]))
        if waits:
            return max(1, math.ceil(max(waits)))
        for key, _, _ in rules:
            self._windows[key].append(now)
        return None
