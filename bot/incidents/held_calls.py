"""A call whose holder the bot can no longer reach goes back to the others.

A staff member took a call (🙋 我来处理, or was handed it: 🔁 转交) and then blocked the assistant's chat
(blocked_people.py), or a message to her was refused for good (Reach.refused: her phone's Telegram gone, the chat
deleted without Telegram telling the bot), or she is no longer on the staff list (a new config, at start). The call
is hers no more in all but name: it is reopened, as a claim nobody arrived at is (deadlines.py `_no_arrival`) —
the reachable staff on duty get its packet again with 🙋 我来处理, every packet already sent shows the button
again (with who cannot be reached, and her phone), the resident's further words, voice and cries reach everyone
the call alerted (alerting.py `listeners`), not her dead chat, and the first colleague to tap takes it (the resident
hears who is coming). Its timers keep running as a safety net. Her own tap, once she can be reached again (已到达 or
🙋 我来处理), makes it hers again.
"""
from __future__ import annotations

import logging

from .. import roster, staff_langs
from ..types import Button, Outbound

log = logging.getLogger(__name__)
HELD = ("claimed", "arrived")


def lost(inc: dict) -> bool:
    """The call was given back because its holder could not be reached, and nobody has taken it since."""
    return bool(inc.get("reopened") and inc.get("holder_lost") and inc.get("holder_lost") == inc.get("claimed_by")
                and inc.get("status") in HELD)


def lost_line(svc, inc: dict, loc: str) -> str:
    """The first line of its staff packets while `lost`: who holds it in name, and her phone."""
    if not lost(inc):
        return ""
    if not (st := roster.staff_by_id(svc.settings, inc["claimed_by"])):  # taken off the staff list
        return svc.cat.t("alert.holder_gone", loc, n=inc["id"], who=inc.get("holder_lost_name") or "?")
    return svc.cat.t("alert.holder_lost", loc, n=inc["id"], who=st.name, phone=st.phone or "-")


async def held_by(svc, staff_id: str | None) -> list[dict]:
    """Her open calls: claimed by her, or arrived at (None: by anyone no longer on the staff list)."""
    out, staff = [], {st.id for st in svc.settings.staff}
    for n in await svc.store.open_incident_ids():
        inc = await svc.store.incident(n)
        held = inc and inc.get("claimed_by") and inc.get("status") in HELD
        if held and (inc["claimed_by"] == staff_id if staff_id else inc["claimed_by"] not in staff):
            out.append(inc)
    return out


async def give_back_former(svc) -> None:
    """At start: the calls held by someone taken off the staff list (a changed config), each offered again."""
    for inc in await held_by(svc, None):
        by = [e for e in await svc.store.timeline(inc["id"]) if e.get("event") in ("claimed", "handed_over")]
        name = (by[-1].get("to") or by[-1].get("by", "")) if by else ""
        await give_back(svc, inc["claimed_by"], name)


async def give_back(svc, staff_id: str, name: str = "", *, blocked: bool = False) -> list[dict]:
    """Her open calls, offered again to the reachable staff on duty (already given back ones: not again). Returns
    the calls given back now. `blocked`: she blocked the bot (told so when she is back; else only that it could not
    reach her)."""
    incidents, given = svc.incidents, []
    for inc in await held_by(svc, staff_id):
        n = inc["id"]
        async with incidents.lock(n):
            inc = await svc.store.incident(n)
            if not inc or inc.get("claimed_by") != staff_id or inc.get("status") not in HELD or lost(inc):
                continue
            now = svc.clock.ts()
            await svc.store.update_incident(n, reopened=True, holder_lost=staff_id, holder_lost_name=name,
                                            holder_blocked=blocked)
            await svc.store.add_timeline(n, {"at": now, "event": "holder_lost", "by": name or staff_id})
            inc = await svc.store.incident(n)
            await incidents._alert(n, inc["level"], audience=["on_duty"], reason="alert.holder_lost", inc=inc)
        log.warning("incident %s: its holder cannot be reached; offered again", n)
        incidents.background(incidents.refresh(n))
        given.append(inc)
    return given


async def named(svc, calls: list[dict]) -> str:
    """"#1 王老伯、#3 张阿姨": the calls given back, for the line asking someone to phone her."""
    names = []
    for inc in calls:
        person = await svc.incidents._caller(inc)
        names.append(f"#{inc['id']} {person.get('name', '')}".strip())
    return "、".join(names)


async def holder_unreachable(svc, staff_id: str) -> None:
    """A message to her was refused for good (Reach.refused): the calls she holds go back, and the other staff the
    bot can reach are asked to phone her (at once, at any hour: a call is waiting)."""
    st = roster.staff_by_id(svc.settings, staff_id)
    if st is None or not (held := await give_back(svc, st.id, st.name)):
        return
    cannot = await roster.unreachable(svc)
    calls = await named(svc, held)
    await svc.outbox.send_all([Outbound(o.telegram_id, "\n".join([
        staff_langs.t(svc, o.telegram_id, "staff.unreachable_holder", name=st.name, phone=st.phone),
        staff_langs.t(svc, o.telegram_id, "staff.holder_lost", name=st.name, calls=calls)]), urgent=True)
        for o in svc.settings.staff if o.id != st.id and o.id not in cannot])


async def tell_back(svc, st) -> None:
    """She can be reached again (took the block back, or wrote again after her chat silently refused): each call
    given back meanwhile, one tap to take it again if nobody has, or who has it now — "您屏蔽助手期间" only if she
    did block it, else "助手联系不上您期间"."""
    msgs = []
    for n in await svc.store.open_incident_ids():
        inc = await svc.store.incident(n)
        if not inc or inc.get("holder_lost") != st.id or inc.get("status") not in HELD:
            continue
        name = (await svc.incidents._caller(inc)).get("name", "")
        why = "" if inc.get("holder_blocked") else "_unreached"
        if lost(inc):
            msgs.append(Outbound(st.telegram_id, staff_langs.t(svc, st.telegram_id, f"staff.holder_back{why}", n=n,
                                                               name=name),
                                 buttons=((Button(staff_langs.t(svc, st.telegram_id, "btn.claim"), f"inc:claim:{n}"),),),
                                 urgent=True))
        elif taker := roster.staff_by_id(svc.settings, inc.get("claimed_by")):
            msgs.append(Outbound(st.telegram_id, staff_langs.t(svc, st.telegram_id, f"staff.holder_back_taken{why}",
                                                               n=n, name=name, who=taker.name)))
    await svc.outbox.send_all(msgs)
