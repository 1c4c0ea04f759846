"""What staff do about a resident's life events: a death a family member reported ("我爸去世了", which reaches staff
as a request marked 🕯: bot/incidents/family_told.py), confirmed by staff — or a mistaken report undone.

button         who     on
died:yes:<n>   staff   the report's packet (🕯 确认去世，停止签到): his check-ins stop for good (unenrolled: no check-in,
                       no reminder, no missed-check-in call, nothing sent to his chat), the register marks him
                       🕯 已故 (notices and age-band news skip him, his card sends nothing), his missed-check-in call still
                       open is closed (its escalation reached his family), on the call's timeline and in his check-in
                       log (🕯), with who confirmed it
               — on a report a colleague holds, only after reading whose it is (death_ask.py)
died:undo:<n>  staff   the same packet (↩️ 报错了，恢复签到): his check-ins come back at his times, the mark goes
Nothing stops by itself on the family's unverified words: until staff confirm, his check-ins go on, and one missed
meanwhile joins the report (its timeline) instead of opening a call that would escalate to the family who told us;
his check-in answered meanwhile (a tap, words, a voice: any sign of life while it waits) tells the staff alerted of
the report at once, to check it.
"""
from __future__ import annotations

from .. import roster
from ..flows.base import Ctx
from ..flows.menu import show_menu
from ..types import MessageRef
from . import death_ask
from .words import answer_label, next_label


def reported(inc: dict) -> bool:
    """Whether the call carries a family member's report of his death (its own request, or told on his open call)."""
    return bool(inc.get("resident")) and (inc.get("category") == "death" or bool(inc.get("death_told")))


async def on_confirmed(ctx: Ctx, n: int, named: str) -> None:
    """🕯 pressed again after reading whose report it is (death_ask.py): confirmed while she still holds it."""
    await on_button(ctx, "yes", n, named)


async def on_button(ctx: Ctx, action: str, n: int, named: str = "") -> None:
    svc = ctx.svc
    inc = await svc.store.incident(n)
    me = roster.staff_by_id(svc.settings, ctx.me.staff_id)
    confirmed = (inc or {}).get("death_confirmed") or {}
    if not inc or not reported(inc) or me is None or (action == "undo") != bool(confirmed):
        if inc and reported(inc) and confirmed:
            await _already(ctx, inc, confirmed)
        elif inc and reported(inc) and me is not None:  # an old ↩️: undone already, or never confirmed
            await _not_confirmed(ctx, inc)
        else:
            show_menu(ctx, "bad.stale_button")
        return
    rid, cis, now = inc["resident"], svc.checkins, svc.clock.ts()
    person = await svc.store.resident(rid) or {"name": "?"}
    if action == "yes" and (holder := death_ask.held_by_other(ctx, inc, named)):  # a colleague's report: whose
        await death_ask.ask(ctx, inc, holder, person["name"])  # first, confirmed by a second tap
        return
    missed: set[int] = set()
    async with cis.locked(rid):
        st = await cis.state(rid)
        if action == "yes":
            missed = {st.incident, n if inc["kind"] == "checkin" else 0} - {0}
            confirmed = {"by": me.name, "at": now, "enrolled": st.enrolled}
            st = await cis.unenrol(rid)  # out of every queue: nothing more is sent to his chat
            st.died_at, st.died_by, st.incident = now, me.name, 0
            await cis.save(st, "died")
        elif confirmed.get("enrolled"):
            st = await cis.enrol(rid)  # back at his own times (enrol clears the mark)
        else:  # never enrolled before the report: only the mark goes
            st.died_at, st.died_by = 0.0, ""
            await cis.save(st)
    await svc.store.update_incident(n, death_confirmed=confirmed if action == "yes" else {})
    # the register's mark: notices skip him, the desk shows 🕯 (bot/notices/sending.py, bot/desk/residents.py)
    await svc.store.mark_deceased(rid, {"at": now, "by": me.name, "incident": n} if action == "yes" else None)
    await svc.store.add_timeline(n, {"at": now, "event": "death_confirmed" if action == "yes" else "death_undone",
                                     "by": me.name})
    for m in sorted(missed):  # his missed check-in's call: its escalation reached his family
        async with svc.incidents.lock(m):
            closed = await svc.incidents.resolve(m, me, "died")
        if closed and m != n:
            await svc.incidents.refresh(m)
    await svc.incidents.refresh(n, _pressed(ctx))
    if action == "yes":
        ctx.say(ctx.t("checkin.death_confirmed", name=person["name"]))
        told = await death_ask.tell(ctx, inc, person["name"])  # the holder and the head: who confirmed it
        await svc.incidents.notify_alerted(n, "checkin.death_confirmed_all", skip={ctx.ev.chat} | told,
                                           who=me.name)
    else:
        ctx.say(ctx.t("checkin.death_undone", name=person["name"], when=next_label(svc, st, ctx.me.locale))
                if st.enrolled else ctx.t("checkin.death_undone_off", name=person["name"]))
        await death_ask.tell(ctx, inc, person["name"], undone=True)  # (inc: as it was, naming who confirmed it)


