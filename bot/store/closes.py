"""An incident closed, once; and each resident's last few closed calls, kept so that what she says next ("还没人来啊",
"他又打来了") reads her own last calls, never the committee's whole history."""
from __future__ import annotations

from .base import StoreBase, dumps, dumps_fields

RECENT_CLOSE_KEPT_SECONDS = 2 * 3600  # her last close, kept for a call soon after to say so (packet.py: within the hour)
CLOSES_KEPT = 3  # her last closed calls kept (bot/incidents/scam_back.py reads three) ...
CLOSES_KEPT_SECONDS = 2 * 86400  # ... for as long as any reader looks back (the scam's two days)

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
