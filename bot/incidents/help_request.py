"""A resident's call for help. The alert goes out first; the address is confirmed alongside, never before.

help.need_now       asks "do you need someone now?" after a typed emergency; its answer: need_now.py
"""
from __future__ import annotations

import asyncio

from .. import roster, staff_langs
from ..residents import full_address
from ..flows.base import Ctx
from ..flows.both import both, t_both
from ..flows.menu import keyboard, show_menu
from ..types import MEDIA, Outbound
from . import address_steps, address_told, call_state, first_number
from .advice import advice_for, risk_lines
from .call_questions import ask_need, kept_after_media, not_asked_thrice
from .group_media import group_told
from .night_pace import at_night
from .alerting import listeners
from .outage import called_at, replaying
from .raising import open_call
from .repeats import said_again

REASSURE_AFTER_SECONDS = 0.2


def _incidents(ctx: Ctx):
    return ctx.svc.incidents


async def start_help(ctx: Ctx, kind: str = "emergency", *, words: str = "", category: str | None = None,
                     source: str = "button", confirm_need: bool = False, detail: str = "",
                     quiet: bool = False, noted: str | None = None) -> int:
    """Stores and alerts; `quiet` leaves the resident's reply to the caller (non-urgent requests only) unless the
    alert reached nobody: then they hear the truth here and 0 is returned. `noted` is what a non-urgent one's
    resident reads once a staff member has it. With a call of theirs open, it joins that one (`join`)."""
    store, inc_svc, words = ctx.svc.store, _incidents(ctx), ctx.as_typed(words)  # ("手抖（shou dou）")
    # shut out, or in the dark, at night: faster, and read so (night_pace.py)
    category, noted = at_night(ctx.svc, kind, category, noted, words or detail)
    person = ctx.me.extra.get("person") or await store.resident(ctx.me.resident_id)
    existing, n = await inc_svc.opened_or_open(kind, person, words=words, category=category, source=source,
                                               detail=detail, ask_address=(kind == "emergency"))
    if existing:
        if kind == "emergency":  # again, or a request raised to an emergency
            return await again(ctx, n=existing["id"], words=words or "🆘")
        said = words or detail or ctx.svc.cat.t(f"help.cat_{category}") if category else words or detail
        return await join(ctx, existing, said, quiet=quiet, noted=noted)
    if quiet and kind != "emergency":
        if await inc_svc.alert_first(n):
            _who_it_may_be(ctx, n, person, None, words or detail)
            return n
        tell_not_reached(ctx)
        return 0
    alerting = asyncio.create_task(inc_svc.alert_first(n, bounded=False))  # reassured at once, corrected if need be
    await _reassure_after(ctx, kind, n, alerting, noted)
    _who_it_may_be(ctx, n, person, alerting, words or detail)
    if kind != "emergency":
        ctx.goto(None)
        return n
    return _ask_next(ctx, n, person, confirm_need)


def _who_it_may_be(ctx: Ctx, n: int, person: dict, alerting, words: str) -> None:
    """"隔壁张阿姨的插线板很旧了 帮她换一个": the neighbour it names, looked up once the call reached staff (never before)."""
    from .neighbour_named import after_first_alert  # (it reads the packet, which reads this module)

    after_first_alert(ctx.svc, n, person, alerting, words)


async def after_alert(ctx: Ctx, n: int, person: dict, alerting: asyncio.Future, confirm_need: bool = False) -> int:
    """A call stored by the fast lane (Incidents.sos), its alert on the way: reassure, then the address (after
    "do you need someone now?" for a typed one). A photo or voice that carried the call follows to staff."""
    reached = await _reassure_after(ctx, "emergency", n, alerting)
    if ctx.ev.kind in MEDIA:  # they heard the truth already when the alert reached nobody
        await forward_media(ctx, n, tell=bool(reached))
    if replaying() is None:
        stated = await address_steps.stated_in_cry(ctx, n, person)  # "救命 我在27弄3号": beside the register now, not asked again
        if stated and not confirm_need:
            ctx.goto(None)
            await address_steps.kept(ctx, n, address_steps.ADDRESS_KNOWN[stated])
            return n
        return _ask_next(ctx, n, person, confirm_need)
    # made during an outage and stored only now: not "do you need someone now?" minutes later, and not where they
    # are if their words said it (bot/incidents/recovery.py decides what they hear)
    _ask_next(ctx, n, person, False)
    from nlu.entities import parse_address

    if any(parse_address(ctx.ev.text).values()):
        await address_steps.on_address_text(ctx, n)
    return n


