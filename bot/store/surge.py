"""Many calls at once in one committee (bot/incidents/surge.py): the calls made lately, and one step, atomic for every
worker, that starts or prolongs the surge and marks each call told to everyone, so one worker tells it once."""
from __future__ import annotations

import math

from .base import StoreBase, dumps

# KEYS[1]: the surge (until when, on the bot's clock); KEYS[2..]: the calls that count now (open, nobody's).
# ARGV: now, window (s), the calls that make a surge, the cleanup TTL (s), the mark. A surge on (until > now) is
# prolonged; one off starts only with enough calls. Either way each call still open and not marked is marked.
# Returns {1 if it started now, else 0 (or -1: no surge), the positions of the calls marked by this step}.
_STEP = """
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local till = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local started = 0
if till <= now then
  if #KEYS - 1 < tonumber(ARGV[3]) then return {-1, {}} end
  started = 1
end
redis.call('SET', KEYS[1], tostring(now + window), 'EX', ARGV[4])
local marked = {}
for i = 2, #KEYS do
  if redis.call('HGET', KEYS[i], 'status') == '"open"' and redis.call('HSETNX', KEYS[i], 'surge', ARGV[5]) == 1 then
    table.insert(marked, i - 1)
  end
end
return {started, marked}
"""


# Whether a surge may be under way (KEYS[1], until ARGV[1] = now) or may start: ARGV[3] calls open since ARGV[2].
_MAYBE = """
if (tonumber(redis.call('GET', KEYS[1]) or '0') or 0) > tonumber(ARGV[1]) then return 1 end
if redis.call('ZCOUNT', KEYS[2], ARGV[2], '+inf') >= tonumber(ARGV[3]) then return 1 end
return 0
"""


class SurgeStore(StoreBase):
    async def surge_maybe(self, now: float, since: float, calls: int) -> bool:
        """One round trip after each call's first alert: whether a surge is on, or `calls` calls (of any kind, still
        open) were made since `since` — only then are they read."""
        return bool(await self.script(_MAYBE)(keys=[self.keys.surge(), self.keys.incidents_open()],
                                              args=[now, since, calls]))

    async def open_since(self, since: float) -> list[int]:
        """The open calls made at `since` or later (by their creation time)."""
        return [int(x) for x in await self.r.zrangebyscore(self.keys.incidents_open(), since, "+inf")]

    async def surge_step(self, now: float, window: float, calls: int, ids: list[int]) -> tuple[bool | None, list[int]]:
        """With `ids` the calls that count now: (True: the surge starts now, False: it was on and goes on, None: no
        surge), and the calls this step marked (each marked once, by one step of one worker)."""
        keys = [self.keys.surge(), *(self.keys.incident(n) for n in ids)]
        started, marked = await self.script(_STEP)(keys=keys, args=[
            now, window, calls, math.ceil(window) + 3600, dumps(True)])  # the TTL only clears it away
        return (None if started < 0 else bool(started)), [ids[int(i) - 1] for i in marked]
