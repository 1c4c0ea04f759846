"""The desk's pages: Now (open incidents, live), Incident, Check-ins today. Residents and Reports have modules
of their own. Incident actions go through the engine's front door as the chat buttons do: one copy of each rule."""
from __future__ import annotations

import asyncio

from aiohttp import web

from .. import roster
from ..incidents import DETAIL_CHARS, NOTES_CHARS, OUTCOMES, WORDS_CHARS, called_name, outcome_shown, render_packet
from ..flows.base import Ctx
from ..flows.staff_views import _describe
from ..types import Identity, Inbound
from . import auth, shown
from .server import ENGINE, LOCALE, SESSION, STAFF, SVC, render, see_other

def addr_key(inc: dict) -> str:
    """What the desk says of the address: a door a family contact gave is hers, never "the resident's"."""
    state = inc.get("address_state") or "pending"
    return f"desk.addr_{state}_family" if state in ("corrected", "unparsed", "confirmed") and inc.get("address_by") \
        else f"desk.addr_{state}"


FLAG = {"corrected": "⚠️", "unparsed": "⚠️", "location": "⚠️", "unconfirmed": "❔", "pending": "⏳",
        "confirmed": "✅"}
WEB_OUTCOMES = OUTCOMES[:3]  # "other" asks for a note in the chat


def add_routes(app: web.Application) -> None:
    from . import reports, residents

    app.router.add_get("/", now_page)
    app.router.add_get("/now/list", now_list)
    app.router.add_post(r"/incident/{n:\d+}/{action:claim|arrive|resolve}", act)
    app.router.add_get(r"/incident/{n:\d+}", incident_page)
    app.router.add_get("/checkins", checkins_page)
    residents.add_routes(app)
    reports.add_routes(app)


def staff_name(svc, staff_id: str | None) -> str:
    st = roster.staff_by_id(svc.settings, staff_id)
    return st.name if st else ""