async def _reassure_after(ctx: Ctx, kind: str, n: int, alerting: asyncio.Future,
                          noted: str | None = None) -> int:
    """The staff alert goes first; the resident's reassurance follows it, waiting at most a moment for it. When
    the alert reached nobody, the resident hears the truth and the numbers to call. How many it reached."""
    await asyncio.wait([alerting], timeout=REASSURE_AFTER_SECONDS)
    if alerting.done():
        reached = alerting.result()
        if reached:
            await ctx.svc.outbox.send(_told(ctx, kind, n, noted))
    else:  # a slow alert: the reassurance does not wait for it
        reached, _ = await asyncio.gather(alerting, ctx.svc.outbox.send(_told(ctx, kind, n, noted)))
    if not reached:
        phone = ctx.svc.settings.community.committee_phone
        await ctx.svc.outbox.send(Outbound(ctx.ev.chat, t_both(ctx, "help.not_reached", phone=phone), urgent=True,
                                           tag=f"resident:{n}"))
    return reached


def _told(ctx: Ctx, kind: str, n: int, noted: str | None = None) -> Outbound:
    phone = ctx.svc.settings.community.committee_phone
    if kind == "emergency":
        return Outbound(ctx.ev.chat, alerted(ctx), urgent=True, tag=f"resident:{n}")
    told = "\n".join([ctx.t(noted if noted else "help.request_noted", phone=phone), *risk_lines(ctx, ctx.ev.text)])
    return Outbound(ctx.ev.chat, told, keyboard=keyboard(ctx), tag=f"resident:{n}")  # + "别摸黑走动" in a power cut


def alerted(ctx: Ctx, key: str = "help.alerted", named_only: bool = False) -> str:
    """Staff know, 120, the committee's phone, and what to do now: in both languages when hers is only guessed."""
    phone, key = ctx.svc.settings.community.committee_phone, first_number.alerted_key(ctx, key)  # 119 for a fire, 110 for a thief
    return both(ctx, lambda loc: "\n".join([ctx.svc.cat.t(key, loc, phone=phone),
                                            *advice_for(ctx, named_only=named_only, locale=loc)]))


def _ask_next(ctx: Ctx, n: int, person: dict, confirm_need: bool) -> int:
    if confirm_need:
        ask_need(ctx, n)
    else:
        address_steps.ask_address(ctx, n, person)
    return n


async def again(ctx: Ctx, n: int, words: str, by: dict | None = None) -> int:
    """Another call while this one is open: on the timeline, renewed or passed on (bot/incidents/repeats.py); a
    request (or missed check-in) raised to an emergency, its caller told what an emergency's caller is, then asked
    where they are. A family contact's cry on his call is hers (`by`: name, relation): his family never read that he
    is still calling, his staff never read it as his."""
    event = "resident_again" if ctx.me.role == "resident" else "family_again"
    reached = await ctx.svc.repeats.called_again(n, words, called_at(ctx.svc.clock.ts()), event=event, by=by)
    if reached is None:  # a danger her words name now has its advice (the 🆘 button's was the fall's)
        ctx.say(alerted(ctx, await call_state.reminded(ctx.svc, n), named_only=True), keyboard=keyboard(ctx))
        return n
    if reached:
        ctx.say(alerted(ctx), urgent=True)
    else:  # told once when a staff member has it (reached_late.py)
        tell_not_reached(ctx)
        await _incidents(ctx).caller_unreached(n, [ctx.ev.chat])
    inc = await ctx.svc.store.incident(n)  # (his family crying for him: never asked where they are as if it were his)
    if ctx.me.role == "resident" and inc.get("address_state") in ("pending", "unknown") and replaying() is None:
        address_steps.ask_address(ctx, n, await ctx.svc.store.resident(inc["resident"]) or {})
    return n


