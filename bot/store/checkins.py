"""Daily wellbeing check-ins: each resident's settings and today's state, who is enrolled, the two time-ordered
queues (waiting for the next check-in; waiting for the answer to one sent) and recent outcomes.

A resident is in at most one of the two queues."""
from __future__ import annotations

from typing import Iterable

from .base import dumps, dumps_fields, loads, loads_fields
from .tallies import TalliesStore


class CheckinsStore(TalliesStore):
    async def checkin(self, rid: str) -> dict:
        raw = await self.r.hgetall(self.keys.checkin(rid))
        return loads_fields(raw)

    async def save_checkin(self, rid: str, fields: dict) -> None:
        await self.r.hset(self.keys.checkin(rid), mapping=dumps_fields(fields))

    async def schedule_checkin(self, rid: str, due: float | None, ladder: bool = False) -> None:
        """Puts the resident's next step at `due` in one of the two queues (None: in neither)."""
        mine, other = ("ladder", "due") if ladder else ("due", "ladder")
        async with self.r.pipeline(transaction=True) as p:
            p.zrem(self.keys.checkins_queue(other), rid)
            if due is None:
                p.zrem(self.keys.checkins_queue(mine), rid)
            else:
                p.zadd(self.keys.checkins_queue(mine), {rid: due})
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
                    p.hset(self.keys.checkin(rid), mapping=dumps_fields(fields))
                p.sadd(self.keys.checkins_enrolled(), *rids)
                p.zrem(self.keys.checkins_queue("ladder"), *rids)
                p.zadd(self.keys.checkins_queue("due"), {rid: due for rid, _, due in batch})
                await p.execute()
            n += len(batch)

    async def unenrol_checkin(self, rid: str, fields: dict) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self.keys.checkin(rid), mapping=dumps_fields(fields))
            p.srem(self.keys.checkins_enrolled(), rid)
            p.zrem(self.keys.checkins_queue("due"), rid)
            p.zrem(self.keys.checkins_queue("ladder"), rid)
            await p.execute()

    async def checkin_enrolled(self) -> list[str]:
        return sorted((m.decode() for m in await self.r.smembers(self.keys.checkins_enrolled())),
                      key=lambda rid: int(rid.lstrip("r") or 0) if rid.lstrip("r").isdigit() else 0)

    async def take_checkins_due(self, queue: str, now: float, lease: float = 120, limit: int = 60) -> list[str]:
        """Leases up to `limit` residents due in "due" or "ladder"; a crashed worker's lease runs out and they refire."""
        return await self.lease_due(self.keys.checkins_queue(queue), now, lease, limit)

    async def checkin_queue_size(self, queue: str) -> int:
        return await self.r.zcard(self.keys.checkins_queue(queue))

    async def checkins_due_count(self, now: float) -> int:
        """Check-ins whose time has come and that no worker has taken yet (a backlog, for the metrics)."""
        return await self.r.zcount(self.keys.checkins_queue("due"), "-inf", now)

    async def checkin_when(self, rid: str) -> tuple[str, float] | None:
        for queue in ("ladder", "due"):
            score = await self.r.zscore(self.keys.checkins_queue(queue), rid)
            if score is not None:
                return queue, score
        return None

    async def log_checkin(self, rid: str, entry: dict) -> None:
        async with self.r.pipeline(transaction=False) as p:
            p.lpush(self.keys.checkin_log(rid), dumps(entry))
            p.ltrim(self.keys.checkin_log(rid), 0, 29)
            self._tally_checkin(p, entry)  # the desk's reports (see tallies.py)
            await p.execute()

    async def checkin_log(self, rid: str, n: int = 30) -> list[dict]:
        """Most recent first."""
        return [loads(v) for v in await self.r.lrange(self.keys.checkin_log(rid), 0, n - 1)]