async def open_rows(svc) -> list[dict]:
    """Open incidents, oldest first, with what the Now page shows of each."""
    ids = await svc.store.open_incident_ids()
    incs = await svc.store.incidents(ids)
    people = await svc.store.residents_by_ids(sorted({i["resident"] for i in incs if i.get("resident")}))
    dead = await svc.store.deceased() if incs else {}
    now = svc.clock.ts()
    rows = []
    for inc in incs:
        person = people.get(inc.get("resident"), {})
        rows.append({"inc": inc, "name": called_name(svc, inc, person), "deceased": inc.get("resident") in dead,
                     "minutes": max(0, int((now - inc["created"]) // 60)),
                     "who": staff_name(svc, inc.get("claimed_by")), "flag": FLAG.get(inc.get("address_state"), ""),
                     "addr": addr_key(inc), "can_claim": inc["status"] == "open" or bool(inc.get("reopened")),
                     "can_arrive": inc["status"] != "arrived"})
    return rows


async def shown_rows(request: web.Request) -> list[dict]:
    """The Now list's rows, and whom each showed holding it, remembered for her ✅ (shown.py)."""
    rows = await open_rows(request.app[SVC])
    await shown.remember(request, [row["inc"] for row in rows])
    return rows


async def now_page(request: web.Request) -> web.Response:
    return render(request, "now.html", rows=await shown_rows(request), outcomes=WEB_OUTCOMES, flash="")


async def now_list(request: web.Request) -> web.Response:
    return render(request, "_now_list.html", rows=await shown_rows(request), outcomes=WEB_OUTCOMES, flash="")


async def act(request: web.Request) -> web.Response:
    """Claim, arrived, resolve: the very step a staff member's button press in the chat takes."""
    svc, engine, staff = request.app[SVC], request.app[ENGINE], request[STAFF]
    n, action = int(request.match_info["n"]), request.match_info["action"]
    form, forged = await request.post(), False
    if action == "resolve":
        outcome = str(form.get("outcome", ""))
        if outcome not in WEB_OUTCOMES:
            raise web.HTTPBadRequest(text="unknown outcome")
        # whom her page showed holding it (as the server showed it, never the form's word): a colleague's call
        # closes only so; anything else, and the chat's question says whose it is
        held, forged = shown.held(request, n, str(form.get("held", "")))
        if roster.staff_by_id(svc.settings, held):  # the server's page named her: as the chat's question does
            await outcome_shown(svc, n, staff.id, held)
        data = f"out:{n}:{outcome}" + (f":{held}" if roster.staff_by_id(svc.settings, held) else "")
    else:
        data = f"inc:{action}:{n}"
    replies = await engine.handle(Inbound(user_id=staff.telegram_id, chat_id=staff.telegram_id, kind="button",
                                          data=data))
    flash = "\n".join(([svc.cat.t("desk.held_not_shown", request[LOCALE])] if forged else [])
                      + [r.text for r in replies if r.text])
    if "HX-Request" not in request.headers:
        await auth.say_next(svc, request, request[SESSION], flash)
        back = str(form.get("back") or "/")
        return see_other(back if back.startswith("/") and not back.startswith("//") else "/")
    return render(request, "_now_list.html", rows=await shown_rows(request), outcomes=WEB_OUTCOMES, flash=flash)


def staff_ctx(request: web.Request) -> Ctx:
    """A context as the chat gives it to this staff member (to describe things in the same words)."""
    svc, staff = request.app[SVC], request[STAFF]
    me = Identity(staff.telegram_id, "staff", request[LOCALE], staff_id=staff.id, name=staff.name)
    return Ctx(Inbound(user_id=staff.telegram_id, kind="text"), me, {}, svc)


CUT_SHORT = (("notes", "notes", NOTES_CHARS), ("words", "words", WORDS_CHARS), ("raised", "raised_words", WORDS_CHARS),
             ("detail", "detail", DETAIL_CHARS))  # (catalogue line, field, what the packet keeps of it)


def whole(ctx: Ctx, inc: dict, person: dict) -> list[str]:
    """What the packet had to cut short, here whole: a long note, a resident's minutes of words (the right door may
    be in their middle)."""
    return [ctx.t(f"packet.{key}", **{"words" if key == "raised" else key: text}) for key, field, keep in CUT_SHORT
            if len(text := (person if key == "notes" else inc).get(field) or "") > keep]


async def incident_page(request: web.Request) -> web.Response:
    svc = request.app[SVC]
    n = int(request.match_info["n"])
    inc = await svc.store.incident(n)
    if inc is None:
        raise web.HTTPNotFound(text="no such incident")
    person = await svc.store.resident(inc.get("resident")) or {}
    ctx = staff_ctx(request)
    timeline = [(svc.clock.local(e["at"]).strftime("%m-%d %H:%M:%S"), _describe(ctx, e))
                for e in sorted(await svc.store.timeline(n), key=lambda e: e["at"])]  # outage words in their place
    packet, _ = render_packet(svc, inc, person, role="staff", locale=request[LOCALE])
    await shown.remember(request, [inc])
    contacts = await svc.store.contact_accounts()
    sent = []
    for chat, msg_id, role in await svc.store.alert_messages(n):
        st = roster.staff_by_tg(svc.settings, chat)
        sent.append({"name": st.name if st else contacts.get(chat, {}).get("name", "?"), "role": role})
    row = {"inc": inc, "who": staff_name(svc, inc.get("claimed_by")), "flag": FLAG.get(inc.get("address_state"), ""),
           "addr": addr_key(inc),
           "can_claim": inc["status"] == "open" or bool(inc.get("reopened")), "can_arrive": inc["status"] != "arrived",
           "name": called_name(svc, inc, person), "minutes": max(0, int((svc.clock.ts() - inc["created"]) // 60)),
           "deceased": bool(await svc.store.died(person.get("id")))}
    return render(request, "incident.html", row=row, person=person, timeline=timeline, packet=packet, sent=sent,
                  outcomes=WEB_OUTCOMES, whole=whole(ctx, inc, person))


CHECKIN_FIELDS = ("enrolled", "times", "days", "tz", "paused_until", "since", "phase", "slot", "answered_at",
                  "incident")  # what today's status is read from
CHECKIN_ORDER = ("missed", "reminded", "waiting", "answered", "paused", "later", "undeliverable", "skipped",
                 "not_linked", "none")


async def checkins_page(request: web.Request) -> web.Response:
    from ..checkins import CheckinState, today_status

    svc = request.app[SVC]
    rids = await svc.store.checkin_enrolled()
    states, people = await asyncio.gather(svc.store.checkins_of(rids, CHECKIN_FIELDS), svc.store.resident_names())
    now = svc.clock.ts()
    groups: dict[str, list[dict]] = {s: [] for s in CHECKIN_ORDER}
    statuses: dict[tuple, str] = {}  # residents with the same settings and day share a status: worked out once
    hhmm: dict[float, str] = {}
    for rid in rids:
        st = CheckinState.from_hash(rid, states.get(rid, {}))
        name, tg = people.get(rid, (rid, None))
        same = (st.tz, tuple(st.times), tuple(st.days), st.paused_until, st.since, st.phase, st.slot)
        status = statuses.get(same) or statuses.setdefault(same, today_status(st, now))
        if not tg and status not in ("paused", "answered"):
            status = "not_linked"
        when = st.answered_at if status == "answered" else st.slot
        if when and when not in hhmm:
            hhmm[when] = svc.clock.local(when).strftime("%H:%M")
        groups[status].append({"rid": rid, "name": name, "time": hhmm[when] if when else "", "incident": st.incident})
    return render(request, "checkins.html", groups=[(s, groups[s]) for s in CHECKIN_ORDER if groups[s]
                                                    or s in CHECKIN_ORDER[:5]], total=len(rids),
                  date=svc.clock.now().strftime("%Y-%m-%d"))
