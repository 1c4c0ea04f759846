"""What a staff member reads who presses a button of a call that is over (an old packet, a digest's claim, a packet
after a restart): who closed it and how — or, for a call joined to the same resident's other call, that one, with
its buttons if it is hers to take: it is still waiting for someone."""
from __future__ import annotations

from .. import roster
from ..flows import staff_views
from ..flows.base import Ctx
from .staff_words import offer_rows


async def tell_over(ctx: Ctx, inc: dict) -> None:
    n, store = inc["id"], ctx.svc.store
    target = await store.incident(inc["merged_into"]) if inc.get("outcome") == "merged" and inc.get("merged_into") \
        else None
    if target and target["status"] != "resolved":
        name = (await staff_views.about(ctx, target)).get("name", "")
        mine = target.get("claimed_by") in (None, "", ctx.me.staff_id) or target.get("reopened")
        ctx.say("\n".join([ctx.t("staff.merged_into", n=n, m=target["id"], name=name),
                           await staff_views.open_line(ctx, target)]),
                buttons=offer_rows(ctx, target, name) if mine else ())
        return
    inc = target or inc  # joined to a call closed since: how that one ended
    who = roster.staff_by_id(ctx.svc.settings, inc.get("resolved_by"))
    outcome = inc.get("outcome") or ""
    ctx.say(ctx.t("staff.already_resolved_by", n=inc["id"], who=who.name if who else "",
                  outcome=ctx.t(f"outcome.{outcome}") if outcome else ""))
