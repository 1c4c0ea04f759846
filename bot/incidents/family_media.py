"""A family contact's or family doctor's voice, photo or location: the bot cannot read it, so staff on duty hear it
at once, as the resident's own would be (a caption that cries for help is a cry, the photo following it)."""
from __future__ import annotations

from ..flows.base import Ctx
from ..flows.menu import keyboard
from ..flows.understanding import is_emergency, understand
from . import family, help_request  # each imports the other: family reads the words, this module the media
from .group_media import group_told
from .report_after import media_on_report


async def on_media(ctx: Ctx) -> None:
    """A voice, photo or location. A caption that cries for help is a cry (the photo follows it to staff);
    otherwise staff on duty hear it at once, as a resident's own voice: on the resident's open call, or as a
    request of its own ([🆘 按紧急处理] [✅ 已听，不紧急]) that escalates until someone listens."""
    ev, store = ctx.ev, ctx.svc.store
    words = ev.text.strip()[:300]
    cried = bool(words) and (bool(ctx.cried) or is_emergency(await understand(ctx.svc, words)))
    links, people = await family.linked_people(ctx)
    if not people:
        await family.as_unknown(ctx, cried)
        return
    reporter = family.reporter_of(ctx, links)
    if cried:
        if n := await family.cry_for_help(ctx, words):
            await help_request.forward_media(ctx, n, reporter=reporter)
        return
    if await media_on_report(ctx):  # after her cry about a neighbour: where the neighbour is, not her resident
        return
    where = _where(ctx, reporter)
    someone, fields = (people[0], {"reporter": reporter}) if len(people) == 1 else family.several(ctx, people, reporter)
    how = dict(category=f"family_{ev.kind}", source="family", ask_address=False,
               media=[ev.origin.chat_id, ev.message_id], **fields, family_chats=[ev.user_id], **where)
    existing, n = (await ctx.svc.incidents.opened_or_open("help", someone, **how)) if len(people) == 1 else (None, 0)
    active = existing and existing["id"]
    if active and await family.joined(ctx, active):  # (closed meanwhile: a request of its own)
        if where:  # the call's packets show it beside the registered address
            await store.update_incident(active, **where)
            await ctx.svc.incidents.refresh(active)
        if not await help_request.forward_media(ctx, active, reporter=reporter):
            help_request.tell_not_reached(ctx)
            return
    else:
        n = n or await ctx.svc.incidents.open("help", someone, **how)
        await store.add_timeline(n, {"at": ctx.svc.clock.ts(), "event": f"family_{ev.kind}", "by": reporter["name"]})
        reached = await ctx.svc.incidents.alert_first(n)
        await group_told(ctx, reached)
        if not reached:
            help_request.tell_not_reached(ctx)
            return
    sent = "family.location_sent" if ev.kind == "location" else "family.media_sent"
    ctx.say(ctx.t(sent, phone=ctx.svc.settings.community.committee_phone), keyboard=keyboard(ctx))


def _where(ctx: Ctx, reporter: dict) -> dict:
    """A shared location, as the incident keeps it: where she says, with who said it (not the resident's own)."""
    ev = ctx.ev
    if ev.kind != "location" or ev.latitude is None or ev.longitude is None:
        return {}
    return {"family_location": {"lat": ev.latitude, "lon": ev.longitude, "name": reporter["name"],
                                "relation": reporter["relation"]}}
