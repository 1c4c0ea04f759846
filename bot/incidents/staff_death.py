"""A staff member's words that a resident with no report of it open has died ("王老伯去世了"): a death report offered.

[🆘 为王老伯发起紧急求助] was the only tap she had: an ambulance round for a man said to be dead, and nothing to record
what she was told. Now her words offer [🕯 为王老伯登记去世报告] (stf:death:<resident id>) instead: one tap opens the
request his daughter's "我爸去世了" opens (🕯, to check and to contact the family), reported by her, and staff on duty
are told as for any request. Words that leave it uncertain ("好像死了 叫不醒": STILL_A_CRY) keep the 🆘 offer.
An old tap opens no second report: his open call (or his confirmed death) is named instead.
"""
from __future__ import annotations

from .. import roster
from ..flows.bereaved import STILL_A_CRY
from ..flows.base import Ctx
from .family_told import DIED
from .raising import open_call


def told(text: str) -> bool:
    """Her words tell of a death, and nothing leaves it uncertain."""
    return bool(DIED.search(text)) and not STILL_A_CRY.search(text)


def offer(ctx: Ctx, person: dict) -> list:
    return [ctx.button("staffdeath.offer", f"stf:death:{person['id']}", name=person["name"])]


async def on_tap(ctx: Ctx, person: dict, said: str) -> None:
    """[🕯 为…登记去世报告]: his report opened (or, open already or confirmed, named), with her as its reporter."""
    store, name = ctx.svc.store, person["name"]
    if died := await store.died(person["id"]):
        ctx.edit_pressed(ctx.t("staffabout.died", n=died.get("incident") or "?", name=name))
        return
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    reporter = {"name": me.name, "relation": ctx.svc.cat.t("staffabout.relation"), "phone": me.phone, "staff": me.id}
    if (inc := await open_call(store, person["id"])) is not None:
        if not (inc.get("category") == "death" or inc.get("death_told")):  # on his open call, marked 🕯 there
            await store.update_incident(inc["id"], death_told=True, death_by=reporter)  # (labelled as hers)
            await ctx.svc.incidents.refresh(inc["id"])
        ctx.edit_pressed(ctx.t("staffabout.death_open", n=inc["id"], name=name))
        return
    existing, n = await ctx.svc.incidents.opened_or_open("help", person, words=said, category="death", source="staff",
                                                         detail=said, ask_address=False, reporter=reporter)
    if existing:  # opened meanwhile
        ctx.edit_pressed(ctx.t("staffabout.death_open", n=existing["id"], name=name))
        return
    reached = await ctx.svc.incidents.alert_first(n)
    ctx.edit_pressed(ctx.t("staffdeath.opened" if reached else "staffdeath.opened_nobody", n=n, name=name,
                           phone=ctx.svc.settings.community.committee_phone))
