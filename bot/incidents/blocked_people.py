"""A staff member or a family contact who blocks the assistant's chat (or deletes it), and takes it back.

Telegram tells the bot at once (my_chat_member). A staff member was found out only when an alert to her failed: a
call's first alert went to her, failed, and only then reached anyone else. Now her block counts at once: she is
unreachable for every process (`Reach`), so level 0 goes to the next reachable staff member, and the head and the
other staff get one line asking someone to phone her. A family contact's block: the staff on duty get one line to
phone him, since his relative's escalation will not reach him. Taking the block back restores either, in one line
(silent at night: roster.staff_line). Residents: bot/checkins/blocked.py.
"""
from __future__ import annotations

import logging

from .. import roster, staff_langs
from ..types import Inbound, Outbound
from .held_calls import give_back, named, tell_back

log = logging.getLogger(__name__)


async def on_member(svc, ev: Inbound) -> None:
    if st := roster.staff_by_tg(svc.settings, ev.user_id):
        await _staff(svc, st, blocked=ev.kind == "blocked")
    elif not await svc.store.resident_by_tg(ev.user_id) and (acc := await svc.store.contact_account(ev.user_id)):
        await _family(svc, acc, blocked=ev.kind == "blocked")


async def _staff(svc, st, *, blocked: bool) -> None:
    if blocked:
        await svc.store.mark_reach(unreachable=[st.id])
    # reachable again: what became of her calls, told by whichever comes first, this or a message of hers (reach.py)
    again = not blocked and await svc.store.heard_again(st.id)
    cannot = await roster.unreachable(svc)
    others = [o for o in svc.settings.staff if o.id != st.id and o.id not in cannot]
    log.info("a staff member %s the chat", "blocked" if blocked else "took back")
    if not blocked:
        await svc.outbox.send_all([roster.staff_line(svc, o.telegram_id, staff_langs.t(
            svc, o.telegram_id, "staff.unblocked_bot", name=st.name)) for o in others])
        if again:
            await tell_back(svc, st)  # the calls given back while she could not be reached (held_calls.py)
        return
    duty = roster.on_duty(svc.settings, svc.clock.now(), await svc.store.duty_overrides())
    was_on_duty = any(d.id == st.id for d in duty)
    held = await give_back(svc, st.id, st.name, blocked=True)  # the calls she holds: offered again at once (held_calls.py)
    calls = await named(svc, held) if held else ""
    # her calls go elsewhere now: everyone should know to whom, and it may not wait till morning
    instead = ("、".join(o.name for o in await roster.reachable_on_duty(svc)) or "-") if was_on_duty else ""

    def text(chat: int) -> str:  # in each colleague's language
        lines = [staff_langs.t(svc, chat, "staff.blocked_bot", name=st.name, phone=st.phone)]
        lines += [staff_langs.t(svc, chat, "staff.holder_lost", name=st.name, calls=calls)] if held else []
        lines += [staff_langs.t(svc, chat, "staff.blocked_bot_instead", name=st.name, instead=instead)] if instead else []
        return "\n".join(lines)
    if was_on_duty or held:
        await svc.outbox.send_all([Outbound(o.telegram_id, text(o.telegram_id)) for o in others])
    else:
        await svc.outbox.send_all([roster.staff_line(svc, o.telegram_id, text(o.telegram_id)) for o in others])


async def _family(svc, acc: dict, *, blocked: bool) -> None:
    links = await svc.store.contact_links_by_phone(acc.get("phone", ""))
    people = [p for p in [await svc.store.resident(link["rid"]) for link in links] if p]
    if not people:
        return
    relatives = "、".join(p["name"] for p in people)
    name = acc.get("name") or links[0].get("name", "")
    key = "family.blocked_bot" if blocked else "family.unblocked_bot"
    log.info("a family contact %s the chat", "blocked" if blocked else "took back")
    await svc.outbox.send_all([roster.staff_line(svc, st.telegram_id, staff_langs.t(
        svc, st.telegram_id, key, name=name, resident=relatives, phone=acc.get("phone", "")))
        for st in await roster.reachable_on_duty(svc)])
