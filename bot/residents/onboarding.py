"""Sign-up: share your own phone number with one button; the register decides who you are.

Steps: (none) → ask for contact; contact → link resident / family / doctor, or pending until staff approve.
"""
from __future__ import annotations

import logging
from functools import partial

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..flows.both import offer_choice, t_both
from ..flows.menu import keyboard, show_menu
from ..flows.understanding import WORDED, is_emergency, understand
from ..people import locale_of, mask_phone
from ..types import Button
from .address import full_address
from . import stranger_words, unseen
from .register import normalise_phone
from .staff_join import join_as_staff

log = logging.getLogger(__name__)
MEDIA = ("voice", "photo")  # what a stranger may send that staff hear (paced)


async def ask_for_contact(ctx: Ctx, key: str = "onboard.welcome") -> None:
    """The welcome (in both languages, and [中文] [English], when hers is only guessed: bot/flows/both.py), or what
    `key` says, above the button that sends her own phone number."""
    say = t_both if key == "onboard.welcome" else Ctx.t
    ctx.say(say(ctx, key, community=ctx.svc.settings.community.name, phone=ctx.svc.settings.community.committee_phone),
            keyboard=((ctx.t("onboard.share_button"),),), request="contact")
    if key == "onboard.welcome":
        await offer_choice(ctx)


async def on_contact(ctx: Ctx) -> None:
    ev = ctx.ev
    if ev.contact_user_id != ev.user_id:
        await ask_for_contact(ctx, "onboard.not_your_contact")
        return
    phone = normalise_phone(ev.contact_phone)
    if await join_as_staff(ctx, phone):
        return
    store = ctx.svc.store
    rid = await store.resident_id_by_phone(phone)
    if rid:
        await link_resident(ctx, rid)
        return
    links = await store.contact_links_by_phone(phone)
    if links:
        await store.save_contact_account(ev.user_id, {"phone": phone, "name": ev.first_name, "links": links})
        signed_up_now(ctx.svc)
        ctx.me.role = "contact"
        names = "、".join(sorted({(await store.resident(l["rid"]) or {}).get("name", "") for l in links}))
        show_menu(ctx, "onboard.contact_linked", names=names)
        return
    if ((await store.pending(ev.user_id)) or {}).get("phone") == phone:  # shared again: staff were asked already
        ctx.say(ctx.t("onboard.still_pending", phone=ctx.svc.settings.community.committee_phone))
        return
    await store.add_pending(ev.user_id, {"phone": phone, "name": ev.first_name, "at": ctx.svc.clock.ts()})
    log.info("sign-up pending for %s", mask_phone(phone))
    ctx.say(ctx.t("onboard.pending", phone=ctx.svc.settings.community.committee_phone))
    for st in await roster.reachable_on_duty(ctx.svc):
        t = partial(staff_langs.t, ctx.svc, st.telegram_id)  # in her language, not the one who signs up
        await ctx.svc.outbox.send(roster.staff_line(  # no call for help: silent at night
            ctx.svc, st.telegram_id, t("signup.staff_ask", name=ev.first_name or "?", phone=phone),
            buttons=((Button(t("btn.approve"), f"su:ok:{ev.user_id}"),
                      Button(t("btn.reject"), f"su:no:{ev.user_id}")),),
            tag=f"signup:{ev.user_id}"))


async def link_resident(ctx: Ctx, rid: str, user_id: int | None = None) -> dict:
    store = ctx.svc.store
    person = await store.resident(rid)
    person["tg_id"] = user_id or ctx.ev.user_id
    await store.save_resident(person)
    signed_up_now(ctx.svc)
    if ctx.svc.stranger_linked:  # a call they made before signing up is theirs now
        await ctx.svc.stranger_linked(person["tg_id"], person)
    ctx.me.role, ctx.me.resident_id, ctx.me.name = "resident", rid, person["name"]
    ctx.me.locale, ctx.me.guessed = await locale_of(ctx.svc, ctx.ev, person.get("language"))  # the register's, now
    address = full_address(ctx.svc.settings.community.address_prefix, person) or ctx.t("packet.no_address")
    ctx.say(t_both(ctx, "onboard.linked", name=person["name"], address=address), keyboard=keyboard(ctx, "resident"))
    await offer_choice(ctx)
    return person


def signed_up_now(svc) -> None:
    """Their cry goes first during an outage from the next second on, not only after the next snapshot."""
    if svc.outage:
        svc.outage.known.soon()


