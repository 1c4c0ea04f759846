"""A resident's 🆘 in one round trip (the fast lane): one script finds the resident, refuses a second call while
one is open, and stores the incident with its deadlines and lock; calls arriving together share a pipeline."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from string import Template

from redis.asyncio import Redis

from .base import StoreBase, dumps, loads
from .keys import lua_keys

_K = lua_keys("p")

# Who it is, whether a call is already open, the incident with its first timeline entry and deadlines, the
# incident's lock (held by the caller until the first alert is recorded), and who has taken the duty over.
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
return {1, n, person, state, redis.call('HGETALL', ${duty_overrides})}
""").substitute(
    residents_tg=_K.residents_by_tg(), residents=_K.residents(), active_incident=_K.active_incident("rid"),
    active_key=_K.incident("active"), incident_seq=_K.incident_seq(), incident=_K.incident("n"),
    timeline=_K.incident_timeline("n"), incidents_open=_K.incidents_open(), deadlines=_K.deadlines(),
    lock=_K.incident_lock("n"), duty_overrides=_K.duty_overrides())


@dataclass
class Opened:
    outcome: str                      # "opened", "already_open" (an emergency still open), "not_resident"
    n: int = 0
    person: dict | None = None
    address_state: str = ""
    duty_overrides: dict[str, float] = field(default_factory=dict)


class EmergencyStore(StoreBase):
    def __init__(self, redis: Redis, prefix: str = "nc:", *, wait_replicas: int = 0, wait_ms: int = 500) -> None:
        super().__init__(redis, prefix, wait_replicas=wait_replicas, wait_ms=wait_ms)
        self._open_queue: list[tuple[list, asyncio.Future]] = []
        self._flushing: set[asyncio.Task] = set()

    async def open_emergency(self, tg: int, fields: dict, entry: dict, *, created: float, first_due: float,
                             esc_due: float, addr_due: float, lock_token: str, lock_seconds: float) -> Opened:
        """A resident's 🆘 by Telegram id, in one atomic step (see _OPEN_EMERGENCY)."""
        args = [self.prefix, str(tg), dumps(entry), created, first_due, esc_due, addr_due, lock_token,
                int(lock_seconds * 1000)]
        for k, v in fields.items():
            args += (k, dumps(v))
        got = await self._batched_open(args)
        if got[0] == 0:
            return Opened("not_resident")
        person = loads(got[2])
        if got[0] == -1:
            return Opened("already_open", int(got[1]), person)
        flat = got[4]
        overrides = {flat[i].decode(): float(flat[i + 1]) for i in range(0, len(flat), 2)}
        return Opened("opened", int(got[1]), person, got[3].decode(), overrides)

    async def _batched_open(self, args: list) -> list:
        """Calls that arrive together (a burst of 🆘) share one round trip: each is still its own atomic script."""
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._open_queue.append((args, fut))
        if len(self._open_queue) == 1:
            loop.call_soon(self._flush_opens)
        return await fut

    def _flush_opens(self) -> None:
        batch, self._open_queue = self._open_queue, []
        task = asyncio.ensure_future(self._run_opens(batch))
        self._flushing.add(task)
        task.add_done_callback(self._flushing.discard)

    async def _run_opens(self, batch: list) -> None:
        try:  # the pipeline loads the script first if Redis has lost it (a restart)
            async with self.r.pipeline(transaction=False) as p:
                for args, _ in batch:
                    # a key of this committee declared, so a Redis Cluster runs it on the node of its slot
                    await self.script(_OPEN_EMERGENCY)(keys=[self.keys.incident_seq()], args=args, client=p)
                if self.wait_replicas:
                    self._replicated(p)
                results = await p.execute(raise_on_error=False)
                if self.wait_replicas:
                    self._count_acks(results.pop())
        except BaseException as e:  # every caller hears of it (and falls back to its error reply)
            results = [e] * len(batch)
        for (_, fut), res in zip(batch, results):
            if fut.done():
                continue
            if isinstance(res, BaseException):
                fut.set_exception(res)
            else:
                fut.set_result(res)
