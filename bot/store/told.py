"""Who has been told how a call ended (bot/incidents/closed.py): per family chat, "told" once the news reached it
(or the chat refused it for good), or the time until which one worker is telling it. Two workers never both send it
to one chat, and a worker that dies while telling a chat leaves it to another once that time has passed."""
from __future__ import annotations

from .base import StoreBase

# Takes chat ARGV[1] to tell, held until ARGV[3]: unless it was told ("told"), or someone is telling it until after
# ARGV[2], now ("busy").
_TAKE = """
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v == 'told' then return 'told' end
if v and tonumber(v) and tonumber(v) > tonumber(ARGV[2]) then return 'busy' end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 'taken'
"""

# Gives the chat back (a send that failed for a moment), unless someone else has taken it since.
_GIVE_BACK = """
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0
"""


class FamilyNewsStore(StoreBase):
    async def take_news_chat(self, n: int, chat: int, now: float, until: float) -> str:
        """Takes `chat` to tell how call `n` ended, until `until`: the hold (to give back if the send failed), or
        "told" (it was), or "busy" (another worker is telling it)."""
        hold = repr(float(until))
        got = await self.script(_TAKE)(keys=[self.keys.incident_told(n)], args=[chat, now, hold])
        got = got.decode() if isinstance(got, bytes) else got
        return hold if got == "taken" else got

    async def news_told(self, n: int, chat: int) -> None:
        await self.r.hset(self.keys.incident_told(n), str(chat), "told")

    async def give_back_news_chat(self, n: int, chat: int, hold: str) -> None:
        await self.script(_GIVE_BACK)(keys=[self.keys.incident_told(n)], args=[chat, hold])
