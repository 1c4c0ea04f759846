"""Committee staff's actions on an alert: claim, arrive, resolve (with its outcome), hand over (转交), and the
🆘/✅ on a forwarded voice or photo. Who may press these: routes.py.

staff.outcome_note   after 已解决 → 其他, waits for a short note
"""
from __future__ import annotations

import re

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..flows.menu import show_menu
from ..textfit import clip
from ..flows.understanding import WORDED
from ..types import MEDIA, MessageRef, Outbound
from . import held_words, note_words, outcome_ask, outcome_note, staff_about, staff_media, staff_words
from .advice import named_dangers
from .colleague import on_cry
from .family_news import tell_taken
from .handover import hand_to_whom, holder_of, may_hand_over, tell_handed_over
from .held_calls import lost_line
from .packet import URGENT_KINDS, colleague, tappable
from .urgency import typed_cry

OUTCOMES = outcome_ask.OUTCOMES
BACKUP = re.compile(r"(需要|要|请求|叫人)支援|来个?人帮(忙|手)|需要(帮手|人手)|多来(几个|一个)人|\b(need|send) backup\b", re.I)


def _me(ctx: Ctx):
    return roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)


def _inc(ctx: Ctx):
    return ctx.svc.incidents


async def on_incident_button(ctx: Ctx, action: str, args: list[str]) -> None:
    n = int(args[0])
    async with _inc(ctx).lock(n):  # one change at a time, also against escalation timers
        await _incident_button(ctx, action, n, args)


async def _incident_button(ctx: Ctx, action: str, n: int, args: list[str]) -> None:
    inc = await ctx.svc.store.incident(n)
    if inc is None:
        show_menu(ctx, "bad.stale_button")
        return
    me = _me(ctx)
    if inc["status"] == "resolved" and action != "handto":
        await staff_words.tell_over(ctx, inc)  # who closed it, or the call it joined (still waiting)
        return
    if action == "claim":
        await claim(ctx, n, me)
    elif action in ("urgent", "heard") and inc.get("media") and inc["status"] == "open" and inc["kind"] == "help":
        await on_media_heard(ctx, n, me, urgent=action == "urgent")
    elif action == "urgent" and inc.get("media"):  # an old 🆘 按紧急处理: someone has it by now, or may take it
        await claim(ctx, n, me)
    elif action == "heard" and inc.get("media"):  # an old ✅ 已听 on a call now urgent: closing it asks as ✅ does
        await outcome_ask.ask(ctx, inc)
    elif action == "arrive":
        inc = await _inc(ctx).arrive(n, me)
        if inc and inc.get("claimed_by") != me.id and inc.get("arrived_by") == me.id:  # there first, on hers
            await _arrived_on_held(ctx, inc, me)
        elif inc and inc.get("claimed_by") != me.id:
            ctx.say(_taken_by(ctx, n, inc["claimed_by"]))
        await _inc(ctx).refresh(n, _pressed(ctx))
    elif action == "resolve":  # a colleague's call: whose, first (a tap on the wrong packet is caught)
        await outcome_ask.ask(ctx, inc)
    elif action in ("handover", "handto") and not inc.get("claimed_by"):  # an old or forged 🔁: nobody's to pass on
        ctx.say(ctx.t("staff.handover_unclaimed", n=n), buttons=[[ctx.button("btn.claim", f"inc:claim:{n}")]])
    elif action in ("handover", "handto") and not may_hand_over(inc, me):
        # an old packet's 🔁 (or a forged one): the call is a colleague's to hand over, and stays hers
        ctx.say(lost_line(ctx.svc, inc, ctx.me.locale) or _taken_by(ctx, n, inc["claimed_by"]))
    elif action == "handover":
        others = hand_to_whom(ctx.svc.settings, inc, me)
        ctx.say(ctx.t("staff.handover_ask", n=n), buttons=[[ctx.button(  # the head may take it herself
            "staff.handover_to_me" if s.id == me.id else "staff.handover_to", f"inc:handto:{n}:{s.id}", name=s.name)]
            for s in others])
    elif action == "handto" and len(args) > 1:
        to, holder = roster.staff_by_id(ctx.svc.settings, args[1]), holder_of(ctx.svc.settings, inc, me)
        if to and to.id in await roster.unreachable(ctx.svc):  # she would never hear of it: it stays hers
            ctx.say(ctx.t("staff.handover_unreachable", n=n, name=to.name, phone=tappable(to.phone)))
            return
        if to is None or not await _inc(ctx).handover(n, holder, to, by=me):
            ctx.say(ctx.t("staff.handover_failed", n=n))
            return
        ctx.edit_pressed(ctx.t("staff.took_over", n=n, name=holder.name) if to.id == me.id
                         else ctx.t("staff.handed_over", n=n, name=to.name))
        await _inc(ctx).refresh(n)
        await tell_handed_over(ctx.svc, inc, me, holder, to, urgent=inc["kind"] in URGENT_KINDS)
        await _tell_resident(ctx, inc, "help.staff_coming", who=to.name, phone=to.phone)
        await tell_taken(ctx.svc, n, to.name)
    else:
        show_menu(ctx, "bad.stale_button")


