"""Who is who: the resident register (residents by id, phone and Telegram id; their family contacts; the import
audit), and the staff (the phone a staff member joined with, a duty taken over until a given time, who the bot
cannot reach: known to every worker process of the committee, and after a restart)."""
from __future__ import annotations

from typing import Iterable

from .base import StoreBase, dumps, loads

# The residents the words may mean, found inside Redis (one reply of a few records, not the whole register): those
# whose registered name (two characters or more) is in the words (ARGV[1]), and those whose surname — the name's
# first character — is one of the surnames said (ARGV[2], run together), and those whose room is ARGV[3] (digits; ""
# for none). Each record as stored.
_SAID = r"""
local text, surnames, room, out = ARGV[1], ARGV[2], ARGV[3] or '', {}
local all = redis.call('HGETALL', KEYS[1])
for i = 2, #all, 2 do
  local at_door = false
  if room ~= '' and string.find(all[i], room, 1, true) then
    local p = cjson.decode(all[i])
    local r = string.gsub(tostring(p.room or ''), '%D', '')
    at_door = string.gsub(r, '^0+', '') == room
  end
  -- the name read without decoding the record where it comes first (as imported or signed up), else decoded
  local name = string.match(all[i], '^{"name":"([^"\\]*)"') or string.match(all[i], '^{"id":"[^"]*","name":"([^"\\]*)"')
  if name == nil then
    local p = cjson.decode(all[i])
    name = type(p.name) == 'string' and p.name or ''
  end
  local b = string.byte(name, 1) or 0
  local width = b >= 0xF0 and 4 or b >= 0xE0 and 3 or b >= 0xC0 and 2 or 1
  local chars = select(2, string.gsub(name, '[^\128-\191]', ''))
  local surname = width > 1 and string.sub(name, 1, width) or ''
  local named = chars >= 2 and (string.find(text, name, 1, true) or (surname ~= '' and string.find(surnames, surname, 1, true)))
  if at_door or named then
    table.insert(out, all[i])
  end
end
return out
"""


class ResidentsStore(StoreBase):
    async def residents(self) -> list[dict]:
        raw = await self.r.hgetall(self.keys.residents())
        people = [loads(v) for v in raw.values()]
        return sorted(people, key=lambda p: int(p["id"].lstrip("r") or 0))

    async def resident(self, rid: str | None) -> dict | None:
        if not rid:
            return None
        return loads(await self.r.hget(self.keys.residents(), rid))

    async def residents_said(self, text: str, surnames: str = "", room: str = "") -> list[dict]:
        """The residents whose registered name is in the words, whose surname is one of `surnames` (characters run
        together), or who live in `room` (digits, any building): for bot/residents/called.py, which picks whom the
        words mean."""
        args = [text, surnames, room.lstrip("0")]
        return [loads(raw) for raw in await self.script(_SAID)(keys=[self.keys.residents()], args=args)]

    async def resident_id_by_phone(self, phone: str) -> str | None:
        v = await self.r.hget(self.keys.residents_by_phone(), phone)
        return v.decode() if v else None

    async def resident_by_tg(self, tg: int) -> dict | None:
        rid = await self.r.hget(self.keys.residents_by_tg(), str(tg))
        return await self.resident(rid.decode()) if rid else None

    async def replace_residents(self, people: Iterable[dict], contacts_index: dict[str, list[dict]],
                                audit: dict | None = None) -> None:
        """Writes a validated batch in one transaction: all of it or nothing (with its audit entry, if any)."""
        async with self.r.pipeline(transaction=True) as p:
            p.incr(self.keys.incidents_named())  # see _index_resident
            if audit:
                p.rpush(self.keys.register_audit(), dumps(audit))
            for person in people:
                self._index_resident(p, person)
            p.delete(self.keys.contacts_by_phone())
            for phone, links in contacts_index.items():
                p.hset(self.keys.contacts_by_phone(), phone, dumps(links))
            await p.execute()

    async def next_resident_ids(self, n: int) -> list[str]:
        if n <= 0:
            return []
        last = await self.r.incrby(self.keys.residents_seq(), n)
        return [f"r{i}" for i in range(last - n + 1, last + 1)]

    async def save_resident(self, person: dict) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.incr(self.keys.incidents_named())  # see _index_resident
            self._index_resident(p, person)
            await p.execute()

    def _index_resident(self, p, person: dict) -> None:
        """The resident's record and the two ways to find them: by phone, and by Telegram id once they started. Every
        write of the register is counted as a call named is (incidents:named, by its callers): a contact added who is
        signed up already, a wife in it signing up as a resident, may speak about an open call from now on, and every
        worker reads who may within a second (her words in an outage seconds later are kept)."""
        p.hset(self.keys.residents(), person["id"], dumps(person))
        p.hset(self.keys.residents_by_phone(), person["phone"], person["id"])
        if person.get("tg_id"):
            p.hset(self.keys.residents_by_tg(), str(person["tg_id"]), person["id"])

    async def mark_deceased(self, rid: str, mark: dict | None) -> None:
        """A death staff confirmed ({at, by, incident}), or None: the mark taken off (a mistaken report). Kept beside
        the register's rows, so an import or a desk edit of his row never drops it."""
        if mark:
            await self.r.hset(self.keys.residents_deceased(), rid, dumps(mark))
        else:
            await self.r.hdel(self.keys.residents_deceased(), rid)

    async def deceased(self) -> dict[str, dict]:
        """rid -> the mark, of everyone marked."""
        return {k.decode(): loads(v) for k, v in (await self.r.hgetall(self.keys.residents_deceased())).items()}

    async def died(self, rid: str | None) -> dict | None:
        """The mark of a death staff confirmed for this resident ({at, by, incident}), or None (none, or no resident)."""
        return loads(await self.r.hget(self.keys.residents_deceased(), rid)) if rid else None

    async def register_audit(self, n: int = 50) -> list[dict]:
        """Most recent last."""
        return [loads(v) for v in await self.r.lrange(self.keys.register_audit(), -n, -1)]

    # --- family and other contacts -------------------------------------------------
    async def contact_links_by_phone(self, phone: str) -> list[dict]:
        return loads(await self.r.hget(self.keys.contacts_by_phone(), phone)) or []

    async def save_contact_account(self, tg: int, account: dict) -> None:
        """A family member (or doctor) signed up: counted as a call named is (incidents:named), so every worker reads
        again within a second who may speak about an open call (her words in an outage seconds later are kept)."""
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.keys.contacts_by_tg(), str(tg), dumps(account))
            p.incr(self.keys.incidents_named())
            await p.execute()

    async def contact_account(self, tg: int) -> dict | None:
        return loads(await self.r.hget(self.keys.contacts_by_tg(), str(tg)))

    async def contact_accounts(self) -> dict[int, dict]:
        raw = await self.r.hgetall(self.keys.contacts_by_tg())
        return {int(k): loads(v) for k, v in raw.items()}

    async def telegram_ids_by_phone(self, phones: list[str]) -> list[tuple[int, str]]:
        """(Telegram id, phone) of whoever has signed up with these numbers: residents and contacts alike (an
        elderly spouse is often both)."""
        if not phones:
            return []
        out = []
        for phone, rid in zip(phones, await self.r.hmget(self.keys.residents_by_phone(), phones)):
            person = await self.resident(rid.decode()) if rid else None
            if person and person.get("tg_id"):
                out.append((int(person["tg_id"]), phone))
        out += [(tg, acc["phone"]) for tg, acc in (await self.contact_accounts()).items() if acc.get("phone") in phones]
        return out

    async def signed_up_telegram_ids(self) -> list[int]:
        """Every Telegram id the register knows, residents' and family contacts' (ids only: the outage snapshot)."""
        return [int(tg) for key in (self.keys.residents_by_tg(), self.keys.contacts_by_tg())
                for tg in await self.r.hkeys(key)]


