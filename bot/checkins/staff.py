"""Staff and check-ins: /checkins shows today's status; /checkins NAME opens one resident's card with one-tap controls.

Buttons: cis:enrol:RID · cis:unenrol:RID · cis:pause:RID:N (0: until back) · cis:back:RID · cis:at:RID:0900[-1800]
"""
from __future__ import annotations

from bot import roster
from bot.flows.base import Ctx
from bot.flows.menu import RESIDENT_MENU, show_menu
from bot.types import Button, Outbound

from .blocked import CATEGORY
from .rules import PAUSE_CHOICES as PAUSES, TIME_CHOICES as TIMES, CheckinState, parse_times, today_status
from .words import date_label, history_line, last_seen_label, next_label, times_label, until_label

ORDER = ("blocked", "answered", "waiting", "reminded", "missed", "paused", "later", "undeliverable", "skipped",
         "not_linked")
ALWAYS = ORDER[1:6]
MAX_NAMES = 20


def _checkins(ctx: Ctx):
    return ctx.svc.checkins


def _hm(ctx: Ctx, ts: float) -> str:
    return ctx.svc.clock.local(ts).strftime("%H:%M")


def _entry(ctx: Ctx, person: dict, st: CheckinState, status: str, blocked: dict[str, int]) -> str:
    name = person.get("name", st.rid)
    if status == "answered":
        late = st.answered_at > st.sent_at + 2 * _checkins(ctx).window_s
        return f"{name} {_hm(ctx, st.answered_at)}" + ("⌛" if late else "")
    if status in ("waiting", "reminded"):
        return ctx.t("punct.aside", text=name, aside=_hm(ctx, st.slot))
    if status == "missed":
        return f"{name} #{st.incident}" if st.incident else name
    if status == "blocked":  # her call for it
        return f"{name} #{n}" if (n := blocked.get(st.rid)) else name
    if status == "paused":
        return ctx.t("punct.aside", text=name, aside=until_label(ctx.svc, st, ctx.me.locale))
    return name


def _names(ctx: Ctx, names: list[str]) -> str:
    if not names:
        return ""
    more = ctx.t("checkin.and_more", n=len(names)) if len(names) > MAX_NAMES else ""
    return ctx.t("punct.colon") + ctx.t("punct.list_sep").join(names[:MAX_NAMES]) + more


async def show_checkins(ctx: Ctx, arg: str) -> None:
    if arg.strip():
        await show_card(ctx, arg.strip())
        return
    rows = await _checkins(ctx).everyone()
    if not rows:
        show_menu(ctx, "checkin.status_none")
        return
    now, blocked = ctx.svc.clock.ts(), await _blocked_now(ctx)
    groups: dict[str, list[str]] = {}
    for person, st in rows:
        status = today_status(st, now)
        if person["id"] in blocked and status != "undeliverable":  # (that says 📵 already)
            status = "blocked"
        if not person.get("tg_id") and status not in ("paused", "answered"):
            status = "not_linked"
        groups.setdefault(status, []).append(_entry(ctx, person, st, status, blocked))
    lines = [ctx.t("checkin.status_title", date=date_label(ctx.svc, now, ctx.me.locale), count=len(rows))]
    for status in ORDER:
        if status in ALWAYS or groups.get(status):
            names = groups.get(status, [])
            lines.append(ctx.t(f"checkin.status_{status}", count=len(names), names=_names(ctx, names)))
    lines.append(ctx.t("checkin.status_hint"))
    ctx.say("\n".join(lines))


async def _blocked_now(ctx: Ctx) -> dict[str, int]:
    """Residents who blocked the assistant, as their open call for it says (blocked.py), before a check-in fails."""
    store, out = ctx.svc.store, {}
    for n in await store.open_incident_ids():
        inc = await store.incident(n) or {}
        if inc.get("category") == CATEGORY and inc.get("resident") and inc.get("status") != "resolved":
            out.setdefault(inc["resident"], n)
    return out


async def _find(ctx: Ctx, query: str) -> list[dict]:
    people = await ctx.svc.store.residents()
    exact = [p for p in people if query in (p["id"], p["phone"], p["name"])]
    return exact or [p for p in people if query in p["name"]]


async def show_card(ctx: Ctx, query: str) -> None:
    found = await _find(ctx, query)
    if not found:
        ctx.say(ctx.t("checkin.no_such_resident"))
    elif len(found) > 1:
        ctx.say(ctx.t("checkin.many_residents", names=ctx.t("punct.list_sep").join(
            ctx.t("punct.aside", text=p["name"], aside=p["id"]) for p in found[:20])))
    else:
        text, buttons = await card(ctx, found[0])
        ctx.say(text, buttons=buttons)


