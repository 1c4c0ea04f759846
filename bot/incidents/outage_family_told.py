"""Whether a resident's family heard of her cry during this outage: written in the outage journal, the record on disk.

The timer that tells her family at the emergency's family level (outage_family.py) lives in one process; the journal
outlives it. So a process started during the outage (systemd after a crash), or another worker on the same folder,
arms her timer from her first cry waiting there, counted from when she cried; and before anyone tells her family, a
mark is written to the journal under the folder's lock (every worker on this host), then the message sent, then
how many it reached. A mark with an outcome: told, never again this outage. One with none yet: another worker is
sending now — or its process died mid-send, and after SENDING_SECONDS she is told again (twice rather than never).

Once Redis is back the mark is replayed with the cry it follows (`said`: outage.py keeps it behind the cry): the
stored call's packet and history say the family got the outage message, for the staff working the call.
"""
from __future__ import annotations

import uuid

SENDING_SECONDS = 60  # a mark this old with no outcome: its sender died mid-send


def first_cries(entries: list[dict]) -> dict[int, tuple[float, str]]:
    """Each person's first cry waiting in the journal: (when, its entry's id)."""
    out: dict[int, tuple[float, str]] = {}
    for e in entries:
        uid = (e.get("ev") or {}).get("user_id")
        if e.get("cried") and uid is not None and (uid not in out or float(e.get("at") or 0) < out[uid][0]):
            out[int(uid)] = (float(e.get("at") or 0), str(e["id"]))
    return out


def _marks(entries: list[dict]) -> dict[str, dict]:
    """The family marks by id, an outcome written later (maybe in another file) merged into its mark."""
    marks: dict[str, dict] = {str(e["id"]): {} for e in entries if e.get("family_told")}
    for e in entries:
        if str(e.get("id")) in marks:
            marks[str(e["id"])].update(e)
    return marks


def claim(journal, due: dict[int, float], now: float) -> dict[int, tuple[str, str]]:
    """Under the folder's lock (blocking: call it in a thread), for each resident whose timer is due (her Telegram
    id: when she first cried): ("told", "") or ("sending", "") when her family was told of a cry made then or later
    (or is being told), else ("tell", the mark's id), the mark written."""
    out: dict[int, tuple[str, str]] = {}
    with journal.locked():
        entries = journal.peek()
        marks, cries = _marks(entries).values(), first_cries(entries)
        for resident, since in due.items():
            ours = [m for m in marks if (m.get("ev") or {}).get("user_id") == resident and float(m["at"]) >= since]
            if any("reached" in m for m in ours):
                out[resident] = ("told", "")
            elif any(now - float(m["at"]) < SENDING_SECONDS for m in ours):
                out[resident] = ("sending", "")
            else:
                mark = {"v": 1, "id": uuid.uuid4().hex, "at": now, "family_told": True, "ev": {"user_id": resident}}
                if cry := cries.get(resident):  # replayed behind her cry, onto the call it becomes
                    mark["said"] = cry[1]
                journal.append(mark)
                out[resident] = ("tell", mark["id"])
    return out


async def on_call(svc, entry: dict, opened: list[int]) -> None:
    """A mark replayed once Redis is back: on the call her cry became (`opened`; else her open call), its history and
    packet say her family got the outage message (or that it reached none of them)."""
    uid = (entry.get("ev") or {}).get("user_id")
    calls = opened[-1:] or [n for n, _ in await svc.incidents.open_calls_of(uid)] if uid else []
    told = {"at": float(entry.get("at") or svc.clock.ts()), "reached": int(entry.get("reached") or 0)}
    event = "outage_family_told" if told["reached"] else "outage_family_not_reached"
    for n in calls:
        await svc.store.add_timeline(n, {**told, "event": event})
        await svc.store.update_incident(n, outage_family=told)
        await svc.incidents.refresh(n)
