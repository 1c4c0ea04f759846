"""Operations: /healthz and /readyz for a load balancer, /metrics for Prometheus, on a port of their own
(`ops.listen`, `ops.port`; off unless a port is set). Events are counted where they already pass: each send
attempt at the outbox (`Outbox.watchers`), each update at the engine's door, each incident as it opens.
Gauges that live in Redis (open incidents by level, check-ins due, Redis round trip) are read at scrape time.
While Redis is away the fallback (bot/fallback.py) answers and alerts staff: its alerts count as staff alerts like
any other (a stranger's too), its cries' first alerts are timed, and /metrics says Redis is down, how many updates
the fallback answered, and whether calls wait in the outage journal to be stored.
No label carries a person: only the committee, a kind or an outcome."""
from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
import socket
import time

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

from .incidents.outage import replaying

log = logging.getLogger(__name__)
READY_TIMEOUT_SECONDS = 1.0
ALERT_TAGS = ("alert:", "packet:")  # a staff alert: first, escalated, digest, full packet
FALLBACK_TAGS = ("fallback:", "alert:fallback:")  # the fallback's staff alerts while Redis is away (fallback.py)
FALLBACK_FIRST = ("fallback:cry", "alert:fallback:cry")  # a cry's own alert (not a repeat's line, not a voice)
# the update being handled: when it came in, and whether a fallback alert of it has been timed yet
_UPDATE: contextvars.ContextVar[dict | None] = contextvars.ContextVar("ops_update", default=None)


def _wrap(owner, name: str, around) -> None:
    """Replaces `owner.name` with `around(original)` on that one object (the class stays as it is)."""
    original = getattr(owner, name)
    setattr(owner, name, functools.wraps(original)(around(original)))


class Metrics:
    """The metric families, once per registry: every committee of a process counts into them under its own label."""

    def __init__(self) -> None:
        reg = self.registry = CollectorRegistry()
        c = ["committee"]
        self.updates = Counter("carebot_updates", "Updates handled (messages, buttons ...)", c + ["kind"], registry=reg)
        self.alerts = Counter("carebot_alerts", "Staff alert messages, by final outcome", c + ["outcome"],
                              registry=reg)
        self.first_alert = Histogram("carebot_first_alert_seconds", "From a call for help to its first alert sent",
                                     c, registry=reg, buckets=(.05, .1, .25, .5, 1, 2, 5, 10, 30, 60))
        self.opened = Counter("carebot_incidents_opened", "Incidents opened", c + ["kind"], registry=reg)
        self.open = Gauge("carebot_incidents_open", "Open incidents by escalation level", c + ["level"], registry=reg)
        self.checkins = Counter("carebot_checkins", "Check-ins sent, reminded, missed", c + ["event"], registry=reg)
        self.checkins_due = Gauge("carebot_checkins_due", "Check-ins whose time has come, not yet sent", c,
                                  registry=reg)
        self.throttled = Counter("carebot_telegram_429", "Sends Telegram answered with 429 (flood limit)", c,
                                 registry=reg)
        self.redis_rtt = Histogram("carebot_redis_rtt_seconds", "Redis PING round trip (at scrape and /readyz)", c,
                                   registry=reg, buckets=(.0005, .001, .0025, .005, .01, .025, .05, .1, .5, 1))
        self.unreplicated = Gauge("carebot_incidents_unreplicated", "Incidents a replica did not confirm in time",
                                  c, registry=reg)
        self.redis_up = Gauge("carebot_redis_up", "1 if Redis answered this scrape's PING; 0: the fallback answers",
                              c, registry=reg)
        self.fallback = Counter("carebot_fallback_handled", "Updates the fallback answered (Redis away, or a bug)",
                                c, registry=reg)
        self.fallback_alerts = Counter("carebot_fallback_alerts", "Staff alerts sent by the fallback while Redis was "
                                       "away (also in carebot_alerts), by final outcome", c + ["outcome"],
                                       registry=reg)
        self.waiting = Gauge("carebot_outage_calls_waiting", "1 while calls in the outage journal wait to be stored",
                             c, registry=reg)


