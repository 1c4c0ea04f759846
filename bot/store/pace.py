"""Telegram's send limits for the committee's bot token, kept in Redis so that every process sending for it
shares them (bot/sharedlimit.py): the token's overall slots and the chat's own pace, checked and reserved in
one call, on Redis's clock (TIME), so processes on different machines agree on "now".

Every key a script touches is under the committee's prefix, so with a hash-tag prefix (`nc:{c042}:`) the
script stays in one Redis Cluster slot.
"""
from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import Redis

from .base import ScriptBatch, StoreBase

_NOW = """
local now
if ARGV[1] ~= '' then now = tonumber(ARGV[1]) else
  local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000 end
local function fmt(x) return string.format('%.6f', x) end
"""

# KEYS: the token's pace, the chat's pace, the chat's grants (groups). ARGV: now ('' = Redis TIME), interval,
# catch-up, chat interval, burst, urgent (2 a staff alert, 1 other urgent, 0), group limit (0 = a private chat),
# group window, lend (seconds between two lent slots), again (1: a new slot for a send whose slot went by unused).
# Returns {1, seconds until the reserved slot} or {0, seconds to wait before asking again}: the chat's pace, or
# a 429's hold on the token (a non-urgent message reserves nothing meanwhile, so urgent ones find the slots free).
# A staff alert that finds the token's next slots booked goes at once instead, once per `lend` seconds: it takes
# the next slot's place in the count (that slot is skipped), and the margin between slots leaves room in any
# one-second window for that one message more.
_RESERVE = _NOW + """
local interval, chat_interval = tonumber(ARGV[2]), tonumber(ARGV[4])
local token = redis.call('HMGET', KEYS[1], 'next', 'held', 'lent')
local held = tonumber(token[2]) or 0
if ARGV[6] == '0' and held > now then return {0, fmt(held - now)} end  -- reserving now would hold up the urgent
-- nobody reserves more than a few slots ahead: a `next` seconds off was set on another clock (a failover to a
-- master whose clock is behind), and must not stop sending for as long
local slot = math.max(math.min(tonumber(token[1]) or 0, now + 5), now - tonumber(ARGV[3]))
local chat = redis.call('HMGET', KEYS[2], 'tat', 'held')
local tat = tonumber(chat[1]) or 0
local again = ARGV[10] == '1'  -- its first slot went by unused: that one kept the chat's pace, only a 429 holds it
local ready = tonumber(chat[2]) or 0
if not again then ready = math.max(ready, tat - (tonumber(ARGV[5]) - 1) * chat_interval) end
local limit, window = tonumber(ARGV[7]), tonumber(ARGV[8])
if again then limit = 0 end
if limit > 0 then
  local first = redis.call('LINDEX', KEYS[3], 0)
  while first and tonumber(first) <= now - window do
    redis.call('LPOP', KEYS[3]); first = redis.call('LINDEX', KEYS[3], 0)
  end
  if redis.call('LLEN', KEYS[3]) >= limit then ready = math.max(ready, tonumber(first) + window) end
end
local at = slot
if ARGV[6] == '2' and slot > math.max(now, ready) and (tonumber(token[3]) or 0) <= now - tonumber(ARGV[9]) then
  at = math.max(now, ready)
  redis.call('HSET', KEYS[1], 'lent', fmt(at))
end
if ready > math.max(at, now) then return {0, fmt(ready - now)} end
redis.call('HSET', KEYS[1], 'next', fmt(slot + interval))
if again then tat = math.max(tat, at + chat_interval) else tat = math.max(tat, at) + chat_interval end
redis.call('HSET', KEYS[2], 'tat', fmt(tat))
redis.call('PEXPIRE', KEYS[2], math.ceil((math.max(tat, tonumber(chat[2]) or 0) - now + 60) * 1000))
if limit > 0 then
  redis.call('RPUSH', KEYS[3], fmt(at))
  redis.call('PEXPIRE', KEYS[3], math.ceil((window + 1) * 1000))
end
return {1, fmt(math.max(at - now, 0))}
"""

# KEYS: the token's pace, the chat's pace. ARGV: now ('' = Redis TIME), retry_after.
_HOLD = _NOW + """
local untl = now + tonumber(ARGV[2])
for i = 1, 2 do
  if untl > (tonumber(redis.call('HGET', KEYS[i], 'held')) or 0) then redis.call('HSET', KEYS[i], 'held', fmt(untl)) end
end
redis.call('PEXPIRE', KEYS[2], math.ceil((untl - now + 60) * 1000))
"""


@dataclass(frozen=True)
class Pace:
    """The limits a reservation keeps, in seconds: between the token's slots (and how far a late caller may
    reach back), between a chat's messages after its burst, and a group's count per window."""

    interval: float
    catchup: float
    chat_interval: float
    burst: int
    group_limit: int
    group_window: float
    lend: float  # a staff alert may go ahead of the booked slots once in this many seconds


class PaceStore(StoreBase):
    def __init__(self, redis: Redis, prefix: str = "nc:", *, wait_replicas: int = 0, wait_ms: int = 500) -> None:
        super().__init__(redis, prefix, wait_replicas=wait_replicas, wait_ms=wait_ms)
        # a staff alert's slot on the 🆘 path's own client: not behind the shared pool's waiters, nor in a round trip
        # that carries every committee's check-in steps waiting for company
        self._alert_slots = ScriptBatch(self, _RESERVE, urgent=True)

    async def pace_reserve(self, chat_id: int, urgent: bool, pace: Pace, now: float | None = None, *,
                           alert: bool = False, again: bool = False, burst: int | None = None) -> tuple[bool, float]:
        """(True, seconds): the token's next slot is this chat's, `seconds` from now (the caller sends then);
        (False, seconds): wait that long first (the chat's pace, or a 429's hold), nothing reserved. An urgent
        message passes a 429's hold on the token, never the chat's; a staff alert (`alert`) may go ahead of the
        booked slots (see _RESERVE); `again`: a new token slot for a send whose slot went by while it was held back
        (its chat's pace is not asked again, only moved on); `burst`: the chat's for this message (the limiter's
        `burst`: fewer for what is not urgent into a staff chat), else the pace's. `now` replaces Redis TIME (tests)."""
        k = self.keys
        group = chat_id < 0
        batch = self._alert_slots if alert else self.batched(_RESERVE)  # every committee's in a few ms: one trip
        granted, seconds = await batch.call(
            [k.pace(), k.pace_chat(chat_id), k.pace_grants(chat_id)],
            ["" if now is None else now, pace.interval, pace.catchup, pace.chat_interval,
             1 if group else burst or pace.burst, 2 if alert else int(urgent), pace.group_limit if group else 0,
             pace.group_window, pace.lend, int(again)], urgent=True)  # at once (and the steps waiting go along)
        return bool(granted), float(seconds)

    async def pace_hold(self, chat_id: int, retry_after: float, now: float | None = None) -> None:
        """A 429: the token (for non-urgent messages) and the chat wait `retry_after`, in every process."""
        await self.script(_HOLD)(keys=[self.keys.pace(), self.keys.pace_chat(chat_id)],
                                 args=["" if now is None else now, retry_after])
