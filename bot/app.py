"""The composition root: reads config once, wires Redis, store, NLU, knowledge base, engine, scheduler."""
from __future__ import annotations

import gc
import logging
from dataclasses import dataclass, field

from redis.asyncio import BlockingConnectionPool, Redis

from . import register
from .clock import Clock
from .config import Secrets, Settings
from .engine import Engine
from .i18n import Catalogue
from .outbox import Messenger, Outbox
from .redis_server import EmbeddedRedis
from .services import Services
from .store import Store

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
    scheduler: object | None = None
    closers: list = field(default_factory=list)

    def attach(self, messenger: Messenger) -> None:
        self.svc.outbox.messenger = messenger

    async def start_console(self):
        """The staff web console beside the bot, when `console.enabled` (see bot/desk)."""
        from .desk import start_console

        return await start_console(self)

    def start_scheduler(self, tick_seconds: float = 1.0) -> None:
        from scheduler import make_scheduler

        self.scheduler = make_scheduler(self.engine, tick_seconds, self.settings.timezone)
        self.scheduler.start()

    async def close(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        for closer in self.closers:
            await closer()
        await self.redis.aclose()
        if self.embedded:
            self.embedded.stop()


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


def load_kb():
    try:
        from nlu.qa import KnowledgeBase
    except ImportError:
        return None
    return KnowledgeBase()


async def build_app(settings: Settings, secrets: Secrets, *, clock: Clock | None = None,
                    messenger: Messenger | None = None, nlu=None, kb=None, limiter=None) -> App:
    embedded = None
    url = secrets.redis_url
    if not url:
        embedded = await EmbeddedRedis(settings.path(settings.redis.data_dir)).astart()
        url = embedded.url
    # a blocking pool: a burst waits for a connection instead of failing (a plain pool raises past its size)
    redis = Redis(connection_pool=BlockingConnectionPool.from_url(url, max_connections=64, timeout=20))
    clock = clock or Clock(settings.timezone)
    store = Store(redis, settings.redis.prefix)
    if limiter is None and messenger is None:  # a real channel attaches later: keep within Telegram's limits
        from .ratelimit import TelegramLimiter
        limiter = TelegramLimiter()
    outbox = Outbox(messenger or _NoMessenger(), store, clock, limiter=limiter)
    svc = Services(settings, store, outbox, clock, Catalogue(settings.locale),
                   nlu=nlu if nlu is not None else load_nlu(settings, secrets),
                   kb=kb if kb is not None else load_kb())
    engine = Engine(svc)
    _enable_checkins(engine)
    _enable_desk(engine)
    app = App(settings, secrets, engine, svc, redis, embedded)
    app.closers.extend(svc.extra.get("closers", []))
    seed = settings.residents.seed_file
    if seed and not await store.residents():
        report = await register.import_file(store, settings.path(seed))
        log.info("register seeded with %s sample residents", report.added)
    # the NLU model and knowledge base are long-lived: keep them out of the collector's full passes,
    # which otherwise stop everything for a few hundred milliseconds under load
    gc.collect()
    gc.freeze()
    return app


def _enable_desk(engine: Engine) -> None:
    from .desk import install

    install(engine)


def _enable_checkins(engine: Engine) -> None:
    try:
        from scheduler.checkins import install
    except ImportError:
        return
    install(engine)