class Ops:
    """One app's (one committee's) counting, into metric families it may share with other committees."""

    def __init__(self, app, metrics: Metrics | None = None) -> None:
        self.app = app
        self.committee = app.settings.ops.committee or app.settings.community.name
        m = metrics or Metrics()
        self.registry = m.registry
        self.updates, self.alerts, self.first_alert, self.opened = m.updates, m.alerts, m.first_alert, m.opened
        self.open, self.checkins, self.checkins_due, self.throttled = m.open, m.checkins, m.checkins_due, m.throttled
        self.redis_rtt, self.unreplicated = m.redis_rtt, m.unreplicated
        self.redis_up, self.fallback, self.fallback_alerts, self.waiting = m.redis_up, m.fallback, \
            m.fallback_alerts, m.waiting
        for kind in ("emergency", "help", "checkin"):
            self.opened.labels(self.committee, kind)
        for outcome in ("sent", "failed"):
            self.alerts.labels(self.committee, outcome)
            self.fallback_alerts.labels(self.committee, outcome)
        self.fallback.labels(self.committee)
        for event in ("sent", "reminded", "missed"):
            self.checkins.labels(self.committee, event)
        self.throttled.labels(self.committee)
        self._started: dict[int, float] = {}  # incident -> when its call came in (monotonic)
        self._levels: set[str] = set()  # the levels this committee has a gauge for
        self._observe()

    # --- counting at the edges -----------------------------------------------------------------
    def _observe(self) -> None:
        app, name = self.app, self.committee
        app.svc.outbox.watchers.append(self._on_send)
        incidents = app.engine.incidents

        def handle(original):
            async def counted(ev, *a, **kw):
                self.updates.labels(name, ev.kind).inc()
                token = _UPDATE.set({"t0": time.monotonic()})
                try:
                    return await original(ev, *a, **kw)
                finally:
                    _UPDATE.reset(token)
            return counted

        def fell_back(original):
            async def counted(ev, *a, **kw):
                self.fallback.labels(name).inc()
                return await original(ev, *a, **kw)
            return counted

        def sos(original):
            async def timed(tg, **kw):
                t0 = time.monotonic()
                opened, alerting = await original(tg, **kw)
                if alerting is not None and replaying() is None:  # a journaled call's first alert was the fallback's
                    self.opened.labels(name, "emergency").inc()
                    alerting.add_done_callback(lambda f: f.cancelled() or f.exception() or
                                               self.first_alert.labels(name).observe(time.monotonic() - t0))
                return opened, alerting
            return timed

        def open_(original):
            async def timed(kind, person, **kw):
                n = await original(kind, person, **kw)
                self.opened.labels(name, kind).inc()
                if kind == "checkin":
                    self.checkins.labels(name, "missed").inc()
                if replaying() is None:
                    self._started[n] = time.monotonic()
                return n
            return timed

        def alert_first(original):
            async def timed(n, **kw):
                reached = await original(n, **kw)
                t0 = self._started.pop(n, None)
                if t0 is not None and reached:
                    self.first_alert.labels(name).observe(time.monotonic() - t0)
                return reached
            return timed

        _wrap(app.engine, "handle", handle)
        _wrap(app.engine, "fallback", fell_back)
        _wrap(incidents, "sos", sos)
        _wrap(incidents, "open", open_)
        _wrap(incidents, "alert_first", alert_first)

    def _on_send(self, msg, result, final: bool) -> None:
        if result.retry_after:
            self.throttled.labels(self.committee).inc()
        if not final:
            return
        outcome = "sent" if result.ok else "failed"
        if msg.tag.startswith(FALLBACK_TAGS):
            self.fallback_alerts.labels(self.committee, outcome).inc()
            update = _UPDATE.get()
            if result.ok and msg.tag in FALLBACK_FIRST and update and not update.get("timed"):
                update["timed"] = True  # the first staff chat it reached
                self.first_alert.labels(self.committee).observe(time.monotonic() - update["t0"])
        if msg.tag.startswith(ALERT_TAGS + FALLBACK_TAGS):
            self.alerts.labels(self.committee, outcome).inc()
        elif result.ok and msg.tag.startswith("checkin-reminder:"):
            self.checkins.labels(self.committee, "reminded").inc()
        elif result.ok and msg.tag.startswith("checkin:"):
            self.checkins.labels(self.committee, "sent").inc()

    # --- read at scrape time -------------------------------------------------------------------
    async def ping(self) -> float:
        t0 = time.perf_counter()
        await asyncio.wait_for(self.app.svc.store.ping(), READY_TIMEOUT_SECONDS)
        rtt = time.perf_counter() - t0
        self.redis_rtt.labels(self.committee).observe(rtt)
        return rtt

    def outage(self, redis_up: bool) -> None:
        """Whether Redis answered, and whether calls wait in the outage journal (a directory listing: no Redis)."""
        self.redis_up.labels(self.committee).set(1 if redis_up else 0)
        outage = self.app.svc.outage
        self.waiting.labels(self.committee).set(1 if outage and outage.journal.waiting() else 0)

    async def refresh(self) -> None:
        store, name = self.app.svc.store, self.committee
        await self.ping()
        levels: dict[str, int] = {}
        for n in await store.open_incident_ids():
            inc = await store.incident(n)
            if inc and inc.get("status") != "resolved":
                key = str(inc.get("level", 0))
                levels[key] = levels.get(key, 0) + 1
        for gone in self._levels - set(levels):  # only this committee's levels: others share the family
            self.open.remove(name, gone)
        self._levels = set(levels)
        for level, count in levels.items():
            self.open.labels(name, level).set(count)
        self.checkins_due.labels(name).set(await store.checkins_due_count(self.app.svc.clock.ts()))
        self.unreplicated.labels(name).set(store.unreplicated)


