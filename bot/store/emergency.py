"""A resident's 🆘 in one round trip (the fast lane): one script marks the update it came in (bot/once.py), finds the
resident, refuses a second call while one of any kind is open (it joins that one: bot/incidents/raising.py), and stores the incident with its deadlines and lock; calls
arriving together share a pipeline."""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from string import Template

from redis.asyncio import Redis

from .base import ScriptBatch, StoreBase, dumps, loads
from .keys import lua_keys

_K = lua_keys("p")

# Who it is, whether a call is already open, the incident with its first timeline entry and deadlines, the
# incident's lock (held by the caller until the first alert is recorded), who has taken the duty over and which staff
# the bot cannot reach (so the first alert needs no other round trip). A call that finds her open call locked with its
# own token is that very call, stored by an earlier try whose answer never came (a Redis that hung, then ran it; a
# journaled 🆘 replayed with its token: bot/incidents/unanswered.py): "opened" again, its first alert still to send.
# Keys are built from the prefix (ARGV[1]): this needs one Redis, or one cluster slot (see keys.py).
# With KEYS[2] (the update's mark, bot/once.py), the update is marked "handling" for ARGV[10] ms first, as
# begin_update does; one already marked returns {-2, its mark} and nothing else is done (a redelivery).
_OPEN_EMERGENCY = Template("""
local p = ARGV[1]
local rid = redis.call('HGET', ${residents_tg}, ARGV[2])
local person = rid and redis.call('HGET', ${residents}, rid)
local active = person and redis.call('GET', ${active_incident})
local status = active and redis.call('HGET', ${active_key}, 'status')
local open = status and status ~= '"resolved"'
if open and redis.call('GET', ${active_lock}) == ARGV[8] then
  -- this very call, stored by a try whose answer never came (Redis hung, then ran it): its first alert is ours
  for i = 11, #ARGV, 2 do redis.call('HSETNX', ${active_key}, ARGV[i], ARGV[i + 1]) end
  redis.call('SET', ${active_lock}, ARGV[8], 'PX', ARGV[9])
  if #KEYS > 1 then redis.call('SET', KEYS[2], 'handling', 'PX', ARGV[10]) end
  local last = redis.call('HGET', ${active_key}, 'after_closed')
  return {1, tonumber(active), person, cjson.decode(redis.call('HGET', ${active_key}, 'address_state')),
          redis.call('HGETALL', ${duty_overrides}), redis.call('SMEMBERS', ${unreachable}), last or ''}
end
if #KEYS > 1 and not redis.call('SET', KEYS[2], 'handling', 'NX', 'PX', ARGV[10]) then
  return {-2, redis.call('GET', KEYS[2]) or 'gone'}
end
if not person then return {0} end
if open then return {-1, tonumber(active), person} end
local who = cjson.decode(person)
local state = 'unknown'
for _, part in ipairs({'road', 'lane', 'building', 'room'}) do
  local v = who[part]
  if v and v ~= cjson.null and v ~= '' and v ~= 0 and v ~= false then state = 'pending' end
end
local n = redis.call('INCR', ${incident_seq})
local key = ${incident}
local args = {'id', tostring(n), 'resident', cjson.encode(rid), 'address_state', cjson.encode(state)}
for i = 11, #ARGV, 2 do  -- the other fields, as name, JSON value pairs
  table.insert(args, ARGV[i])
  table.insert(args, ARGV[i + 1])
end
local last = redis.call('GET', ${last_closed})  -- her last call, closed this last hour: the alert says so
if last then table.insert(args, 'after_closed'); table.insert(args, last) end
redis.call('HSET', key, unpack(args))
local entry = cjson.decode(ARGV[3])
entry['by'] = who['name']
redis.call('RPUSH', ${timeline}, cjson.encode(entry))
redis.call('ZADD', ${incidents_open}, ARGV[4], n)
redis.call('SET', ${active_incident}, n)
redis.call('ZADD', ${deadlines}, ARGV[5], 'first:' .. n, ARGV[6], 'esc:' .. n .. ':1')
if state == 'pending' then redis.call('ZADD', ${deadlines}, ARGV[7], 'addr:' .. n) end
redis.call('SET', ${lock}, ARGV[8], 'PX', ARGV[9])
return {1, n, person, state, redis.call('HGETALL', ${duty_overrides}), redis.call('SMEMBERS', ${unreachable}),
        last or ''}
""").substitute(
    residents_tg=_K.residents_by_tg(), residents=_K.residents(), active_incident=_K.active_incident("rid"),
    active_key=_K.incident("active"), active_lock=_K.incident_lock("active"), incident_seq=_K.incident_seq(), incident=_K.incident("n"),
    timeline=_K.incident_timeline("n"), incidents_open=_K.incidents_open(), deadlines=_K.deadlines(),
    lock=_K.incident_lock("n"), duty_overrides=_K.duty_overrides(), unreachable=_K.unreachable_staff(),
    last_closed=_K.last_closed("rid"))