async def claim(ctx: Ctx, n: int, me) -> None:
    won, inc = await _inc(ctx).claim(n, me)
    if not won:  # a colleague was first — or she was, a double tap ago (her own name would read as someone else's)
        holder = (inc or {}).get("claimed_by")
        ctx.say(ctx.t("staff.yours_already", n=n) if holder == me.id else _taken_by(ctx, n, holder))
        return
    await _inc(ctx).refresh(n, _pressed(ctx))
    if ctx.ev.message_id not in {m for _, m, _ in await ctx.svc.store.alert_messages(n)}:
        # pressed in a digest (or an old message): the edit above did not touch it, so say it plainly
        person = await ctx.svc.store.resident(inc["resident"]) or {}
        ctx.say(ctx.t("staff.claimed_ok", n=n, name=person.get("name", "")))
    await _tell_resident(ctx, inc, "help.staff_coming", who=me.name, phone=me.phone)
    await tell_taken(ctx.svc, n, me.name)  # the family and doctors told of it hear who has it


async def on_media_heard(ctx: Ctx, n: int, me, urgent: bool) -> None:
    """A staff member listened to what the resident sent: an emergency (theirs to handle now) or not urgent."""
    store = ctx.svc.store
    if urgent:
        await store.update_incident(n, kind="emergency")
        await store.add_timeline(n, {"at": ctx.svc.clock.ts(), "event": "marked_urgent", "by": me.name})
        await claim(ctx, n, me)
        return
    inc = await _inc(ctx).resolve(n, me, "not_urgent")
    if inc is None:
        await _closed_first(ctx, n)
        return
    await _inc(ctx).refresh(n)
    await _tell_resident(ctx, inc, "help.media_heard", who=me.name)


async def on_outcome(ctx: Ctx, args: list[str]) -> bool:
    """An outcome pressed ("out:<n>:<outcome>[:<the holder its question named>]"): closes the call, or asks first
    (outcome_ask.py); False: not data the question sends."""
    if (pressed := outcome_ask.parsed(args)) is None:
        return False
    n, outcome, named = pressed
    if outcome == "other":
        inc = await ctx.svc.store.incident(n)
        if inc and inc["status"] != "resolved" and not outcome_ask.may_close(ctx, inc, named):
            await outcome_ask.ask(ctx, inc)
            return True
        ctx.goto("staff", "outcome_note", incident=n, named=named)
        ctx.edit_pressed(ctx.t("staff.outcome_note_ask", n=n))  # on the call: closed by her but for the note
        await ctx.svc.store.step_incident(n, {"note_awaited_by": ctx.me.staff_id, "note_awaited_at": ctx.svc.clock.ts()},
                                          {"at": ctx.svc.clock.ts(), "event": "note_awaited", "by": _me(ctx).name})
        await _inc(ctx).refresh(n)  # the packet says so; nobody reminds her meanwhile (deadlines.py)
        return True
    await resolve(ctx, n, outcome, chosen=True, named=named)
    return True


