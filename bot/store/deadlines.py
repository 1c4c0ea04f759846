"""Timers that survive a restart (escalations, address timeouts, follow-ups, notices), and the repeated calls
they pace: a resident's or a stranger's further cries, passed on once and then counted (see bot/repeats.py)."""
from __future__ import annotations

from .base import StoreBase, dumps, loads

# A repeated call (KEYS[1] its repeats hash): the first of an interval is passed on at once (returns 1); later
# ones are counted (returns 0) and a deadline (ARGV[3], KEYS[2]) passes the count on when the interval ends.
_REPEAT = """
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '-1e18')
redis.call('EXPIRE', KEYS[1], 86400)
if tonumber(ARGV[1]) - last >= tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'last', ARGV[1], 'count', 0)
  for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
    if string.sub(f, 1, 3) == 'by:' then redis.call('HDEL', KEYS[1], f) end
  end
  return 1
end
redis.call('HINCRBY', KEYS[1], 'count', 1)
if ARGV[4] and ARGV[4] ~= '' then redis.call('HINCRBY', KEYS[1], 'by:' .. ARGV[4], 1) end
redis.call('ZADD', KEYS[2], 'NX', last + tonumber(ARGV[2]), ARGV[3])
return 0
"""

# One line in `interval` at most (on the bot's clock, not Redis's): true for the first since the last one went.
_PACED = """
local last = tonumber(redis.call('GET', KEYS[1]) or '-1e18')
if tonumber(ARGV[1]) - last < tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', 86400)
return 1
"""

# The repeats held back, taken (and the interval restarted if there were any): they wait in 'sending' until
# `repeats_sent`, so a worker dying before it passed them on leaves them to the deadline's next run.
_TAKE_REPEATS = """
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
if count > 0 then
  redis.call('HSET', KEYS[1], 'count', 0, 'last', ARGV[1])
  redis.call('HINCRBY', KEYS[1], 'sending', count)
  local all = redis.call('HGETALL', KEYS[1])
  for i = 1, #all, 2 do
    if string.sub(all[i], 1, 3) == 'by:' then
      redis.call('HINCRBY', KEYS[1], 'sending_' .. all[i], tonumber(all[i + 1]))
      redis.call('HDEL', KEYS[1], all[i])
    end
  end
end
return tonumber(redis.call('HGET', KEYS[1], 'sending') or '0')
"""

# The repeats passed on: forgotten with who made them ('sending_by:<who>'), the voice taken with them and the chats
# still owed them ('owed').
_REPEATS_SENT = """
local fields = {'sending', 'media', 'owed'}
for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(f, 1, 11) == 'sending_by:' then table.insert(fields, f) end
end
return redis.call('HDEL', KEYS[1], unpack(fields))
"""

# A registered person's latest voice, photo or location held back in a group (KEYS[1]), taken to go with the count:
# it waits in the repeats hash (KEYS[2], 'media') until `repeats_sent`, so a worker dying before it was sent leaves
# it to the deadline's next run. One held since an earlier take that never went is the latest: it goes, with the
# kinds of both.
_TAKE_GROUP_MEDIA = """
local held = redis.call('GET', KEYS[1])
local taken = redis.call('HGET', KEYS[2], 'media')
if not held then return taken end
if taken then
  local h, t = cjson.decode(held), cjson.decode(taken)
  if type(h.kinds) == 'table' and type(t.kinds) == 'table' then
    local seen = {}
    for _, k in ipairs(h.kinds) do seen[k] = true end
    for _, k in ipairs(t.kinds) do if not seen[k] then table.insert(h.kinds, k) end end
    held = cjson.encode(h)
  end
end
redis.call('HSET', KEYS[2], 'media', held)
redis.call('DEL', KEYS[1])
return held
"""


