"""A deployment: every committee of the config in one process (see bot/committees.py for the config).

One Redis connection pool (and one for every committee's 🆘 path), one NLU model and one knowledge base, one set of lanes (a 🆘 first, few check-ins in flight
in the whole process: bot/lanes.py), one scheduler waking every committee's engine, one metrics listener; an App per
committee (its own store prefix, staff, roster, register, outbox and bot token).
Without `committees_dir` it holds the one committee of config.yaml, run exactly as before.

    district = await District.open(load_committees("config.yaml"))
    district.start()                       # the scheduler (and /metrics with ops.port)
    app = district.apps["a"]               # committee a's App: attach its channel, start its console ...
    await district.close()
"""
from __future__ import annotations

import logging

from .app import App, build_app, connect_redis, load_kb, load_nlu, start_scheduler, urgent_client
from .committees import Committee
from .lanes import Lanes

log = logging.getLogger(__name__)


class District:
    def __init__(self, committees: list[Committee], redis, embedded=None) -> None:
        self.committees = committees
        self.redis, self.embedded = redis, embedded
        self.owns_redis = True
        self.apps: dict[str | None, App] = {}
        self.scheduler = None
        self.closers: list = []
        self.urgent = None  # every committee's 🆘 Redis pool (bot/redisconn.py urgent_client), closed after the apps

    @classmethod
    async def open(cls, committees: list[Committee], *, clock=None, redis=None, nlu=None, kb=None,
                   messengers: dict | None = None) -> "District":
        """Connects Redis once (unless `redis` is given: then the caller closes it), loads the NLU model and the
        knowledge base once, and builds each committee's app on them. `messengers`: committee id -> messenger
        (tests); otherwise each app's channel is attached later (a Telegram adapter)."""
        first = committees[0]
        embedded, owns = None, redis is None
        if owns:
            embedded, redis = await connect_redis(first.settings, first.secrets)
        district = cls(committees, redis, embedded)
        district.owns_redis = owns
        try:
            nlu = nlu if nlu is not None else load_nlu(first.settings, first.secrets)
            kb = kb if kb is not None else load_kb()
            lanes = Lanes()  # one event loop: a 🆘 in any committee goes before every committee's other work
            # one 🆘 pool, not one per committee: idle connections add up in a district
            urgent = district.urgent = urgent_client(redis)
            for c in committees:
                district.apps[c.id] = await build_app(c.settings, c.secrets, clock=clock, redis=redis, nlu=nlu,
                                                      kb=kb, messenger=(messengers or {}).get(c.id), lanes=lanes,
                                                      urgent_redis=urgent)
        except BaseException:
            await district.close()
            raise
        return district

    def start(self, tick_seconds: float = 1.0) -> None:
        """One scheduler for every committee's deadlines, check-ins and jobs; /metrics for all on `ops.port`."""
        apps = list(self.apps.values())
        self.closers.extend(start_scheduler(apps, tick_seconds))
        self.scheduler = apps[0].scheduler  # the district shuts it down, once

    async def start_consoles(self) -> None:
        """Each committee's staff desk on its own `console.port` (its sessions live under its own prefix)."""
        for app in self.apps.values():
            await app.start_console()

    async def reload_staff(self, config_path) -> None:
        """SIGHUP: every committee's staff list and roster from its file again."""
        for app in self.apps.values():
            await app.reload_staff(config_path)

    async def close(self) -> None:
        if self.scheduler is not None:
            from scheduler import stop

            await stop(self.scheduler)
            self.scheduler = None
        for app in self.apps.values():
            app.scheduler = None
        for closer in self.closers:
            await closer()
        self.closers.clear()
        for cid, app in self.apps.items():
            try:
                await app.close()
            except Exception:  # one committee's trouble at close must not keep the others' open
                log.exception("closing committee %s failed", cid)
        if self.urgent is not None:
            await self.urgent.aclose()
            self.urgent = None
        if self.owns_redis and self.redis is not None:
            await self.redis.aclose()
            manager = getattr(self.redis.connection_pool, "sentinel_manager", None)
            if manager is not None:
                await manager.aclose()
        if self.embedded:
            self.embedded.stop()
        self.redis = None
