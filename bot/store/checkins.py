"""Daily wellbeing check-ins: each resident's settings and today's state, who is enrolled, the two time-ordered
queues (waiting for the next check-in; waiting for the answer to one sent) and recent outcomes.

A resident is in at most one of the two queues."""
from __future__ import annotations

import asyncio
import hashlib
from typing import Iterable

from .base import dumps, dumps_fields, loads, loads_fields
from .incidents import SEND_LOG_KEPT
from .tallies import TalliesStore

# the fields a check-in step is decided on (bot/checkins/rules.py `decide`): a step is recorded only if they are as
# they were read
STEP_FIELDS = ("enrolled", "times", "days", "tz", "paused_until", "since", "phase", "slot", "sent_at")

# One check-in step, recorded only if nobody holds the resident's lock and the fields it was decided on are as they
# were read (a digest of them, ARGV[2]; '' checks nothing); then the fields it changes and the queue it moves to.
# Anything else is left for the caller to decide again under the lock. With it, a send's record for the send log (the
# "sent" step: one call, not two). KEYS: the state, the lock, the "due" queue, the "ladder" queue, the send log.
# ARGV: rid, digest, m, m (field, value) pairs, where (due|ladder|keep), score, the send's record ('' none).
_STEP = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 'locked' end
if ARGV[2] ~= '' then
  local got = redis.call('HMGET', KEYS[1], %s)
  for j = 1, #got do got[j] = got[j] or '' end
  if redis.sha1hex(table.concat(got, '\\0')) ~= ARGV[2] then return 'changed' end
end
local m = tonumber(ARGV[3])
if m > 0 then redis.call('HSET', KEYS[1], unpack(ARGV, 4, 3 + 2 * m)) end
local i = 4 + 2 * m
if ARGV[i] == 'due' then
  redis.call('ZREM', KEYS[4], ARGV[1])
  redis.call('ZADD', KEYS[3], ARGV[i + 1], ARGV[1])
elseif ARGV[i] == 'ladder' then
  redis.call('ZREM', KEYS[3], ARGV[1])
  redis.call('ZADD', KEYS[4], ARGV[i + 1], ARGV[1])
end
if ARGV[i + 2] ~= '' then
  redis.call('LPUSH', KEYS[5], ARGV[i + 2])
  redis.call('LTRIM', KEYS[5], 0, %d)
end
return 'ok'
""" % (", ".join(f"'{f}'" for f in STEP_FIELDS), SEND_LOG_KEPT - 1)


# A batch's register rows (KEYS[1], fields ARGV) and check-in states (KEYS[2..]), in one reply.
_READ_BATCH = """
local out = {redis.call('HMGET', KEYS[1], unpack(ARGV))}
for i = 2, #KEYS do out[i] = redis.call('HGETALL', KEYS[i]) end
return out
"""

# Their locale preferences (KEYS: their prefs), one reply.
GUESSED = "guessed:"  # a locale read as the one only her profile says (the check-in comes in both)
_READ_LOCALES = f"""
local out = {{}}
for i = 1, #KEYS do
  local got = redis.call('HMGET', KEYS[i], 'locale', 'guessed', 'profile')
  if got[2] == '1' and got[3] then out[i] = '{GUESSED}' .. got[3] else out[i] = got[1] end
