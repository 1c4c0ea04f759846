"""The composition root: reads config once, wires Redis, store, NLU, knowledge base, the features, engine, scheduler.

Each feature is built here, named in `Services`, and its table (its routes.py: buttons and who may press them,
commands, timers, hooks, jobs, closers) merged into the one the engine dispatches from (`feature_routes`).
"""
from __future__ import annotations

import functools
import gc
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from redis.asyncio import Redis

from .clock import Clock
from .config import ConfigError, Secrets, Settings
from .engine import Engine
from .flows import routes as core_routes
from .i18n import Catalogue
from .journal import Journal
from .incidents import Incidents, Outage, journal_folder
from .incidents import routes as incident_routes
from .incidents.reach import Reach
from .incidents.repeats import Repeats
from .incidents.reported import stranger_named
from .incidents import own_chat, stranger_call
from .lanes import Lanes
from .logmask import protect_logs
from .outbox import Messenger, Outbox
from .redis_server import EmbeddedRedis
from .redisconn import connect_redis, urgent_client
from .residents import register, staff_join
from .routes import Routes
from .services import Services
from . import staff_langs
from .store import Store

BATCH_SETTLE_SECONDS = 2.0  # at close, Redis round trips under way get this long (a SIGTERM's grace is short)
log = logging.getLogger(__name__)


class _NoMessenger:
    async def deliver(self, msg):  # replaced by the channel adapter before anything is sent
        raise RuntimeError("no channel attached")


@dataclass
class App:
    settings: Settings
    secrets: Secrets
    engine: Engine
    svc: Services
    redis: Redis
    embedded: EmbeddedRedis | None = None
    owns_redis: bool = True  # False when a deployment shares one connection pool among its committees
    scheduler: object | None = None
    ops: object | None = None
    closers: list = field(default_factory=list)

    def attach(self, messenger: Messenger) -> None:
        self.svc.outbox.messenger = messenger

    async def start_console(self):
        """The staff web console beside the bot, when `console.enabled` (see bot/desk)."""
        from .desk import start_console

        return await start_console(self)

    def start_scheduler(self, tick_seconds: float = 1.0) -> None:
        """This committee alone in its process: `start_scheduler([self])`."""
        self.closers[:0] = start_scheduler([self], tick_seconds)

    async def reload_staff(self, config_path) -> None:
        """The staff list and roster from the config file again (SIGHUP): someone taken off it loses staff rights
        at once. A broken file changes nothing."""
        from .committees import load_committees, pick

        try:  # this committee's own settings again (config.yaml merged with its file, when there are several)
            new = pick(load_committees(config_path), self.settings.committee).settings
        except ConfigError as e:
            log.error("staff list not reloaded: %s", e)
            return
        current = self.svc.staff_config or self.settings
        await staff_join.refresh(self.svc, current.model_copy(update={"staff": new.staff, "roster": new.roster}))
        log.warning("staff list reloaded: %s staff members can be reached", len(self.svc.settings.staff))

    async def close(self) -> None:
        if self.scheduler is not None:
            from scheduler import stop

            await stop(self.scheduler)
            self.scheduler = None
        for closer in self.closers:
            await closer()
        if self.owns_redis:
            await self.redis.aclose()
        if self.embedded:
            self.embedded.stop()


def start_scheduler(apps: list[App], tick_seconds: float = 1.0) -> list:
    """One scheduler for every committee of the process (scheduler/: one wake-up job for all of them, and each
    feature's jobs), held by each app (readiness reads it); with `ops.port`, /healthz, /readyz and /metrics for all
    on one listener (a running bot answers its load balancer). Returns the closers of what it started."""
    from scheduler import make_scheduler

    sched = make_scheduler([app.engine for app in apps], tick_seconds, apps[0].settings.timezone)
    for app in apps:
        app.scheduler = sched
    sched.start()
    if apps[0].settings.ops.port is None or any(app.ops is not None for app in apps):
        return []
    from . import ops

    opses, close = ops.start_many(apps)
    for app, one in zip(apps, opses):
        app.ops = one
    return [close]


def load_nlu(settings: Settings, secrets: Secrets):
    try:
        from nlu import NLU
    except ImportError:
        log.warning("NLU package unavailable; using the emergency keyword list only")
        return None
    builtin = NLU.builtin(cache_dir=settings.path(settings.nlu.cache_dir))
    if settings.nlu.backend == "rasa" and secrets.rasa_url:
        return NLU.rasa(secrets.rasa_url, token=secrets.rasa_token, timeout=settings.nlu.rasa_timeout_seconds,
                        fallback=builtin)
    return builtin


def warm_up() -> None:
    """Loads now what the first cry after a start would load on its way: the red flags' patterns (read for every
    cry's advice and danger words, NLU model or not), about 0.7 s with the event loop stopped. Once a process."""
    try:
        from nlu import redflags
    except ImportError:
        return
    redflags.default()


@functools.cache
def catalogue(locale: str) -> Catalogue:
    """The message catalogue: read only, so one per locale serves every committee of the process (~150 KB each)."""
    return Catalogue(locale)


def load_kb():
    try:
        from nlu.qa import KnowledgeBase
    except ImportError:
        return None
    logging.getLogger("jieba").setLevel(logging.WARNING)  # its start-up chatter is not news (set after import)
    return KnowledgeBase()


