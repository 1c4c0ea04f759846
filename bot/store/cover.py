"""A staff member on duty who cannot do it asked her colleagues to take it over (bot/incidents/shift_handoff.py): each
ask, its messages, and who took it. Exactly one taker: the first tap (or a duty taken from /duty meanwhile) closes
it, and a later tap learns who has it."""
from __future__ import annotations

from .base import StoreBase, dumps, loads

ASK_DAYS = 2  # an ask nobody will tap again is gone after this

# Closes ask KEYS[1] for taker ARGV[1] and takes it off KEYS[2] (her open ask): "" when this call took it, the
# taker's id when someone did first, "?" when no such ask is kept.
_TAKE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return '?' end
local by = redis.call('HGET', KEYS[1], 'taken_by')
if by then return by end
redis.call('HSET', KEYS[1], 'taken_by', ARGV[1])
local asker = redis.call('HGET', KEYS[1], 'asker')
if redis.call('HGET', KEYS[2], asker) == ARGV[2] then redis.call('HDEL', KEYS[2], asker) end
return ''
"""


class CoverStore(StoreBase):
    async def open_cover(self, asker: str) -> int:
        """A new ask of `asker`'s (her earlier one, if still open, is forgotten as hers: this one is the ask)."""
        rid = int(await self.r.incr(self.keys.cover_seq()))
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.keys.cover(rid), mapping={"asker": asker, "messages": dumps([])})
            p.expire(self.keys.cover(rid), ASK_DAYS * 86400)
            p.hset(self.keys.covers_open(), asker, rid)
            await p.execute()
        return rid

    async def cover_sent(self, rid: int, messages: list[tuple[int, int]]) -> None:
        await self.r.hset(self.keys.cover(rid), "messages", dumps(messages))

    async def open_cover_of(self, asker: str) -> int | None:
        v = await self.r.hget(self.keys.covers_open(), asker)
        return int(v) if v else None

    async def take_cover(self, rid: int, taker: str) -> str | None:
        """None: `taker` took ask `rid` now; else who took it first ("?": an ask not kept, or never made)."""
        got = await self.script(_TAKE)(keys=[self.keys.cover(rid), self.keys.covers_open()], args=[taker, rid])
        got = got.decode() if isinstance(got, bytes) else got
        return got or None

    async def cover(self, rid: int) -> dict:
        """The ask's asker, messages ([chat, message id], each colleague's) and taker."""
        raw = {k.decode(): v.decode() for k, v in (await self.r.hgetall(self.keys.cover(rid))).items()}
        return {**raw, "messages": loads(raw.get("messages")) or []}

    async def take_duty(self, taker: str, until: float, replaced: list[str] | None = None) -> None:
        """`taker` on duty until `until` INSTEAD of `replaced` (None: of everyone who had taken it over) — a duty
        taken is never one more phone beside the one on leave. The roster's own staff need nothing: any duty taken
        over comes before the roster (roster.on_duty)."""
        key = self.keys.duty_overrides()
        async with self.r.pipeline(transaction=True) as p:
            if replaced is None:
                p.delete(key)
            elif others := [sid for sid in replaced if sid != taker]:
                p.hdel(key, *others)
            p.hset(key, taker, until)
            await p.execute()
