"""What the staff web console (bot/desk) reads and keeps: sign-in links and sessions, the register's change
history, and queries over many incidents, check-ins and residents in one round trip each."""
from __future__ import annotations

import json

from .base import StoreBase, dumps, loads

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


class DeskStore(StoreBase):
    # --- the staff web console (bot/desk) ----------------------------------------------------
    async def put_console(self, kind: str, token: str, value: dict, ttl_seconds: float) -> None:
        await self.r.set(self.keys.console(kind, token), dumps(value), px=max(1, int(ttl_seconds * 1000)))

    async def console(self, kind: str, token: str) -> dict | None:
        return loads(await self.r.get(self.keys.console(kind, token)))

    async def take_console(self, kind: str, token: str) -> dict | None:
        """Reads and deletes at once: a one-time link works for exactly one request."""
        return loads(await self.r.getdel(self.keys.console(kind, token)))

    async def drop_console(self, kind: str, token: str) -> None:
        await self.r.delete(self.keys.console(kind, token))

    async def add_audit(self, rid: str, entry: dict) -> None:
        await self.r.rpush(self.keys.audit(rid), dumps(entry))

    async def audit(self, rid: str) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.keys.audit(rid), 0, -1)]

    async def incident_seq(self) -> int:
        return int(await self.r.get(self.keys.incident_seq()) or 0)

    async def calls_changed(self) -> int:
        """The incident counter plus the calls given their resident later (and family signing up): higher, someone
        has a call now, or may speak about one."""
        return sum(int(v or 0) for v in await self.r.mget(self.keys.incident_seq(), self.keys.incidents_named()))

    async def incidents(self, ids: list[int]) -> list[dict]:
        """Many incidents in one round trip (missing ones left out)."""
        async with self.r.pipeline(transaction=False) as p:
            for n in ids:
                p.hgetall(self.keys.incident(n))
            raw = await p.execute()
        return [{k.decode(): loads(v) for k, v in h.items()} for h in raw if h]

    async def checkins_of(self, rids: list[str], names: tuple[str, ...]) -> dict[str, dict]:
        """These check-in fields of many residents in one round trip."""
        raw = await self._hmget_many([self.keys.checkin(rid) for rid in rids], names)
        values = iter(self._loads_many([v for row in raw for v in row]))
        return {rid: {k: v for k, v in zip(names, values) if v is not None} for rid in rids}

    async def incident_fields(self, ids: list[int], names: tuple[str, ...]) -> list[dict]:
        """A few fields of many incidents in one round trip (for lists and reports)."""
        raw = await self._hmget_many([self.keys.incident(n) for n in ids], names)
        values = iter(self._loads_many([v for row in raw for v in row]))
        rows = [{k: v for k, v in zip(names, values)} | {"id": n} for n in ids]
        return [row for row, got in zip(rows, raw) if got[0] is not None]

    async def forget_resident_phone(self, phone: str, rid: str) -> None:
        """After a phone number was corrected: the old number no longer leads to this resident."""
        cur = await self.r.hget(self.keys.residents_by_phone(), phone)
        if cur and cur.decode() == rid:
            await self.r.hdel(self.keys.residents_by_phone(), phone)

    async def resident_incident_ids(self, rid: str, limit: int = 10, scan: int = 5000) -> list[int]:
        """The resident's latest incidents among the newest `scan`, newest first (one short script in Redis)."""
        top = await self.incident_seq()
        keys = [self.keys.incident(n) for n in range(top, max(0, top - scan), -1)]
        if not keys:
            return []
        return [top + 1 - int(i) for i in await self.script(_RESIDENT_INCIDENTS)(keys=keys, args=[dumps(rid), limit])]

    async def search_residents(self, q: str, limit: int = 100) -> tuple[int, list[dict]]:
        """(how many match, up to `limit` of them in number order): name, phone tail (3+ digits), or address."""
        q = q.strip()
        if not q:  # the register's first page: no search needed
            people = await self.residents_by_ids([f"r{i}" for i in range(1, limit + 1)])
            return await self.r.hlen(self.keys.residents()), list(people.values())
        total, found = await self.script(_SEARCH_RESIDENTS)(
            keys=[self.keys.residents()], args=[q, limit, "1" if q.isdigit() and len(q) >= 3 else "0"])
        people = [loads(v) for v in found]
        return int(total), sorted(people, key=lambda p: int(p["id"].lstrip("r") or 0))

    async def residents_by_ids(self, rids: list[str]) -> dict[str, dict]:
        if not rids:
            return {}
        raw = await self.r.hmget(self.keys.residents(), rids)
        return {rid: v for rid, v in zip(rids, self._loads_many(raw)) if v}

    async def resident_names(self) -> dict[str, tuple[str, int | None]]:
        """Every resident's id -> (name, Telegram id), read inside Redis: for lists of many (no records sent)."""
        flat = await self.script(_RESIDENT_NAMES)(keys=[self.keys.residents()])
        return {flat[i].decode(): (flat[i + 1].decode(), int(flat[i + 2]) if flat[i + 2] else None)
                for i in range(0, len(flat), 3)}

    async def _hmget_many(self, keys: list[str], names: tuple[str, ...], chunk: int = 1000) -> list[list]:
        """HMGET of many hashes, a thousand in each command (one script call: one reply to read, not a thousand)."""
        out = []
        for i in range(0, len(keys), chunk):
            out += await self.script(_HMGET_MANY)(keys=keys[i:i + chunk], args=list(names))
        return out

    @staticmethod
    def _loads_many(values: list) -> list:
        """JSON values (None where missing) decoded in one parse of one array, not one call each."""
        return json.loads(b"[" + b",".join(b"null" if v is None else v for v in values) + b"]") if values else []

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
            raw = await self._hmget_many([self.keys.incident(n) for n in probes], ("created",))
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
