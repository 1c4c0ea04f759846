"""Telegram's send limits for the committee's bot token, kept in Redis so that every process sending for it
shares them (bot/sharedlimit.py): the token's overall slots and the chat's own pace, checked and reserved in
one call, on Redis's clock (TIME), so processes on different machines agree on "now".

Every key a script touches is under the committee's prefix, so with a hash-tag prefix (`nc:{c042}:`) the
script stays in one Redis Cluster slot.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

from redis.asyncio import Redis

from .base import ScriptBatch, StoreBase

_NOW = """
local now
if ARGV[1] ~= '' then now = tonumber(ARGV[1]) else
  local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000 end
local function fmt(x) return string.format('%.6f', x) end
"""

# sends that have their answers (or were never made): ARGV[first] is the seconds a place stays taken after an
# answer, then pairs of a ticket and the seconds since its answer; each place comes back that long after its answer
_ANSWERED = """
local function answered(key, first)
  local after = tonumber(ARGV[first])
  for i = first + 1, #ARGV, 2 do
    redis.call('ZADD', key, 'XX', fmt(now - tonumber(ARGV[i + 1]) + after), ARGV[i])
  end
end
"""

# KEYS: the token's pace, the chat's pace, the chat's grants (groups), the token's places in flight. ARGV: now ('' =
# Redis TIME), interval, catch-up, chat interval, burst, urgent (2 a staff alert, 1 other urgent, 0), group limit (0 =
# a private chat), group window, lend (seconds between two lent slots), again (1: a new slot for a send whose slot
# went by unused), the send's ticket ('' = no place taken), places, lease, then the answered sends (_ANSWERED).
# Returns {1, seconds until the reserved slot} or {0, seconds to wait before asking again[, 1: for any chat]}: the
# chat's pace, or (for any chat) no place free or a 429's hold on the token (a non-urgent message reserves nothing meanwhile, so urgent ones find the slots free).
# A staff alert that finds the token's next slots booked goes at once instead, once per `lend` seconds: it takes
# the next slot's place in the count (that slot is skipped), and the margin between slots leaves room in any
# one-second window for that one message more.
_RESERVE = _NOW + _ANSWERED + """
answered(KEYS[4], 14)
local interval, chat_interval = tonumber(ARGV[2]), tonumber(ARGV[4])
local token = redis.call('HMGET', KEYS[1], 'next', 'held', 'lent')
local held = tonumber(token[2]) or 0
if ARGV[6] == '0' and held > now then return {0, fmt(held - now), 1} end  -- reserving now would hold up the urgent
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
local at, lent = slot, false
if ARGV[6] == '2' and slot > math.max(now, ready) and (tonumber(token[3]) or 0) <= now - tonumber(ARGV[9]) then
  at, lent = math.max(now, ready), true
end
if ready > math.max(at, now) then return {0, fmt(ready - now)} end
-- the token's places: a send holds one from its reservation until a second after its answer (release below), so
-- however late requests reach the server, no 31 of them arrive within one second; a place whose answer never came
-- (its process died) comes back `lease` seconds after its slot
-- (an urgent message that found none free has the next one: the others leave it one for a moment)
local ticket, places = ARGV[11], tonumber(ARGV[12])
if ticket ~= '' then
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', fmt(now))
  local t = math.max(at, now)  -- a place back by its slot will do (one booked later counts as taken already)
  if ARGV[6] ~= '2' then  -- one place is the staff alerts' alone, one more the other urgent messages': a call for
    places = places - (ARGV[6] == '0' and 2 or 1)  -- help finds one free at once, not the next one back
    if (tonumber(redis.call('HGET', KEYS[1], 'urging')) or 0) > now then
      t, places = now, places - 1  -- an alert waits even so: only what is free now, and one more left for it
    end
  end
  local busy = redis.call('ZCOUNT', KEYS[4], '(' .. fmt(t), '+inf')
  if busy >= places then  -- when enough places are back; one still in flight: ask again soon
    if ARGV[6] == '2' then redis.call('HSET', KEYS[1], 'urging', fmt(now + 0.3)) end
    local back = redis.call('ZRANGEBYSCORE', KEYS[4], '(' .. fmt(t), '+inf', 'WITHSCORES', 'LIMIT', busy - places, 1)
    return {0, fmt(math.max(0.002, math.min(tonumber(back[2]) - now, ARGV[6] == '0' and 0.1 or 0.02))), 1}
  end
  local lease = tonumber(ARGV[13])
  redis.call('ZADD', KEYS[4], fmt(at + lease), ticket)
  redis.call('PEXPIRE', KEYS[4], math.ceil((at - now + lease + 1) * 1000))
