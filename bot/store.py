"""The one module that owns every Redis key. All keys live under one configurable prefix.

Layout (prefix omitted):
  residents                 hash  rid -> resident JSON
  residents:phone           hash  phone -> rid
  residents:tg              hash  telegram id -> rid
  residents:seq             int   last resident number
  contacts:phone            hash  phone -> JSON list of {rid, relation, name, kind}
  contacts:tg               hash  telegram id -> JSON {phone, name, links: [...]}
  session:{uid}             str   conversation state JSON
  prefs:{uid}               hash  locale ...
  pending                   hash  telegram id -> pending sign-up JSON
  incident:seq              int
  incident:{n}              hash  incident fields (JSON values)
  incident:{n}:timeline     list  JSON entries, append-only: never trimmed or deleted
  incident:{n}:alerts       hash  "chat:message" -> role, every alert message sent for the incident
  incidents:open            zset  n by creation time
  resident:{rid}:incident   str   the resident's active incident
  deadlines                 zset  "kind:arg" by due time (escalation, address timeout, check-ins)
  duty:override             hash  staff id -> until (ts)
  questions                 list  JSON questions waiting for staff / knowledge-base gaps
  checkin:{rid}             hash  check-in settings and today's state
  checkins:log:{rid}        list  JSON recent check-in outcomes (trimmed to 30)
  checkins:enrolled         set   rids enrolled in daily check-ins
  checkins:due              zset  rid by when its next check-in is to be sent (leased while sending)
  checkins:ladder           zset  rid by when its sent check-in needs a reminder or becomes "missed" (leased)
  sendlog                   list  JSON send attempts, redacted (trimmed to 5000)
  lock:{name}               str   short per-user / per-incident locks
  repeats:{key}             hash  last (ts a repeat was passed on), count (repeats held back since)
  stranger:{uid}:log        list  JSON every message of an unregistered person (trimmed to 1000)
  -- staff operations (issue 17) --
  staff:tg                  hash  staff id -> JSON {tg, phone, at}: who joined by sharing their phone
  register:draft:{uid}      str   JSON file a staff member sent, parsed, awaiting ✅/❌ (expires)
  register:audit            list  JSON applied imports: who, when, file name, counts (never trimmed)
  notice:seq                int
  notice:{n}                hash  notice fields (JSON values)
  notice:{n}:todo           list  rids still to send to (the sender pops them)
  notice:{n}:state          hash  rid -> sent | ack | blocked | failed | not_started
  visits                    hash  visit-task id -> JSON {rid, notice, by, created, done_by, done_at}
  visits:seq                int
  ageband:told              set   "rid:band" residents told of their new allowance band
  ageband:listed            set   "YYYY-MM" months whose list staff have had
"""
from __future__ import annotations

import asyncio
import functools
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Iterable

from redis.asyncio import Redis

log = logging.getLogger(__name__)

_CLAIM = """
local cur = redis.call('HGET', KEYS[1], 'claimed_by')
if cur == false then cur = '""' end
if cur ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'status') == '"resolved"' then return 0 end
redis.call('HSET', KEYS[1], 'claimed_by', ARGV[2], 'status', ARGV[3], 'claimed_at', ARGV[4])
return 1
"""

# Due items are leased, not removed: a worker that crashes mid-way leaves them to fire again after the lease.
_TAKE_DUE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), m) end
return due
"""


# A resident's 🆘 in one round trip: who it is, whether a call is already open, the incident with its first
# timeline entry and deadlines, the incident's lock (held by the caller until the first alert is recorded),
# and who has taken the duty over. Keys are built from the prefix: this needs one Redis, not a cluster.
_OPEN_EMERGENCY = """
local p = ARGV[1]
local rid = redis.call('HGET', p .. 'residents:tg', ARGV[2])
if not rid then return {0} end
local person = redis.call('HGET', p .. 'residents', rid)
if not person then return {0} end
local active = redis.call('GET', p .. 'resident:' .. rid .. ':incident')
if active then
  local kind = redis.call('HGET', p .. 'incident:' .. active, 'kind')
  local status = redis.call('HGET', p .. 'incident:' .. active, 'status')
  if kind == '"emergency"' and status and status ~= '"resolved"' then return {-1, tonumber(active), person} end
end
local who = cjson.decode(person)
local state = 'unknown'
for _, part in ipairs({'road', 'lane', 'building', 'room'}) do
  local v = who[part]
  if v and v ~= cjson.null and v ~= '' and v ~= 0 and v ~= false then state = 'pending' end
end
local n = redis.call('INCR', p .. 'incident:seq')
local key = p .. 'incident:' .. n
local args = {'id', tostring(n), 'resident', cjson.encode(rid), 'address_state', cjson.encode(state)}
for i = 10, #ARGV, 2 do  -- the other fields, as name, JSON value pairs
  table.insert(args, ARGV[i])
  table.insert(args, ARGV[i + 1])