@dataclass
class UpdateMark:
    """A 🆘 update's mark, left for the incident's round trip to take (bot/once.py handle_once): `state` is "" until
    taken, then "new" (this handler's), or "handling" / "done" / "gone" (another delivery's: nothing was stored)."""

    bot: str
    update_id: int
    handling_ms: int
    state: str = ""


# the mark of the 🆘 update being handled in this context, until the incident's round trip takes it
folded_mark: ContextVar[UpdateMark | None] = ContextVar("folded_mark", default=None)


@dataclass
class Opened:
    outcome: str                      # "opened", "already_open" (a call of theirs still open), "not_resident",
    # "redelivered" (its update is marked already: another delivery handles it, nothing stored)
    n: int = 0
    person: dict | None = None
    address_state: str = ""
    duty_overrides: dict[str, float] = field(default_factory=dict)
    unreachable: set[str] | None = None  # staff ids the bot cannot reach (None: not read)
    after_closed: dict | None = None  # her last call, closed within the hour (store/incidents.py RECENT_CLOSE_SECONDS)


class EmergencyStore(StoreBase):
    def __init__(self, redis: Redis, prefix: str = "nc:", **kw) -> None:  # (StoreBase's keywords)
        super().__init__(redis, prefix, **kw)
        # a key of this committee declared, so a Redis Cluster runs the script on the node of its slot
        self._opens = ScriptBatch(self, _OPEN_EMERGENCY, replicated=True, urgent=True)

    async def open_emergency(self, tg: int, fields: dict, entry: dict, *, created: float, first_due: float,
                             esc_due: float, addr_due: float, lock_token: str, lock_seconds: float) -> Opened:
        """A resident's 🆘 by Telegram id, in one atomic step (see _OPEN_EMERGENCY), with its update's mark if one
        waits for it (`folded_mark`)."""
        mark = folded_mark.get()
        keys = [self.keys.incident_seq()]
        if mark is not None and not mark.state:
            keys.append(self.keys.update_seen(mark.bot, mark.update_id))
        args = [self.prefix, str(tg), dumps(entry), created, first_due, esc_due, addr_due, lock_token,
                int(lock_seconds * 1000), mark.handling_ms if len(keys) > 1 else ""]
        for k, v in fields.items():
            args += (k, dumps(v))
        got = await self._opens.call(keys, args)
        if len(keys) > 1:
            mark.state = got[1].decode() if got[0] == -2 else "new"
        if got[0] == -2:
            return Opened("redelivered")
        if got[0] == 0:
            return Opened("not_resident")
        person = loads(got[2])
        if got[0] == -1:
            return Opened("already_open", int(got[1]), person)
        flat = got[4]
        overrides = {flat[i].decode(): float(flat[i + 1]) for i in range(0, len(flat), 2)}
        return Opened("opened", int(got[1]), person, got[3].decode(), overrides, {m.decode() for m in got[5]},
                      loads(got[6]) if len(got) > 6 and got[6] else None)
