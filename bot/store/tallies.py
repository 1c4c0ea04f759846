"""Residents' questions for staff (each with its status), and the desk's reports: figures kept as things happen
(issue 15), in one small hash per name and day (see `tally` in keys.py). Every time zone is a whole number of quarters from UTC, so any local day is a sum of
15-minute quarters: a report reads one small hash per day, not the raw records.

  checkins   labels asked, answered: a check-in's outcome, by the time it was for (its slot)
  questions  labels q:{topic} (a question, "" if the bot had no answer), down:{topic} (a 👎)

Figures from before the tallies existed are not in them (the raw records they came from were trimmed)."""
from __future__ import annotations

from .base import StoreBase, dumps, loads


class TalliesStore(StoreBase):
    CHECKIN_ANSWERS = frozenset({"ok", "activity", "media", "unwell", "help", "answered"})

    def _tally(self, pipe, name: str, at: float, *labels: str) -> None:
        day, quarter = divmod(int(at // 900), 96)
        for label in labels:
            pipe.hincrby(self.keys.tally(name, day), f"{quarter}:{label}", 1)

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
                p.hgetall(self.keys.tally(name, day))
            raw = await p.execute()
        out = []
        for day, counts in zip(days, raw):
            for f, v in counts.items():
                quarter, label = f.decode().split(":", 1)
                at = day * 86400 + int(quarter) * 900
                if lo <= at < hi:
                    out.append((at, label, int(v)))
        return out


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
