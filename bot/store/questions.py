"""Residents' questions for staff: ones the knowledge base could not answer, answers found unhelpful, and
questions passed on to a person, each with its status."""
from __future__ import annotations

from .base import dumps, loads
from .tallies import TalliesStore


class QuestionsStore(TalliesStore):
    async def add_question(self, q: dict) -> int:
        n = await self.r.incr(self.keys.questions_seq())
        await self.r.hset(self.keys.questions(), str(n), dumps({**q, "id": n}))
        await self.count_question(q)  # the desk's reports (see tallies.py)
        return n

    async def question(self, n: int) -> dict | None:
        return loads(await self.r.hget(self.keys.questions(), str(n)))

    async def update_question(self, q: dict) -> None:
        await self.r.hset(self.keys.questions(), str(q["id"]), dumps(q))

    async def questions(self) -> list[dict]:
        raw = await self.r.hgetall(self.keys.questions())
        return sorted((loads(v) for v in raw.values()), key=lambda q: q["id"])