class DeadlinesStore(StoreBase):
    async def set_deadline(self, key: str, due: float) -> None:
        await self.r.zadd(self.keys.deadlines(), {key: due})

    async def cancel_deadline(self, *keys: str) -> None:
        if keys:
            await self.r.zrem(self.keys.deadlines(), *keys)

    async def renew_deadline(self, key: str, due: float) -> None:
        """A deadline held as a lease while its work runs: moved on to `due`, unless it is gone (done)."""
        await self.r.zadd(self.keys.deadlines(), {key: due}, xx=True)

    async def deadline(self, key: str) -> float | None:
        return await self.r.zscore(self.keys.deadlines(), key)

    async def fires_again(self, key: str, now: float) -> str:
        """For the log, once a deadline's handler failed: whether and when it fires again (no personal data)."""
        try:
            due = await self.deadline(key)
        except Exception as e:  # storage away: it may well be what failed
            return f"whether it fires again is unknown ({type(e).__name__})"
        if due is None:
            return "it was cancelled and will not fire again"
        return f"it fires again in {max(0, round(due - now))} s"

    async def take_due(self, now: float, lease: float = 60, limit: int = 200) -> list[str]:
        return await self.lease_due(self.keys.deadlines(), now, lease, limit)

    async def next_due(self) -> float | None:
        first = await self.r.zrange(self.keys.deadlines(), 0, 0, withscores=True)
        return first[0][1] if first else None

    # --- repeated calls (collapsed, see bot/repeats.py) --------------------------------
    async def repeat(self, key: str, now: float, interval: float, deadline: str, by: str = "") -> bool:
        """True: pass this one on now; False: counted, `deadline` passes the count on when the interval ends (`by`:
        who made it, when not the one the count is about: `repeat_authors`)."""
        return bool(await self.script(_REPEAT)(keys=[self.keys.repeats(key), self.keys.deadlines()],
                                               args=[now, interval, deadline, by]))

    async def repeat_authors(self, key: str) -> dict[str, int]:
        """Of the repeats taken (`take_repeats`), how many each `by` made (the rest: the one it is about)."""
        raw = await self.r.hgetall(self.keys.repeats(key))
        return {k.decode()[len("sending_by:"):]: int(v) for k, v in raw.items()
                if k.decode().startswith("sending_by:") and int(v) > 0}

    async def paced(self, key: str, now: float, interval: float) -> bool:
        """True if a line about `key` may go now: none went in the last `interval` seconds (nothing counted)."""
        return bool(await self.script(_PACED)(keys=[self.keys.repeats(f"paced:{key}")], args=[now, interval]))

    async def forget_repeat(self, key: str) -> None:
        """The one passed on reached nobody: the next is passed on at once, not counted."""
        await self.r.delete(self.keys.repeats(key))

    async def take_repeats(self, key: str, now: float) -> int:
        """The repeats to pass on now: those counted since, and any a worker took but died before passing on."""
        return int(await self.script(_TAKE_REPEATS)(keys=[self.keys.repeats(key)], args=[now]))

    async def repeats_owed(self, key: str) -> dict[str, str] | None:
        """The count's text still owed to each staff chat (Telegram failed for it); None: not sent yet."""
        raw = await self.r.hget(self.keys.repeats(key), "owed")
        return loads(raw) if raw else None

    async def owe_repeats(self, key: str, texts: dict[str, str]) -> None:
        """The count taken is still owed to these chats (chat: its text): sent again before `repeats_sent`."""
        await self.r.hset(self.keys.repeats(key), "owed", dumps(texts))

    async def repeats_sent(self, key: str) -> None:
        """The repeats taken (and the voice taken with them, `take_group_media`) reached staff: forgotten."""
        await self.script(_REPEATS_SENT)(keys=[self.keys.repeats(key)], args=[])

    async def within_quota(self, name: str, now: float, window: float, limit: int) -> bool:
        """Whether one more of `name` fits in this window of `window` seconds (at most `limit` a window)."""
        key = self.keys.quota(name, int(now // window))
        async with self.r.pipeline(transaction=True) as p:
            p.incr(key)
            p.expire(key, int(window) * 2)
            taken, _ = await p.execute()
        return int(taken) <= limit

    async def log_stranger(self, uid: int, entry: dict) -> None:
        async with self.r.pipeline(transaction=False) as p:
            p.rpush(self.keys.stranger_log(uid), dumps(entry))
            p.ltrim(self.keys.stranger_log(uid), -1000, -1)
            await p.execute()

    async def hold_group_media(self, uid: int, media: list[int], kind: str, ttl: int) -> None:
        """The latest voice, photo or location a registered person sent in a group and was held back ([chat,
        message]), and the kinds of all held back so far."""
        key = self.keys.group_media_held(uid)
        kinds = _held(await self.r.get(key)).get("kinds", [])
        await self.r.set(key, dumps({"media": media, "kinds": list(dict.fromkeys(kinds + [kind]))}), ex=ttl)

    async def take_group_media(self, uid: int) -> dict:
        """{"media": [chat, message], "kinds": [...]} held back, to pass on with the count of "rep:g<uid>"; kept
        until `repeats_sent`, so the next run has it if this one dies before sending ({} if none)."""
        return _held(await self.script(_TAKE_GROUP_MEDIA)(
            keys=[self.keys.group_media_held(uid), self.keys.repeats(f"g{uid}")], args=[]))

    async def first_stranger_wish(self, uid: int, now: float, seconds: int) -> bool:
        """Whether a stranger's wish to register is the first of `seconds` (staff hear only that one); their
        messages are handled one at a time (the per-user lock), so reading then writing is safe here."""
        key = self.keys.stranger_wish(uid)
        last = await self.r.get(key)
        if last is not None and 0 <= now - float(last) < seconds:
            return False
        await self.r.set(key, now, ex=2 * seconds)
        return True

    async def forget_stranger_wish(self, uid: int) -> None:
        await self.r.delete(self.keys.stranger_wish(uid))

    async def stranger_log(self, uid: int) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.keys.stranger_log(uid), 0, -1)]


def _held(raw) -> dict:
    held = loads(raw) if raw else {}
    return {"media": held, "kinds": []} if isinstance(held, list) else held  # one held before kinds were kept
