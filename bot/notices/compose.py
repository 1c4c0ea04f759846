"""Composing a notice (staff), the resident's [👌 收到了], and the visit tasks made from a follow-up list.

Steps (session flow "notice"): /notice → who (buttons; "place" asks for a road / lane / building) → step "text":
the words, a photo with them, or a template → step "ready": the count and a preview, [✅ 发送] with the hours
until the follow-up, or [❌ 取消] → sent (sending.py).
"""
from __future__ import annotations

from ..flows.base import Ctx
from ..flows.menu import show_menu
from . import audience as who

TEMPLATES = ("heat", "cold", "typhoon", "fire")
FOLLOW_UP_HOURS = (24, 4)
MAX_TEXT = 900  # fits a photo's caption (1,024) with the heading


def notices(ctx: Ctx):
    return ctx.svc.notices


def audience_label(ctx: Ctx, audience: str) -> str:
    kind, _, arg = audience.partition(":")
    return ctx.t(f"notice.aud_{kind}", age=arg, place=arg) if kind in ("age", "place") else ctx.t(f"notice.aud_{kind}")


async def start(ctx: Ctx, arg: str) -> None:
    """/notice: asks who it is for."""
    ctx.goto("notice", "who")
    ages = [ctx.button("notice.aud_age", f"nt:a:age:{a}", age=a) for a in who.AGES]
    ctx.say(ctx.t("notice.ask_who"), buttons=[
        [ctx.button("notice.aud_all", "nt:a:all"), ctx.button("notice.aud_alone", "nt:a:alone")], ages[:2], ages[2:],
        [ctx.button("notice.btn_place", "nt:a:place"), ctx.button("notice.aud_checkins", "nt:a:checkins")]])


def ask_text(ctx: Ctx, audience: str, photo: str | None = None) -> None:
    """Stores who; asks for the words (or a photo with them), or a template."""
    ctx.goto("notice", "text", audience=audience, photo=photo)
    ctx.say(ctx.t("notice.ask_text", audience=audience_label(ctx, audience)),
            buttons=[[ctx.button(f"notice.btn_tpl_{t}", f"nt:t:{t}") for t in TEMPLATES[:2]],
                     [ctx.button(f"notice.btn_tpl_{t}", f"nt:t:{t}") for t in TEMPLATES[2:]]])


async def on_input(ctx: Ctx) -> None:
    """A staff member's text or photo while composing: the place, or the notice's words."""
    ev, step, s = ctx.ev, ctx.step[1], ctx.session
    if step == "place" and ev.kind == "text":
        place = "place:" + "".join(ev.text.split())
        if who.parse_place(ev.text) and await recipients(ctx, place):
            ask_text(ctx, place)
        else:
            ctx.say(ctx.t("notice.ask_place_again"))
    elif step == "text":
        photo = ev.file_id if ev.kind == "photo" else s.get("photo")
        if not ev.text.strip():
            ask_text(ctx, s["audience"], photo)
        elif len(ev.text) > MAX_TEXT:
            ctx.say(ctx.t("notice.too_long", limit=MAX_TEXT))
        else:
            await preview(ctx, s["audience"], text=ev.text.strip(), photo=photo)
    else:
        show_menu(ctx, "notice.use_buttons")


async def recipients(ctx: Ctx, audience: str) -> list[dict]:
    enrolled = frozenset(await ctx.svc.store.checkin_enrolled()) if audience == "checkins" else frozenset()
    return who.select(await ctx.svc.store.residents(), audience, ctx.svc.clock.now().date(), enrolled)


async def preview(ctx: Ctx, audience: str, *, text: str = "", template: str = "", photo: str | None = None) -> None:
    """Stores the draft; shows how many it reaches and what they will read, and asks to send."""
    people = await recipients(ctx, audience)
    ctx.goto("notice", "ready", audience=audience, text=text, template=template, photo=photo)
    body = ctx.t(f"notice.tpl_{template}") if template else text
    dead = await ctx.svc.store.deceased()
    head = ctx.t("notice.preview", audience=audience_label(ctx, audience), count=len(people),
                 not_started=sum(1 for p in people if not p.get("tg_id") and p["id"] not in dead))
    if gone := sum(1 for p in people if p["id"] in dead):
        head += "\n" + ctx.t("notice.preview_deceased", count=gone)
    parts = [head, ctx.t("notice.to_resident", text=body)] + ([ctx.t("notice.with_photo")] if photo else [])
    ctx.say("\n\n".join(parts), buttons=[[ctx.button("notice.btn_send", f"nt:s:{h}", hours=h)]
                                         for h in FOLLOW_UP_HOURS] + [[ctx.button("notice.btn_cancel", "nt:x")]])


