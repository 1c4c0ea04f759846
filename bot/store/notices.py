"""Notices to residents (issue 17): the notice, who is still to be sent it, each resident's outcome and 👌; the
visit tasks made for those it did not reach; and the allowance-band news told once."""
from __future__ import annotations

from typing import Any

from .base import StoreBase, dumps, dumps_fields, loads, loads_fields


# A notice's drain holds its lease (the deadline ARGV[3] in KEYS[4]) while the notice names it as the drainer
# (ARGV[1]): renewed to ARGV[2]; 0 once another drainer has taken it over (the lease ran out: this one stops). With a
# resident (ARGV[4]), whether to send them the notice now: 2 yes; 1 no, their outcome is recorded already (a 👌 that
# came first: they leave the to-do list).
_DRAIN = """
if redis.call('HGET', KEYS[1], 'drainer') ~= ARGV[1] then return 0 end
redis.call('ZADD', KEYS[4], 'XX', ARGV[2], ARGV[3])
if ARGV[4] == '' then return 2 end
if redis.call('HEXISTS', KEYS[3], ARGV[4]) == 1 then
  redis.call('LREM', KEYS[2], 1, ARGV[4])
  return 1
end
if not redis.call('LPOS', KEYS[2], ARGV[4]) then return 1 end
return 2
"""


# A resident who writes back while a notice awaits her 👌 (KEYS[1]: its states; ARGV[1]: her id): heard, if sent
_HEARD = """
if redis.call('HGET', KEYS[1], ARGV[1]) ~= 'sent' then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], 'ack')
return 1
"""


class NoticesStore(StoreBase):
    async def create_notice(self, fields: dict, rids: list[str]) -> int:
        n = await self.r.incr(self.keys.notice_seq())
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.keys.notice(n), mapping=dumps_fields({**fields, "id": n}))
            if rids:
                p.rpush(self.keys.notice_todo(n), *rids)
            await p.execute()
        return n

    async def notice(self, n: int | str) -> dict | None:
        raw = await self.r.hgetall(self.keys.notice(n))
        return loads_fields(raw) if raw else None

    async def update_notice(self, n: int, **fields: Any) -> None:
        await self.r.hset(self.keys.notice(n), mapping=dumps_fields(fields))

    async def notice_todo(self, n: int) -> list[str]:
        """The residents still to send the notice to. Read, not popped: each leaves the list once its outcome is
        recorded, so a crash in between sends to them again rather than never."""
        return [v.decode() for v in await self.r.lrange(self.keys.notice_todo(n), 0, -1)]

    async def notice_done(self, n: int, rid: str, state: str) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.lrem(self.keys.notice_todo(n), 1, rid)
            p.hsetnx(self.keys.notice_state(n), rid, state)
            await p.execute()

    async def drain_notice(self, n: int, drainer: str, lease: str, until: float) -> None:
        """`drainer` drains the notice from now on, its lease (the deadline `lease`) held until `until`."""
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.keys.notice(n), "drainer", dumps(drainer))
            p.zadd(self.keys.deadlines(), {lease: until})
            await p.execute()

    async def notice_drained(self, n: int, drainer: str, lease: str, until: float, rid: str = "") -> int:
        """While `drainer` still drains the notice: its lease renewed to `until`, and whether to send `rid` (see
        _DRAIN). 0: another drainer took the notice over."""
        return int(await self.script(_DRAIN)(
            keys=[self.keys.notice(n), self.keys.notice_todo(n), self.keys.notice_state(n), self.keys.deadlines()],
            args=[dumps(drainer), until, lease, rid]))

    async def notice_left(self, n: int) -> int:
        return await self.r.llen(self.keys.notice_todo(n))

    async def ack_notice(self, n: int, rid: str) -> bool:
        """Records a 👌; False if the resident was never sent this notice. A 👌 pressed before the send was
        written down (the resident is still on the to-do list) counts: `notice_done` keeps the 👌. The to-do list is
        read first: `notice_done` moves a resident from it to the states in one transaction, so one who has just
        left the list is found among the states."""
        if await self.r.lpos(self.keys.notice_todo(n), rid) is None and \
                not await self.r.hexists(self.keys.notice_state(n), rid):
            return False
        await self.r.hset(self.keys.notice_state(n), rid, "ack")
        return True

    async def notice_awaits(self, rid: str, n: int, until: float, keep_s: float) -> None:
        """Notice n, sent to `rid`, awaits her answer until `until` (the bot's clock); the key goes `keep_s` later."""
        await self.r.set(self.keys.notice_awaits(rid), f"{n}:{until}", ex=max(1, int(keep_s)))

    async def notice_awaiting(self, rid: str, now: float) -> int | None:
        """The notice last sent to `rid` whose window for her answer is still open at `now`, if any."""
        raw = await self.r.get(self.keys.notice_awaits(rid))
        n, _, until = (raw or b"").decode().partition(":")
        return int(n) if n.isdigit() and float(until or 0) >= now else None

    async def notice_heard(self, rid: str, now: float) -> bool:
        """She wrote back while the last notice sent to her awaits her answer: it counts as her 👌."""
        raw = await self.r.get(self.keys.notice_awaits(rid))
        n, _, until = (raw or b"").decode().partition(":")
        if not n.isdigit() or float(until or 0) < now:
            return False
        return bool(await self.script(_HEARD)(keys=[self.keys.notice_state(int(n))], args=[rid]))

    async def notice_states(self, n: int) -> dict[str, str]:
        raw = await self.r.hgetall(self.keys.notice_state(n))
        return {k.decode(): v.decode() for k, v in raw.items()}

    # --- visit tasks -----------------------------------------------------------------
    async def add_visit_tasks(self, tasks: list[dict]) -> list[int]:
        if not tasks:
            return []
        last = await self.r.incrby(self.keys.visits_seq(), len(tasks))
        ids = list(range(last - len(tasks) + 1, last + 1))
        await self.r.hset(self.keys.visits(), mapping={str(i): dumps({**t, "id": i}) for i, t in zip(ids, tasks)})
        return ids

    async def visit_tasks(self) -> list[dict]:
        raw = await self.r.hgetall(self.keys.visits())
        return sorted((loads(v) for v in raw.values()), key=lambda t: t["id"])

    async def update_visit_task(self, task: dict) -> None:
        await self.r.hset(self.keys.visits(), str(task["id"]), dumps(task))

    async def visit_task(self, vid: int) -> dict | None:
        return loads(await self.r.hget(self.keys.visits(), str(vid)))

    async def mark_told(self, marker: str, group: str = "told") -> bool:
        """True the first time a marker is set (an age band told, a month listed): never twice."""
        return bool(await self.r.sadd(self.keys.ageband(group), marker))

    async def claim_telling(self, marker: str, day: str, group: str = "told") -> bool:
        """True when the marker is not set and this worker is the one to tell it on `day` (the daily job runs in
        every worker); set it (`mark_told`) once told. A worker that dies first leaves it to the next day's run."""
        if await self.r.sismember(self.keys.ageband(group), marker):
            return False
        return bool(await self.r.set(self.keys.ageband(f"{group}:{marker}:{day}"), 1, nx=True, ex=2 * 86400))
