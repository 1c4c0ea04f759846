"""An incident closed, once; and each resident's last few closed calls, kept so that what she says next ("还没人来啊",
"他又打来了") reads her own last calls, never the committee's whole history."""
from __future__ import annotations

import logging

from .base import StoreBase, dumps, dumps_fields

log = logging.getLogger(__name__)

RECENT_CLOSE_KEPT_SECONDS = 2 * 3600  # her last close, kept for a call soon after to say so (packet.py: within the hour)
CLOSES_KEPT = 3  # her last closed calls kept (bot/incidents/scam_back.py reads three) ...
CLOSES_KEPT_SECONDS = 2 * 86400  # ... for as long as any reader looks back (the scam's two days)
FILL_BATCH, FILL_MOST = 200, 5000  # the newest incident records read, once, for closes made before the lists were

# An incident is closed once: only if it exists and is not resolved already (two closes at one moment, e.g. a late
# check-in answer and staff's 已解决: exactly one wins, so what follows a close, family told, happens once). With
# ARGV[2] (a deadline, e.g. "fam:n", due ARGV[3]) the news it owes is stored with it, so a worker dying just after the
# close leaves the news to another. The resident's pointer is cleared only if it still points at this incident; the
# call joins her last closed ones.
_CLOSE = f"""
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HGET', KEYS[1], 'status') == '"resolved"' then return 0 end
for i = 6, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[2] ~= '' then redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2]) end
if KEYS[4] and redis.call('GET', KEYS[4]) == ARGV[1] then redis.call('DEL', KEYS[4]) end
if KEYS[5] then redis.call('SET', KEYS[5], ARGV[4], 'EX', ARGV[5]) end
if KEYS[6] then
  redis.call('LPUSH', KEYS[6], ARGV[1])
  redis.call('LTRIM', KEYS[6], 0, {CLOSES_KEPT - 1})
  redis.call('EXPIRE', KEYS[6], {CLOSES_KEPT_SECONDS})
end
return 1
"""

# Her closes (KEYS[1]) and last close (KEYS[2]) from records, only where none is written yet (a close made meanwhile
# wins): ARGV[1] the list's seconds left, ARGV[2] the last close's JSON ('' none), ARGV[3] its seconds left,
# ARGV[4..] her calls, last closed first.
_FILL = """
if #ARGV > 3 and redis.call('EXISTS', KEYS[1]) == 0 then
  for i = 4, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3], 'NX') end
return 1
"""


class ClosesStore(StoreBase):
    async def close_incident(self, n: int, fields: dict, resident: str | None,
                             owed: tuple[str, float] | None = None) -> bool:
        """Writes the close (`fields`) unless the incident is closed already: whether this call closed it. `owed`
        (deadline key, due): what the close owes, set in the same step."""
        keys = [self.keys.incident(n), self.keys.incidents_open(), self.keys.deadlines(),
                *([self.keys.active_incident(resident), self.keys.last_closed(resident),
                   self.keys.recent_closes(resident)] if resident else [])]
        last = {"n": n, "by": fields.get("resolved_by", ""), "at": fields.get("resolved_at"),
                "outcome": fields.get("outcome", "")}  # her next call, soon, says so (bot/incidents/packet.py)
        args = [str(n), *(owed or ("", 0)), dumps(last), RECENT_CLOSE_KEPT_SECONDS,
                *(x for pair in dumps_fields(fields).items() for x in pair)]
        return bool(await self.script(_CLOSE)(keys=keys, args=args))

    async def last_closed_calls(self, rid: str, limit: int = CLOSES_KEPT) -> list[dict]:
        """The resident's last closed calls (at most CLOSES_KEPT, closed within CLOSES_KEPT_SECONDS), last closed
        first: two round trips, whatever the committee's history."""
        ids = [int(n) for n in await self.r.lrange(self.keys.recent_closes(rid), 0, limit - 1)]
        return await self.incidents(ids) if ids else []

    async def fill_closes(self, now: float) -> int:
        """Once for the committee, at the first start of a version that keeps them: each resident's last closed calls
        (and her last close, within its hour) from the records closed within CLOSES_KEPT_SECONDS — the version before
        wrote none, and "还没人来啊" twenty minutes after the upgrade would have read nothing. How many residents."""
        if not await self.r.set(self.keys.closes_filled(), "1", nx=True):
            return 0
        since, closed = now - CLOSES_KEPT_SECONDS, {}
        top = int(await self.r.get(self.keys.incident_seq()) or 0)
        for hi in range(top, max(0, top - FILL_MOST), -FILL_BATCH):
            batch = await self.incidents(list(range(hi, max(0, hi - FILL_BATCH), -1)))
            for inc in batch:
                if inc.get("status") == "resolved" and inc.get("resident") and (inc.get("resolved_at") or 0) >= since:
                    closed.setdefault(inc["resident"], []).append(inc)
            if all((inc.get("created") or 0) < since for inc in batch):
                break  # calls made before the window: one closed within it only after days open is not looked for
        for rid, incs in closed.items():  # one step each (a committee's few days: once, at one start)
            incs = sorted(incs, key=lambda inc: -inc["resolved_at"])[:CLOSES_KEPT]
            last, age = incs[0], now - incs[0]["resolved_at"]
            recent = dumps({"n": last["id"], "by": last.get("resolved_by", ""), "at": last["resolved_at"],
                            "outcome": last.get("outcome", "")}) if age < RECENT_CLOSE_KEPT_SECONDS else ""
            await self.script(_FILL)(keys=[self.keys.recent_closes(rid), self.keys.last_closed(rid)],
                                     args=[int(CLOSES_KEPT_SECONDS - age) + 1, recent,
                                           int(RECENT_CLOSE_KEPT_SECONDS - age) + 1, *(inc["id"] for inc in incs)])
        if closed:
            log.info("closed calls of %s residents kept from before the upgrade", len(closed))
        return len(closed)