async def resolve(ctx: Ctx, n: int, outcome: str, note: str = "", chosen: bool = False, named: str = "") -> None:
    """`chosen`: pressed on the outcome question, which then says the outcome (only if it was hers); `named`: the
    colleague that question said holds the call (a colleague's call closes only from a question naming her)."""
    async with _inc(ctx).lock(n):
        held = await ctx.svc.store.incident(n)
        if held and held["status"] != "resolved" and not outcome_ask.may_close(ctx, held, named):
            await outcome_ask.ask(ctx, held)
            return
        inc = await _inc(ctx).resolve(n, _me(ctx), outcome, note)
    if inc is None:
        await _closed_first(ctx, n)
        return
    if chosen:
        ctx.edit_pressed(ctx.t("staff.outcome_chosen", n=n, outcome=ctx.t(f"outcome.{outcome}")))
    await _inc(ctx).refresh(n)
    await _inc(ctx).notify_alerted(n, "alert.all_clear", who=_me(ctx).name,
                                   outcome=ctx.svc.cat.t(f"outcome.{outcome}"))
    # the family told of it hear in their words (closed.py); a staff member's own call, in a colleague's words
    await _tell_resident(ctx, inc, "staff.colleague_resolved" if inc.get("staff_caller") else "help.resolved", n=n,
                         who=_me(ctx).name, outcome=ctx.svc.cat.t(f"outcome.{outcome}"))


async def _tell_resident(ctx: Ctx, inc: dict, key: str, **kw) -> None:
    """The resident (or the staff member whose own call it is, or the stranger who made it in private) hears what
    happened to their call; a stranger is asked where they are too (the register cannot say)."""
    if inc.get("category") == "death" or await ctx.svc.store.died(inc.get("resident")):
        return  # his family's report of his death (theirs, not his call), or staff confirmed it: his chat gets nothing
    # (a death only told on his own call stays his call until confirmed: were he alive, he hears who is coming)
    person = colleague(ctx.svc, inc) if inc.get("staff_caller") else await ctx.svc.store.resident(inc["resident"]) or {}
    if inc.get("stranger") and not inc.get("resident") and not inc.get("group") and inc.get("summary") is None:
        person, key = {"tg_id": inc["stranger"]}, "stranger.staff_coming" if key == "help.staff_coming" else key
    elif (claimed := inc.get("reporter") or {}).get("claims"):  # "我住3号楼602" from an unregistered account: they
        person = {"tg_id": claimed.get("tg_id")}  # hear it, not her own chat (she may be fine: staff phone her)
    if person.get("tg_id"):
        loc = await ctx.svc.store.pref(person["tg_id"], "locale") or ctx.svc.settings.locale
        await ctx.svc.outbox.send(Outbound(person["tg_id"], ctx.svc.cat.t(key, loc, **kw), tag=f"resident:{inc['id']}"))


async def _closed_first(ctx: Ctx, n: int) -> None:
    """Someone closed it a moment before (a colleague's tap in the chat, or on the desk): who, and how."""
    inc = await ctx.svc.store.incident(n)
    if inc is None:
        ctx.say(ctx.t("staff.already_resolved", n=n))
    else:
        await staff_words.tell_over(ctx, inc)


def _pressed(ctx: Ctx) -> MessageRef | None:
    """The packet whose button was pressed: its edit is the presser's answer."""
    return MessageRef(ctx.ev.chat, ctx.ev.message_id) if ctx.ev.message_id else None


def _taken_by(ctx: Ctx, n: int, staff_id: str | None) -> str:
    """A colleague has the call: who, and her phone to offer help or ask whether more is needed."""
    st = roster.staff_by_id(ctx.svc.settings, staff_id)
    return ctx.t("staff.taken_by", n=n, who=st.name if st else "?", phone=tappable(st.phone) if st else "-")


async def _arrived_on_held(ctx: Ctx, inc: dict, me) -> None:
    """A colleague got to a call someone else holds: his arrival is noted, and the holder hears it (she may still be
    on her way), each with the other's phone."""
    holder = roster.staff_by_id(ctx.svc.settings, inc["claimed_by"])
    if holder is None:
        return
    ctx.say(ctx.t("staff.arrived_noted", n=inc["id"], who=holder.name, phone=tappable(holder.phone)))
    await ctx.svc.outbox.send(Outbound(holder.telegram_id, staff_langs.t(
        ctx.svc, holder.telegram_id, "staff.colleague_arrived", n=inc["id"], by=me.name, phone=tappable(me.phone)),
        urgent=True, tag=f"arrived:{inc['id']}"))


def _name(ctx: Ctx, staff_id: str | None) -> str:
    st = roster.staff_by_id(ctx.svc.settings, staff_id)
    return st.name if st else "?"


