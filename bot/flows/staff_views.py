"""Staff views and small decisions: /open, /incident N, /duty, /questions, sign-up approval."""
from __future__ import annotations

from .. import roster
from ..incidents import shift_handoff
from ..incidents.packet import colleague, someone_else, tappable
from ..residents import link_resident
from ..textfit import clip_middle, parts
from ..types import Identity, Inbound, Outbound
from .base import Ctx
from .menu import keyboard, show_menu

SOURCES = ("button", "text", "menu", "checkin", "voice", "photo", "location", "family", "group", "colleague",
           "reported", "staff", "stranger")


def _ago(ctx: Ctx, ts: float) -> str:
    return ctx.t("staff.minutes_ago", minutes=max(0, int((ctx.svc.clock.ts() - ts) // 60)))


async def show_open(ctx: Ctx, first: str = "") -> None:
    """/open: every open incident, oldest first (after `first`, a line of the caller's)."""
    store = ctx.svc.store
    ids = await store.open_incident_ids()
    if not ids:
        ctx.say("\n".join(filter(None, (first, ctx.t("staff.none_open")))), keyboard=keyboard(ctx))
        return
    lines = [first] if first else []
    lines.append(ctx.t("staff.open_title", count=len(ids)))
    for n in ids:
        inc = await store.incident(n)
        lines.append(await open_line(ctx, inc))
        if inc.get("followup_stopped"):  # as the desk's Now list says it
            lines.append(ctx.t("desk.followup_stopped", count=inc.get("followup", 0)))
    lines.append(ctx.t("staff.open_hint", n=ids[0]))  # "1号": no command to remember
    ctx.say("\n".join(lines))


async def open_line(ctx: Ctx, inc: dict) -> str:
    """One incident as /open lists it: #n, kind, whom it is about, how long ago, its state and who holds it."""
    who, person = roster.staff_by_id(ctx.svc.settings, inc.get("claimed_by")), await about(ctx, inc)
    return ctx.t("staff.open_line", n=inc["id"], kind=ctx.t(f"kind.{inc['kind']}"), name=_who(inc, person),
                 ago=_ago(ctx, inc["created"]), state=ctx.t(f"state.{inc['status']}"), who=who.name if who else "")


async def show_incident(ctx: Ctx, arg: str) -> None:
    store = ctx.svc.store
    n = int(arg) if arg.strip().lstrip("#").isdigit() else 0
    inc = await store.incident(arg.strip().lstrip("#")) if n else None
    if inc is None:
        ctx.say(ctx.t("staff.no_such_incident"))
        return
    person = await about(ctx, inc)
    lines = [ctx.t("staff.timeline_title", n=n, kind=ctx.t(f"kind.{inc['kind']}"), name=_who(inc, person),
                   state=ctx.t(f"state.{inc['status']}"))] + _reach(ctx, inc, person)
    # what the alert packet had to cut short, here whole
    lines += [ctx.t(f"packet.{key}", **{key: text}) for key, text in
              (("notes", person.get("notes")), ("words", inc.get("words")), ("detail", inc.get("detail"))) if text]
    for e in sorted(await store.timeline(n), key=lambda e: e["at"]):  # words journaled in an outage: in their place
        when = ctx.svc.clock.local(e["at"]).strftime("%m-%d %H:%M:%S")
        lines.append(f"{when} " + _describe(ctx, e))
    for part in parts("\n".join(lines)):
        ctx.say(part)


async def about(ctx: Ctx, inc: dict) -> dict:
    """The resident the call is about, or the staff member whose own call it is (never the register for her)."""
    if inc.get("about_other") and not inc.get("resident"):  # someone the register did not name: who reported it
        return someone_else(ctx.svc, inc)
    return colleague(ctx.svc, inc) if inc.get("staff_caller") else await ctx.svc.store.resident(inc["resident"]) or {}


def _reach(ctx: Ctx, inc: dict, person: dict) -> list[str]:
    """Numbers to phone from the view: whom it is about (a colleague's own call: hers), and the colleague holding it
    — never the reader's own."""
    mine = ctx.me.staff_id
    holder = roster.staff_by_id(ctx.svc.settings, inc.get("claimed_by")) if inc.get("status") != "resolved" else None
    lines = [ctx.t("packet.phone", phone=tappable(person["phone"]))] if person.get("phone") and (
        not mine or inc.get("staff_caller") != mine) else []
    if holder and holder.id != mine and holder.phone:
        lines.append(ctx.t("staff.view_holder", who=holder.name, phone=tappable(holder.phone)))
    return lines


def _who(inc: dict, person: dict) -> str:
    """The resident's name; for a contact's call not yet said about whom, each it may be."""
    return person.get("name") or "/".join(c["name"] for c in inc.get("candidates", [])) or "?"


def _describe(ctx: Ctx, e: dict) -> str:
    ev = e["event"]
    kw = {k: (", ".join(v) if isinstance(v, list) else v) for k, v in e.items() if k not in ("at", "event")}
    kw.setdefault("by", "")
    if ev == "alerted":
        kw["level"] = e.get("level", 0) + 1
        kw["failed"] = ctx.t("timeline.failed", who=", ".join(e["failed"])) if e.get("failed") else ""
    if ev == "created" and e.get("source") in SOURCES:
        kw["source"] = ctx.t(f"source.{e['source']}")
    if ev == "handed_over" and e.get("from"):  # the head moved a colleague's call (to herself: took it over)
        ev = "taken_over" if e.get("to") == e.get("by") else "handed_over_from"
    if ev.startswith("address_") and isinstance(e.get("differs"), list):  # "室号", never "room"
        kw["differs"] = ctx.t("addr_part.sep").join(ctx.t(f"addr_part.{p}") for p in e["differs"])
    if ev in ("address_corrected", "address_unparsed", "address_confirmed") and e.get("by_name"):  # she said it, not he
        ev, kw["who"] = f"{ev}_by", ctx.t("packet.addr_who", relation=e.get("by_relation", ""), name=e["by_name"])
    if ev in ("escalated", "fallback_alert"):
        kw["level"] = e.get("level", 0) + 1
    if ev == "resolved":
        kw["outcome"] = ctx.t(f"outcome.{e.get('outcome')}") if e.get("outcome") in (
            "hospital", "handled", "false_alarm", "other", "not_urgent") else e.get("outcome", "")
    try:
        return ctx.t(f"timeline.{ev}", **kw)
    except KeyError:
        return ev


async def _duty_text(ctx: Ctx) -> str:
    """Who is on duty, and who of them the bot cannot reach (and who gets the first alert instead)."""
    s, overrides = ctx.svc.settings, await ctx.svc.store.duty_overrides()
    duty = roster.on_duty(s, ctx.svc.clock.now(), overrides)
    lines = [ctx.t("staff.duty_now", names="、".join(st.name for st in duty))]
    gone = roster.away(overrides, ctx.svc.clock.ts())  # those on leave get no alert: said, so nobody counts on them
    if on_leave := [st.name for st in s.staff if gone.get(st.id) == "leave"]:
        lines.append(ctx.t("staff.duty_leave", names="、".join(on_leave)))
    reach = ctx.svc.reach
    cannot = await reach.unreachable() if reach else set()
    missing = [st.name for st in duty if st.id in cannot]
    if missing:
        lines.append(ctx.t("staff.duty_unreachable", names="、".join(missing),
                           instead="、".join(st.name for st in await reach.on_duty(overrides, cannot))))
    return "\n".join(lines)


async def show_duty(ctx: Ctx) -> None:
    ctx.say(await _duty_text(ctx),
            buttons=[[ctx.button("btn.duty_take", "duty:take"), ctx.button("btn.duty_back", "duty:back")]])


async def on_cover_button(ctx: Ctx, rid: int) -> None:
    """[🙋 我来值班] under a colleague's "谁来接班": the first tap takes the duty; a later one says who has it."""
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    first = await shift_handoff.took_first(ctx.svc, rid, me)
    if first is None:
        await on_duty_button(ctx, "take", rid)
    elif first:
        ctx.edit_pressed(ctx.t("shift.already_covered", taker=first))
    else:
        show_menu(ctx, "bad.stale_button")


async def on_duty_button(ctx: Ctx, action: str, rid: int | None = None) -> None:
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    if action == "take":
        await shift_handoff.take_over(ctx.svc, me, rid)
    elif action == "back":
        on_leave, given = await shift_handoff.hand_back(ctx.svc, me)
        if not given:  # the roster's own are on leave, or it is hers: she stays on duty, and can ask a colleague
            ctx.edit_pressed(ctx.t("shift.back_kept", names=on_leave) if on_leave else ctx.t("shift.back_rostered"),
                             buttons=[[ctx.button("btn.duty_ask", "duty:ask")]])
            return
        if on_leave:
            ctx.edit_pressed("\n".join((ctx.t("shift.back_leave", names=on_leave), await _duty_text(ctx))))
            return
    elif action == "ask":
        await shift_handoff.ask_cover_tapped(ctx)
        return
    else:
        show_menu(ctx, "bad.stale_button")
        return
    ctx.edit_pressed(await _duty_text(ctx))


LINE_UNITS = 400  # of a question in the /questions list (a stranger's words joined may be long: ✍️ 回答 shows all)


async def show_questions(ctx: Ctx) -> None:
    qs = [q for q in await ctx.svc.store.questions() if q.get("status") != "answered"]
    if not qs:
        show_menu(ctx, "staff.no_questions")
        return
    lines = [ctx.t("staff.questions_title", count=len(qs))]
    for q in qs[-30:]:
        lines.append(ctx.t("staff.question_line", n=q["id"], status=ctx.t(f"qstatus.{q['status']}"),
                           text=clip_middle(q["text"], LINE_UNITS)))
    ctx.say("\n".join(lines), buttons=[[ctx.button("btn.answer_n", f"q:ans:{q['id']}", n=q["id"])]
                                       for q in qs[-5:] if q.get("user")])


async def on_signup(ctx: Ctx, decision: str, tg: int) -> None:
    store = ctx.svc.store
    pending = await store.take_pending(tg)
    if pending is None:  # a second tap, or a colleague's: what was decided, and by whom (not just "handled")
        was = (await store.pref(tg, "signup_decided") or "").split("|", 2)
        ctx.edit_pressed(ctx.t(f"signup.{was[0]}_staff", who=was[1], name=was[2]) if len(was) == 3
                         else ctx.t("signup.already_decided"))
        return
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    await store.set_pref(tg, "signup_decided", "|".join(("approved" if decision == "ok" else "rejected", me.name,
                                                         pending.get("name", "?"))))
    if decision != "ok":
        ctx.edit_pressed(ctx.t("signup.rejected_staff", name=pending.get("name", "?"), who=me.name))
        their = await store.pref(tg, "locale")  # in their language, not the committee's
        await ctx.svc.outbox.send(Outbound(tg, ctx.svc.cat.t("signup.rejected", their,
                                                             phone=ctx.svc.settings.community.committee_phone)))
        return
    rid = await store.resident_id_by_phone(pending["phone"])
    if rid is None:
        rid = (await store.next_resident_ids(1))[0]
        await store.save_resident({"id": rid, "name": pending.get("name") or "?", "phone": pending["phone"],
                                   "road": "", "lane": "", "building": "", "room": "", "lives_alone": False,
                                   "birth_date": "", "contacts": [], "doctor": None,
                                   "notes": ctx.svc.cat.t("signup.note", who=me.name)})
    ctx.edit_pressed(ctx.t("signup.approved_staff", name=pending.get("name", "?"), who=me.name))
    # the new resident hears it in their own chat
    locale = await store.pref(tg, "locale") or ctx.svc.settings.locale
    their = Ctx(Inbound(user_id=tg, kind="text"), Identity(tg, "stranger", locale), {}, ctx.svc)
    await link_resident(their, rid, tg)
    await ctx.svc.outbox.send_all(their.replies)