async def _already(ctx: Ctx, inc: dict, confirmed: dict) -> None:
    """A second tap (a colleague's, or an old packet's): who confirmed it, and the packet as it is now."""
    ctx.say(ctx.t("checkin.death_already", n=inc["id"], who=confirmed.get("by", "?")))
    await ctx.svc.incidents.refresh(inc["id"])


async def _not_confirmed(ctx: Ctx, inc: dict) -> None:
    """↩️ on a death not confirmed now: who undid it (his check-ins are back), or that nobody confirmed it."""
    undone = [e for e in await ctx.svc.store.timeline(inc["id"]) if e.get("event") == "death_undone"]
    name = (await ctx.svc.store.resident(inc["resident"]) or {}).get("name", "?")
    ctx.say(ctx.t("checkin.death_undone_already", n=inc["id"], who=undone[-1].get("by", "?"), name=name) if undone
            else ctx.t("checkin.death_not_confirmed", n=inc["id"], name=name))


async def answered_on_report(svc, rid: str, answer: str) -> None:
    """His check-in answered (a tap, words, a voice from his chat) while a report of his death is open and unconfirmed:
    the report may be wrong, so the staff alerted of it hear it at once, to check (his family hear it from staff)."""
    n = await svc.store.active_incident(rid)
    inc = await svc.store.incident(n) if n else None
    if not inc or not reported(inc) or inc.get("death_confirmed") or inc["status"] == "resolved":
        return
    label, now = answer_label(svc, answer), svc.clock.ts()
    await svc.store.add_timeline(n, {"at": now, "event": "answered_on_death_report", "answer": label})
    await svc.incidents.notify_alerted(n, "checkin.death_report_answered", answer=label,
                                       time=svc.clock.local(now).strftime("%H:%M"))


async def heard_after_death(svc, rid: str) -> None:
    """His chat wrote after staff confirmed his death: his family using his phone — or a mistaken confirmation, a man
    alive with no check-in and no notice any more. The staff alerted of the report hear it, once a day, to check."""
    died = await svc.store.died(rid)
    now = svc.clock.ts()
    if not died or not await svc.store.within_quota(f"deceased-heard:{rid}", now, 86400, 1):
        return
    n = died["incident"]
    await svc.store.add_timeline(n, {"at": now, "event": "heard_after_death"})
    await svc.incidents.notify_alerted(n, "checkin.heard_after_death",
                                       time=svc.clock.local(now).strftime("%H:%M"))


def _pressed(ctx: Ctx) -> MessageRef | None:
    return MessageRef(ctx.ev.chat, ctx.ev.message_id) if ctx.ev.message_id else None