async def join(ctx: Ctx, inc: dict, said: str, *, quiet: bool = False, noted: str | None = None,
               reply: str = "help.added", named: bool = False) -> int:
    """A request (not urgent) while a call of theirs is open: on that call's timeline and to the staff who hold it,
    never a second call; a neighbour the words name follows them to those staff (`_who_it_may_be`). `quiet` as
    start_help's; a quiet one joining an emergency is answered here (0: nothing more to ask them) with `reply` as
    the call's state has it (call_state.py; `named`: its holder by name)."""
    n, phone = inc["id"], ctx.svc.settings.community.committee_phone
    # the same words again within a minute (a shaky hand): on the timeline, not to staff twice
    reached = await said_again(ctx.svc.store, ctx.svc.clock.ts(), inc, said) \
        or await _incidents(ctx).told_more(n, said)
    if ctx.session.get("incident") != n:  # a question of this call (its address) is still waiting: kept
        ctx.goto(None)
    if not reached:  # told once when the staff holding it have it (reached_late.py)
        tell_not_reached(ctx)
        await _incidents(ctx).caller_unreached(n, [ctx.ev.chat])
        return 0
    person = ctx.me.extra.get("person") or await ctx.svc.store.resident(inc["resident"]) or {}
    _who_it_may_be(ctx, n, person, None, said)
    if quiet and inc["kind"] != "emergency":
        return n
    key, fill = call_state.reply(ctx.svc, inc, noted if noted and inc["kind"] != "emergency" else reply, named=named)
    ctx.say(ctx.t(key, phone=phone, **fill), keyboard=keyboard(ctx))
    return 0 if quiet else n


async def said_on_call(ctx: Ctx, text: str) -> bool:
    """Words that answer none of the open call's questions ("钥匙在门口地垫下面", "邻居在我这"): on the call and to
    the staff who hold it (`join`), then the question still waiting asked again. False: no call of theirs is open."""
    inc = await open_call(ctx.svc.store, ctx.me.resident_id) if ctx.me.role == "resident" else None
    if inc is None:
        return False
    waiting = ctx.step if ctx.session.get("incident") == inc["id"] else None
    twice = bool(waiting) and ctx.session.get("asked_again")  # (answered by neither of two messages)
    await join(ctx, inc, text)
    await ask_again(ctx, inc, waiting, twice)
    return True


async def ask_again(ctx: Ctx, inc: dict, waiting: tuple | None, twice: bool = False) -> None:
    """The call's question that waited (`waiting`: the step before something that answered none of it), again —
    once: unanswered `twice`, never a third time (call_questions.not_asked_thrice)."""
    if twice:
        return await not_asked_thrice(ctx, inc["id"], waiting)
    if waiting == ("help", "need_now"):
        ask_need(ctx, inc["id"])
    elif waiting == ("help", "confirm_address"):
        address_steps.ask_address(ctx, inc["id"], await ctx.svc.store.resident(inc["resident"]) or {})
    ctx.session["asked_again"] = bool(waiting)


async def report_media(ctx: Ctx) -> int:
    """A voice, photo or location with nothing open: the bot cannot read it, so a person hears it at once —
    forwarded with who and where, [🆘 按紧急处理] [✅ 已听，不紧急], escalating like a help request."""
    person = ctx.me.extra.get("person") or await ctx.svc.store.resident(ctx.me.resident_id)
    kind = ctx.ev.kind
    existing, n = await _incidents(ctx).opened_or_open("help", person, category=kind, source=kind,
                                                       ask_address=False, media=[ctx.ev.origin.chat_id, ctx.ev.message_id])
    if existing:  # a call of theirs stored a moment ago: it goes to whoever holds that one
        return await forward_media(ctx, existing["id"]) and existing["id"]
    await ctx.svc.store.add_timeline(n, {"at": ctx.svc.clock.ts(), "event": f"resident_{kind}"})
    reached = await _incidents(ctx).alert_first(n)
    await group_told(ctx, reached)
    ctx.goto(None) if ctx.step[0] not in ("checkin", "qa") else ctx.session.update(asked_twice=True)  # "八点", "72岁" answer
    if not reached:  # the truth, not "passed on"; it still escalates
        tell_not_reached(ctx)
        return n
    sent = {"location": "help.location_sent", "photo": "help.media_seen"}.get(kind, "help.media_sent")  # seen, heard
    ctx.say(ctx.t(sent, phone=ctx.svc.settings.community.committee_phone),
            buttons=[[ctx.button("btn.sos_inline", "sos:go")]])
    return n


