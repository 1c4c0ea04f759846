"""What the benchmark measures: the neighbourhood-care bot behind either adapter, and the bare echo bots
that serve as the baseline. Each is an async context manager that starts the bot against a running
server (base URL and token) and yields a Subject telling the server which sendMessage to time.
"""
from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from _harness import FIRST_RESIDENT_TG, AlertFor, ReplyTo, ReplyToOneOf, Subject

ROOT = Path(__file__).resolve().parent.parent
SOS = "🆘 紧急求助"  # the resident menu's button; a reply-keyboard press arrives as this text
ALERT_TITLE = "紧急求助 #"
DIGEST_HEADING = "位居民紧急求助"  # calls that arrived together: one message listing them (bot/incidents/packet.py)
ADDRESS_QUESTION = "请确认您现在的地址"  # the bot's last reply to a 🆘: it has finished with the update
TYPED = "救命 我摔倒了起不来"  # every second resident types this instead: the same fast lane (issue 11)
TYPED_EVERY = 2
NEED_QUESTION = "需要马上有人来吗"  # the bot's last reply to a typed cry
FAILURE = "系统暂时出了点问题"  # Engine.fallback's reply: the update could not be handled


@dataclass
class Run:
    """A started subject: what the server needs to know, and the bot-side hooks the harness may call."""

    subject: Subject
    throttled: bool = False  # its own outbound limiter paces the burst (one burst only, capped in time)
    before_trial: Callable[[], Awaitable[None]] | None = None  # makes each single trial an isolated request
    redis_commands: Callable[[], int] | None = None  # commands the Redis server has run so far


class AdapterMissing(Exception):
    """The adapter for a library is not in the repository (yet)."""


def adapter_class(library: str):
    if library == "python-telegram-bot":
        try:
            from bot.handlers.ptb_adapter import PTBAdapter
        except ImportError as e:
            raise AdapterMissing(f"bot/handlers/ptb_adapter.py could not be imported ({e})") from None
        return PTBAdapter
    from bot.handlers.aiogram_adapter import AiogramAdapter

    return AiogramAdapter


def residents(count: int) -> list[tuple[int, str]]:
    return [(FIRST_RESIDENT_TG + i, f"居民{i:03d}") for i in range(count)]


def staff_users() -> list[tuple[int, str]]:
    from bot.config import load_settings

    return [(st.telegram_id, st.name) for st in load_settings(ROOT / "config.yaml").staff]


# --- baselines --------------------------------------------------------------------------------------
ECHO = dict(text=SOS, matcher=ReplyTo(), finisher=ReplyTo(), typed=TYPED, typed_every=TYPED_EVERY)


@asynccontextmanager
async def aiogram_echo(base_url: str, token: str, users: list[tuple[int, str]]):
    from aiogram import Bot, Dispatcher, Router
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import Message

    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(base_url)))
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    dp = Dispatcher()
    dp.include_router(router)
    await bot.delete_webhook()
    task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=10))
    try:
        yield Run(Subject("aiogram echo", **ECHO))
    finally:
        await dp.stop_polling()
        await asyncio.gather(task, return_exceptions=True)
        await bot.session.close()


@asynccontextmanager
async def ptb_echo(base_url: str, token: str, users: list[tuple[int, str]]):
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    # concurrent updates: a bot serving many people must not handle them one after another
    app = Application.builder().token(token).base_url(f"{base_url}/bot").concurrent_updates(True).build()

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(update.effective_message.text or "")

    app.add_handler(MessageHandler(filters.TEXT, echo))
    await app.initialize()
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=10)
    try:
        yield Run(Subject("PTB echo", **ECHO))
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