async def on_outcome_note(ctx: Ctx, text: str) -> None:
    """After 已解决 → 其他: the short note closes the incident."""
    n, named = ctx.session["incident"], ctx.session.get("named", "")
    if await note_words.not_a_note(ctx, n, text):  # "取消", "王老伯又摔倒了": never the note that closes it
        return
    ctx.goto(None)
    if await cried_again_meanwhile(ctx, n):  # her words on its record, never its close
        await ctx.svc.store.add_timeline(n, {"at": ctx.svc.clock.ts(), "event": "staff_added", "by": _me(ctx).name,
                                             "words": clip(text, 300)})
        return
    await resolve(ctx, n, "other", text[:300], named=named)


async def cried_again_meanwhile(ctx: Ctx, n: int) -> bool:
    """A new 🆘 on call n since she pressed ✅ 已解决 → ✏️ 其他 (deadlines.renew took her note's wait off it): she reads
    that it stays open, her note closes nothing."""
    inc = await ctx.svc.store.incident(n) or {}
    if inc.get("status") == "resolved" or inc.get("note_awaited_by", ctx.me.staff_id) == ctx.me.staff_id:
        return False
    ctx.say(ctx.t("staff.note_not_closing", n=n))
    return True


async def cried(ctx: Ctx) -> bool:
    """Her cry for help, in any form words come in (typed, a photo's or voice's caption, an edit, an over-long text),
    before whatever she is in the middle of: a call of her own that colleagues claim (bot/incidents/colleague.py) —
    unless it is about a resident ("王老伯摔倒了", "叫了120": staff_about.py). While a step waits for her words (an
    outcome's note, an answer to a resident, a notice) only words plainly about herself count ("我被困电梯里了",
    "救命 有人闯进来"), and the step is dropped: "老人摔倒了，已送医" is still the note."""
    text = ctx.ev.text.strip() if ctx.ev.kind in WORDED else ""
    if not text or not await typed_cry(ctx.svc, ctx.ev, frozenset()):
        return False
    behind_a_door = named_dangers(text) == ["welfare"]  # "敲门没人应": whoever is behind it, never her own cry
    if ctx.step[0]:
        if behind_a_door or not staff_about.hers(text):
            return False
    elif await staff_about.about_someone(ctx, text, cried=True):
        await staff_about.answer(ctx, text)
        return True
    if behind_a_door:
        return False  # (a photo's caption at the door of the call she holds: on that call, staff_media.py)
    ctx.goto(None)
    await on_cry(ctx, clip(text, 300))
    return True


async def on_free_text(ctx: Ctx) -> None:
    """A staff member's words outside any step, no cry (`cried` went first): a call for backup ("需要支援") is a call
    of her own; words about an alert or a question staff commands answer ("我来", "处理好了", "谁在值班":
    staff_words.py) get their buttons or answer; a worry about a resident ("张阿姨家里没人开门") his call or one tap to
    raise one; a voice or photo on the call she holds (staff_media.py), else one tap to her own call; anything else
    the menu hint."""
    text = ctx.ev.text.strip()
    if ctx.ev.kind in MEDIA:  # at the scene: on the call she holds; holding none, what she can do
        if not await staff_media.on_media(ctx):
            staff_about.media(ctx)
        outcome_note.still_waiting(ctx)  # after ✏️ 其他: the bot cannot read it as the note, which still waits
    elif ctx.ev.kind != "text":
        show_menu(ctx, "staff.menu_hint")
    elif staff_about.lost(text) and await staff_about.about_someone(ctx, text, cried=False):
        await staff_about.answer(ctx, text, cried=False)  # "王老伯找不到了": his 🆘, never read as about an alert
    elif await staff_words.answer(ctx, text):
        return
    elif BACKUP.search(text):  # "需要支援": colleagues called to her, as a cry is
        await on_cry(ctx, clip(text, 300))
    elif await staff_about.about_someone(ctx, text, cried=False):  # "张阿姨家里没人开门": never the menu hint
        await staff_about.answer(ctx, text, cried=False)
    elif await staff_words.noted_on_held(ctx, text) or await held_words.noted(ctx, text):  # "他说腿疼 我陪他去医院":
        return  # on the call she holds (of several: the one named, else she taps which), never lost
    else:
        show_menu(ctx, "staff.menu_hint")
