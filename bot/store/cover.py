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

# `taker` (ARGV[1]) on duty until ARGV[2] instead of ARGV[5..], each marked ARGV[3] ("leave:" / "off:") until then;
# ARGV[4] "1": taken from /duty, so whoever had taken it over before is no longer on duty (the marks stay).
_TAKE_DUTY = """
if ARGV[4] == '1' then
  for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
    if not string.find(f, ':', 1, true) then redis.call('HDEL', KEYS[1], f) end
  end
end
for i = 5, #ARGV do
  if ARGV[i] ~= ARGV[1] then
    redis.call('HDEL', KEYS[1], ARGV[i])
    redis.call('HSET', KEYS[1], ARGV[3] .. ARGV[i], ARGV[2])
  end
end
redis.call('HDEL', KEYS[1], 'leave:' .. ARGV[1], 'off:' .. ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
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

    async def take_duty(self, taker: str, until: float, replaced: list[str], *, leave: bool = False) -> None:
        """`taker` on duty until `until` INSTEAD of `replaced` — a duty taken is never one more phone beside the one
        on leave, and never takes a shift partner off. `leave`: `replaced` asked to be covered (on leave: ↩️ 交还值班
        never hands it back to her); else the duty was taken from /duty, from everyone who had it (whoever had taken
        it over is no longer on duty). The roster itself needs nothing: roster.on_duty reads these marks."""
        await self.script(_TAKE_DUTY)(keys=[self.keys.duty_overrides()],
                                      args=[taker, until, "leave:" if leave else "off:", "" if leave else "1",
                                            *replaced])

    async def give_back_duty(self, sid: str, *, relieved_back: bool) -> None:
        """`sid` no longer on duty by having taken it over; `relieved_back`: those a duty taken from /duty had relieved
        are back on it as the roster says (those on leave stay off)."""
        key = self.keys.duty_overrides()
        fields = [sid] + ([f.decode() for f in await self.r.hkeys(key) if f.startswith(b"off:")] if relieved_back else [])
        await self.r.hdel(key, *fields)

    async def shift_end_told(self, change: str, keep_seconds: int) -> bool:
        """True once per shift change (`change`: who was on duty and who is): its leavers are told now, by this
        process alone."""
        return bool(await self.r.set(self.keys.shift_ended(change), "1", nx=True, ex=keep_seconds))

    async def duty_checked(self) -> str | None:
        """The duty whose staff phones were last probed (reach.py), by whichever worker process did it."""
        got = await self.r.get(self.keys.duty_checked())
        return got.decode() if got else None

    async def set_duty_checked(self, duty: str) -> None:
        await self.r.set(self.keys.duty_checked(), duty)
