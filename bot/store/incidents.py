"""An incident's record: its fields, its append-only timeline, the alert messages sent for it, the open list,
each resident's active incident, and the atomic claim; and every send attempt, redacted, so an alert that never
arrived can be traced (the last 5,000 are kept)."""
from __future__ import annotations

import json
from string import Template
from typing import Any

from .base import StoreBase, dumps, dumps_fields, loads, loads_fields
from .keys import lua_keys

_K = lua_keys("p")

# A claim is won by exactly one staff member: only if the incident is still held by `expected` and not resolved.
_CLAIM = """
local cur = redis.call('HGET', KEYS[1], 'claimed_by')
if cur == false then cur = '""' end
if cur ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'status') == '"resolved"' then return 0 end
redis.call('HSET', KEYS[1], 'claimed_by', ARGV[2], 'status', ARGV[3], 'claimed_at', ARGV[4])
return 1
"""


# A field holding the latest of something that comes in any order (a live location's moves, handled side by side):
# set only if no newer one (ARGV[3], its "sent_at") is there already.
_KEEP_NEWEST = """
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur and (tonumber(cjson.decode(cur)['sent_at']) or 0) > tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
"""


# A family contact joins an open call's list of those told when it closes, read and written in one step (two who
# join at once are both kept); a closed call takes nobody: 1 joined, 0 there already, -1 closed or gone.
_JOIN_FAMILY = """
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HGET', KEYS[1], 'status') == '"resolved"' then return -1 end
local chat, cur = ARGV[1], redis.call('HGET', KEYS[1], 'family_chats')
if not cur or cur == 'null' or cur == '[]' then
  redis.call('HSET', KEYS[1], 'family_chats', '[' .. chat .. ']')
  return 1
end
for _, told in ipairs(cjson.decode(cur)) do
  if told == tonumber(chat) then return 0 end
end
redis.call('HSET', KEYS[1], 'family_chats', string.sub(cur, 1, -2) .. ',' .. chat .. ']')
return 1
"""


# A resident's call opened only if none of theirs is open, read and written in one step: a request and a 🆘 (or his
# daughter's cry) at one moment make one call, the second joining the first. Returns the new incident's number, or
# minus the open one's. ARGV: prefix, rid, first timeline entry, created, deadlines ([key with {n}, due] JSON), then
# the fields as name, JSON value pairs. An open call with the fields' own "call_token" is this very call, stored by a
# try whose answer never came (a Redis that hung, then ran it: bot/incidents/unanswered.py): its number, as new.
_OPEN_UNLESS_OPEN = Template("""
local p, rid = ARGV[1], ARGV[2]
local token
for i = 6, #ARGV, 2 do if ARGV[i] == 'call_token' then token = ARGV[i + 1] end end
local active = redis.call('GET', ${active_incident})
if active then
  local status = redis.call('HGET', ${active_key}, 'status')
  if status and status ~= '"resolved"' then
    if token and redis.call('HGET', ${active_key}, 'call_token') == token then  -- this very call, stored by a try
      return {tonumber(active), redis.call('HGET', ${active_key}, 'after_closed') or ''}  -- whose answer never came
    end
    return {-tonumber(active), ''}
  end
end
local n = redis.call('INCR', ${incident_seq})
local args = {'id', tostring(n)}
for i = 6, #ARGV do table.insert(args, ARGV[i]) end
local last = redis.call('GET', ${last_closed})
if last then table.insert(args, 'after_closed'); table.insert(args, last) end
redis.call('HSET', ${incident}, unpack(args))
redis.call('RPUSH', ${timeline}, ARGV[3])
redis.call('ZADD', ${incidents_open}, ARGV[4], n)
redis.call('SET', ${active_incident}, n)
for _, d in ipairs(cjson.decode(ARGV[5])) do
  redis.call('ZADD', ${deadlines}, d[2], (string.gsub(d[1], '{n}', n)))
end
return {n, last or ''}
""").substitute(active_incident=_K.active_incident("rid"), active_key=_K.incident("active"),
                incident_seq=_K.incident_seq(), incident=_K.incident("n"), timeline=_K.incident_timeline("n"),
                incidents_open=_K.incidents_open(), deadlines=_K.deadlines(), last_closed=_K.last_closed("rid"))


# A contact's call about one of several residents given the one she names, unless that resident has another call open
# (read and written in one step): 1 named, 0 not hers to name (closed, gone, or named already), minus the open call's
# number (the caller joins hers to it). ARGV: prefix, n, rid, timeline entry, then the fields as name, JSON value pairs.
# Named, it counts (incidents:named): every worker reads who has an open call again within a second (store/due.py).
_NAME_ON_CALL = Template("""
local p, n, rid = ARGV[1], ARGV[2], ARGV[3]
local status = redis.call('HGET', ${incident}, 'status')
if not status or status == '"resolved"' then return 0 end
local named = redis.call('HGET', ${incident}, 'resident')
if named and named ~= '""' and named ~= 'null' then return 0 end
local active = redis.call('GET', ${active_incident})
if active and active ~= n and redis.call('EXISTS', ${active_key}) == 1
    and redis.call('HGET', ${active_key}, 'status') ~= '"resolved"' then
  return -tonumber(active)
end
local args = {}
for i = 5, #ARGV do table.insert(args, ARGV[i]) end
redis.call('HSET', ${incident}, unpack(args))
redis.call('SET', ${active_incident}, n)
redis.call('RPUSH', ${timeline}, ARGV[4])
redis.call('INCR', ${named})
return 1
""").substitute(incident=_K.incident("n"), active_incident=_K.active_incident("rid"), active_key=_K.incident("active"),
                timeline=_K.incident_timeline("n"), named=_K.incidents_named())


