"""The processes bench_scale.py starts, each a `Child` on a pipe:

- `worker`: a district worker. It connects Redis once and builds every committee with `build_app(..., redis=shared)`
  (nlu=False, kb=False: check-ins need neither), each with its own token and Bot API server, and one scheduler for
  them all, as in production; worker 0 also polls committee 0 (whose residents press 🆘) and runs a bare aiogram
  echo bot beside it.
  On "go" every committee's clock reaches 09:00 and its check-in drain is kicked, as the scheduler's wake-up job does
  when a step is due; the drains of several workers share out the due residents through their Redis leases.
- `rss_probe`: one process, the NLU model and knowledge base loaded once, 1 committee built, then the rest: RSS.
- `bare_sender`: aiohttp alone, the same number of sendMessage calls to the same kind of server (the CPU baseline),
  on asyncio's own loop, or (cfg "uvloop") on uvloop.
"""
from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing as mp
from contextlib import AsyncExitStack
from datetime import timedelta
from typing import Any

import _hops
import _pace_trace
from _scale_server import checkin_tg

# about a check-in's length, and its five buttons
BARE_TEXT = "居民 早上好！今天身体还好吗？点一下告诉我们吧。"
BARE_MARKUP = {"inline_keyboard": [[{"text": "😊 我很好", "callback_data": "ci:ok"}],
                                   [{"text": "🤒 有点不舒服", "callback_data": "ci:unwell"}],
                                   [{"text": "🆘 需要帮助", "callback_data": "ci:help"}],
                                   [{"text": "🚶 今天外出", "callback_data": "ci:away"},
                                    {"text": "⏰ 换个时间", "callback_data": "ci:time"}]]}


def prefix_of(committee: int, kind: str = "nc") -> str:
    """A committee's key prefix with its Redis Cluster hash tag, as issue 16 has it: nc:{c042}:"""
    return f"{kind}:{{c{committee:03d}}}:"


def committee_settings(committee: int, base_url: str, kind: str = "nc", chat_burst: int = 1):
    from _setup import settings_for

    s = settings_for(prefix_of(committee, kind))
    # chat_burst 1: the test servers allow no burst into a chat unless told (Telegram allows a short one)
    return s.model_copy(update={"telegram": s.telegram.model_copy(update={"api_base_url": base_url,
                                                                           "chat_burst": chat_burst})})


class Child:
    """A spawned process running `target(conn, cfg)`, spoken to over a pipe."""

    def __init__(self, target, cfg: dict) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=target, args=(child, cfg), daemon=True)
        self.proc.start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def recv(self) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, self.conn.recv)

    def send(self, what: Any) -> None:
        self.conn.send(what)

    def stop(self, timeout: float = 20) -> None:
        self.proc.join(timeout)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)


def _quiet() -> None:
    logging.basicConfig(level=logging.CRITICAL)


async def _recv(conn) -> Any:
    return await asyncio.get_running_loop().run_in_executor(None, conn.recv)


# --- a district worker --------------------------------------------------------------------------------------
def worker(conn, cfg: dict) -> None:
    from bot import evloop

    _quiet()
    evloop.run(_worker(conn, cfg))  # uvloop, as `python -m bot` runs (BOT_EVENT_LOOP=asyncio: asyncio's own)


async def _worker(conn, cfg: dict) -> None:
    from _subjects import aiogram_echo
    from bench_checkins import NINE, rss_mb
    from bot.app import build_app, connect_redis, start_scheduler, urgent_client
    from bot.clock import FakeClock
    from bot.config import Secrets
    from bot.handlers.aiogram_adapter import AiogramAdapter, AiogramMessenger, make_bot
    from bot.lanes import Lanes

    clock = FakeClock(NINE - timedelta(minutes=1))  # nothing due yet
    hops = None
    _, redis = await connect_redis(committee_settings(0, ""), Secrets(redis_url=cfg["redis_url"]))
    apps, adapters, bots, messengers = [], [], [], []
    lanes = Lanes()  # as bot.district shares them: a 🆘 first, few check-ins in flight in the whole worker
    urgent = urgent_client(redis)  # and one 🆘 Redis pool for every committee
    async with AsyncExitStack() as stack:
        for c, (base_url, token) in enumerate(cfg["targets"]):
            app = await build_app(committee_settings(c, base_url, chat_burst=cfg["chat_burst"]),
                                  Secrets(redis_url=cfg["redis_url"], telegram_token=token), clock=clock, redis=redis,
                                  nlu=False, kb=False, lanes=lanes, urgent_redis=urgent)
            if cfg["poll"] and c == 0:
                adapters.append(AiogramAdapter(app, token))
                await adapters[-1].start()
                if _hops.ON:
                    hops = _hops.Hops()
                    hops.install(adapters[-1], app)
            else:
                bots.append(make_bot(token, base_url))
                messengers.append(AiogramMessenger(bots[-1]))  # check-ins leave through its json_send
                app.attach(messengers[-1])
            if cfg.get("concurrency"):  # check-ins in flight per committee (Ladder's constructor default: 16)
                app.svc.checkins.ladder.concurrency = cfg["concurrency"]
            apps.append(app)
        start_scheduler(apps)  # one for all its committees, as bot.district starts it
        paced = _pace_trace.install(apps) if _pace_trace.ON else None
        if cfg["poll"]:
            await stack.enter_async_context(aiogram_echo(*cfg["echo"], []))
        gc.collect()
        gc.freeze()
        conn.send(("ready", rss_mb(), type(asyncio.get_running_loop()).__module__))
        await _recv(conn)  # go
        profile, rebooked = None, 0
        if cfg.get("profile"):
            import cProfile
            import time
            profile = cProfile.Profile(time.process_time)  # CPU time: a loaded machine's waits are not the bot's
            profile.enable()
        clock.set(NINE)
        for app in apps:  # the scheduler's job does the same within a second
            await app.svc.checkins.kick()
        notes = asyncio.ensure_future(_staff_notes(apps[0], cfg["staff_notes"])) if cfg["poll"] else None
        await _recv(conn)  # stop
        if notes:
            notes.cancel()
        rebooked = sum(getattr(app.svc.outbox.limiter, "rebooked", 0) for app in apps)  # sends past their slot
        if profile:
            profile.disable()
            profile.dump_stats(cfg["profile"])
        for adapter in adapters:
            await adapter.stop()
        apps[0].scheduler.shutdown(wait=False)  # once: every app holds it, as in bot.district
        for app in apps:
            app.scheduler = None
            await app.close()
        for messenger in messengers:
            await messenger.close()
        for bot in bots:
            await bot.session.close()
    await urgent.aclose()
    await redis.aclose()
    conn.send(("done", hops.result() if hops else None, rebooked, paced))


