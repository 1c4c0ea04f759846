"""A staff member who typed "撤销" (undo) holding no call most likely closed one by mistake: a closed call is not
reopened (its record, its all-clear and the resident's "处理好了" stand), but she is never left without a way back to
the resident — the calls she closed in the last hour, each with one tap to raise a new call for that resident
(staff_about.py's [🆘 为…发起紧急求助], the new call's words naming the closed one)."""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..textfit import clip
from .packet import NAME_CHARS

UNDO = re.compile(r"撤销|撤回|重新打开|重开|恢复|结错了|关错了|\b(undo|reopen)\b", re.I)
RECENT_SECONDS = 3600
SCAN = 50  # the newest calls looked at
SHOWN = 3


async def answer(ctx: Ctx) -> bool:
    """Her recently closed calls, each with one tap to raise its resident's call again; False when there are none."""
    store, now = ctx.svc.store, ctx.svc.clock.ts()
    top = await store.incident_seq()
    rows = await store.incident_fields(list(range(top, max(0, top - SCAN), -1)),
                                       ("status", "resolved_by", "resolved_at", "resident", "outcome"))
    mine = [r for r in rows if r["status"] == "resolved" and r.get("resolved_by") == ctx.me.staff_id
            and r.get("resident") and r.get("outcome") != "merged"
            and now - (r.get("resolved_at") or 0) <= RECENT_SECONDS][:SHOWN]
    if not mine:
        return False
    lines, buttons = [], []
    for r in mine:
        name = (await store.resident(r["resident"]) or {}).get("name", "?")
        lines.append(ctx.t("staffwords.undo", n=r["id"], name=name, outcome=ctx.t(f"outcome.{r['outcome']}")))
        buttons.append([ctx.button("staffabout.raise", f"stf:raise:{r['resident']}", name=clip(name, NAME_CHARS))])
    ctx.session["said"] = ctx.t("staffwords.undo_words", n=mine[0]["id"])
    ctx.say("\n".join(lines + [ctx.t("staffwords.undo_how")]), buttons=buttons)
    return True


async def held(ctx: Ctx) -> bool:
    """Whether she holds an open call (then "撤销" means giving that one up: its 🔁 转交)."""
    for n in await ctx.svc.store.open_incident_ids():
        inc = await ctx.svc.store.incident(n)
        if inc and inc.get("claimed_by") == ctx.me.staff_id and inc["status"] in ("claimed", "arrived"):
            return True
    return False
