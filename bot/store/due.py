"""What is due, committee by committee: each one's earliest deadline and earliest check-in step, read for every
committee of a process in one pipelined round trip, so the scheduler wakes only a committee that has something due
(an idle committee costs one short read-only script a tick instead of three leases)."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Sequence

from .base import StoreBase

# The first score of each time-ordered set in KEYS but the last three ('' for an empty one), as Redis spells it (full
# precision); then how often a staff member's language changed ('' for never), and the incident counter plus the
# calls given their resident later (DeskStore.calls_changed).
_EARLIEST = """
local out = {}
for i = 1, #KEYS - 3 do
  out[i] = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')[2] or ''
end
out[#KEYS - 2] = redis.call('GET', KEYS[#KEYS - 2]) or ''
out[#KEYS - 1] = (tonumber(redis.call('GET', KEYS[#KEYS - 1])) or 0) + (tonumber(redis.call('GET', KEYS[#KEYS])) or 0)
return out
"""


@dataclass(frozen=True)
class Earliest:
    """When a committee's next deadline (escalation, time-out, notice …) and its next check-in step (either queue)
    fall due; None: nothing waiting. A leased item counts from the end of its lease. `langs`: how often a staff
    member's language changed, by any worker (a worker that knew another count reads them again: bot/staff_langs.py).
    `seq`: the incident counter plus the calls named later — a call opened or given its resident by any worker (its
    outage job reads who has an open call again)."""

    deadline: float | None
    checkin: float | None
    langs: str = ""
    seq: int = 0


def _earliest_keys(store: StoreBase) -> list[str]:
    return [store.keys.deadlines(), store.keys.checkins_queue("due"), store.keys.checkins_queue("ladder"),
            store.keys.staff_langs(), store.keys.incident_seq(), store.keys.incidents_named()]


def _earliest(reply) -> Earliest:
    *times, langs, seq = reply
    deadline, *checkins = [float(v) if v else None for v in times]
    checkin = min((c for c in checkins if c is not None), default=None)
    return Earliest(deadline, checkin, langs.decode() if isinstance(langs, bytes) else str(langs), int(seq or 0))


async def earliest_due(stores: Sequence[StoreBase]) -> list[Earliest | Exception]:
    """Each store's `Earliest`, in order, one script per store (its keys all under its own prefix: one Cluster slot).
    The reads of stores on one connection (a process's committees share one) go in one pipelined round trip of
    EVALSHA (`ScriptBatch`: a Redis that lost the script, restarted or failed over, gets it again). A store whose
    read fails gets its exception in its place and the others their answer; a dropped connection fails its stores."""
    replies = await asyncio.gather(*(store.batched(_EARLIEST).call(_earliest_keys(store), []) for store in stores),
                                   return_exceptions=True)
    return [reply if isinstance(reply, Exception) else _earliest(reply) for reply in replies]