class Listener:
    """/healthz, /readyz and /metrics for every committee of a process, on one port."""

    def __init__(self, opses: list[Ops]) -> None:
        self.opses = opses

    def scheduler_running(self) -> bool:
        from apscheduler.schedulers.base import STATE_RUNNING

        scheds = [o.app.scheduler for o in self.opses]  # one scheduler per process; every app holds it
        return all(s is not None and s.state == STATE_RUNNING for s in scheds)  # not paused, not shut down

    def web_app(self) -> web.Application:
        w = web.Application()
        w.router.add_get("/healthz", self._healthz)
        w.router.add_get("/readyz", self._readyz)
        w.router.add_get("/metrics", self._metrics)
        return w

    async def _healthz(self, request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def _readyz(self, request: web.Request) -> web.Response:
        problems = []
        try:
            await self.opses[0].ping()  # the committees of a process share one Redis
        except Exception as e:
            problems.append(f"redis: {type(e).__name__}")
        if not self.scheduler_running():
            problems.append("scheduler: not running")
        if problems:
            return web.Response(status=503, text="\n".join(problems) + "\n")
        return web.Response(text="ready\n")

    async def _metrics(self, request: web.Request) -> web.Response:
        up = True
        for ops in self.opses:
            try:
                if up:
                    await ops.refresh()
            except Exception as e:  # the counters still answer; the Redis-side gauges keep their last values
                log.warning("metrics: could not read Redis (%s)", type(e).__name__)
                up = False  # the committees of a process share one Redis
            ops.outage(up)
        return web.Response(body=generate_latest(self.opses[0].registry),
                            headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def serve(self, sock: socket.socket) -> web.AppRunner:
        runner = web.AppRunner(self.web_app(), access_log=None)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        return runner


def bind(listen: str, port: int) -> socket.socket:
    """Bound before anything is served, so a port already taken stops the bot at start with a clear error."""
    sock = socket.socket(socket.AF_INET6 if ":" in listen else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((listen, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def start_many(apps: list) -> tuple[list[Ops], object]:
    """Every committee's metrics in one registry, served on the first one's `ops.listen`:`ops.port` (the shared
    config.yaml's); returns them and the coroutine function that closes the listener."""
    metrics = Metrics()
    opses = [Ops(app, metrics) for app in apps]
    cfg = apps[0].settings.ops
    sock = bind(cfg.listen, cfg.port)
    task = asyncio.ensure_future(Listener(opses).serve(sock))

    async def close() -> None:
        runner = await task
        await runner.cleanup()
        sock.close()

    return opses, close