end
if lent then redis.call('HSET', KEYS[1], 'lent', fmt(at)) end
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

# KEYS: the token's places in flight. ARGV: now ('' = Redis TIME), then the answered sends (_ANSWERED)
_RELEASE = _NOW + _ANSWERED + """
answered(KEYS[1], 2)
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
    places: int = 30  # sends in flight or answered within `after` seconds, at most
    after: float = 1.002  # a place comes back this long after its send's answer (the server's window, and a little
    # for the rates of two machines' clocks)
    lease: float = 15.0  # or this long after its slot, if no answer is ever reported (its process died)


class Reserved(tuple):
    """(granted, seconds); `anyone`: the wait holds for every chat on the token (no place free, a 429's hold)."""

    anyone = False


_DEFAULT = Pace(interval=0, catchup=0, chat_interval=0, burst=1, group_limit=0, group_window=0, lend=0)


class PaceStore(StoreBase):
    def __init__(self, redis: Redis, prefix: str = "nc:", **kw) -> None:  # (StoreBase's keywords)
        super().__init__(redis, prefix, **kw)
        # a staff alert's slot on the 🆘 path's own client: not behind the shared pool's waiters, nor in a round trip
        # that carries every committee's check-in steps waiting for company
        self._alert_slots = ScriptBatch(self, _RESERVE, urgent=True)

    async def pace_reserve(self, chat_id: int, urgent: bool, pace: Pace, now: float | None = None, *,
                           alert: bool = False, again: bool = False, burst: int | None = None,
                           ticket: str = "", answered: tuple = ()) -> tuple[bool, float]:
        """(True, seconds): the token's next slot is this chat's, `seconds` from now (the caller sends then);
        (False, seconds): wait that long first (the chat's pace, or a 429's hold), nothing reserved. An urgent
        message passes a 429's hold on the token, never the chat's; a staff alert (`alert`) may go ahead of the
        booked slots (see _RESERVE); `again`: a new token slot for a send whose slot went by while it was held back
        (its chat's pace is not asked again, only moved on); `burst`: the chat's for this message (the limiter's
        `burst`: fewer for what is not urgent into a staff chat), else the pace's; `ticket`: the send takes one of
        the token's places under this name until its answer is reported: here, as `answered` (ticket, seconds since
        the answer) pairs of this process's sends, or by `pace_release`. `now` replaces Redis TIME (tests)."""
        k = self.keys
        group = chat_id < 0
        batch = self._alert_slots if alert else self.batched(_RESERVE)  # every committee's in a few ms: one trip
        granted, seconds, *token = await batch.call(
            [k.pace(), k.pace_chat(chat_id), k.pace_grants(chat_id), k.pace_flight()],
            ["" if now is None else now, pace.interval, pace.catchup, pace.chat_interval,
             1 if group else burst or pace.burst, 2 if alert else int(urgent), pace.group_limit if group else 0,
             pace.group_window, pace.lend, int(again), ticket, pace.places, pace.lease, pace.after, *answered],
            urgent=True)  # at once (and the steps waiting go along)
        reply = Reserved((bool(granted), float(seconds)))
        reply.anyone = bool(token)
        return reply

    def pace_release(self, answered: tuple, pace: Pace | None = None, now: float | None = None) -> asyncio.Future:
        """Sends that have their answers (or were never made), as (ticket, seconds since the answer) pairs flattened:
        each one's place comes back `pace.after` after its answer. Goes along with the next round trip of the
        check-ins' batch (a few ms); the future is done when Redis has it."""
        return self.batched(_RELEASE).submit([self.keys.pace_flight()],
                                             ["" if now is None else now, (pace or _DEFAULT).after, *answered])

    async def pace_hold(self, chat_id: int, retry_after: float, now: float | None = None) -> None:
        """A 429: the token (for non-urgent messages) and the chat wait `retry_after`, in every process."""
        await self.script(_HOLD)(keys=[self.keys.pace(), self.keys.pace_chat(chat_id)],
                                 args=["" if now is None else now, retry_after])
