"""Every send attempt and its outcome, redacted, newest first: the outbox writes one entry per attempt, so an
alert that never arrived can be traced (the last 5,000 are kept)."""
from __future__ import annotations

from .base import StoreBase, dumps, loads


class SendLogStore(StoreBase):
    async def log_send(self, entry: dict) -> None:
        async with self.r.pipeline(transaction=False) as p:
            p.lpush(self.keys.send_log(), dumps(entry))
            p.ltrim(self.keys.send_log(), 0, 4999)
            await p.execute()

    async def send_log(self, n: int = 100) -> list[dict]:
        return [loads(v) for v in await self.r.lrange(self.keys.send_log(), 0, n - 1)]