end
redis.call('HSET', key, unpack(args))
local entry = cjson.decode(ARGV[3])
entry['by'] = who['name']
redis.call('RPUSH', key .. ':timeline', cjson.encode(entry))
redis.call('ZADD', p .. 'incidents:open', ARGV[4], n)
redis.call('SET', p .. 'resident:' .. rid .. ':incident', n)
redis.call('ZADD', p .. 'deadlines', ARGV[5], 'first:' .. n, ARGV[6], 'esc:' .. n .. ':1')
if state == 'pending' then redis.call('ZADD', p .. 'deadlines', ARGV[7], 'addr:' .. n) end
redis.call('SET', p .. 'lock:incident:' .. n, ARGV[8], 'PX', ARGV[9])
return {1, n, person, state, redis.call('HGETALL', p .. 'duty:override')}
"""

# A repeated call (KEYS[1] its repeats hash): the first of an interval is passed on at once (returns 1); later
# ones are counted (returns 0) and a deadline (ARGV[3], KEYS[2]) passes the count on when the interval ends.
_REPEAT = """
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '-1e18')
redis.call('EXPIRE', KEYS[1], 86400)
if tonumber(ARGV[1]) - last >= tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'last', ARGV[1], 'count', 0)
  return 1
end
redis.call('HINCRBY', KEYS[1], 'count', 1)
redis.call('ZADD', KEYS[2], 'NX', last + tonumber(ARGV[2]), ARGV[3])
return 0
"""

# The repeats held back, taken (and the interval restarted if there were any).
_TAKE_REPEATS = """
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
if count > 0 then redis.call('HSET', KEYS[1], 'count', 0, 'last', ARGV[1]) end
return count
"""

# A resident's latest incidents: the incidents given (KEYS, newest first) scanned inside Redis, the positions of
# the resident's first `limit` returned (there is no per-resident index).
_RESIDENT_INCIDENTS = """
local rid, limit, out = ARGV[1], tonumber(ARGV[2]), {}
for i = 1, #KEYS do
  if #out >= limit then break end
  if redis.call('HGET', KEYS[i], 'resident') == rid then table.insert(out, i) end
end
return out
"""

# The register searched inside Redis: name, phone tail (3+ digits) or road/lane/building/room, first `limit` found.
_SEARCH_RESIDENTS = """
local q, limit, tail = ARGV[1], tonumber(ARGV[2]), ARGV[3] == '1'
local all = redis.call('HGETALL', KEYS[1])
local found, total = {}, 0
-- every match has each piece of the query (text runs, digit runs; 弄/号/室 aside) somewhere in its JSON:
-- records without them are passed over without decoding
local pieces = {}
for w in string.gmatch(string.gsub(string.gsub(string.gsub(q, '弄', ' '), '号', ' '), '室', ' '), '[^%s%d]+') do
  table.insert(pieces, w)
