"""Who confirms a reported death in one tap, and who hears that it was confirmed (life.py does the confirming).

The committee's rule: a death stops his check-ins and everything sent to his chat for good, so it is confirmed by
whoever holds the report (she is the one checking it with the family), by the head, or by anyone while nobody holds
it (someone must be able to act). A colleague on a report someone else holds — her packet from before it was taken,
an old one, data made up — is asked first, with the holder's name and phone, and confirms with a second tap
("dyes:<n>:<holder id>", valid only while that colleague still holds it, and only if the server asked her: made-up
data naming the holder is asked again). Whoever confirms it, the holder and the head
read who did (each once: the line for everyone else alerted skips them); whoever undoes it (↩️, the safe way: his
check-ins come back), the holder, the head and whoever had confirmed it read who did.

button             who     answered by
dyes:<n>:<holder>  staff   life.on_confirmed: confirmed after reading whose report it is
"""
from __future__ import annotations

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..incidents import holder_lost as lost, outcome_shown, tappable
from ..roster import staff_line


def held_by_other(ctx: Ctx, inc: dict, named: str = ""):
    """The colleague holding the report whom she has not yet read about (None: she may confirm it now)."""
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    holder = None if lost(inc) or inc.get("status") == "resolved" else \
        roster.staff_by_id(ctx.svc.settings, inc.get("claimed_by") or None)
    if holder is None or me is None or holder.id == me.id or me.role == "head" or \
            holder.id == named == inc.get(f"asked_{me.id}"):  # asked whose it is: the server's record, not the data's
        return None
    return holder


async def ask(ctx: Ctx, inc: dict, holder, name: str) -> None:
    """Whose report it is, with her phone, and the second tap that confirms it all the same."""
    await outcome_shown(ctx.svc, inc["id"], ctx.me.staff_id, holder.id)
    ctx.say(ctx.t("checkin.death_ask_held", n=inc["id"], who=holder.name, phone=tappable(holder.phone), name=name),
            buttons=[[ctx.button("checkin.death_ask_confirm", f"dyes:{inc['id']}:{holder.id}")]])


async def tell(ctx: Ctx, inc: dict, name: str, undone: bool = False) -> set[int]:
    """The holder and the head (never the one who pressed) read who confirmed the death — or undid it, and then
    whoever had confirmed it too: the chats told."""
    svc, me = ctx.svc, roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    holder = roster.staff_by_id(svc.settings, inc.get("claimed_by") or None)
    confirmer = (inc.get("death_confirmed") or {}).get("by") if undone else None
    them = {st.telegram_id: st for st in [holder, *roster.heads(svc.settings)] + [
        st for st in svc.settings.staff if st.name == confirmer] if st and st.id != me.id}
    key = "checkin.death_undone_by" if undone else "checkin.death_confirmed_by"
    lines = [staff_line(svc, chat, staff_langs.t(svc, chat, key, n=inc["id"], name=name, who=me.name,
                                                 phone=tappable(me.phone)), tag=f"died:{inc['id']}")
             for chat in them]
    await svc.outbox.send_all(lines)
    return set(them)
