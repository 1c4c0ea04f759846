"""Each Telegram update handled once, however often it is delivered.

Telegram delivers an update again when it was not confirmed: a poller that fetched it and died before its next
getUpdates (the lease then moves, and the next poller gets it too), a webhook answer lost on the way. Both
adapters pass every update through `handle_once`: the first delivery marks it "handling" in Redis (SET NX) and
handles it; a later one finds it "done" and is dropped. One that finds it still "handling" waits: if the first
handler dies, its mark lapses after HANDLING_SECONDS and the waiting delivery handles it — a 🆘 fetched by a
process that was killed the next instant is not lost.

A resident's 🆘 in a private chat (`fold`) is marked by the round trip that stores its incident (store/emergency.py),
not one before it: its alert leaves a round trip sooner. A delivery that finds the mark taken stores nothing and
handles nothing (the engine returns at once), and waits or drops as any other delivery would.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from redis.exceptions import RedisError

from .lanes import Lanes
from .store import UpdateMark, folded_mark

log = logging.getLogger(__name__)
HANDLING_SECONDS = 20  # longer than handling an update takes; a killed handler's update waits this long at most
KEEP_SECONDS = 3600  # redeliveries come within seconds (a lease moving) or minutes (webhook retries)
WAIT_SECONDS = 0.25  # between looks at an update another handler is at
URGENT_MARK_SECONDS = 1.0  # a 🆘's hold on the process's other work while its update is marked, at most


def bot_id(token: str) -> str:
    """The bot's numeric id, the token's public part (before the colon): updates are numbered per bot."""
    return token.split(":", 1)[0]


async def handle_once(store, bot: str, update_id: int, handle: Callable[[], Awaitable[Any]], *,
                      urgent: Lanes | None = None, fold: bool = False) -> Any:
    """`handle()`'s result, or None when update `update_id` of `bot` was handled already. `urgent`: the process's
    lanes, for a 🆘 (telegram_common.cry_lanes): other work steps aside from its arrival, while its mark goes to
    Redis and back (the engine's fast lane holds them from there on). `fold`: the mark goes with the 🆘's incident
    (see above)."""
    if fold:
        mark = UpdateMark(bot, update_id, HANDLING_SECONDS * 1000)
        token = folded_mark.set(mark)
        try:
            result = await _handled(store, bot, update_id, handle, mark)
        finally:
            folded_mark.reset(token)
        if mark.state in ("", "new"):  # this delivery's (or never taken: handled, as with Redis away)
            return result
    loop = asyncio.get_running_loop()
    give_up = loop.time() + HANDLING_SECONDS + 5
    leave = urgent.hold(URGENT_MARK_SECONDS) if urgent is not None else None
    try:
        while True:
            try:
                state = await store.begin_update(bot, update_id, HANDLING_SECONDS * 1000)
            except (RedisError, OSError):
                state = "new"  # Redis away: handled rather than lost (the engine answers kindly without Redis)
            if state == "done":
                log.info("update %s delivered again: handled already", update_id)
                return None
            if state == "new" or loop.time() >= give_up:
                break
            await asyncio.sleep(WAIT_SECONDS)
    finally:
        if leave is not None:  # handle() below takes the lane in this same turn, before anyone else can start
            leave()
    return await _handled(store, bot, update_id, handle)


async def _handled(store, bot: str, update_id: int, handle: Callable[[], Awaitable[Any]],
                   mark: UpdateMark | None = None) -> Any:
    """`handle()`, then the update marked done, unless its folded `mark` found it another delivery's."""
    try:
        result = await handle()
    except asyncio.CancelledError:
        raise  # cut off (shutdown): its mark lapses, and a redelivery is handled then
    except Exception:
        if mark is None or mark.state in ("", "new"):
            await _done(store, bot, update_id)
        raise
    if mark is None or mark.state in ("", "new"):
        await _done(store, bot, update_id)
    return result


async def _done(store, bot: str, update_id: int) -> None:
    try:
        await store.finish_update(bot, update_id, KEEP_SECONDS)
    except (RedisError, OSError):
        log.warning("update %s handled but not marked (Redis away): a redelivery would be handled again", update_id)
