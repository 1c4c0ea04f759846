"""What the staff web console (bot/desk) reads and keeps: sign-in links and sessions, the register's change
history, and queries over many incidents, check-ins and residents in one round trip each."""
from __future__ import annotations

from string import Template

from .base import StoreBase, dumps, loads
from .keys import lua_keys

# A resident's latest incidents: scanned inside Redis, newest first (there is no per-resident index).
_RESIDENT_INCIDENTS = Template("""
local p, rid, n, limit = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[5])
local stop = math.max(0, n - tonumber(ARGV[4]))
local out = {}
while n > stop and #out < limit do
  if redis.call('HGET', ${incident}, 'resident') == rid then table.insert(out, n) end
  n = n - 1
end
return out
""").substitute(incident=lua_keys("p").incident("n"))

# The register searched inside Redis: name, phone tail (3+ digits) or road/lane/building/room, first `limit` found.
_SEARCH_RESIDENTS = Template("""
local q, limit, tail = ARGV[2], tonumber(ARGV[3]), ARGV[4] == '1'
local all = redis.call('HGETALL', ${residents})
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
""").substitute(residents=lua_keys("ARGV[1]").residents())


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

    async def incidents(self, ids: list[int]) -> list[dict]:
        """Many incidents in one round trip (missing ones left out)."""
        async with self.r.pipeline(transaction=False) as p:
            for n in ids:
                p.hgetall(self.keys.incident(n))
            raw = await p.execute()
        return [{k.decode(): loads(v) for k, v in h.items()} for h in raw if h]

    async def timelines(self, ids: list[int]) -> dict[int, list[dict]]:
        async with self.r.pipeline(transaction=False) as p:
            for n in ids:
                p.lrange(self.keys.incident_timeline(n), 0, -1)
            raw = await p.execute()
        return {n: [loads(v) for v in entries] for n, entries in zip(ids, raw)}

    async def checkins_of(self, rids: list[str], names: tuple[str, ...]) -> dict[str, dict]:
        """These check-in fields of many residents in one round trip."""
        async with self.r.pipeline(transaction=False) as p:
            for rid in rids:
                p.hmget(self.keys.checkin(rid), *names)
            raw = await p.execute()
        return {rid: {k: loads(v) for k, v in zip(names, row) if v is not None} for rid, row in zip(rids, raw)}

    async def checkin_logs(self, rids: list[str], since: float = 0) -> dict[str, list[dict]]:
        """Many residents' check-in outcomes back to `since` (newest first), in one round trip."""
        async with self.r.pipeline(transaction=False) as p:
            for rid in rids:
                p.lrange(self.keys.checkin_log(rid), 0, -1)
            raw = await p.execute()
        out = {}
        for rid, entries in zip(rids, raw):
            out[rid] = kept = []
            for v in entries:  # newest first: stop at the first one older than `since`
                e = loads(v)
                if (e.get("slot") or e.get("at") or 0) < since:
                    break
                kept.append(e)
        return out

    async def incident_fields(self, ids: list[int], names: tuple[str, ...]) -> list[dict]:
        """A few fields of many incidents in one round trip (for lists and reports)."""
        async with self.r.pipeline(transaction=False) as p:
            for n in ids:
                p.hmget(self.keys.incident(n), *names)
            raw = await p.execute()
        return [{k: loads(v) for k, v in zip(names, row)} | {"id": n} for n, row in zip(ids, raw) if row[0] is not None]

    async def forget_resident_phone(self, phone: str, rid: str) -> None:
        """After a phone number was corrected: the old number no longer leads to this resident."""
        cur = await self.r.hget(self.keys.residents_by_phone(), phone)
        if cur and cur.decode() == rid:
            await self.r.hdel(self.keys.residents_by_phone(), phone)

    async def resident_incident_ids(self, rid: str, limit: int = 10, scan: int = 5000) -> list[int]:
        """The resident's latest incidents among the newest `scan`, newest first (one short script in Redis)."""
        top = await self.incident_seq()
        found = await self.script(_RESIDENT_INCIDENTS)(keys=[], args=[self.prefix, dumps(rid), top, scan, limit])
        return [int(n) for n in found]

    async def search_residents(self, q: str, limit: int = 100) -> tuple[int, list[dict]]:
        """(how many match, up to `limit` of them in number order): name, phone tail (3+ digits), or address."""
        q = q.strip()
        if not q:  # the register's first page: no search needed
            people = await self.residents_by_ids([f"r{i}" for i in range(1, limit + 1)])
            return await self.r.hlen(self.keys.residents()), list(people.values())
        total, found = await self.script(_SEARCH_RESIDENTS)(
            keys=[], args=[self.prefix, q, limit, "1" if q.isdigit() and len(q) >= 3 else "0"])
        people = [loads(v) for v in found]
        return int(total), sorted(people, key=lambda p: int(p["id"].lstrip("r") or 0))

    async def residents_by_ids(self, rids: list[str]) -> dict[str, dict]:
        if not rids:
            return {}
        raw = await self.r.hmget(self.keys.residents(), rids)
        return {rid: loads(v) for rid, v in zip(rids, raw) if v}