MEDIA_ICON = {"voice": "🎙", "photo": "📷", "sticker": "🙂"}  # what came, on the line above it (a video comes as a photo)


async def forward_media(ctx: Ctx, n: int, reporter: dict | None = None, *, tell: bool = True) -> int:
    """Voice, photos, a pin during a call reach whoever holds it (all alerted until claimed), else anyone reachable
    (`roster.pass_on`); her pin once per place (address_told.py). A contact's (`reporter`) marked as theirs; the caller
    tells them what next. A resident is told (if `tell`) it was passed on, or reached nobody. How many chats got it."""
    if not reporter and await address_told.pin_seen(ctx.svc, n, ctx.ev):
        return 1  # (they have it: its one message)
    store = ctx.svc.store
    inc = await store.incident(n)
    chats = await listeners(ctx.svc, inc)
    person = await store.resident(inc["resident"]) or {}
    name = person.get("name") or "/".join(c["name"] for c in inc.get("candidates", [])) or (
        ctx.svc.cat.t("packet.other_person_short") if inc.get("about_other") else "")
    if ctx.ev.kind == "location":  # where they are, beside where he is registered
        address = full_address(ctx.svc.settings.community.address_prefix, person) or ctx.svc.cat.t("packet.no_address")
        kw = dict(n=n, name=name, address=address, lat=f"{ctx.ev.latitude:.5f}", lon=f"{ctx.ev.longitude:.5f}")
    else:
        kw = dict(n=n, name=name, icon=MEDIA_ICON.get(ctx.ev.kind, "🎙"))
    if reporter and ctx.ev.kind == "location":
        key, entry = "alert.location_from_family", {"event": "family_location", "by": reporter["name"]}
    elif ctx.ev.kind == "location":
        key, entry = "alert.location_from", {"event": "resident_location"}
    elif reporter:
        key, entry = "alert.media_from_family", {"event": f"family_{ctx.ev.kind}", "by": reporter["name"]}
    else:
        key, entry = "alert.media_from", {"event": f"resident_{ctx.ev.kind}"}
    if reporter:
        kw.update(reporter=reporter["name"], relation=reporter["relation"])

    def intro(chat: int) -> str:  # each staff member's in her language
        said = staff_langs.t(ctx.svc, chat, key, **kw)
        return said + "\n" + staff_langs.t(ctx.svc, chat, "alert.media_in_group") if ctx.ev.group_id else said
    reached = await roster.pass_on(ctx.svc, chats, intro, ctx.ev.origin, tag=f"media:{n}")
    await store.add_timeline(n, {"at": ctx.svc.clock.ts(), **entry, "forwarded_to": reached})
    await group_told(ctx, reached)
    if reporter is None and tell and reached:
        ctx.say(ctx.t("help.media_forwarded"))
    elif reporter is None and tell:
        tell_not_reached(ctx)
    return reached


async def sticker_on_call(ctx: Ctx) -> bool:
    """A sticker from a resident whose emergency is open: it may be all she can send — to staff, as her voice would
    be. False: no such call (the sticker is only thanked)."""
    rid = ctx.me.resident_id if ctx.ev.kind == "sticker" and ctx.me.role == "resident" else None
    n = rid and await ctx.svc.store.active_incident(rid)
    inc = await ctx.svc.store.incident(n) if n else None
    if not inc or inc.get("kind") != "emergency":
        return False
    await forward_media(ctx, n)
    await kept_after_media(ctx, inc)  # the question it came to, again
    return True


def tell_not_reached(ctx: Ctx) -> None:
    """What they sent reached no staff member: the truth, and the numbers to call."""
    ctx.say(t_both(ctx, "help.not_reached", phone=ctx.svc.settings.community.committee_phone), keyboard=keyboard(ctx),
            urgent=True)


async def card_shared(ctx: Ctx) -> None:
    """A contact card from someone signed up. A resident's of someone else (her son's new number, the neighbour who
    keeps her key) is a request to staff with its number; her own, or anyone else's card: they are signed up."""
    ev = ctx.ev
    if ctx.me.role != "resident" or ev.contact_user_id == ev.user_id or not ev.contact_phone:
        show_menu(ctx, "onboard.already")
        return
    card = ctx.t("help.card_words", phone=ev.contact_phone)
    await start_help(ctx, "help", category="card", source="menu", words=card, detail=card, noted="help.card_noted")

