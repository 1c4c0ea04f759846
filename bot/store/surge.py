"""Many calls at once in one committee (bot/incidents/surge.py): the calls made lately, and one step, atomic for every
worker, that starts or prolongs the surge and marks each call told to everyone, so one worker tells it once. A surge
starting records its line as owed to each staff chat, with a timer ("srg:<id>") that sends it again to those Telegram
has not taken it from yet (a 502, a worker dying just after the step): recorded first, then sent."""
from __future__ import annotations

import math

from .base import StoreBase, dumps

# KEYS[1]: the surge (until when, on the bot's clock); KEYS[2]: the deadlines; KEYS[3]: the line owed, if it starts;
# KEYS[4..]: the calls that count now (open, nobody's). ARGV: now, window (s), the people in trouble that make a
# surge, how many there are, the cleanup TTL (s), the mark, the line's timer, when it fires, the line, its chats... A
# surge on (until > now) is prolonged; one off starts only with enough people, its line owed to each chat. Either way
# each call still open and not marked is marked.
# Returns {1 if it started now, else 0 (or -1: no surge), the positions of the calls marked by this step}.
_STEP = """
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local till = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local started = 0
if till <= now then
  if tonumber(ARGV[4]) < tonumber(ARGV[3]) then return {-1, {}} end
  started = 1
  redis.call('HSET', KEYS[3], 'text', ARGV[9], 'at', ARGV[1])
  for i = 10, #ARGV do redis.call('HSET', KEYS[3], 'c:' .. ARGV[i], 1) end
  redis.call('EXPIRE', KEYS[3], ARGV[5])
  redis.call('ZADD', KEYS[2], ARGV[8], ARGV[7])
end
redis.call('SET', KEYS[1], tostring(now + window), 'EX', ARGV[5])
local marked = {}
for i = 4, #KEYS do
  if redis.call('HGET', KEYS[i], 'status') == '"open"' and redis.call('HSETNX', KEYS[i], 'surge', ARGV[6]) == 1 then
    table.insert(marked, i - 3)
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

    async def surge_step(self, now: float, window: float, calls: int, ids: list[int], people: int,
                         line: tuple[str, str, list[int], float]) -> tuple[bool | None, list[int]]:
        """With `ids` the calls that count now, about `people` people in trouble: (True: the surge starts now, its
        `line` (its id, text, chats, when sent again) owed to each chat; False: it was on and goes on; None: no
        surge), and the calls this step marked (each marked once, by one step of one worker)."""
        sid, text, chats, again = line
        keys = [self.keys.surge(), self.keys.deadlines(), self.keys.surge_owed(sid),
                *(self.keys.incident(n) for n in ids)]
        started, marked = await self.script(_STEP)(keys=keys, args=[
            now, window, calls, people, math.ceil(window) + 3600, dumps(True),  # the TTL only clears it away
            f"srg:{sid}", again, text, *chats])
        return (None if started < 0 else bool(started)), [ids[int(i) - 1] for i in marked]

    async def surge_owed(self, sid: str) -> tuple[str, list[int]]:
        """The surge line (text, chats not yet reached) owed since it started; ("", []) once it is not."""
        owed = {k.decode(): v for k, v in (await self.r.hgetall(self.keys.surge_owed(sid))).items()}
        return (owed.get("text") or b"").decode(), [int(k[2:]) for k in owed if k.startswith("c:")]

    async def surge_reached(self, sid: str, chats: list[int]) -> bool:
        """These chats got the line; whether any are still owed it (none: the line and its timer are done)."""
        key = self.keys.surge_owed(sid)
        if chats:
            await self.r.hdel(key, *(f"c:{c}" for c in chats))
        if any(k.startswith(b"c:") for k in await self.r.hkeys(key)):
            return True
        await self.r.delete(key)
        await self.cancel_deadline(f"srg:{sid}")
        return False
