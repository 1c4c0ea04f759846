"""Several worker processes on one Redis: the lease of the one process that polls Telegram for a bot, and each
update handled once however often Telegram delivers it (see bot/lease.py and bot/once.py)."""
from __future__ import annotations


from redis.asyncio import Redis

from .base import ScriptBatch, StoreBase

OUTAGE_MESSAGES_SECONDS = 86400  # a call's message of an outage's words is edited this long at most

# Compare-and-set: the holder (ARGV[1]) extends its own lease; anyone else's, or one that has run out, stays as is.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""

# Compare-and-delete: a lease that has since passed to someone else stays theirs.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

# An update is taken by exactly one handler: "new" (this caller handles it, marked "handling" for ARGV[1] ms),
# else what the mark says ("handling": someone is at it now; "done").
_BEGIN_UPDATE = """
if redis.call('SET', KEYS[1], 'handling', 'NX', 'PX', ARGV[1]) then return 'new' end
return redis.call('GET', KEYS[1]) or 'gone'
"""


# A journaled call given back: still "handling" (by the caller, whose replay failed) → forgotten, so it is tried again.
_DROP_REPLAY = """
if redis.call('GET', KEYS[1]) == 'handling' then return redis.call('DEL', KEYS[1]) end
return 0
"""


class LeasesStore(StoreBase):
    def __init__(self, redis: Redis, prefix: str = "nc:", **kw) -> None:  # (StoreBase's keywords)
        super().__init__(redis, prefix, **kw)
        self._begins = ScriptBatch(self, _BEGIN_UPDATE, urgent=True)

    # --- the poller lease: one process polls a bot at a time ---------------------------------------
    async def take_lease(self, bot: str, holder: str, ttl_ms: int) -> bool:
        """True if `holder` now holds the lease (nobody did)."""
        return bool(await self.urgent_r.set(self.keys.poller_lease(bot), holder, nx=True, px=ttl_ms))

    async def renew_lease(self, bot: str, holder: str, ttl_ms: int) -> bool:
        """True if `holder` still held the lease and now holds it `ttl_ms` longer."""
        return bool(await self.script(_RENEW)(keys=[self.keys.poller_lease(bot)], args=[holder, ttl_ms],
                                              client=self.urgent_r))

    async def release_lease(self, bot: str, holder: str) -> bool:
        return bool(await self.script(_RELEASE)(keys=[self.keys.poller_lease(bot)], args=[holder],
                                                client=self.urgent_r))

    async def lease_holder(self, bot: str) -> str | None:
        v = await self.r.get(self.keys.poller_lease(bot))
        return v.decode() if v else None

    # --- each update once ----------------------------------------------------------------------------
    async def begin_update(self, bot: str, update_id: int, handling_ms: int) -> str:
        """"new" (the caller handles it), "handling" (another handler is at it) or "done". Updates that arrive
        together (one getUpdates answer) share one round trip, so they still reach the engine in one turn of the
        loop: calls for help of one moment then leave as one alert round."""
        got = await self._begins.call([self.keys.update_seen(bot, update_id)], [handling_ms])
        return got.decode() if isinstance(got, bytes) else str(got)

    async def finish_update(self, bot: str, update_id: int, keep_seconds: int) -> None:
        """Handled: a later delivery of it is dropped for `keep_seconds`."""
        await self.r.set(self.keys.update_seen(bot, update_id), "done", ex=keep_seconds)

    # --- calls journaled while Redis was away (bot/incidents/outage.py): each replayed once ------------------
    async def begin_replay(self, entry: str, handling_ms: int) -> str:
        """"new" (the caller replays it, marked "handling" for `handling_ms`), "handling" or "done"."""
        got = await self.script(_BEGIN_UPDATE)(keys=[self.keys.outage_entry(entry)], args=[handling_ms])
        return got.decode() if isinstance(got, bytes) else str(got)

    async def finish_replay(self, entry: str, keep_seconds: int) -> None:
        await self.r.set(self.keys.outage_entry(entry), "done", ex=keep_seconds)

    async def drop_replay(self, entry: str) -> None:
        await self.script(_DROP_REPLAY)(keys=[self.keys.outage_entry(entry)], args=[])

    async def take_caller(self, caller: int, holder: str, ttl_ms: int) -> bool:
        """True if `holder` now replays this caller's journaled calls (no other process does)."""
        return bool(await self.r.set(self.keys.outage_caller(caller), holder, nx=True, px=ttl_ms))

    async def release_caller(self, caller: int, holder: str) -> None:
        await self.script(_RELEASE)(keys=[self.keys.outage_caller(caller)], args=[holder])

    async def claim_recovered(self, caller: int, since: str, keep_seconds: int) -> bool:
        """True once per caller and outage (`since`: when their first call journaled in it came): tell them now."""
        return bool(await self.r.set(self.keys.outage_told(caller, since), "1", nx=True, ex=keep_seconds))

    async def claim_outage_message(self, n: int, sent: float, chat: int) -> bool:
        """True once per call, outage (`sent`: when its record began) and staff chat: this process sends the chat its
        message of the outage's words; another finds it taken and edits it once its id is kept."""
        key = self.keys.outage_messages(n, sent)
        async with self.r.pipeline(transaction=True) as p:
            p.hsetnx(key, str(chat), "0")
            p.expire(key, OUTAGE_MESSAGES_SECONDS)
            took, _ = await p.execute()
        return bool(took)

    async def keep_outage_message(self, n: int, sent: float, chat: int, message_id: int | None) -> None:
        """The message's id, to edit; None: it did not go, the chat is given back."""
        key = self.keys.outage_messages(n, sent)
        await (self.r.hset(key, str(chat), message_id) if message_id else self.r.hdel(key, str(chat)))

    async def outage_messages(self, n: int, sent: float) -> dict[str, int]:
        """Each staff chat's message of the outage's words on call `n` (0: still on its way)."""
        raw = await self.r.hgetall(self.keys.outage_messages(n, sent))
        return {k.decode(): int(v) for k, v in raw.items()}