async def card(ctx: Ctx, person: dict) -> tuple[str, list[list[Button]]]:
    svc, loc = ctx.svc, ctx.me.locale
    st = await _checkins(ctx).state(person["id"])
    rid = person["id"]
    died = await svc.store.died(rid)
    if died:  # no button: a mistaken report is undone on the report itself (life.py), nothing else sends to his chat
        return ctx.t("checkin.card", name=person["name"], state=ctx.t(
            "checkin.card_deceased", who=died["by"], date=date_label(svc, died["at"], loc), n=died["incident"])), []
    if not st.enrolled:
        off = ctx.t("checkin.card_died", who=st.died_by, date=date_label(svc, st.died_at, loc)) if st.died_at \
            else ctx.t("checkin.card_off")
        return (ctx.t("checkin.card", name=person["name"], state=off),
                [[ctx.button("checkin.btn_enrol", f"cis:enrol:{rid}")]])
    status = today_status(st, svc.clock.ts())
    lines = [ctx.t("checkin.card", name=person["name"], state=ctx.t("checkin.card_on", times=times_label(svc, st.times, loc))),
             ctx.t("checkin.card_today", status=ctx.t(f"checkin.st_{status}")),
             ctx.t("checkin.card_next", when=next_label(svc, st, loc)),
             ctx.t("checkin.card_history", history=history_line(svc, await svc.store.checkin_log(rid, 30))),
             ctx.t("checkin.card_last_seen", last=last_seen_label(svc, st.last_seen, loc))]
    if not person.get("tg_id"):
        lines.append(ctx.t("checkin.card_not_linked"))
    buttons = [[Button(ctx.t("checkin.btn_pause", label=ctx.t(f"checkin.pause_{d}")), f"cis:pause:{rid}:{d}")
                for d in PAUSES[:3]],
               [Button(ctx.t("checkin.btn_pause", label=ctx.t("checkin.pause_open_staff")), f"cis:pause:{rid}:0"),
                ctx.button("checkin.btn_resume", f"cis:back:{rid}")],
               [Button(c, f"cis:at:{rid}:{c.replace(':', '')}") for c in TIMES[:4]],
               [Button(times_label(svc, TIMES[4].split("-"), loc), f"cis:at:{rid}:0900-1800"),
                ctx.button("checkin.btn_unenrol", f"cis:unenrol:{rid}")]]
    return "\n".join(lines), buttons


async def on_staff_button(ctx: Ctx, args: list[str]) -> None:
    action, rid, arg = (args + ["", "", ""])[:3]
    person = await ctx.svc.store.resident(rid)
    cis = _checkins(ctx)
    times = parse_times(arg) if action == "at" else None
    if person is None or action not in ("enrol", "unenrol", "pause", "back", "at") or (action == "at" and not times) \
            or (action == "pause" and arg not in {str(d) for d in PAUSES}):
        show_menu(ctx, "bad.stale_button")
        return
    died = await ctx.svc.store.died(rid)
    if died:  # an older card's button: his chat (his family may hold the phone) gets nothing, nothing changes
        text, buttons = await card(ctx, person)
        ctx.edit_pressed(text, buttons)
        if action == "enrol":
            ctx.say(ctx.t("checkin.enrol_deceased", name=person["name"], n=died["incident"]))
        return
    async with cis.locked(rid):
        before = await cis.state(rid)
        if action == "enrol":
            st = await cis.enrol(rid)
        elif action == "unenrol":
            st = await cis.unenrol(rid)
        elif action == "pause":
            st = await cis.pause(rid, int(arg) or None)
        elif action == "back":
            st = await cis.resume(rid)
        else:
            st = await cis.set_times(rid, times)
    text, buttons = await card(ctx, person)
    ctx.edit_pressed(text, buttons)
    if _settings(before) != _settings(st):  # a double tap, or a colleague's older card, tells him nothing twice
        await _tell_resident(ctx, person, action, st)


def _settings(st: CheckinState) -> tuple:
    """What the resident is told of when staff change it."""
    return st.enrolled, st.paused_until, tuple(st.times)


async def _tell_resident(ctx: Ctx, person: dict, action: str, st: CheckinState) -> None:
    if not person.get("tg_id"):
        return
    svc = ctx.svc
    loc = await svc.store.pref(person["tg_id"], "locale") or svc.settings.locale
    me = roster.staff_by_id(svc.settings, ctx.me.staff_id)
    until = until_label(svc, st, loc, "checkin.until_back_you")
    text = svc.cat.t(f"checkin.staff_{action}_msg", loc, who=me.name if me else "", until=until,
                     times=times_label(svc, st.times, loc), when=next_label(svc, st, loc),
                     phone=svc.settings.community.committee_phone)
    menu = tuple(tuple(svc.cat.t(k, loc) for k in row) for row in RESIDENT_MENU)  # the big buttons the words name
    await svc.outbox.send(Outbound(person["tg_id"], text, keyboard=menu, tag=f"checkin-control:{person['id']}"))