async def build_app(settings: Settings, secrets: Secrets, *, clock: Clock | None = None,
                    messenger: Messenger | None = None, nlu=None, kb=None, limiter=None,
                    redis: Redis | None = None, urgent_redis: Redis | None = None,
                    lanes: Lanes | None = None) -> App:
    """One committee's app. `redis` (with `urgent_redis`, its 🆘 pool: urgent_client), `nlu`, `kb` and `lanes`
    (urgent work first, few check-ins in flight) may be shared by several committees in one process (the caller then
    closes `redis` and `urgent_redis`)."""
    protect_logs([secrets.telegram_token, secrets.webhook_secret, secrets.rasa_token,
                  urlsplit(secrets.redis_url or "").password])
    embedded, shared = None, redis is not None
    if not shared:
        embedded, redis = await connect_redis(settings, secrets)
    clock = clock or Clock(settings.timezone)
    replicas = settings.redis.wait_replicas
    if replicas is None:
        replicas = 1 if secrets.sentinels() else 0
    store = Store(redis, settings.redis.prefix, wait_replicas=replicas, wait_ms=settings.redis.replica_wait_ms,
                  lock_seconds=settings.redis.lock_seconds)
    store.urgent_r = urgent_redis or urgent_client(redis)
    if limiter is None and messenger is None:  # a real channel attaches later: keep within Telegram's limits,
        from .ratelimit import Limits
        from .sharedlimit import SharedLimiter  # shared with every process sending for this committee's token
        limiter = SharedLimiter(store, Limits(chat_burst=settings.telegram.chat_burst))
    outbox = Outbox(messenger or _NoMessenger(), store, clock, limiter=limiter, lanes=lanes,
                    urgent_seconds=settings.telegram.urgent_send_seconds)
    svc = Services(settings, store, outbox, clock, catalogue(settings.locale),
                   nlu=nlu if nlu is not None else load_nlu(settings, secrets),
                   kb=kb if kb is not None else load_kb())
    routes = feature_routes(svc)
    engine = Engine(svc, routes)
    svc.outage.attach(engine.handle)  # calls journaled while Redis was away go through the front door when it is back
    await staff_join.refresh(svc)  # staff who joined by phone; those no longer listed lose their rights here
    await store.fill_closes(clock.ts())  # once: each resident's calls closed before her closes were kept
    await svc.reach.start()
    await staff_langs.refresh(svc)  # the language each staff member reads her alerts in
    app = App(settings, secrets, engine, svc, redis, embedded, owns_redis=not shared)
    settle = functools.partial(store.settle_batches, BATCH_SETTLE_SECONDS)  # writes in flight land, then Redis closes
    app.closers.extend([engine.close, *routes.closers, settle, *(() if urgent_redis else (store.urgent_r.aclose,))])
    if secrets.sentinels() and not shared:
        app.closers.append(redis.connection_pool.sentinel_manager.aclose)
    seed = settings.residents.seed_file
    if seed and not await store.residents():
        try:
            report = await register.import_file(store, settings.path(seed))
        except register.RegisterError as e:  # (config.yaml copied without its data/ folder): one line, not a traceback
            await app.close()
            raise ConfigError(f"config error at residents.seed_file: {e.problems[0]}") from None
        log.info("register seeded with %s sample residents", report.added)
    warm_up()
    # the NLU model and knowledge base are long-lived: keep them out of the collector's full passes,
    # which otherwise stop everything for a few hundred milliseconds under load
    gc.collect()
    gc.freeze()
    return app


def feature_routes(svc: Services) -> Routes:
    """Builds each feature into `svc` and merges their tables: which code answers each button, command and timer,
    and who may press it, is in the routes.py named here (a prefix claimed twice stops the start)."""
    from .checkins import Checkins
    from .checkins import routes as checkin_routes
    from .desk import details_url
    from .desk import routes as desk_routes
    from .notices import AgeBands, Notices
    from .notices import routes as notice_routes
    from .residents import routes as resident_routes

    svc.incidents = Incidents(svc)
    svc.outbox.watchers.append(own_chat.watcher(svc))  # her chat refusing us on her open call: staff told to phone
    svc.repeats = Repeats(svc, svc.incidents)
    svc.reach = Reach(svc)
    svc.outage = Outage(svc, Journal(journal_folder(svc.settings)))
    svc.checkins = Checkins(svc)
    svc.notices, svc.agebands = Notices(svc), AgeBands(svc)
    svc.details_url = lambda n: details_url(svc, n)  # "🗂 详情" on every alert packet
    svc.stranger_named = stranger_named  # a stranger's cry naming a resident: her call
    svc.stranger_cry = lambda ev, words: stranger_call.cried(svc, ev, words)  # else a call of their own
    svc.stranger_said = lambda ev, text, recent: stranger_call.said_after(svc, ev, text, recent)
    svc.stranger_linked = lambda uid, person: stranger_call.signed_up(svc, uid, person)
    return Routes.merge(
        incident_routes.routes(svc.incidents, svc.repeats, svc.reach, svc.outage),
        core_routes.routes(svc),
        checkin_routes.routes(svc.checkins),
        notice_routes.routes(svc.notices, svc.agebands),
        resident_routes.routes(),
        desk_routes.routes(),
    )