# --- the bot itself ------------------------------------------------------------------------------------
async def seed_residents(store, users: list[tuple[int, str]]) -> dict[str, int]:
    """Signed-up residents (register row linked to their Telegram account), as after onboarding.
    Returns phone -> Telegram id."""
    ids = await store.next_resident_ids(len(users))
    phones = {}
    for i, ((tg, name), rid) in enumerate(zip(users, ids)):
        phone = f"137{i:08d}"
        phones[phone] = tg
        await store.save_resident({
            "id": rid, "name": name, "phone": phone, "tg_id": tg,
            "road": "建新路", "lane": str(20 + i % 10), "building": str(1 + i % 12), "room": str(101 + i % 600),
            "lives_alone": i % 3 != 0, "birth_date": f"{1930 + i % 20}-0{1 + i % 9}-1{i % 10}",
            "contacts": [{"name": f"家属{i:03d}", "relation": "女儿", "phone": f"158{i:08d}"}],
            "doctor": {"name": "赵医生", "phone": "13922220001"}, "notes": "高血压，耳背",
        })
        await store.set_pref(tg, "locale", "zh")  # set at sign-up in real life
    return phones


async def use_blocking_pool(app, redis_url: str, size: int) -> None:
    """redis-py 8's default pool raises MaxConnectionsError past 100 connections in use; a blocking pool
    makes the next command wait for a free one instead. Store, locks and scripts all use this one client."""
    from redis.asyncio import BlockingConnectionPool

    old = app.redis.connection_pool
    app.redis.connection_pool = BlockingConnectionPool.from_url(redis_url, max_connections=size, timeout=10)
    await old.disconnect()


def redis_counter(redis_url: str) -> Callable[[], int]:
    import redis

    def total() -> int:
        with redis.Redis.from_url(redis_url) as r:
            return sum(v["calls"] for v in r.info("commandstats").values())

    return total


@asynccontextmanager
async def neighbour_bot(base_url: str, token: str, users: list[tuple[int, str]], *, library: str,
                        redis_url: str, nlu, kb, unthrottled: bool = False, pool: int = 100):
    """As built; or `unthrottled`: no outbound limiter and a blocking Redis pool, i.e. the bot's own work only."""
    from bot.app import build_app
    from bot.config import Secrets, load_settings

    adapter_cls = adapter_class(library)
    settings = load_settings(ROOT / "config.yaml")
    settings = settings.model_copy(update={
        "telegram": settings.telegram.model_copy(update={"api_base_url": base_url, "library": library}),
        "redis": settings.redis.model_copy(update={"prefix": f"bench{uuid.uuid4().hex[:6]}:"})})
    app = await build_app(settings, Secrets(redis_url=redis_url), nlu=nlu, kb=kb)
    outbox = app.svc.outbox
    name = f"bot · {library}"
    if unthrottled:
        name += ", unthrottled"
        outbox.limiter = None
        await use_blocking_pool(app, redis_url, pool)
    phones = await seed_residents(app.svc.store, users)
    staff = frozenset(st.telegram_id for st in settings.staff)
    alert = AlertFor(staff, ALERT_TITLE, phones)
    packet = AlertFor(staff, ALERT_TITLE, phones, exclude=DIGEST_HEADING)

    async def fresh_limiter() -> None:  # as if the staff chat's last message were long ago
        limiter = outbox.limiter
        if limiter is None:
            return
        if hasattr(limiter, "store"):  # the limits shared through Redis: the staff chats' pace there is forgotten too
            keys = limiter.store.keys
            await limiter.store.r.delete(*(k for uid in staff for k in (keys.pace_chat(uid), keys.pace_grants(uid))))
            outbox.limiter = type(limiter)(limiter.store, limiter.limits)
        else:
            outbox.limiter = type(limiter)(limiter.limits)

    adapter = adapter_cls(app, token)
    await adapter.start()
    app.start_scheduler()  # as in production: the 1 s deadline tick runs alongside
    ours = asyncio.all_tasks()
    try:
        yield Run(Subject(name, SOS, matcher=alert, finisher=ReplyToOneOf((ADDRESS_QUESTION, NEED_QUESTION)),
                          failure=FAILURE, detail=packet, typed=TYPED, typed_every=TYPED_EVERY),
                  throttled=outbox.limiter is not None, before_trial=fresh_limiter,
                  redis_commands=redis_counter(redis_url))
    finally:
        # handlers still queued in the limiter would otherwise run on into the next measurement
        left = [t for t in asyncio.all_tasks() - ours if t is not asyncio.current_task()]
        for task in left:
            task.cancel()
        await asyncio.gather(*left, return_exceptions=True)
        await adapter.stop()
        await app.close()
