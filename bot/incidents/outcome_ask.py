"""The outcome question after ✅ 已解决 — the one way a staff member's tap closes a call.

On a call a colleague holds the question first says whose it is, with her phone, and its buttons carry the holder it
named ("out:<n>:<outcome>:<holder id>"). An outcome pressed without that — from a question asked before the colleague
took the call, an old ✅ 已听, data a client made up — is asked again the same way, and closes nothing: nobody
closes a colleague's call without having read whose it is.

That she read it is the server's record, not the button's word: the question, when it names the holder, writes on
the call whom it named to her ("asked_<staff id>" on the incident); an outcome naming a holder closes only if the
question she was asked named that one. Data made up to name the holder (a modified client) is asked again. The desk
writes the same when its page, rendered by the server, named the holder to her (bot/desk/shown.py)."""
from __future__ import annotations

from .. import roster
from ..flows.base import Ctx
from .closed import RESOLVED as OUTCOMES
from .packet import tappable


def parsed(args: list[str]) -> tuple[int, str, str] | None:
    """(the call, the outcome, the holder the question named, "" if none) from "out:…" data; None: not its shape."""
    if len(args) not in (2, 3) or not args[0].isdigit() or args[1] not in OUTCOMES:
        return None
    return int(args[0]), args[1], args[2] if len(args) == 3 else ""


def holding(ctx: Ctx, inc: dict):
    """The colleague who holds the call (None when it is hers, nobody's, or its holder is off the staff list)."""
    holder = roster.staff_by_id(ctx.svc.settings, inc.get("claimed_by") or None)
    return holder if holder and holder.id != ctx.me.staff_id else None


def may_close(ctx: Ctx, inc: dict, named: str) -> bool:
    """Whether her outcome closes the call: hers or nobody's, or the question she was asked named its holder."""
    holder = holding(ctx, inc)
    return holder is None or holder.id == named == inc.get(f"asked_{ctx.me.staff_id}")


async def shown(svc, n: int, staff_id: str, holder_id: str) -> None:
    """On the call: the holder was named to this staff member (by the question, or by the desk's page)."""
    await svc.store.update_incident(n, **{f"asked_{staff_id}": holder_id})


async def ask(ctx: Ctx, inc: dict) -> None:
    """✅ 已解决's question: whose call it is first (a colleague's), then the outcomes."""
    n, holder = inc["id"], holding(ctx, inc)
    if holder:
        await shown(ctx.svc, n, ctx.me.staff_id, holder.id)
    warn = ctx.t("staff.outcome_ask_held", n=n, who=holder.name, phone=tappable(holder.phone)) + "\n" if holder else ""
    tail = f":{holder.id}" if holder else ""
    ctx.say(warn + ctx.t("staff.outcome_ask", n=n),
            buttons=[[ctx.button(f"outcome.{o}", f"out:{n}:{o}{tail}") for o in pair]
                     for pair in (OUTCOMES[:2], OUTCOMES[2:])])