async def _staff_notes(app, every: float) -> None:
    """`--staff-notes`: every `every` s, three messages that are not urgent (like three missed check-ins' alerts) to
    each staff chat of committee 0, while its residents press 🆘."""
    from bot.types import Outbound

    while every:
        await asyncio.sleep(every)
        await asyncio.gather(*(app.svc.outbox.send(Outbound(st.telegram_id, f"⏰ 签到未回复 {i}", tag="note"))
                               for st in app.settings.staff for i in range(3)))


# --- RSS per committee ------------------------------------------------------------------------------------
def rss_probe(conn, cfg: dict) -> None:
    _quiet()
    asyncio.run(_rss_probe(conn, cfg))


async def _rss_probe(conn, cfg: dict) -> None:
    from bench_checkins import NINE, rss_mb
    from bot.app import build_app, connect_redis, load_kb, load_nlu
    from bot.clock import FakeClock
    from bot.config import Secrets
    from bot.handlers.aiogram_adapter import AiogramAdapter

    targets, clock = cfg["targets"], FakeClock(NINE - timedelta(hours=1))
    secrets = Secrets(redis_url=cfg["redis_url"])
    nlu, kb = load_nlu(committee_settings(0, "", "rss"), secrets), load_kb()
    _, redis = await connect_redis(committee_settings(0, ""), secrets)
    gc.collect()
    shared, apps, adapters = rss_mb(), [], []
    for c, (base_url, token) in enumerate(targets):
        app = await build_app(committee_settings(c, base_url, "rss"), Secrets(redis_url=cfg["redis_url"],
                              telegram_token=token), clock=clock, redis=redis, nlu=nlu, kb=kb)
        adapters.append(AiogramAdapter(app, token))  # its Bot, session and dispatcher; not polling
        app.start_scheduler()
        apps.append(app)
        if c == 0:
            await asyncio.sleep(1.5)  # its scheduler's first ticks have run
            gc.collect()
            one = rss_mb()
    await asyncio.sleep(1.5)
    gc.collect()
    many = rss_mb()
    for app, adapter in zip(apps, adapters):
        await app.close()
        await adapter.bot.session.close()
    await redis.aclose()
    conn.send((shared, one, many, len(apps)))


# --- the bare sender --------------------------------------------------------------------------------------
def bare_sender(conn, cfg: dict) -> None:
    if cfg.get("uvloop"):  # the same sender on uvloop, as the workers run by default
        import uvloop
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(_bare_sender(conn, cfg))
    asyncio.run(_bare_sender(conn, cfg))


async def _bare_sender(conn, cfg: dict) -> None:
    """aiohttp posting JSON and reading the answer; or (cfg["aiogram"]) aiogram's Bot.send_message, as the bot sends."""
    import aiohttp

    if cfg.get("aiogram"):
        from aiogram.types import InlineKeyboardMarkup

        from bot.handlers.aiogram_adapter import make_bot
        bots = [make_bot(token, base_url) for base_url, token in cfg["targets"]]
        markup = InlineKeyboardMarkup.model_validate(BARE_MARKUP)
    else:
        sessions = [aiohttp.ClientSession() for _ in cfg["targets"]]
    failed = 0

    async def one_token(c: int, base_url: str, token: str) -> None:
        url, chats = f"{base_url}/bot{token}/sendMessage", iter(range(cfg["per_token"]))

        async def sender() -> None:
            nonlocal failed
            for i in chats:
                if cfg.get("aiogram"):
                    await bots[c].send_message(checkin_tg(c, i), BARE_TEXT, reply_markup=markup)
                    continue
                async with sessions[c].post(url, json={"chat_id": checkin_tg(c, i), "text": BARE_TEXT,
                                                       "reply_markup": BARE_MARKUP}) as r:
                    failed += not (await r.json())["ok"]

        await asyncio.gather(*(sender() for _ in range(cfg["concurrency"])))

    conn.send("ready")
    await _recv(conn)
    await asyncio.gather(*(one_token(c, *t) for c, t in enumerate(cfg["targets"])))
    for closing in ([b.session for b in bots] if cfg.get("aiogram") else sessions):
        await closing.close()
    conn.send(("done", failed))