class IncidentsStore(StoreBase):
    async def create_incident(self, fields: dict, first_entry: dict, deadlines: dict[str, float]) -> int:
        keys = self.keys
        n = await self.r.incr(keys.incident_seq())
        fields = {**fields, "id": n}
        async with self.r.pipeline(transaction=True) as p:
            p.hset(keys.incident(n), mapping=dumps_fields(fields))
            p.rpush(keys.incident_timeline(n), dumps(first_entry))
            p.zadd(keys.incidents_open(), {str(n): fields["created"]})
            if fields.get("resident"):
                p.set(keys.active_incident(fields["resident"]), n)
            for key, due in deadlines.items():
                p.zadd(keys.deadlines(), {key.format(n=n): due})
            await p.execute()
        await self._replicate_write()
        return n

    async def call_of_token(self, token: str) -> int | None:
        """The open call stored with this "call_token" field (by a try whose answer never came, bot/incidents/
        unanswered.py), if any: asked only when a journaled call with a token is replayed, so the open calls are
        read rather than a key kept for every call."""
        ids = await self.open_incident_ids()
        async with self.r.pipeline(transaction=False) as p:
            for n in ids:
                p.hget(self.keys.incident(n), "call_token")
            found = await p.execute()
        return next((n for n, got in zip(ids, found) if got and loads(got) == token), None)

    async def open_unless_open(self, fields: dict, first_entry: dict, deadlines: dict[str, float]) -> tuple[int, bool]:
        """A resident's call (`fields["resident"]`) stored only if none of theirs is open, in one step
        (_OPEN_UNLESS_OPEN); deadlines' keys name the incident "{n}". (its number, True) or (the open one's, False).
        A new one's `fields` get its "after_closed" (her last call, closed within the hour), as stored."""
        args = [self.prefix, fields["resident"], dumps(first_entry), fields["created"],
                json.dumps([[k, repr(float(due))] for k, due in deadlines.items()])]
        for k, v in dumps_fields(fields).items():
            args += (k, v)
        got, last = await self.script(_OPEN_UNLESS_OPEN)(keys=[self.keys.incident_seq()], args=args)
        if got > 0:
            await self._replicate_write()
            if last:
                fields["after_closed"] = loads(last)
        return abs(got), got > 0

    async def name_on_call(self, n: int, rid: str, fields: dict, entry: dict) -> int:
        """Incident n (a contact's, about one of several) given resident `rid` with `fields`, unless another call of
        theirs is open, in one step (_NAME_ON_CALL): 1 named, 0 not to be named, -m: their call m is open."""
        args = [self.prefix, str(n), rid, dumps(entry)]
        for k, v in dumps_fields(fields).items():
            args += (k, v)
        return await self.script(_NAME_ON_CALL)(keys=[self.keys.incident(n)], args=args)

    async def _replicate_write(self) -> None:
        """WAIT covers its own connection's writes: one more write there, after those."""
        if self.wait_replicas:
            async with self.r.pipeline(transaction=False) as p:
                p.incrby(self.keys.incident_seq(), 0)
                self._replicated(p)
                self._count_acks((await p.execute())[-1])

    async def incident(self, n: int | str) -> dict | None:
        raw = await self.r.hgetall(self.keys.incident(n))
        if not raw:
            return None
        return loads_fields(raw)

    async def update_incident(self, n: int, **fields: Any) -> None:
        await self.r.hset(self.keys.incident(n), mapping=dumps_fields(fields))

    async def step_incident(self, n: int, fields: dict, entry: dict, *, deadlines: dict[str, float] | None = None,
                            cancel: tuple[str, ...] = ()) -> None:
        """One step of an incident written all at once: its fields, its timeline entry, the deadlines it sets and
        those it is done with. A worker killed half-way cannot leave the level moved but the next one unscheduled."""
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.keys.incident(n), mapping=dumps_fields(fields))
            p.rpush(self.keys.incident_timeline(n), dumps(entry))
            if deadlines:
                p.zadd(self.keys.deadlines(), deadlines)
            if cancel:
                p.zrem(self.keys.deadlines(), *cancel)
            await p.execute()

    async def keep_newest(self, n: int, field: str, value: dict) -> bool:
        """Sets the incident's `field` to `value` unless it holds a newer one (by their "sent_at"); whether it did."""
        return bool(await self.script(_KEEP_NEWEST)(keys=[self.keys.incident(n)],
                                                    args=[field, dumps(value), value["sent_at"]]))

    async def mark_incident(self, n: int, field: str, value: Any) -> bool:
        """Sets the incident's `field` unless it is set: whether this did (once a call, whichever worker)."""
        return bool(await self.r.hsetnx(self.keys.incident(n), field, dumps(value)))

    async def add_timeline(self, n: int, entry: dict) -> int:
        """The entry's place in the timeline (from 1: each entry's own)."""
        return await self.r.rpush(self.keys.incident_timeline(n), dumps(entry))

    async def timeline(self, n: int) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.keys.incident_timeline(n), 0, -1)]

    async def claim_incident(self, n: int, staff_id: str, now: float, expected: str = "") -> bool:
        won = await self.script(_CLAIM)(
            keys=[self.keys.incident(n)], args=[dumps(expected), dumps(staff_id), dumps("claimed"), dumps(now)]
        )
        return bool(won)

    async def join_family(self, n: int, chat: int) -> bool:
        """Adds a family contact's chat to the open incident's `family_chats` (told when it closes): False when the
        incident is closed (or gone), so the caller knows nobody will tell her of this one."""
        return await self.script(_JOIN_FAMILY)(keys=[self.keys.incident(n)], args=[str(int(chat))]) >= 0

    async def open_incident_ids(self) -> list[int]:
        return [int(x) for x in await self.r.zrange(self.keys.incidents_open(), 0, -1)]

    async def active_incident(self, rid: str) -> int | None:
        v = await self.r.get(self.keys.active_incident(rid))
        return int(v) if v else None

    async def record_alerts(self, n: int, sent: list[tuple[int, int, str]], entry: dict,
                            fields: dict | None = None, cancel: tuple[str, ...] = (), *,
                            owe: tuple[list, float] | None = None, paid: list[int] = ()) -> None:
        """After an alert round: its messages, its timeline entry and any state change, in one round trip; `owe`
        (targets, due): the full packets still owed to those that had the call in a digest, sent by "pkt:{n}" at
        `due` unless paid (`paid`: the chats whose packets went) before."""
        owed = self.keys.incident_owed(n)
        async with self.r.pipeline(transaction=True) as p:
            for chat, msg_id, role in sent:
                p.hset(self.keys.incident_alerts(n), f"{chat}:{msg_id}", role)
            p.rpush(self.keys.incident_timeline(n), dumps(entry))
            if fields:
                p.hset(self.keys.incident(n), mapping=dumps_fields(fields))
            if cancel:
                p.zrem(self.keys.deadlines(), *cancel)
            if owe and owe[0]:
                p.hset(owed, mapping={str(t[0]): dumps(list(t)) for t in owe[0]})
                p.zadd(self.keys.deadlines(), {f"pkt:{n}": owe[1]})
            if paid:
                p.hdel(owed, *map(str, paid))
            await p.execute()

    async def packets_owed(self, n: int) -> list[tuple[int, str, str]]:
        """(chat, role, name) of each full packet of the incident still owed after a digest."""
        return [tuple(loads(v)) for v in (await self.r.hgetall(self.keys.incident_owed(n))).values()]

    async def alert_messages(self, n: int) -> list[tuple[int, int, str]]:
        """(chat, message, role) of every alert message sent for the incident, oldest first."""
        raw = await self.r.hgetall(self.keys.incident_alerts(n))
        out = []
        for field, role in raw.items():
            chat, msg = field.decode().split(":")
            out.append((int(chat), int(msg), role.decode()))
        return sorted(out, key=lambda x: x[1])

    async def edits_owed(self, n: int, *, failed=(), done=()) -> list[tuple[int, int]]:
        """Alert messages ((chat, message id)) whose edit Telegram failed to make now (`failed`) are owed one; those
        edited or refused for good (`done`) no longer are (bot/incidents/edits_owed.py). Returns all still owed."""
        key = self.keys.incident_stale(n)
        async with self.r.pipeline(transaction=True) as p:
            if done:
                p.srem(key, *(f"{chat}:{msg}" for chat, msg in done))
            if failed:
                p.sadd(key, *(f"{chat}:{msg}" for chat, msg in failed))
            p.smembers(key)
            got = await p.execute()
        return sorted(tuple(int(x) for x in m.decode().split(":")) for m in got[-1])


SEND_LOG_KEPT = 5000  # the send log's newest entries, kept per committee

_LOG_SEND = """
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, %d)
""" % (SEND_LOG_KEPT - 1)


class SendLogStore(StoreBase):
    async def log_send(self, entry: dict) -> None:
        """The records of the sends of one loop turn share a round trip; a record goes at once (not after the few ms
        other scripts may wait for company): whoever sent it records what went out only after this (a notice's
        resident is marked sent), and a crash in between sends that again."""
        await self.batched(_LOG_SEND).call([self.keys.send_log()], [dumps(entry)], urgent=True)

    async def send_log(self, n: int = 100) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.keys.send_log(), 0, n - 1)]