end
return out
"""


def _said(got) -> str:
    return got.decode() if isinstance(got, bytes) else str(got)


def step_digest(seen: dict) -> str:
    """What _STEP compares: the stored values (bytes, or str as `dumps` writes them) of STEP_FIELDS."""
    values = [v.encode() if isinstance(v, str) else (v or b"") for v in map(seen.get, STEP_FIELDS)]
    return hashlib.sha1(b"\0".join(values)).hexdigest()


class CheckinsStore(TalliesStore):
    async def checkin(self, rid: str) -> dict:
        raw = await self.r.hgetall(self.keys.checkin(rid))
        return loads_fields(raw)

    async def checkin_batch(self, rids: list[str]) -> list[tuple[dict, dict, str | None]]:
        """(register row or {}, stored check-in fields as read (bytes), locale preference or "" — "guessed:en" when
        only her Telegram profile says one: the committee's, then that one, bot/flows/both.py) of each resident,
        in two script calls for the lot (not a command per resident: each costs the worker more than its reply)."""
        if not rids:
            return []
        k = self.keys
        rows, *states = await self.script(_READ_BATCH)(keys=[k.residents(), *map(k.checkin, rids)], args=rids)
        people = [loads(row) or {} for row in rows]
        tgs = [person["tg_id"] for person in people if person.get("tg_id")]
        locales: dict = {}
        if tgs:
            locales = dict(zip(tgs, await self.script(_READ_LOCALES)(keys=[k.prefs(tg) for tg in tgs])))
        return [(person, dict(zip(map(bytes.decode, raw[::2]), raw[1::2])),
                 loc.decode() if (loc := locales.get(person.get("tg_id"))) else "")
                for person, raw in zip(people, states)]

    async def checkin_step(self, rid: str, lock: str, seen: dict | None, fields: dict, where: str = "keep",
                           due: float = 0.0, sent: dict | None = None) -> str:
        """"ok", or "locked" / "changed" and nothing written (see _STEP). `seen`: the state as read (field ->
        stored value), None to check nothing; `fields`: new values; `where`: "due" or "ladder" at `due`, or "keep"
        the queues; `sent`: a send's record for the send log (`log_send`), written with the step."""
        return _said(await self._step(rid, lock, seen, fields, where, due, sent))

    async def checkin_steps(self, steps: list[tuple]) -> list[str | BaseException]:
        """Several `checkin_step`s (their arguments, in order) in one round trip; each one's answer, or its error."""
        got = await asyncio.gather(*(self._step(*step) for step in steps), return_exceptions=True)
        return [g if isinstance(g, BaseException) else _said(g) for g in got]

    def _step(self, rid: str, lock: str, seen: dict | None, fields: dict, where: str = "keep", due: float = 0.0,
              sent: dict | None = None) -> asyncio.Future:
        args: list = [rid, step_digest(seen) if seen is not None else "", len(fields)]
        for k, v in fields.items():
            args += (k, dumps(v))
        args += (where, due, dumps(sent) if sent else "")
        return self.batched(_STEP).submit([self.keys.checkin(rid), self.keys.lock(lock), self.keys.checkins_queue("due"),
                                           self.keys.checkins_queue("ladder"), self.keys.send_log()], args)

    async def save_checkin(self, rid: str, fields: dict) -> None:
        await self.r.hset(self.keys.checkin(rid), mapping=dumps_fields(fields))

    async def schedule_checkin(self, rid: str, due: float | None, ladder: bool = False) -> None:
        """Puts the resident's next step at `due` in one of the two queues (None: in neither)."""
        mine, other = ("ladder", "due") if ladder else ("due", "ladder")
        async with self.r.pipeline(transaction=True) as p:
            p.zrem(self.keys.checkins_queue(other), rid)
            if due is None:
                p.zrem(self.keys.checkins_queue(mine), rid)
            else:
                p.zadd(self.keys.checkins_queue(mine), {rid: due})
            await p.execute()

    async def enrol_checkins(self, rows: Iterable[tuple[str, dict, float]], chunk: int = 2000) -> int:
        """Writes (rid, settings, first due time) rows in pipelines; returns how many."""
        n, rows = 0, iter(rows)
        while True:
            batch = [r for _, r in zip(range(chunk), rows)]
            if not batch:
                return n
            rids = [rid for rid, _, _ in batch]
            async with self.r.pipeline(transaction=False) as p:
                for rid, fields, _ in batch:
                    p.hset(self.keys.checkin(rid), mapping=dumps_fields(fields))
                p.sadd(self.keys.checkins_enrolled(), *rids)
                p.zrem(self.keys.checkins_queue("ladder"), *rids)
                p.zadd(self.keys.checkins_queue("due"), {rid: due for rid, _, due in batch})
                await p.execute()
            n += len(batch)

    async def unenrol_checkin(self, rid: str, fields: dict) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.keys.checkin(rid), mapping=dumps_fields(fields))
            p.srem(self.keys.checkins_enrolled(), rid)
            p.zrem(self.keys.checkins_queue("due"), rid)
            p.zrem(self.keys.checkins_queue("ladder"), rid)
            await p.execute()

    async def checkin_enrolled(self) -> list[str]:
        return sorted((m.decode() for m in await self.r.smembers(self.keys.checkins_enrolled())),
                      key=lambda rid: int(rid.lstrip("r") or 0) if rid.lstrip("r").isdigit() else 0)

    async def take_checkins_due(self, queue: str, now: float, lease: float = 120, limit: int = 60) -> list[str]:
        """Leases up to `limit` residents due in "due" or "ladder"; a crashed worker's lease runs out and they refire."""
        return await self.lease_due(self.keys.checkins_queue(queue), now, lease, limit)

    async def checkin_queue_size(self, queue: str) -> int:
        return await self.r.zcard(self.keys.checkins_queue(queue))

    async def checkins_due_count(self, now: float) -> int:
        """Check-ins whose time has come and that no worker has taken yet (a backlog, for the metrics)."""
        return await self.r.zcount(self.keys.checkins_queue("due"), "-inf", now)

    async def checkin_when(self, rid: str) -> tuple[str, float] | None:
        for queue in ("ladder", "due"):
            score = await self.r.zscore(self.keys.checkins_queue(queue), rid)
            if score is not None:
                return queue, score
        return None

    async def log_checkin(self, rid: str, entry: dict) -> None:
        async with self.r.pipeline(transaction=False) as p:
            p.lpush(self.keys.checkin_log(rid), dumps(entry))
            p.ltrim(self.keys.checkin_log(rid), 0, 29)
            self._tally_checkin(p, entry)  # the desk's reports (see tallies.py)
            await p.execute()

    async def checkin_log(self, rid: str, n: int = 30) -> list[dict]:
        """Most recent first."""
        return [loads(v) for v in await self.r.lrange(self.keys.checkin_log(rid), 0, n - 1)]
