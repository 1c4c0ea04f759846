"""What someone who called for help while Redis was away hears once their calls are stored.

During the outage the fallback told them 120 and the committee's phone, and every staff member got a short alert.
Minutes later their calls are replayed through the engine (bot/incidents/outage.py), which would tell them it all
again — "staff told", "do you need someone now?" — out of the blue, to a frightened old person. So what a replay
would send to them (or to the group they called from) is kept back, and once all their journaled calls are stored
they get one short message (a staff member only what the replay offered her to press, as "王老伯摔倒了" typed then
brings [🆘 为王老伯发起紧急求助]; her own cry's colleagues have it):

- recorded, staff will call them, the committee's phone (if no staff member could be alerted: that, 120 and the
  phone; a stranger: passed on to staff, 120 and the phone);
- with the one question the replay left open, if it is still worth asking: the read-back of the address (or which
  of her parents a daughter means) while nobody has claimed the call. Whatever they said during the outage (a
  location, an address in their words) has answered it already and it is not asked. No question: the menu, 🆘
  and all, so the message is never a dead end.
"""
from __future__ import annotations

import logging

from redis.exceptions import RedisError

from ..flows.base import Ctx
from ..flows.menu import keyboard
from ..people import identify
from ..services import Services
from ..types import Outbound

log = logging.getLogger(__name__)
TOLD_KEEP_SECONDS = 86400  # a caller told once an outage, however many processes or runs stored their calls


async def tell_recovered(svc: Services, heard: list[dict], *, since: float) -> None:
    """`heard`: the replayed calls of one person, in order (each with its event, the messages kept back and the
    incidents it opened); `since`: when the first of their calls in the journal came (the same for every process
    replaying them: the one message is claimed in Redis for it)."""
    ev = heard[-1]["ev"]
    try:
        ctx = Ctx(ev, await identify(svc, ev), await svc.store.session(ev.user_id), svc)
        kept = [m for late in heard for m in late["kept"] if m.chat_id == ev.chat and not m.edit]
        incidents = [n for late in heard for n in late.get("incidents", ())]
        if ctx.me.role == "staff":  # her own cry: colleagues have it (else she is told); about a resident: his tap
            await _offer_to_staff(svc, ctx, kept, since, alone=not await _staff_alerted(svc, incidents))
            return
        text = ctx.t(await _recovered_key(ctx, incidents), phone=svc.settings.community.committee_phone)
        question = await _open_question(ctx, kept)
        if not await svc.store.claim_recovered(ev.user_id, f"{since:.3f}", TOLD_KEEP_SECONDS):
            return  # told already: another process, or an earlier run, stored some of their calls
    except (RedisError, OSError) as e:  # Redis away again: they heard the fallback at the time
        log.warning("the message after an outage replay could not be made (%s)", type(e).__name__)
        return
    except Exception:  # a bug: their calls are stored all the same, and they heard the fallback at the time
        log.exception("the message after an outage replay could not be made")
        return
    if question:
        msg = Outbound(ev.chat, f"{text}\n\n{question.text}", buttons=question.buttons, keyboard=question.keyboard,
                       request=question.request, urgent=True, tag="recovered")
    else:
        msg = Outbound(ev.chat, text, keyboard=keyboard(ctx), urgent=True, tag="recovered")
    await svc.outbox.send(msg)


async def _offer_to_staff(svc: Services, ctx: Ctx, kept: list[Outbound], since: float, *, alone: bool) -> None:
    """What the replay answered a staff member with buttons ("王老伯摔倒了": [🆘 为王老伯发起紧急求助]): typing never
    raises a call by itself, so without it nobody would; and (`alone`) that her own call, stored, reached no
    colleague: she was told during the outage that they were being told. Once."""
    offers = [m for m in kept if m.buttons]
    if not (offers or alone) or not await svc.store.claim_recovered(ctx.ev.user_id, f"{since:.3f}",
                                                                    TOLD_KEEP_SECONDS):
        return
    phone = svc.settings.community.committee_phone
    told = [ctx.t("outage.recovered_colleague_alone", phone=phone)] if alone else []
    if offers:
        told.append(f"{ctx.t('outage.recovered_staff')}\n{offers[-1].text}")
    await svc.outbox.send(Outbound(ctx.ev.chat, "\n\n".join(told), buttons=offers[-1].buttons if offers else (),
                                   keyboard=() if offers else keyboard(ctx), urgent=True, tag="recovered"))


async def _staff_alerted(svc: Services, incidents: list[int]) -> bool:
    """Whether her own call stored now reached some colleague's chat (no call of hers stored: nothing to tell)."""
    for n in incidents:
        if (await svc.store.incident(n) or {}).get("staff_caller") and not any(
                role == "staff" for _, _, role in await svc.store.alert_messages(n)):
            return False
    return True


async def _recovered_key(ctx: Ctx, incidents: list[int]) -> str:
    """Staff will call (some staff member has the alert of the call), or nobody could be alerted, or (a stranger's
    call, which opens no incident) it was passed on."""
    if ctx.me.role not in ("resident", "contact"):
        return "outage.recovered_stranger"
    if not incidents and ctx.me.resident_id:  # a voice or photo that went on to their call already open
        incidents = [n for n in [await ctx.svc.store.active_incident(ctx.me.resident_id)] if n]
    for n in incidents:
        if any(role == "staff" for _, _, role in await ctx.svc.store.alert_messages(n)):
            return "outage.recovered"
    return "outage.recovered_not_reached" if incidents else "outage.recovered"


async def _open_question(ctx: Ctx, kept: list[Outbound]) -> Outbound | None:
    """The last question kept back that their conversation still waits for — about the call it is on (its buttons
    name the incident, or it asks for a location) — while that call is open and unclaimed."""
    n = ctx.session.get("incident")
    if not n or not kept:
        return None
    inc = await ctx.svc.store.incident(n)
    if not inc or inc["status"] != "open":
        return None  # claimed: whoever has it calls them; resolved: nothing to ask
    asks = [m for m in kept if m.request == "location"
            or any(str(n) in b.data.split(":") for row in m.buttons for b in row)]
    return asks[-1] if asks else None
