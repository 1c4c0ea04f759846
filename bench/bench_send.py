"""CPU per sendMessage of a check-in: bare aiohttp, each library's path, and the adapters' plain JSON path.

    .venv/bin/python bench/bench_send.py [--calls 3000] [--rounds 3] [--concurrency 16]

The Bot API test server (limits off) runs in a process of its own, so its work — Telegram's, in real life — is not
charged to the senders. This process then sends the same check-in (text and five buttons) to `--calls` residents
with each sender in turn, `--rounds` times interleaved, `--concurrency` calls in flight, and reports its own CPU
(process time) per call, the median of the rounds:

- `bare aiohttp`: one ClientSession posting the JSON and decoding the answer (the floor; bench_scale.py's bare sender);
- `<library> library`: the adapter's messenger delivering the check-in as a reply (`put()` and the library's
  objects both ways), which is what every check-in cost before;
- `<library> json_send`: the same messenger delivering it as the check-in it is (`Outbound.plain_bulk`).
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import multiprocessing as mp
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.types import Button, Outbound  # noqa: E402

FIRST_CHAT = 100_000
CHECKIN = Outbound(0, "张阿姨，早上好！今天身体好吗？点一下告诉我们吧。", tag="checkin:r1", buttons=(
    (Button("😊 我很好", "ci:ok"),), (Button("🤒 不太舒服", "ci:unwell"),), (Button("🆘 需要帮助", "ci:help"),),
    (Button("⏸ 我要出门几天", "ci:away"), Button("⏰ 改问候时间", "ci:time"))))


def serve(conn, residents: int) -> None:
    asyncio.run(_serve(conn, residents))


async def _serve(conn, residents: int) -> None:
    from bot.testing.botapi_server import BotAPIServer

    async with BotAPIServer() as api:
        for uid in range(FIRST_CHAT, FIRST_CHAT + residents):
            api.user(uid, "居民")
        conn.send((api.base_url, api.token))
        loop = asyncio.get_running_loop()
        while await loop.run_in_executor(None, conn.recv) != "stop":
            api.calls.clear()  # the server keeps every call for tests; nobody reads them here
            api._sent.clear()
            conn.send("cleared")


def senders(base_url: str, token: str):
    """(name, async send(chat_id) -> ok, close) for each way of sending."""
    import aiohttp

    from bot.handlers.aiogram_adapter import AiogramMessenger, make_bot
    from bot.handlers.json_send import reply_markup
    from bot.handlers.ptb_adapter import PTBMessenger, make_application

    session, url = aiohttp.ClientSession(), f"{base_url}/bot{token}/sendMessage"
    markup = reply_markup(CHECKIN)  # built once: the floor

    async def bare(chat: int) -> bool:
        async with session.post(url, json={"chat_id": chat, "text": CHECKIN.text, "reply_markup": markup}) as r:
            return (await r.json())["ok"]

    bot, application = make_bot(token, base_url), make_application(token, base_url)
    aiogram, ptb = AiogramMessenger(bot), PTBMessenger(application.bot)

    def via(messenger, msg: Outbound):
        async def send(chat: int) -> bool:
            return (await messenger.deliver(replace(msg, chat_id=chat))).ok
        return send

    async def close() -> None:
        await session.close()
        await aiogram.close()
        await ptb.close()
        await bot.session.close()
        await application.shutdown()

    reply = replace(CHECKIN, tag="")  # the same message, not a check-in: through the library
    return [("bare aiohttp", bare), ("aiogram library", via(aiogram, reply)), ("aiogram json_send", via(aiogram, CHECKIN)),
            ("ptb library", via(ptb, reply)), ("ptb json_send", via(ptb, CHECKIN))], close


async def cpu_per_call(send, calls: int, concurrency: int) -> tuple[float, int]:
    chats, failed = iter(range(FIRST_CHAT, FIRST_CHAT + calls)), 0

    async def worker() -> None:
        nonlocal failed
        for chat in chats:
            failed += not await send(chat)

    gc.collect()
    start = time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return (time.process_time() - start) / calls * 1e6, failed


async def main(args) -> None:
    parent, child = mp.get_context("spawn").Pipe()
    server = mp.get_context("spawn").Process(target=serve, args=(child, args.calls), daemon=True)
    server.start()
    loop = asyncio.get_running_loop()
    try:
        base_url, token = await loop.run_in_executor(None, parent.recv)
        ways, close = senders(base_url, token)
        for _, send in ways:  # warm up: connections, pydantic's classes, the library's first-call work
            await cpu_per_call(send, 50, 4)
        figures: dict[str, list[float]] = {name: [] for name, _ in ways}
        for _ in range(args.rounds):
            for name, send in ways:
                parent.send("clear")
                await loop.run_in_executor(None, parent.recv)
                us, failed = await cpu_per_call(send, args.calls, args.concurrency)
                assert failed == 0, (name, failed)
                figures[name].append(us)
        await close()
    finally:
        parent.send("stop")
        server.join(10)
    bare = statistics.median(figures["bare aiohttp"])
    print(f"{args.calls} check-ins per sender and round, {args.rounds} rounds, {args.concurrency} in flight; "
          "CPU of the sending process per call (median of the rounds)")
    print(f"{'sender':<20}{'µs/call':>9}{'× bare':>8}   rounds")
    for name, values in figures.items():
        med = statistics.median(values)
        print(f"{name:<20}{med:>9.0f}{med / bare:>8.2f}   {' '.join(f'{v:.0f}' for v in values)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=16)
    asyncio.run(main(parser.parse_args()))
