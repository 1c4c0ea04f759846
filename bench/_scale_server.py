"""The Bot API side of bench_scale.py: one limit-enforcing test server per committee token (a port each) and one for
the bare echo bot, all in one process of their own (`RemoteServer(Fleet)`), so serving the bots — Telegram's work in
real life — is not charged to them. Per token it counts the check-ins delivered, when the first and last arrived,
and the 429s; it presses 🆘 for residents of committee 0 during the storm and times the staff alerts as
bench_alert.py does (update handed out → the alert's sendMessage arriving), the echo bot the same way.
"""
from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from typing import Any

from _harness import TimedBotAPIServer, _int
from bot.testing.botapi_limits import RateLimiter, RateLimits, RateStats

CHECKIN_TG0 = 10_000_000  # the check-in residents' Telegram ids: CHECKIN_TG0 + committee * 10_000 + i
SOS = "🆘 紧急求助"  # the resident menu's button, as a reply-keyboard press arrives


def checkin_tg(committee: int, i: int) -> int:
    return CHECKIN_TG0 + committee * 10_000 + i


def token_of(committee: int) -> str:
    return f"{7000 + committee}:SCALE-{committee:03d}"


class TokenServer(TimedBotAPIServer):
    """The limit-enforcing test server of one token, counting the check-ins it accepted."""

    def __init__(self, token: str, chat_burst: int = 1) -> None:
        super().__init__(token=token, limits=RateLimits(per_chat_per_s=chat_burst))
        self.checkins, self.first, self.last = 0, 0.0, 0.0
        self.refused: Counter = Counter()  # 429s by whom the message was for: check-in residents, others
        self.reached: set[int] = set()  # check-in residents who got one
        self.twice = 0  # check-ins accepted for someone who already had one
        self.paced: list[tuple[int, float, bool]] | None = [] if os.environ.get("BENCH_PACE") else None

    async def execute(self, method: str, params: dict[str, Any], token: str) -> dict:
        at = time.monotonic()  # bench/_pace_trace.py
        body = await super().execute(method, params, token)
        chat = _int(params.get("chat_id"))
        if self.paced is not None and method.lower() == "sendmessage":
            self.paced.append((chat, at, body.get("error_code") == 429))
        if body.get("error_code") == 429:
            self.refused["checkin" if chat >= CHECKIN_TG0 else f"{method}:{chat}"] += 1
        elif method.lower() == "sendmessage" and body.get("ok") and chat >= CHECKIN_TG0:
            at = time.perf_counter()
            self.checkins += 1
            self.first, self.last = self.first or at, at
            self.twice += chat in self.reached
            self.reached.add(chat)
        if len(self.calls) > 256:  # the server keeps every call for tests; a benchmark does not need them
            self.calls.clear()
        return body

    def reset(self) -> None:
        self.checkins, self.first, self.last, self.stats = 0, 0.0, 0.0, RateStats()
        self.refused.clear()
        self.reached.clear()
        self.paced = [] if self.paced is not None else None
        self.twice = 0
        self.handed_out.clear()
        self.arrived.clear()
        self._sent.clear()
        self._sent_by_id.clear()
        self._messages.clear()

    def limit(self, on: bool) -> None:
        self._limiter = RateLimiter(self.limits) if on else None


class Fleet:
    """What runs in the server process; RemoteServer forwards each call here."""

    def __init__(self) -> None:
        self.servers: list[TokenServer] = []
        self.echo: TokenServer | None = None
        self._sos: asyncio.Task | None = None
        self.pressed: list[int] = []
        self.queued: dict[int, float] = {}  # resident -> when their 🆘 was queued (bench/_hops.py)

    async def start(self, committees: int, residents: int, staff: list[tuple[int, str]],
                    sos_users: list[tuple[int, str]],
                    chat_burst: int = 1) -> tuple[list[tuple[str, str]], tuple[str, str]]:
        """([(base url, token)] per committee, the echo bot's); `chat_burst` messages a second into one chat."""
        for c in range(committees):
            srv = TokenServer(token_of(c), chat_burst)
            await srv.start()
            for uid, name in staff:
                srv.user(uid, name)
            for i in range(residents):
                srv.user(checkin_tg(c, i), "居民")
            self.servers.append(srv)
        for uid, name in sos_users:  # they live in committee 0, and write to the echo bot too
            self.servers[0].user(uid, name)
        self.echo = TokenServer("6999:ECHO")
        await self.echo.start()
        for uid, name in sos_users:
            self.echo.user(uid, name)
        return [(s.base_url, s.token) for s in self.servers], (self.echo.base_url, self.echo.token)

    async def stop(self) -> None:
        for srv in [*self.servers, self.echo]:
            await srv.stop()

    async def reset(self, bot_subject, echo_subject) -> None:
        for srv in [*self.servers, self.echo]:
            srv.reset()
        self.servers[0].subject, self.echo.subject = bot_subject, echo_subject
        self.pressed, self.queued = [], {}

    async def limits(self, on: bool) -> None:
        for srv in self.servers:
            srv.limit(on)

    async def now(self) -> float:
        return time.perf_counter()

    async def polling(self) -> bool:
        """Both pollers (committee 0's bot, the echo) have asked for updates."""
        return bool(self.servers[0].requests.get("getupdates") and self.echo.requests.get("getupdates"))

    async def counts(self) -> list[tuple[int, float, float, int]]:
        """Per token: (check-ins accepted, first, last, check-ins sent to someone a second time)."""
        return [(s.checkins, s.first, s.last, s.twice) for s in self.servers]

    async def paced(self) -> list[list[tuple[int, float, bool]]]:
        return [s.paced or [] for s in self.servers]

    async def refused(self) -> list[dict]:
        return [dict(s.refused) for s in self.servers]

    async def start_sos(self, uids: list[int], every: float) -> None:
        """One resident of committee 0 presses 🆘 every `every` seconds (a new one each time); the same resident
        writes to the echo bot in the same instant."""
        async def press() -> None:
            for uid in uids:
                for srv in (self.servers[0], self.echo):
                    user = srv.user(uid)
                    srv.incoming(user.chat, user.obj, {"text": SOS})
                self.queued[uid] = time.perf_counter()
                self.pressed.append(uid)
                await asyncio.sleep(every)
        self._sos = asyncio.create_task(press())

    async def stop_sos(self, grace: float) -> None:
        """No more presses; waits up to `grace` seconds for the alerts of those made."""
        if self._sos:
            self._sos.cancel()
            await asyncio.gather(self._sos, return_exceptions=True)
        bot, echo = self.servers[0], self.echo
        await bot.wait_until(lambda: all(u in bot.arrived for u in self.pressed), grace)
        await echo.wait_until(lambda: all(u in echo.arrived for u in self.pressed), 1.0)

    async def alert_times(self) -> dict[str, list[float]]:
        """Seconds from hand-out to the measured sendMessage, for the bot's staff alerts and the echo's replies;
        a press whose answer never came counts as infinitely late."""
        out = {}
        for name, srv in (("bot", self.servers[0]), ("echo", self.echo)):
            out[name] = [srv.arrived[u] - srv.handed_out[u] if u in srv.arrived and u in srv.handed_out
                         else float("inf") for u in self.pressed]
        return out

    async def hops(self) -> dict[int, dict[str, float]]:
        """The server's stamps of each press to committee 0's bot (bench/_hops.py)."""
        srv = self.servers[0]
        return {u: {k: v for k, v in (("queued", self.queued.get(u)), ("handed_out", srv.handed_out.get(u)),
                                      ("accepted", srv.arrived.get(u))) if v is not None} for u in self.pressed}
