"""`python -m bot.testing.pace_driver --workers 3 --api URL --token T --redis URL --prefix P`: worker processes
sending for one committee, for the tests and the benchmark of Telegram's limits shared across processes.

The modules are imported once, then each worker is forked: a separate OS process with its own event loop,
app (`build_app`, with the limiter it installs), Redis connections and real aiogram client, sharing only Redis
with the others. Once all are built it prints `{"ready": true}`, then takes one JSON command a line on stdin
and answers one JSON line on stdout:

  {"op": "send", "each": [work or null, ...]}   each worker's work, all at once -> a list of their answers
      work: {"chats": [ids], "alert": {"chat": id, "after": seconds}}: every chat one check-in, all at once,
      and a staff alert (optional) `after` seconds into it -> {"ok", "failed", "retried", "alert_wait",
      "alert_limiter" (of which in the limiter), "cpu", "round_trips"}
  {"op": "quit"}

`--per-chat` and `--chat-burst` set a chat's limits (the test server allows one a second, no burst), `--margin`
the overall slots' margin; `--limiter local` sends under the in-process `TelegramLimiter` instead (as before
limits were shared).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path

from bot.app import build_app
from bot.config import Secrets, load_settings
from bot.handlers.aiogram_adapter import AiogramMessenger, make_bot
from bot.ratelimit import Limits, TelegramLimiter
from bot.types import Outbound

ROOT = Path(__file__).resolve().parents[2]


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--api", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--redis", required=True)
    p.add_argument("--prefix", required=True)
    p.add_argument("--per-chat", type=float, default=0.9)
    p.add_argument("--chat-burst", type=int, default=1)
    p.add_argument("--margin", type=float, default=Limits.margin)
    p.add_argument("--limiter", choices=("shared", "local"), default="shared")
    return p.parse_args(argv)


def tuned(app, args: argparse.Namespace):
    """The limiter build_app installed, with the chat limits asked for."""
    limits = Limits(per_chat_per_second=args.per_chat, chat_burst=args.chat_burst, margin=args.margin)
    if args.limiter == "local":
        return TelegramLimiter(limits)
    installed = app.svc.outbox.limiter
    return type(installed)(app.svc.store, limits)


async def send(app, cmd: dict) -> dict:
    outbox, retried = app.svc.outbox, []
    outbox.watchers.append(lambda msg, result, final: result.retry_after and retried.append(msg.chat_id))
    cpu = time.process_time()
    trips = getattr(outbox.limiter, "round_trips", 0)

    async def alert(chat: int, after: float) -> tuple[float, float]:
        """(seconds until sent, of which waiting for the limiter)"""
        await asyncio.sleep(after)
        start, acquire = time.monotonic(), outbox.limiter.acquire
        waited = []

        async def timed(chat_id, rank, **kw):
            began = time.monotonic()
            await acquire(chat_id, rank, **kw)
            if rank == 0:
                waited.append(time.monotonic() - began)

        outbox.limiter.acquire = timed
        try:
            await outbox.send(Outbound(chat, "🆘🆘 紧急求助 #1", urgent=True, tag="alert:1"))
        finally:
            del outbox.limiter.acquire
        return time.monotonic() - start, sum(waited)

    waits = [alert(**cmd["alert"])] if cmd.get("alert") else []
    checkins = [outbox.send(Outbound(c, "早上好，今天还好吗？")) for c in cmd["chats"]]
    results = await asyncio.gather(*checkins, *waits)
    sends = results[:len(cmd["chats"])]
    outbox.watchers.clear()
    alert_wait, alert_limiter = results[-1] if waits else (None, None)
    return {"ok": sum(r.ok for r in sends), "failed": sum(not r.ok for r in sends), "retried": len(retried),
            "alert_wait": alert_wait, "alert_limiter": alert_limiter, "cpu": time.process_time() - cpu,
            "round_trips": getattr(outbox.limiter, "round_trips", 0) - trips}


async def serve(args: argparse.Namespace, conn) -> None:
    s = load_settings(ROOT / "config.yaml")
    s = s.model_copy(update={"redis": s.redis.model_copy(update={"prefix": args.prefix}),
                             "residents": s.residents.model_copy(update={"seed_file": None})})
    app = await build_app(s, Secrets(redis_url=args.redis), nlu=False, kb=False)
    bot = make_bot(args.token, args.api)
    app.attach(AiogramMessenger(bot))
    app.svc.outbox.limiter = tuned(app, args)
    loop = asyncio.get_running_loop()
    conn.send({"ready": True})
    try:
        while (cmd := await loop.run_in_executor(None, conn.recv)) is not None:
            conn.send(await send(app, cmd))
    except EOFError:  # the driver is gone
        pass
    finally:
        await bot.session.close()
        await app.close()


def worker(args: argparse.Namespace, conn) -> None:
    # let go of the driver's stdout: whoever reads it sees it close when the driver ends, not when the last
    # worker does (asyncio on Python 3.11 waits for every pipe to close before `wait()` returns)
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    asyncio.run(serve(args, conn))


def main(args: argparse.Namespace) -> None:
    fork = multiprocessing.get_context("fork")
    pipes, procs = [], []
    for _ in range(args.workers):
        ours, theirs = fork.Pipe()
        procs.append(fork.Process(target=worker, args=(args, theirs)))
        procs[-1].start()
        pipes.append(ours)
    ready = all(p.recv()["ready"] for p in pipes)
    print(json.dumps({"ready": ready}), flush=True)
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["op"] == "quit":
            break
        for p, work in zip(pipes, cmd["each"]):
            if work:
                p.send(work)
        print(json.dumps([p.recv() if work else None for p, work in zip(pipes, cmd["each"])]), flush=True)
    for p in pipes:
        p.send(None)
    for proc in procs:
        proc.join(10)


if __name__ == "__main__":
    main(parse(sys.argv[1:]))
