"""A call staff had taken, joined to the resident's open call when its caller names him (`Raising.join_named`): the
claim is kept, never dropped with the joined call.

- his call unclaimed: the one who took the joined call takes his (its timeline says so: "claim_kept"; the packets
  are refreshed and its escalation stops, as any claim does);
- his call taken by someone else too: each of the two hears once who holds his call, so they can speak.
"""
from __future__ import annotations

from .. import roster
from ..types import Outbound


async def keep_claim(incidents, n: int, m: int, name: str) -> None:
    """Call n (closed as joined to m, the resident `name`'s open call): its claimer takes m, or is told who has it."""
    svc = incidents.svc
    mine = roster.staff_by_id(svc.settings, ((await incidents.store.incident(n)) or {}).get("claimed_by"))
    if mine is None:
        return
    target = await incidents.store.incident(m) or {}
    if not target.get("claimed_by") and target.get("status") == "open":
        won, target = await incidents.claim(m, mine, event="claim_kept", merged_from=n)
        if won:
            incidents.background(incidents.refresh(m))
            return
    holder = roster.staff_by_id(svc.settings, (target or {}).get("claimed_by"))
    if holder is None or holder.id == mine.id:
        return
    msgs = [Outbound(who.telegram_id, svc.cat.t("alert.merged_held", await _loc(svc, who.telegram_id), n=n, m=m,
                                                 name=name, mine=mine.name, holder=holder.name), tag=f"merged:{n}")
            for who in (mine, holder) if who.telegram_id]
    await svc.outbox.send_all(msgs)


async def _loc(svc, chat: int) -> str:
    return await svc.store.pref(chat, "locale") or svc.settings.locale
