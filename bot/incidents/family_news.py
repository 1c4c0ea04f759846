"""What a family contact or family doctor told of a call hears while it is still open, in their own words (how it
ended: closed.py). Told of it: the one who made it or spoke on it, and those its escalation reached (`family_told`).

- he keeps calling for help: one line in FAMILY_AGAIN_SECONDS at most — that he is still calling, that staff know
  (and who has it, once someone has taken it), or, while no staff member has been reached, that, and to phone him;
- a staff member takes it, or it is handed to another: who;
- it became an emergency (`tell_raised`): that, and the words that made it so.

Never the staff's lines ("🆘 #1 … 又发来求助", a count a minute, /commands), nobody's phone or address but the
committee's; the staff's own news of a call stays with staff (`Alerting.notify_alerted`)."""
from __future__ import annotations

from .. import roster
from ..types import Outbound
from .closed import family_told, tell_family, whose
from .held_calls import lost

FAMILY_AGAIN_SECONDS = 300  # a daughter far away needs to know he is still calling, not each press


async def tell_still_calling(svc, n: int) -> None:
    """He called again on his open call: those told of it hear so, paced."""
    inc = await svc.store.incident(n)
    if not inc or not await family_told(svc, inc):
        return
    if not await svc.store.paced(f"family:{n}", svc.clock.ts(), FAMILY_AGAIN_SECONDS):
        return
    holder = None if lost(inc) else roster.staff_by_id(svc.settings, inc.get("claimed_by"))  # (held_calls.py)
    key = "family.still_calling_taken" if holder and inc.get("status") in ("claimed", "arrived") else \
        "family.still_calling_unreached" if inc.get("caller_unreached") else "family.still_calling"  # (reached_late.py)
    await _tell(svc, inc, key, who=holder.name if holder else "")


async def tell_taken(svc, n: int, who: str) -> None:
    """A staff member took the call (claimed, or was handed it): those told of it hear who; so does a neighbour who
    reported her from an unregistered account, in private — who took it, nothing of hers (not even her full name)."""
    if inc := await svc.store.incident(n):
        await _tell(svc, inc, "family.taken", who=who)
        await _tell_reporter(svc, inc, who)


async def _tell_reporter(svc, inc: dict, who: str) -> None:
    rep = inc.get("reporter") or {}
    if not (rep.get("other") and rep.get("tg_id")) or rep.get("claims"):  # a door claimed hears it as hers (staff.py)
        return
    loc = await svc.store.pref(rep["tg_id"], "locale") or svc.settings.locale
    text = svc.cat.t("stranger.report_taken", loc, who=who, phone=svc.settings.community.committee_phone)
    await svc.outbox.send(Outbound(rep["tg_id"], text, tag=f"reporter:{inc['id']}"))


async def tell_raised(svc, n: int, words: str, chats: set[int], reached: bool = True) -> None:
    """His call became an emergency ("救命" on his request, his daughter's cry on his missed check-in): the family
    told of it already (`chats`: but the one who raised it) hear it in one line, never the whole family message
    again (its packet, where they have one, is edited to say it); that no staff member has it yet, unless `reached`."""
    if not chats or not (inc := await svc.store.incident(n)):
        return
    name, phone, msgs = await whose(svc, inc), svc.settings.community.committee_phone, []
    for chat in sorted(chats):
        loc = await svc.store.pref(chat, "locale") or svc.settings.locale
        msgs.append(Outbound(chat, svc.cat.t("family.raised" if reached else "family.raised_unreached", loc, name=name, words=words, phone=phone), urgent=True,
                             tag=f"family:{n}"))
    await svc.outbox.send_all(msgs)


async def _tell(svc, inc: dict, key: str, **kw) -> None:
    phone = svc.settings.community.committee_phone
    await tell_family(svc, inc, lambda name, loc: svc.cat.t(key, loc, name=name, phone=phone, **kw))