async def on_button(ctx: Ctx, args: list[str]) -> None:
    """nt:a:<who> · nt:t:<template> · nt:s:<hours> · nt:x · nt:v:<notice> (visit tasks) · nt:d:<task> (visited)."""
    what, rest, (flow, step) = args[0] if args else "", args[1:], ctx.step
    if what == "v" and rest:
        await make_visits(ctx, int(rest[0]))
    elif what == "d" and rest:
        await visited(ctx, int(rest[0]))
    elif flow != "notice":
        ctx.say(ctx.t("notice.stale"))
    elif what == "a" and rest:
        if rest == ["place"]:
            ctx.goto("notice", "place")
            ctx.say(ctx.t("notice.ask_place"))
        else:
            ask_text(ctx, ":".join(rest))
    elif what == "t" and rest and rest[0] in TEMPLATES and step == "text":
        await preview(ctx, ctx.session["audience"], template=rest[0], photo=ctx.session.get("photo"))
    elif what == "s" and rest and step == "ready":
        await send(ctx, float(rest[0]))
    elif what == "x":
        ctx.goto(None)
        ctx.edit_pressed(ctx.t("notice.cancelled"))
    else:
        ctx.say(ctx.t("notice.stale"))


async def send(ctx: Ctx, hours: float) -> None:
    s = dict(ctx.session)
    ctx.goto(None)
    people = await recipients(ctx, s["audience"])
    n = await notices(ctx).start(by=ctx.me.staff_id, by_chat=ctx.ev.chat, audience=s["audience"],
                                 rids=[p["id"] for p in people], text=s["text"], template=s["template"],
                                 photo=s.get("photo"), hours=hours)
    ctx.edit_pressed(ctx.t("notice.sending", n=n, count=len(people), hours=f"{hours:g}"))


async def on_ack(ctx: Ctx, args: list[str]) -> None:
    """A resident's 👌 on a notice."""
    if args and args[0].isdigit() and await ctx.svc.store.ack_notice(int(args[0]), ctx.me.resident_id or ""):
        show_menu(ctx, "notice.thanks")
    else:
        show_menu(ctx, "bad.stale_button")


async def on_activity(ctx: Ctx) -> bool:
    """Every event of a resident: words written back while a notice awaits her 👌 ("收到", "好的 知道了", "停水到几点")
    count as heard, so the follow-up does not send someone to check on her. Never answers the event itself."""
    if ctx.me.role == "resident" and ctx.ev.kind in ("text", "voice", "edited") and ctx.me.resident_id:
        await ctx.svc.store.notice_heard(ctx.me.resident_id, ctx.svc.clock.ts())
    return False


async def make_visits(ctx: Ctx, n: int) -> None:
    """The follow-up list as visit tasks, one per resident who has not said 👌 (or could not be reached)."""
    states = await ctx.svc.store.notice_states(n)
    if not states:
        ctx.say(ctx.t("notice.stale"))
        return
    rids = await notices(ctx).not_acknowledged(n)
    now = ctx.svc.clock.ts()
    await ctx.svc.store.add_visit_tasks([{"rid": rid, "notice": n, "why": states[rid], "by": ctx.me.staff_id,
                                          "created": now} for rid in rids])
    ctx.edit_pressed(ctx.t("notice.visits_made", n=n, count=len(rids)))
    await show_visits(ctx, "")


async def show_visits(ctx: Ctx, arg: str) -> None:
    """/visits: the open visit tasks, each with a [✅ 已走访] button."""
    tasks = [t for t in await ctx.svc.store.visit_tasks() if not t.get("done_at")]
    if not tasks:
        show_menu(ctx, "notice.no_visits")
        return
    dead = await ctx.svc.store.deceased()  # a death confirmed since the task was made: staff see it before going
    for t in tasks[:30]:
        p = await ctx.svc.store.resident(t["rid"]) or {}
        name = ctx.t("notice.name_deceased", name=p.get("name", "?")) if t["rid"] in dead else p.get("name", "?")
        ctx.say(ctx.t("notice.visit_row", id=t["id"], name=name, phone=p.get("phone", ""),
                      why=ctx.t(f"notice.state_{t['why']}"), n=t["notice"]),
                buttons=[[ctx.button("notice.btn_visited", f"nt:d:{t['id']}")]])


async def visited(ctx: Ctx, vid: int) -> None:
    task = await ctx.svc.store.visit_task(vid)
    if not task or task.get("done_at"):
        ctx.edit_pressed(ctx.t("notice.visit_done_already"))
        return
    task.update(done_by=ctx.me.staff_id, done_at=ctx.svc.clock.ts())
    await ctx.svc.store.update_visit_task(task)
    person = await ctx.svc.store.resident(task["rid"]) or {}
    ctx.edit_pressed(ctx.t("notice.visit_done", id=vid, resident=person.get("name", "?"), name=ctx.me.name))