end
for w in string.gmatch(q, '%d+') do table.insert(pieces, w) end
for i = 2, #all, 2 do
  local raw, maybe = all[i], true
  for _, w in ipairs(pieces) do
    if not string.find(raw, w, 1, true) then maybe = false break end
  end
  if maybe then
  local p = cjson.decode(raw)
  local function s(v) if v == nil or v == cjson.null or v == '' then return '' end return tostring(v) end
  local addr = s(p.road) .. (s(p.lane) ~= '' and s(p.lane) .. '弄' or '') ..
               (s(p.building) ~= '' and s(p.building) .. '号' or '') .. (s(p.room) ~= '' and s(p.room) .. '室' or '')
  local phone = s(p.phone)
  if q == '' or string.find(s(p.name), q, 1, true) or string.find(addr, q, 1, true)
     or (tail and #phone >= #q and string.sub(phone, -#q) == q) then
    total = total + 1
    if #found < limit then table.insert(found, all[i]) end
  end
  end
end
return {total, found}
"""

_UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def dumps(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def loads(v: Any) -> Any:
    if v is None:
        return None
    return json.loads(v)


@dataclass
class Opened:
    outcome: str                      # "opened", "already_open" (an emergency still open), "not_resident"
    n: int = 0
    person: dict | None = None
    address_state: str = ""
    duty_overrides: dict[str, float] = field(default_factory=dict)


class Store:
    def __init__(self, redis: Redis, prefix: str = "nc:", *, wait_replicas: int = 0, wait_ms: int = 500) -> None:
        self.r = redis
        self.prefix = prefix
        # with replicas (Sentinel), a new incident counts as stored once this many replicas have it: a master
        # that dies after the resident is told "staff alerted" cannot take the call with it
        self.wait_replicas, self.wait_ms = wait_replicas, wait_ms
        self.unreplicated = 0  # incidents whose WAIT timed out short of that (alerted anyway; see _replicated)
        self._claim = redis.register_script(_CLAIM)
        self._take_due = redis.register_script(_TAKE_DUE)
        self._open_emergency = redis.register_script(_OPEN_EMERGENCY)
        self._unlock = redis.register_script(_UNLOCK)
        self._repeat = redis.register_script(_REPEAT)
        self._take_repeats = redis.register_script(_TAKE_REPEATS)
        self._resident_incidents = redis.register_script(_RESIDENT_INCIDENTS)
        self._search_residents = redis.register_script(_SEARCH_RESIDENTS)
        self._open_queue: list[tuple[list, asyncio.Future]] = []
        self._flushing: set[asyncio.Task] = set()

    def k(self, *parts: Any) -> str:
        return self.prefix + ":".join(str(p) for p in parts)

    async def ping(self) -> bool:
        return bool(await self.r.ping())

    def lock(self, name: str, timeout: float = 30, blocking_timeout: float = 10):
        return self.r.lock(self.k("lock", name), timeout=timeout, blocking_timeout=blocking_timeout)

    # --- residents -------------------------------------------------------
    async def residents(self) -> list[dict]:
        raw = await self.r.hgetall(self.k("residents"))
        people = [loads(v) for v in raw.values()]
        return sorted(people, key=lambda p: int(p["id"].lstrip("r") or 0))

    async def resident(self, rid: str | None) -> dict | None:
        if not rid:
            return None
        return loads(await self.r.hget(self.k("residents"), rid))

    async def resident_id_by_phone(self, phone: str) -> str | None:
        v = await self.r.hget(self.k("residents:phone"), phone)
        return v.decode() if v else None

    async def resident_by_tg(self, tg: int) -> dict | None:
        rid = await self.r.hget(self.k("residents:tg"), str(tg))
        return await self.resident(rid.decode()) if rid else None

    async def replace_residents(self, people: Iterable[dict], contacts_index: dict[str, list[dict]],
                                audit: dict | None = None) -> None:
        """Writes a validated batch in one transaction: all of it or nothing (with its audit entry, if any)."""
        async with self.r.pipeline(transaction=True) as p:
            if audit:
                p.rpush(self.k("register:audit"), dumps(audit))
            for person in people:
                p.hset(self.k("residents"), person["id"], dumps(person))
                p.hset(self.k("residents:phone"), person["phone"], person["id"])
                if person.get("tg_id"):
                    p.hset(self.k("residents:tg"), str(person["tg_id"]), person["id"])
            p.delete(self.k("contacts:phone"))
            for phone, links in contacts_index.items():
                p.hset(self.k("contacts:phone"), phone, dumps(links))
            await p.execute()

    async def next_resident_ids(self, n: int) -> list[str]:
        if n <= 0:
            return []
        last = await self.r.incrby(self.k("residents:seq"), n)
        return [f"r{i}" for i in range(last - n + 1, last + 1)]

    async def save_resident(self, person: dict) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.k("residents"), person["id"], dumps(person))
            p.hset(self.k("residents:phone"), person["phone"], person["id"])
            if person.get("tg_id"):
                p.hset(self.k("residents:tg"), str(person["tg_id"]), person["id"])
            await p.execute()

    async def contact_links_by_phone(self, phone: str) -> list[dict]:
        return loads(await self.r.hget(self.k("contacts:phone"), phone)) or []

    async def save_contact_account(self, tg: int, account: dict) -> None:
        await self.r.hset(self.k("contacts:tg"), str(tg), dumps(account))

    async def contact_account(self, tg: int) -> dict | None:
        return loads(await self.r.hget(self.k("contacts:tg"), str(tg)))

    async def contact_accounts(self) -> dict[int, dict]:
        raw = await self.r.hgetall(self.k("contacts:tg"))
        return {int(k): loads(v) for k, v in raw.items()}

    async def telegram_ids_by_phone(self, phones: list[str]) -> list[tuple[int, str]]:
        """(Telegram id, phone) of whoever has signed up with these numbers: residents and contacts alike (an
        elderly spouse is often both)."""
        if not phones:
            return []
        out = []
        for phone, rid in zip(phones, await self.r.hmget(self.k("residents:phone"), phones)):
            person = await self.resident(rid.decode()) if rid else None
            if person and person.get("tg_id"):
                out.append((int(person["tg_id"]), phone))
        out += [(tg, acc["phone"]) for tg, acc in (await self.contact_accounts()).items() if acc.get("phone") in phones]
        return out

    # --- conversation state ------------------------------------------------
    async def session(self, uid: int) -> dict:
        return loads(await self.r.get(self.k("session", uid))) or {}

    async def save_session(self, uid: int, state: dict) -> None:
        if state:
            await self.r.set(self.k("session", uid), dumps(state))
        else:
            await self.r.delete(self.k("session", uid))

    async def pref(self, uid: int, name: str) -> str | None:
        v = await self.r.hget(self.k("prefs", uid), name)
        return v.decode() if v else None

    async def set_pref(self, uid: int, name: str, value: str) -> None:
        await self.r.hset(self.k("prefs", uid), name, value)

    # --- sign-ups waiting for staff ---------------------------------------------
    async def add_pending(self, tg: int, info: dict) -> None:
        await self.r.hset(self.k("pending"), str(tg), dumps(info))

    async def pending(self, tg: int) -> dict | None:
        return loads(await self.r.hget(self.k("pending"), str(tg)))

    async def take_pending(self, tg: int) -> dict | None:
        """Exactly one staff member gets to decide on a sign-up."""
        async with self.r.pipeline(transaction=True) as p:
            p.hget(self.k("pending"), str(tg))
            p.hdel(self.k("pending"), str(tg))
            raw, removed = await p.execute()
        return loads(raw) if removed else None

    # --- incidents --------------------------------------------------------------
    async def create_incident(self, fields: dict, first_entry: dict, deadlines: dict[str, float]) -> int:
        n = await self.r.incr(self.k("incident:seq"))
        fields = {**fields, "id": n}
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.k("incident", n), mapping={k: dumps(v) for k, v in fields.items()})
            p.rpush(self.k("incident", n, "timeline"), dumps(first_entry))
            p.zadd(self.k("incidents:open"), {str(n): fields["created"]})
            if fields.get("resident"):
                p.set(self.k("resident", fields["resident"], "incident"), n)
            for key, due in deadlines.items():
                p.zadd(self.k("deadlines"), {key.format(n=n): due})
            await p.execute()
        if self.wait_replicas:  # WAIT covers its own connection's writes: one more write there, after those
            async with self.r.pipeline(transaction=False) as p:
                p.incrby(self.k("incident:seq"), 0)
                self._replicated(p)
                self._count_acks((await p.execute())[-1])
        return n

    def _replicated(self, pipe) -> None:
        """Ends a pipeline of writes with WAIT, bounded: alerting staff matters more than a lagging replica."""
        pipe.execute_command("WAIT", self.wait_replicas, self.wait_ms)

    def _count_acks(self, acks) -> None:
        if isinstance(acks, int) and acks < self.wait_replicas:
            self.unreplicated += 1
            log.warning("an incident reached %s of %s replicas in time", acks, self.wait_replicas)

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
                    await self._open_emergency(args=args, client=p)
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

    async def unlock(self, name: str, token: str) -> bool:
        """Releases a lock taken with a known token (see open_emergency); a lock that has since passed on stays."""
        return bool(await self._unlock(keys=[self.k("lock", name)], args=[token]))

    async def incident(self, n: int | str) -> dict | None:
        raw = await self.r.hgetall(self.k("incident", n))
        if not raw:
            return None
        return {k.decode(): loads(v) for k, v in raw.items()}

    async def update_incident(self, n: int, **fields: Any) -> None:
        await self.r.hset(self.k("incident", n), mapping={k: dumps(v) for k, v in fields.items()})

    async def add_timeline(self, n: int, entry: dict) -> None:
        await self.r.rpush(self.k("incident", n, "timeline"), dumps(entry))

    async def timeline(self, n: int) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.k("incident", n, "timeline"), 0, -1)]

    async def claim_incident(self, n: int, staff_id: str, now: float, expected: str = "") -> bool:
        won = await self._claim(
            keys=[self.k("incident", n)], args=[dumps(expected), dumps(staff_id), dumps("claimed"), dumps(now)]
        )
        return bool(won)

    async def close_incident(self, n: int, fields: dict, resident: str | None) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.k("incident", n), mapping={k: dumps(v) for k, v in fields.items()})
            p.zrem(self.k("incidents:open"), str(n))
            await p.execute()
        if resident:
            # only clear the pointer if it still points at this incident
            cur = await self.r.get(self.k("resident", resident, "incident"))
            if cur and int(cur) == n:
                await self.r.delete(self.k("resident", resident, "incident"))

    async def open_incident_ids(self) -> list[int]:
        return [int(x) for x in await self.r.zrange(self.k("incidents:open"), 0, -1)]

    async def set_active_incident(self, rid: str, n: int) -> None:
        """Points the resident at incident n, unless another is already active for them."""
        await self.r.set(self.k("resident", rid, "incident"), n, nx=True)

    async def active_incident(self, rid: str) -> int | None:
        v = await self.r.get(self.k("resident", rid, "incident"))
        return int(v) if v else None

    async def record_alerts(self, n: int, sent: list[tuple[int, int, str]], entry: dict,
                            fields: dict | None = None, cancel: tuple[str, ...] = ()) -> None:
        """After an alert round: its messages, its timeline entry and any state change, in one round trip."""
        async with self.r.pipeline(transaction=True) as p:
            for chat, msg_id, role in sent:
                p.hset(self.k("incident", n, "alerts"), f"{chat}:{msg_id}", role)
            p.rpush(self.k("incident", n, "timeline"), dumps(entry))
            if fields:
                p.hset(self.k("incident", n), mapping={k: dumps(v) for k, v in fields.items()})
            if cancel:
                p.zrem(self.k("deadlines"), *cancel)
            await p.execute()

    async def alert_messages(self, n: int) -> list[tuple[int, int, str]]:
        """(chat, message, role) of every alert message sent for the incident, oldest first."""
        raw = await self.r.hgetall(self.k("incident", n, "alerts"))
        out = []
        for field, role in raw.items():
            chat, msg = field.decode().split(":")
            out.append((int(chat), int(msg), role.decode()))
        return sorted(out, key=lambda x: x[1])

    # --- repeated calls (collapsed, see bot/repeats.py) --------------------------------
    async def repeat(self, key: str, now: float, interval: float, deadline: str) -> bool:
        """True: pass this one on now; False: counted, `deadline` passes the count on when the interval ends."""
        return bool(await self._repeat(keys=[self.k("repeats", key), self.k("deadlines")],
                                       args=[now, interval, deadline]))

    async def take_repeats(self, key: str, now: float) -> int:
        return int(await self._take_repeats(keys=[self.k("repeats", key)], args=[now]))

    async def log_stranger(self, uid: int, entry: dict) -> None:
        async with self.r.pipeline(transaction=False) as p:
            p.rpush(self.k("stranger", uid, "log"), dumps(entry))
            p.ltrim(self.k("stranger", uid, "log"), -1000, -1)
            await p.execute()

    async def stranger_log(self, uid: int) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.k("stranger", uid, "log"), 0, -1)]

    # --- deadlines (timers that survive a restart) ---------------------------------
    async def set_deadline(self, key: str, due: float) -> None:
        await self.r.zadd(self.k("deadlines"), {key: due})

    async def cancel_deadline(self, *keys: str) -> None:
        if keys:
            await self.r.zrem(self.k("deadlines"), *keys)

    async def deadline(self, key: str) -> float | None:
        return await self.r.zscore(self.k("deadlines"), key)

    async def take_due(self, now: float, lease: float = 60, limit: int = 200) -> list[str]:
        due = await self._take_due(keys=[self.k("deadlines")], args=[now, now + lease, limit])
        return [d.decode() for d in due]

    async def next_due(self) -> float | None:
        first = await self.r.zrange(self.k("deadlines"), 0, 0, withscores=True)
        return first[0][1] if first else None

    # --- duty --------------------------------------------------------------------
    async def duty_overrides(self) -> dict[str, float]:
        raw = await self.r.hgetall(self.k("duty:override"))
        return {k.decode(): float(v) for k, v in raw.items()}

    async def set_duty_override(self, staff_id: str, until: float | None) -> None:
        if until is None:
            await self.r.hdel(self.k("duty:override"), staff_id)
        else:
            await self.r.hset(self.k("duty:override"), staff_id, until)

    # --- questions for staff --------------------------------------------------------
    async def add_question(self, q: dict) -> int:
        n = await self.r.incr(self.k("questions:seq"))
        await self.r.hset(self.k("questions"), str(n), dumps({**q, "id": n}))
        await self.count_question(q)  # the desk's reports (see its block at the end)
        return n

    async def question(self, n: int) -> dict | None:
        return loads(await self.r.hget(self.k("questions"), str(n)))

    async def update_question(self, q: dict) -> None:
        await self.r.hset(self.k("questions"), str(q["id"]), dumps(q))

    async def questions(self) -> list[dict]:
        raw = await self.r.hgetall(self.k("questions"))
        return sorted((loads(v) for v in raw.values()), key=lambda q: q["id"])

    # --- send log ------------------------------------------------------------------
    async def log_send(self, entry: dict) -> None:
        async with self.r.pipeline(transaction=False) as p:
            p.lpush(self.k("sendlog"), dumps(entry))
            p.ltrim(self.k("sendlog"), 0, 4999)
            await p.execute()

    async def send_log(self, n: int = 100) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.k("sendlog"), 0, n - 1)]

    # --- wellbeing check-ins ---------------------------------------------------------
    # A resident is in at most one of checkins:due / checkins:ladder: waiting for the next check-in, or
    # waiting for the answer to one that was sent.
    async def checkin(self, rid: str) -> dict:
        raw = await self.r.hgetall(self.k("checkin", rid))
        return {k.decode(): loads(v) for k, v in raw.items()}

    async def save_checkin(self, rid: str, fields: dict) -> None:
        await self.r.hset(self.k("checkin", rid), mapping={k: dumps(v) for k, v in fields.items()})

    async def schedule_checkin(self, rid: str, due: float | None, ladder: bool = False) -> None:
        """Puts the resident's next step at `due` in one of the two queues (None: in neither)."""
        async with self.r.pipeline(transaction=True) as p:
            p.zrem(self.k("checkins:due" if ladder else "checkins:ladder"), rid)
            if due is None:
                p.zrem(self.k("checkins:ladder" if ladder else "checkins:due"), rid)
            else:
                p.zadd(self.k("checkins:ladder" if ladder else "checkins:due"), {rid: due})
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
                    p.hset(self.k("checkin", rid), mapping={k: dumps(v) for k, v in fields.items()})
                p.sadd(self.k("checkins:enrolled"), *rids)
                p.zrem(self.k("checkins:ladder"), *rids)
                p.zadd(self.k("checkins:due"), {rid: due for rid, _, due in batch})
                await p.execute()
            n += len(batch)

    async def unenrol_checkin(self, rid: str, fields: dict) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.k("checkin", rid), mapping={k: dumps(v) for k, v in fields.items()})
            p.srem(self.k("checkins:enrolled"), rid)
            p.zrem(self.k("checkins:due"), rid)
            p.zrem(self.k("checkins:ladder"), rid)
            await p.execute()

    async def checkin_enrolled(self) -> list[str]:
        return sorted((m.decode() for m in await self.r.smembers(self.k("checkins:enrolled"))),
                      key=lambda rid: int(rid.lstrip("r") or 0) if rid.lstrip("r").isdigit() else 0)

    async def take_checkins_due(self, queue: str, now: float, lease: float = 120, limit: int = 60) -> list[str]:
        """Leases up to `limit` residents due in "due" or "ladder"; a crashed worker's lease runs out and they refire."""
        due = await self._take_due(keys=[self.k(f"checkins:{queue}")], args=[now, now + lease, limit])
        return [d.decode() for d in due]

    async def checkin_queue_size(self, queue: str) -> int:
        return await self.r.zcard(self.k(f"checkins:{queue}"))

    async def checkins_due_count(self, now: float) -> int:
        """Check-ins whose time has come and that no worker has taken yet (a backlog, for the metrics)."""
        return await self.r.zcount(self.k("checkins:due"), "-inf", now)

    async def checkin_when(self, rid: str) -> tuple[str, float] | None:
        for queue in ("ladder", "due"):
            score = await self.r.zscore(self.k(f"checkins:{queue}"), rid)
            if score is not None:
                return queue, score
        return None

    async def log_checkin(self, rid: str, entry: dict) -> None:
        async with self.r.pipeline(transaction=False) as p:
            p.lpush(self.k("checkins:log", rid), dumps(entry))
            p.ltrim(self.k("checkins:log", rid), 0, 29)
            self._tally_checkin(p, entry)  # the desk's reports (see its block at the end)
            await p.execute()

    async def checkin_log(self, rid: str, n: int = 30) -> list[dict]:
        """Most recent first."""
        return [loads(v) for v in await self.r.lrange(self.k("checkins:log", rid), 0, n - 1)]

    # --- staff operations (issue 17): staff join by phone, register drafts, notices, entitlement notes ------------
    async def staff_bindings(self) -> dict[str, dict]:
        return {k.decode(): loads(v) for k, v in (await self.r.hgetall(self.k("staff:tg"))).items()}

    async def bind_staff(self, staff_id: str, binding: dict) -> None:
        await self.r.hset(self.k("staff:tg"), staff_id, dumps(binding))

    async def unbind_staff(self, *staff_ids: str) -> None:
        if staff_ids:
            await self.r.hdel(self.k("staff:tg"), *staff_ids)

    async def save_register_draft(self, uid: int, draft: dict, ttl_seconds: int) -> None:
        await self.r.set(self.k("register:draft", uid), dumps(draft), ex=ttl_seconds)

    async def take_register_draft(self, uid: int) -> dict | None:
        """Exactly one ✅ applies a draft; a second press finds nothing."""
        return loads(await self.r.getdel(self.k("register:draft", uid)))

    async def register_audit(self, n: int = 50) -> list[dict]:
        """Most recent last."""
        return [loads(v) for v in await self.r.lrange(self.k("register:audit"), -n, -1)]

    async def create_notice(self, fields: dict, rids: list[str]) -> int:
        n = await self.r.incr(self.k("notice:seq"))
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.k("notice", n), mapping={k: dumps(v) for k, v in {**fields, "id": n}.items()})
            if rids:
                p.rpush(self.k("notice", n, "todo"), *rids)
            await p.execute()
        return n

    async def notice(self, n: int | str) -> dict | None:
        raw = await self.r.hgetall(self.k("notice", n))
        return {k.decode(): loads(v) for k, v in raw.items()} if raw else None

    async def update_notice(self, n: int, **fields: Any) -> None:
        await self.r.hset(self.k("notice", n), mapping={k: dumps(v) for k, v in fields.items()})

    async def notice_todo(self, n: int) -> list[str]:
        """The residents still to send the notice to. Read, not popped: each leaves the list once its outcome is
        recorded, so a crash in between sends to them again rather than never."""
        return [v.decode() for v in await self.r.lrange(self.k("notice", n, "todo"), 0, -1)]

    async def notice_done(self, n: int, rid: str, state: str) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.lrem(self.k("notice", n, "todo"), 1, rid)
            p.hsetnx(self.k("notice", n, "state"), rid, state)
            await p.execute()

    async def notice_left(self, n: int) -> int:
        return await self.r.llen(self.k("notice", n, "todo"))

    async def ack_notice(self, n: int, rid: str) -> bool:
        """Records a 👌; False if the resident was never sent this notice. A 👌 pressed before the send was
        written down (the resident is still on the to-do list) counts: `notice_done` keeps the 👌."""
        if not await self.r.hexists(self.k("notice", n, "state"), rid) and \
                await self.r.lpos(self.k("notice", n, "todo"), rid) is None:
            return False
        await self.r.hset(self.k("notice", n, "state"), rid, "ack")
        return True

    async def notice_states(self, n: int) -> dict[str, str]:
        raw = await self.r.hgetall(self.k("notice", n, "state"))
        return {k.decode(): v.decode() for k, v in raw.items()}

    async def add_visit_tasks(self, tasks: list[dict]) -> list[int]:
        if not tasks:
            return []
        last = await self.r.incrby(self.k("visits:seq"), len(tasks))
        ids = list(range(last - len(tasks) + 1, last + 1))
        await self.r.hset(self.k("visits"), mapping={str(i): dumps({**t, "id": i}) for i, t in zip(ids, tasks)})
        return ids

    async def visit_tasks(self) -> list[dict]:
        raw = await self.r.hgetall(self.k("visits"))
        return sorted((loads(v) for v in raw.values()), key=lambda t: t["id"])

    async def update_visit_task(self, task: dict) -> None:
        await self.r.hset(self.k("visits"), str(task["id"]), dumps(task))

    async def visit_task(self, vid: int) -> dict | None:
        return loads(await self.r.hget(self.k("visits"), str(vid)))

    async def mark_told(self, marker: str, group: str = "told") -> bool:
        """True the first time a marker is set (an age band told, a month listed): never twice."""
        return bool(await self.r.sadd(self.k("ageband", group), marker))

    # --- the staff web console (bot/desk) ----------------------------------------------------
    # console:session:{token}  str  JSON {staff, csrf, exp}: a signed-in staff member (expires)
    # console:signin:{token}   str  staff id: a one-time sign-in link from /web (taken once, expires)
    # audit:{rid}              list JSON register changes made in the console: who, when, reason, before → after
    async def put_console(self, kind: str, token: str, value: dict, ttl_seconds: float) -> None:
        await self.r.set(self.k("console", kind, token), dumps(value), px=max(1, int(ttl_seconds * 1000)))

    async def console(self, kind: str, token: str) -> dict | None:
        return loads(await self.r.get(self.k("console", kind, token)))

    async def take_console(self, kind: str, token: str) -> dict | None:
        """Reads and deletes at once: a one-time link works for exactly one request."""
        return loads(await self.r.getdel(self.k("console", kind, token)))

    async def drop_console(self, kind: str, token: str) -> None:
        await self.r.delete(self.k("console", kind, token))

    async def add_audit(self, rid: str, entry: dict) -> None:
        await self.r.rpush(self.k("audit", rid), dumps(entry))

    async def audit(self, rid: str) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.k("audit", rid), 0, -1)]

    async def incident_seq(self) -> int:
        return int(await self.r.get(self.k("incident:seq")) or 0)

    async def incidents(self, ids: list[int]) -> list[dict]:
        """Many incidents in one round trip (missing ones left out)."""
        async with self.r.pipeline(transaction=False) as p:
            for n in ids:
                p.hgetall(self.k("incident", n))
            raw = await p.execute()
        return [{k.decode(): loads(v) for k, v in h.items()} for h in raw if h]

    async def timelines(self, ids: list[int]) -> dict[int, list[dict]]:
        async with self.r.pipeline(transaction=False) as p:
            for n in ids:
                p.lrange(self.k("incident", n, "timeline"), 0, -1)
            raw = await p.execute()
        return {n: [loads(v) for v in entries] for n, entries in zip(ids, raw)}

    async def checkins_of(self, rids: list[str], names: tuple[str, ...]) -> dict[str, dict]:
        """These check-in fields of many residents in one round trip."""
        raw = await self._hmget_many([self.k("checkin", rid) for rid in rids], names)
        values = iter(self._loads_many([v for row in raw for v in row]))
        return {rid: {k: v for k, v in zip(names, values) if v is not None} for rid in rids}

    async def incident_fields(self, ids: list[int], names: tuple[str, ...]) -> list[dict]:
        """A few fields of many incidents in one round trip (for lists and reports)."""
        raw = await self._hmget_many([self.k("incident", n) for n in ids], names)
        values = iter(self._loads_many([v for row in raw for v in row]))
        rows = [{k: v for k, v in zip(names, values)} | {"id": n} for n in ids]
        return [row for row, got in zip(rows, raw) if got[0] is not None]

    async def forget_resident_phone(self, phone: str, rid: str) -> None:
        """After a phone number was corrected: the old number no longer leads to this resident."""
        cur = await self.r.hget(self.k("residents:phone"), phone)
        if cur and cur.decode() == rid:
            await self.r.hdel(self.k("residents:phone"), phone)

    async def resident_incident_ids(self, rid: str, limit: int = 10, scan: int = 5000) -> list[int]:
        """The resident's latest incidents among the newest `scan`, newest first (one short script in Redis)."""
        top = await self.incident_seq()
        keys = [self.k("incident", n) for n in range(top, max(0, top - scan), -1)]
        if not keys:
            return []
        return [top + 1 - int(i) for i in await self._resident_incidents(keys=keys, args=[dumps(rid), limit])]

    async def search_residents(self, q: str, limit: int = 100) -> tuple[int, list[dict]]:
        """(how many match, up to `limit` of them in number order): name, phone tail (3+ digits), or address."""
        q = q.strip()
        if not q:  # the register's first page: no search needed
            people = await self.residents_by_ids([f"r{i}" for i in range(1, limit + 1)])
            return await self.r.hlen(self.k("residents")), list(people.values())
        total, found = await self._search_residents(
            keys=[self.k("residents")], args=[q, limit, "1" if q.isdigit() and len(q) >= 3 else "0"])
        people = [loads(v) for v in found]
        return int(total), sorted(people, key=lambda p: int(p["id"].lstrip("r") or 0))

    async def residents_by_ids(self, rids: list[str]) -> dict[str, dict]:
        if not rids:
            return {}
        raw = await self.r.hmget(self.k("residents"), rids)
        return {rid: v for rid, v in zip(rids, self._loads_many(raw)) if v}

    # === the desk's reports: figures kept as things happen (issue 15) =====================================
    # tally:{name}:{day}  hash  "{quarter}:{label}" -> count; day = days since 1970-01-01 UTC, quarter = its
    #                           15-minute part (0-95). Every time zone is a whole number of quarters from UTC,
    #                           so any local day is a sum of quarters: a report reads one small hash per day.
    #   tally:checkins:…  labels asked, answered: a check-in's outcome, by the time it was for (its slot)
    #   tally:questions:… labels q:{topic} (a question, "" if the bot had no answer), down:{topic} (a 👎)
    # Figures from before this block existed are not in them (the raw records they came from were trimmed).
    CHECKIN_ANSWERS = frozenset({"ok", "activity", "media", "unwell", "help", "answered"})

    async def resident_names(self) -> dict[str, tuple[str, int | None]]:
        """Every resident's id -> (name, Telegram id), read inside Redis: for lists of many (no records sent)."""
        flat = await self._names_script(keys=[self.k("residents")])
        return {flat[i].decode(): (flat[i + 1].decode(), int(flat[i + 2]) if flat[i + 2] else None)
                for i in range(0, len(flat), 3)}

    @functools.cached_property
    def _names_script(self):
        return self.r.register_script(_RESIDENT_NAMES)

    @functools.cached_property
    def _hmget_script(self):
        return self.r.register_script(_HMGET_MANY)

    async def _hmget_many(self, keys: list[str], names: tuple[str, ...], chunk: int = 1000) -> list[list]:
        """HMGET of many hashes, a thousand in each command (one script call: one reply to read, not a thousand)."""
        out = []
        for i in range(0, len(keys), chunk):
            out += await self._hmget_script(keys=keys[i:i + chunk], args=list(names))
        return out

    @staticmethod
    def _loads_many(values: list) -> list:
        """JSON values (None where missing) decoded in one parse of one array, not one call each."""
        return json.loads(b"[" + b",".join(b"null" if v is None else v for v in values) + b"]") if values else []

    def _tally(self, pipe, name: str, at: float, *labels: str) -> None:
        day, quarter = divmod(int(at // 900), 96)
        for label in labels:
            pipe.hincrby(self.k("tally", name, day), f"{quarter}:{label}", 1)

    def _tally_checkin(self, pipe, entry: dict) -> None:
        """A check-in asked and answered (on time), asked and missed, or answered after it was missed ("late":
        asked already, counted then): each slot is asked once."""
        outcome = entry.get("outcome")
        labels = (("asked", "answered") if outcome in self.CHECKIN_ANSWERS else ("answered",) if outcome == "late"
                  else ("asked",) if outcome == "missed" else ())
        self._tally(pipe, "checkins", entry.get("slot") or entry.get("at") or 0, *labels)

    async def count_question(self, q: dict) -> None:
        """A pension question in the tallies, by its status: one the bot answered ("bot_answered") or could not
        ("unanswered") counts once under its topic; a 👎 ("unhelpful") counts among its topic's; handing an
        already-counted question to staff ("asked_staff") adds nothing."""
        label = {"bot_answered": "q", "unanswered": "q", "unhelpful": "down"}.get(q.get("status", ""))
        if label:
            async with self.r.pipeline(transaction=False) as p:
                self._tally(p, "questions", q.get("at") or 0, f"{label}:{q.get('topic') or ''}")
                await p.execute()

    async def tallies(self, name: str, lo: float, hi: float) -> list[tuple[float, str, int]]:
        """(quarter's start, label, count) of the quarters in [lo, hi), in one round trip."""
        days = range(int(lo // 86400), int((hi - 1) // 86400) + 1)
        async with self.r.pipeline(transaction=False) as p:
            for day in days:
                p.hgetall(self.k("tally", name, day))
            raw = await p.execute()
        out = []
        for day, counts in zip(days, raw):
            for f, v in counts.items():
                quarter, label = f.decode().split(":", 1)
                at = day * 86400 + int(quarter) * 900
                if lo <= at < hi:
                    out.append((at, label, int(v)))
        return out

    async def incident_ids_between(self, lo: float, hi: float, slack: float = 600, fan: int = 32) -> list[int]:
        """The numbers of the incidents created in [lo, hi) and of a few either side (numbers grow with creation
        time, give or take the moments two calls race: `slack` seconds). Found by looking at `fan` incidents
        spread over where each end must be, then again closer: a few round trips, whatever the history's length.
        The caller checks each one's `created`."""
        top = await self.incident_seq()
        ends = [[lo - slack, 1, top + 1], [hi + slack, 1, top + 1]]  # [time, a, b]: the first n created then or
        # later is in [a, b]
        while any(a < b for _, a, b in ends):
            probes = sorted({n for _, a, b in ends for n in
                             (range(a, b) if b - a <= fan else (a + (b - a) * i // fan for i in range(fan)))})
            raw = await self._hmget_many([self.k("incident", n) for n in probes], ("created",))
            created = {n: float(loads(row[0])) for n, row in zip(probes, raw) if row[0] is not None}
            for end in ends:
                t, a, b = end
                if a >= b:
                    continue
                every = b - a <= fan  # each one in [a, b) looked at: the end is found
                for n in probes:
                    if a <= n < b and n in created:  # (a missing incident tells nothing)
                        if created[n] < t:
                            a = n + 1
                        else:
                            b = n
                            break
                if every:
                    a = b
                elif [a, b] == end[1:]:  # a run of missing incidents told nothing: take the wider side, stop there
                    a = b = end[1] if end is ends[0] else end[2]
                end[1:] = [a, b]
        start, stop = ends[0][2], ends[1][2]
        return list(range(start, min(stop, top) + 1))


# The same fields (ARGV) of many hashes (KEYS), in one reply.
_HMGET_MANY = """
local out = {}
for i = 1, #KEYS do out[i] = redis.call('HMGET', KEYS[i], unpack(ARGV)) end
return out
"""

# Every resident's id, name and Telegram id ("" if none) from the register hash (KEYS[1]), flat.
_RESIDENT_NAMES = """
local all, out = redis.call('HGETALL', KEYS[1]), {}
for i = 2, #all, 2 do
  local p = cjson.decode(all[i])
  local tg = p.tg_id
  table.insert(out, all[i - 1])
  table.insert(out, type(p.name) == 'string' and p.name or '')
  table.insert(out, (tg ~= nil and tg ~= cjson.null and tg ~= false) and string.format('%d', tg) or '')
end
return out
"""