class StaffStore(StoreBase):
    async def staff_bindings(self) -> dict[str, dict]:
        return {k.decode(): loads(v) for k, v in (await self.r.hgetall(self.keys.staff_bindings())).items()}

    async def bind_staff(self, staff_id: str, binding: dict) -> None:
        await self.r.hset(self.keys.staff_bindings(), staff_id, dumps(binding))

    async def unbind_staff(self, *staff_ids: str) -> None:
        if staff_ids:
            await self.r.hdel(self.keys.staff_bindings(), *staff_ids)

    async def duty_overrides(self) -> dict[str, float]:
        raw = await self.r.hgetall(self.keys.duty_overrides())
        return {k.decode(): float(v) for k, v in raw.items()}

    async def set_duty_override(self, staff_id: str, until: float | None) -> None:
        if until is None:
            await self.r.hdel(self.keys.duty_overrides(), staff_id)
        else:
            await self.r.hset(self.keys.duty_overrides(), staff_id, until)

    async def unreachable_staff(self) -> set[str]:
        """Staff ids the bot found it cannot reach (blocked it, never started it), by whichever process found it."""
        return {m.decode() for m in await self.r.smembers(self.keys.unreachable_staff())}

    async def heard_again(self, staff_id: str) -> bool:
        """She wrote to the bot: reachable for every process. True for the one call that found her unreachable."""
        return bool(await self.r.srem(self.keys.unreachable_staff(), staff_id))

    async def mark_reach(self, *, reachable: Iterable[str] = (), unreachable: Iterable[str] = ()) -> set[str]:
        """What the bot found out about these staff chats, in one step for every process; returns who it cannot
        reach now (staff it learnt nothing about stay as they were)."""
        key, reachable, unreachable = self.keys.unreachable_staff(), list(reachable), list(unreachable)
        async with self.r.pipeline(transaction=True) as p:
            if reachable:
                p.srem(key, *reachable)
            if unreachable:
                p.sadd(key, *unreachable)
            p.smembers(key)
            got = await p.execute()
        return {m.decode() for m in got[-1]}
