"""Who may 🔁 转交 a call, and to whom: its claimer, and the committee head (the claimer stuck, or gone home) —
an ordinary colleague's old packet says who holds it instead (staff.py)."""
from __future__ import annotations

from .. import staff_langs
from ..roster import staff_by_id, staff_by_tg
from ..types import Outbound


def may_hand_over(inc: dict, staff) -> bool:
    """Hers to hand over: she holds it (or nobody does yet: the tap then says it failed), or she is the head."""
    return bool(staff) and (inc.get("claimed_by") in (None, staff.id) or staff.role == "head")


def shows_hand_over(settings, inc: dict, viewer: int | None) -> bool:
    """Whether the packet in the `viewer` chat carries 🔁 转交 (None: any chat's, e.g. the desk's)."""
    return viewer is None or may_hand_over(inc, staff_by_tg(settings, viewer))


def hand_to_whom(settings, inc: dict, me) -> list:
    """Everyone but the one who holds it: the head may give a colleague's call to herself."""
    holder = inc.get("claimed_by") or me.id
    return [s for s in settings.staff if s.id != holder]


def holder_of(settings, inc: dict, me):
    """Whose call is handed over: the claimer's (the head's tap moves a colleague's)."""
    return staff_by_id(settings, inc.get("claimed_by")) or me


async def tell_handed_over(svc, inc: dict, me, holder, to, urgent: bool) -> None:
    """The one it was handed to hears who gave it to her; the one who held it, when the head moved it, that it is no
    longer hers and whom to phone (never told of her own tap)."""
    n, out = inc["id"], []
    if to.id != me.id:  # the call's packet first, if she never had it: "请查看上面的求助信息" is then true
        await svc.incidents.packet_to(n, to.telegram_id, to.name)
        out.append(Outbound(to.telegram_id, staff_langs.t(svc, to.telegram_id, "staff.handed_to_you", n=n, name=me.name),
                            urgent=urgent))
    if holder.id != me.id:  # the head took it herself: "陈书记 接手了 #1", never "转交给了 陈书记" by 陈书记
        key = "staff.taken_away" if to.id == me.id else "staff.handed_away"
        out.append(Outbound(holder.telegram_id, staff_langs.t(svc, holder.telegram_id, key, n=n, by=me.name,
                                                              name=to.name, phone=to.phone)))
    results = await svc.outbox.send_all(out)
    refused = [m.chat_id for m, res in zip(out, results) if m.chat_id == to.telegram_id and not res.ok and res.permanent]
    if refused and svc.reach:  # she never hears of it: it comes back (held_calls.py)
        await svc.reach.refused(refused)

