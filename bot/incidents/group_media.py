"""A voice, photo or location sent in a group the bot is in. The bot cannot listen, and a resident who can only
speak sends a voice note wherever they are, so a person hears it:

- a registered resident's or family contact's goes on as if sent in their private chat (on the resident's open
  call, or a request of its own that escalates until someone listens), marked as sent in a group; a location
  is shown to staff beside the registered address;
- a stranger's voice or photo (not a location, as in private) is forwarded to the on-duty staff (else anyone reachable) as an unregistered person's, marked the same (a neighbour's voice
  may be about someone who fell): paced as their private ones are, one a person in STRANGER_MEDIA_SECONDS;
- staff's own are their own.
The group gets only 120 and the committee phone (nothing personal), once for each one forwarded, after the
forward: told it was passed on only when a staff member got it.

A chatty group cannot flood staff: each person's first in GROUP_MEDIA_SECONDS goes on; the rest are counted, and
when that time ends staff hear how many, with the latest ("rep:g5001"; a stranger's "rep:m5001", as in private).
At most GROUP_MEDIA_PER_WINDOW from all groups go on in that time (a quota of their own, so group chatter never
crowds out a stranger's private voice); one over it is counted and follows the same way.
"""
from __future__ import annotations

from dataclasses import replace

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..services import Services
from ..types import MEDIA, Inbound, MessageRef, Outbound
from .alerting import listeners
from .repeats import STRANGER_MEDIA_SECONDS, kinds_named

GROUP_MEDIA_SECONDS = 600  # a registered person's voice, photo or location in a group: one per person per 10 minutes
GROUP_MEDIA_PER_WINDOW = 6  # and at most six from all groups in those 10 minutes


async def in_group(svc: Services, ev: Inbound) -> tuple[list[Outbound], Inbound | None]:
    """The group's reply, and the event to handle as if sent in private (a registered person's, when it goes on)."""
    uid = ev.user_id
    if roster.staff_by_tg(svc.settings, uid):
        return [], None
    if await svc.store.resident_by_tg(uid) or await svc.store.contact_account(uid):
        if not await _goes_on(svc, f"g{uid}", GROUP_MEDIA_SECONDS):
            await svc.store.hold_group_media(uid, [ev.chat, ev.message_id], ev.kind, ttl=2 * GROUP_MEDIA_SECONDS)
            return [], None
        # no words: its caption was read already, and is no cry (the engine takes an event with words for one);
        # the group is answered once it is known whether staff got it (tell_group)
        return [], replace(ev, chat_id=uid, is_group=False, group_id=ev.chat, text="")
    if ev.kind == "location":  # a stranger's location is not passed on, in a group as in private
        return [], None
    await svc.store.log_stranger(uid, {"at": svc.clock.ts(), "kind": ev.kind, "name": ev.first_name,
                                       "text": ev.text[:300], "media": [ev.chat, ev.message_id], "group": True})
    if not await _goes_on(svc, f"m{uid}", STRANGER_MEDIA_SECONDS):
        return [], None  # the latest held back follows when the time ends (bot/incidents/repeats.py)
    intro = svc.cat.t(f"group.stranger_{ev.kind}", name=ev.first_name or "?")
    reached = await roster.pass_on(svc, [], intro, MessageRef(ev.chat, ev.message_id), tag="stranger",
                                   urgent_intro=True)
    return [await tell_group(svc, ev.chat, ev.language, reached)], None


async def _goes_on(svc: Services, subject: str, seconds: int) -> bool:
    """Whether this one goes on now; else it is counted, and staff hear of it when the person's time ends."""
    store, now, deadline = svc.store, svc.clock.ts(), f"rep:{subject}"
    if not await store.repeat(subject, now, seconds, deadline):
        return False
    if await store.within_quota("group_media", now, GROUP_MEDIA_SECONDS, GROUP_MEDIA_PER_WINDOW):
        return True
    await store.repeat(subject, now, seconds, deadline)  # over the quota: counted, so it follows like the rest
    return False


async def held(svc: Services, uid: int, count: int) -> None:
    """A registered person's voices, photos and locations in groups after the one that went on: how many, what,
    and the latest."""
    store = svc.store
    held = await store.take_group_media(uid)  # kept until sent: a worker dying first leaves it to the next run
    media = held.get("media")
    person = await store.resident_by_tg(uid) or await store.contact_account(uid) or {}
    name = next((link["name"] for link in person.get("links", []) if link.get("name")), "") or person.get("name")
    forward = media and await store.within_quota("group_media", svc.clock.ts(), GROUP_MEDIA_SECONDS,
                                                 GROUP_MEDIA_PER_WINDOW)
    text = lambda chat: staff_langs.t(svc, chat, "group.media_again", name=name or "?", count=count,  # noqa: E731
                                      what=kinds_named(svc, held.get("kinds", []), svc.staff_locale(chat)))
    active = await store.active_incident(person["id"]) if person.get("id") else None
    inc = await store.incident(active) if active else None
    # a resident's open call: to whoever handles it, as their voices go; else to the duty
    chats = await listeners(svc, inc) if inc and inc["status"] != "resolved" else []
    await roster.pass_on(svc, chats, text, MessageRef(*media) if forward else None, tag="group",
                               urgent_intro=True)


async def tell_group(svc, chat: int, language: str, reached: int) -> Outbound:
    """A group's answer to a voice or photo sent there, once it is known whether a staff member got it: 120 and
    the committee phone (nothing personal), and "passed on" only if it was."""
    key = "group.media_sent" if reached else "group.media_not_reached"
    msg = Outbound(chat, svc.cat.t(key, svc.cat.locale_for(language), phone=svc.settings.community.committee_phone),
                   urgent=True)
    await svc.outbox.send(msg)
    return msg


async def group_told(ctx: Ctx, reached: int) -> None:
    """A voice or photo sent in a group (not a cry, whose group heard 120 already): the group's answer now."""
    if ctx.ev.group_id and not ctx.cried:
        await tell_group(ctx.svc, ctx.ev.group_id, ctx.ev.language, reached)