async def on_stranger(ctx: Ctx) -> None:
    """Someone not yet signed up: every message written down; a shared contact signs them up. An urgent message
    (a text, or a caption) still gets 120 and the committee phone, and staff hear of it (the first at once, then
    how many more each minute: bot/incidents/repeats.py); so does a voice or photo."""
    ev = ctx.ev
    entry = {"at": ctx.svc.clock.ts(), "kind": ev.kind, "name": ev.first_name, "text": ev.text[:300],
             "phone": ev.contact_phone or ""}
    if ev.kind in MEDIA:
        entry["media"] = [ev.chat, ev.message_id]  # for the one held back to follow (bot/incidents/repeats.py)
    await ctx.svc.store.log_stranger(ev.user_id, entry)  # every message of theirs, whatever staff are told
    if ev.kind == "contact":
        await on_contact(ctx)
        return
    if ev.kind == "location" and ev.latitude is not None and await stranger_words.after_cry(
            ctx, ctx.t("stranger.location_words", lat=f"{ev.latitude:.5f}", lon=f"{ev.longitude:.5f}")):
        await ask_for_contact(ctx, "stranger.phone_please")  # where she is went to her call's staff; then her phone
        return
    result = await understand(ctx.svc, ev.text) if ev.kind in WORDED and ev.text.strip() else None
    urgent = bool(result) and is_emergency(result)
    if urgent and result["intent"]["name"] != "emergency" and await stranger_words.after_cry(ctx, ev.text.strip()):
        return  # after her cry, words the model is unsure of ("他说他叫王老伯"): on her call, never a second one
    if urgent and await unknown_cry_for_help(ctx):  # a call of her own: where is she (or the neighbour not seen)?
        unseen.ask_where(ctx, ev.text)
    if ctx.ev.kind in MEDIA:
        await unknown_media(ctx, told=urgent)
    if urgent:
        return
    pending = bool(await ctx.svc.store.pending(ctx.ev.user_id))
    key = None  # a typed phone, a public question, a wish to register: answered before the prompt (stranger_words.py)
    if result and not urgent and ev.kind == "text":
        key = await stranger_words.answer(ctx, ev.text.strip(), result, pending)
    if key == stranger_words.ON_HER_CALL:
        return  # she was asked where she is; the sign-up welcome now would be a second question in her emergency
    if pending:  # her phone sent: no button again; what she wrote still reached staff (or she is to phone)
        told = key in ("stranger.wish_told", "stranger.worker_told")
        ctx.say(ctx.t("stranger.pending_told" if told else "onboard.still_pending",
                      phone=ctx.svc.settings.community.committee_phone))
        return
    await ask_for_contact(ctx, key or "onboard.welcome")


async def unknown_cry_for_help(ctx: Ctx) -> bool:
    """A cry for help from someone the register does not know: a call of its own, stored, then alerted and escalating
    (bot/incidents/stranger_call.py: their repeats join it, strangers together are capped); they get 120 and the
    committee phone, and hear staff were told only when someone got it. One that names a resident on the register is
    her own call (bot/incidents/reported.py): False then, else True (a call of their own: where are they?). (The
    incidents build on the register: wired by the composition root.)"""
    phone, svc = ctx.svc.settings.community.committee_phone, ctx.svc
    await stranger_words.cried(ctx)  # what they say next reaches staff too
    if svc.stranger_named and await svc.stranger_named(ctx, ctx.ev.text[:300]):  # "3号楼的张阿姨摔倒了": hers
        if unseen.for_someone(ctx.ev.text) == "found":  # "我捡到一个老人 他说他叫王老伯": where are they now?
            unseen.ask_where(ctx, ctx.ev.text)
        return False
    reached = await svc.stranger_cry(ctx.ev, ctx.ev.text[:300] or "🆘") if svc.stranger_cry else 0
    ctx.say(t_both(ctx, unseen.urgent_key(ctx.ev.text) if reached else "stranger.not_reached", phone=phone), urgent=True)
    return True


async def unknown_media(ctx: Ctx, told: bool = False) -> None:
    """A voice or photo from someone the register does not know: the bot cannot read it, so staff on duty hear it
    (marked as from an unregistered person, by their Telegram name), else anyone on the staff the bot can reach,
    paced per person and overall (bot/incidents/repeats.py); the sender gets 120 and the committee phone, unless
    `told` already, and hears it was passed on only when someone got it."""
    ev, phone = ctx.ev, ctx.svc.settings.community.committee_phone
    forward = await ctx.svc.repeats.stranger_media(ev.user_id)
    reached = 0
    if forward:
        intro = ctx.svc.cat.t(f"stranger.media_{ev.kind}", name=ev.first_name or "?")
        reached = await roster.pass_on(ctx.svc, [], intro, ev.origin, tag="stranger", urgent_intro=True)
    if forward and not reached:
        ctx.say(t_both(ctx, "stranger.not_reached", phone=phone), urgent=True)
    elif not told:
        ctx.say(t_both(ctx, "stranger.media_sent" if forward else "stranger.media_held", phone=phone), urgent=True)
