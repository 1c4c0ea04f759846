"""Her own emergency that no staff member has taken by the time her family is alerted (the policy's first level with
"family": 8 minutes by default). She read "马上会有人联系您" and may be waiting for the committee rather than phoning
120: she is told the truth once — nobody has answered yet, they keep trying and her family too, 120 if it is serious,
the committee's phone (119 first for a fire, 110 for an intruder: first_number.py). Not for a call someone else raised (his daughter reads her own lines), a staff member's own
call, a stranger's, a death reported, nor one she said she needs nobody for (the packet says 可能是误报)."""
from __future__ import annotations

from ..config import Policy
from .advice import first_named, named_dangers
from .first_number import SUFFIX
from ..types import Outbound


def family_reached_first_at(policy: Policy, level: int) -> bool:
    """`level` is the policy's first whose audience has the family."""
    levels = policy.levels
    return 0 <= level < len(levels) and "family" in levels[level].to \
        and not any("family" in lv.to for lv in levels[:level])


async def tell(svc, inc: dict, level: int, policy: Policy) -> None:
    """After the escalation round at `level` (sent): her line, once."""
    if inc.get("kind") != "emergency" or not family_reached_first_at(policy, level) or inc.get("told_waiting") \
            or inc.get("reporter") or inc.get("staff_caller") or inc.get("stranger") or inc.get("group") \
            or inc.get("maybe_false_alarm") or inc.get("category") == "death" or not inc.get("resident"):
        return
    store = svc.store
    person = await store.resident(inc["resident"]) or {}
    if not person.get("tg_id") or await store.died(inc["resident"]):
        return
    await store.update_incident(inc["id"], told_waiting=True)
    has_family = any(c.get("phone") for c in person.get("contacts") or [])
    key = "help.still_waiting_family" if has_family else "help.still_waiting"
    loc = await store.pref(person["tg_id"], "locale") or svc.settings.locale
    number = "help.still_urgent" + SUFFIX.get(first_named(named_dangers(inc.get("words") or "")), "")  # 119 for a fire
    text = svc.cat.t(key, loc, urgent=svc.cat.t(number, loc), phone=svc.settings.community.committee_phone)
    await svc.outbox.send(Outbound(person["tg_id"], text, urgent=True, tag=f"resident:{inc['id']}"))
