"""A resident's 🆘 in one round trip (the fast lane): one script finds the resident, refuses a second call while
one is open, and stores the incident with its deadlines and lock; calls arriving together share a pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field
from string import Template

from redis.asyncio import Redis

from .base import ScriptBatch, StoreBase, dumps, loads
from .keys import lua_keys

_K = lua_keys("p")

# Who it is, whether a call is already open, the incident with its first timeline entry and deadlines, the
# incident's lock (held by the caller until the first alert is recorded), who has taken the duty over and which staff
# the bot cannot reach (so the first alert needs no other round trip).
# Keys are built from the prefix (ARGV[1]): this needs one Redis, or one cluster slot (see keys.py).
_OPEN_EMERGENCY = Template("""
local p = ARGV[1]
local rid = redis.call('HGET', ${residents_tg}, ARGV[2])
if not rid then return {0} end
local person = redis.call('HGET', ${residents}, rid)
if not person then return {0} end
local active = redis.call('GET', ${active_incident})
if active then
  local kind = redis.call('HGET', ${active_key}, 'kind')
  local status = redis.call('HGET', ${active_key}, 'status')
  if kind == '"emergency"' and status and status ~= '"resolved"' then return {-1, tonumber(active), person} end
end
local who = cjson.decode(person)
local state = 'unknown'
for _, part in ipairs({'road', 'lane', 'building', 'room'}) do
  local v = who[part]
  if v and v ~= cjson.null and v ~= '' and v ~= 0 and v ~= false then state = 'pending' end
end
local n = redis.call('INCR', ${incident_seq})
local key = ${incident}
local args = {'id', tostring(n), 'resident', cjson.encode(rid), 'address_state', cjson.encode(state)}
for i = 10, #ARGV, 2 do  -- the other fields, as name, JSON value pairs
  table.insert(args, ARGV[i])
  table.insert(args, ARGV[i + 1])
end
redis.call('HSET', key, unpack(args))
local entry = cjson.decode(ARGV[3])
entry['by'] = who['name']
redis.call('RPUSH', ${timeline}, cjson.encode(entry))
redis.call('ZADD', ${incidents_open}, ARGV[4], n)
redis.call('SET', ${active_incident}, n)
redis.call('ZADD', ${deadlines}, ARGV[5], 'first:' .. n, ARGV[6], 'esc:' .. n .. ':1')
if state == 'pending' then redis.call('ZADD', ${deadlines}, ARGV[7], 'addr:' .. n) end
redis.call('SET', ${lock}, ARGV[8], 'PX', ARGV[9])
return {1, n, person, state, redis.call('HGETALL', ${duty_overrides}), redis.call('SMEMBERS', ${unreachable})}
""").substitute(
    residents_tg=_K.residents_by_tg(), residents=_K.residents(), active_incident=_K.active_incident("rid"),
    active_key=_K.incident("active"), incident_seq=_K.incident_seq(), incident=_K.incident("n"),
    timeline=_K.incident_timeline("n"), incidents_open=_K.incidents_open(), deadlines=_K.deadlines(),
    lock=_K.incident_lock("n"), duty_overrides=_K.duty_overrides(), unreachable=_K.unreachable_staff())


@dataclass
class Opened:
    outcome: str                      # "opened", "already_open" (an emergency still open), "not_resident"
    n: int = 0
    person: dict | None = None
    address_state: str = ""
    duty_overrides: dict[str, float] = field(default_factory=dict)
    unreachable: set[str] | None = None  # staff ids the bot cannot reach (None: not read)


class EmergencyStore(StoreBase):
    def __init__(self, redis: Redis, prefix: str = "nc:", *, wait_replicas: int = 0, wait_ms: int = 500) -> None:
        super().__init__(redis, prefix, wait_replicas=wait_replicas, wait_ms=wait_ms)
        # a key of this committee declared, so a Redis Cluster runs the script on the node of its slot
        self._opens = ScriptBatch(self, _OPEN_EMERGENCY, replicated=True, urgent=True)

    async def open_emergency(self, tg: int, fields: dict, entry: dict, *, created: float, first_due: float,
                             esc_due: float, addr_due: float, lock_token: str, lock_seconds: float) -> Opened:
        """A resident's 🆘 by Telegram id, in one atomic step (see _OPEN_EMERGENCY)."""
        args = [self.prefix, str(tg), dumps(entry), created, first_due, esc_due, addr_due, lock_token,
                int(lock_seconds * 1000)]
        for k, v in fields.items():
            args += (k, dumps(v))
        got = await self._opens.call([self.keys.incident_seq()], args)
        if got[0] == 0:
            return Opened("not_resident")
        person = loads(got[2])
        if got[0] == -1:
            return Opened("already_open", int(got[1]), person)
        flat = got[4]
        overrides = {flat[i].decode(): float(flat[i + 1]) for i in range(0, len(flat), 2)}
        return Opened("opened", int(got[1]), person, got[3].decode(), overrides, {m.decode() for m in got[5]})
