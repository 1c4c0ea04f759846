"""A voice, photo or location from a staff member at the scene (the locked door, the resident on the floor): on the
record of the call she holds (or got there on), and forwarded to those following it — the head, its holder and the
colleagues who acted on it (got there, added words, sent something on it). Holding several, she taps which; holding none, she reads what she can do
(and her own trouble stays one tap away: staff_about.media).

button                          answered by
smd:<n>:<kind>:<message id>     on_button: her voice or photo filed on call n, if she still holds it
"""
from __future__ import annotations

from .. import roster, staff_langs
from ..flows import staff_views
from ..flows.base import Ctx
from ..textfit import clip
from ..types import MEDIA, MessageRef
from .help_request import MEDIA_ICON
from .packet import NAME_CHARS, tappable

ICON = {**MEDIA_ICON, "location": "📍"}
# who is on the call beside its holder: got there, added words or sent something on it (one who handed it on is off it)
ACTED = ("arrived", "staff_added", *(f"staff_{k}{said}" for k in MEDIA for said in ("", "_said")))


async def on_media(ctx: Ctx) -> bool:
    """Her voice or photo on the call she holds (or the question which); False: she holds none."""
    held = await _held(ctx)
    if not held:
        return False
    if len(held) == 1:
        await _file(ctx, held[0][0], ctx.ev.kind, ctx.ev.origin, ctx.ev.text.strip())
        return True
    ctx.say(ctx.t("staffmedia.which"), buttons=[[ctx.button(
        "staffmedia.call", f"smd:{inc['id']}:{ctx.ev.kind}:{ctx.ev.message_id or 0}", n=inc["id"],
        name=clip(name or "?", NAME_CHARS))] for inc, name in held])
    return True


async def on_button(ctx: Ctx, args: list[str]) -> bool:
    """Which call her voice or photo is about: filed there if she still holds it, else whose it is now."""
    if len(args) != 3 or args[1] not in MEDIA:
        return False
    n, kind, message_id = int(args[0]), args[1], int(args[2])
    inc = await ctx.svc.store.incident(n)
    if inc is None or not at_scene(inc, ctx.me.staff_id):
        holder = roster.staff_by_id(ctx.svc.settings, (inc or {}).get("claimed_by")) \
            if inc and inc["status"] != "resolved" else None
        ctx.edit_pressed(ctx.t("staff.taken_by", n=n, who=holder.name, phone=tappable(holder.phone)) if holder
                         else ctx.t("staffmedia.not_held", n=n))
        return True
    await _file(ctx, inc, kind, MessageRef(ctx.ev.chat, message_id), "", pressed=True)
    return True


def at_scene(inc: dict, staff_id: str) -> bool:
    """She holds the call, or got there on a colleague's (never her own cry)."""
    return inc["status"] != "resolved" and inc.get("staff_caller") != staff_id and staff_id in (
        inc.get("claimed_by"), inc.get("arrived_by"))


async def _held(ctx: Ctx) -> list[tuple[dict, str]]:
    """The open calls she holds or got there on, with whom each is about."""
    store, out = ctx.svc.store, []
    for n in await store.open_incident_ids():
        inc = await store.incident(n)
        if inc and at_scene(inc, ctx.me.staff_id):
            out.append((inc, (await staff_views.about(ctx, inc)).get("name", "")))
    return out


def followers(svc, inc: dict, timeline: list[dict], me) -> list:
    """The head, the holder and the colleagues who acted on the call (never the sender): who hears what she sends."""
    names = {e.get("by") for e in timeline if e.get("event") in ACTED}
    return [st for st in svc.settings.staff if st.id != me.id and (
        st.role == "head" or st.name in names or st.id in (inc.get("claimed_by"), inc.get("arrived_by")))]


async def _file(ctx: Ctx, inc: dict, kind: str, ref: MessageRef, words: str, pressed: bool = False) -> None:
    svc, n = ctx.svc, inc["id"]
    me = roster.staff_by_id(svc.settings, ctx.me.staff_id)
    name = clip((await staff_views.about(ctx, inc)).get("name", "") or "?", NAME_CHARS)
    cannot = await roster.unreachable(svc)
    them = [st for st in followers(svc, inc, await svc.store.timeline(n), me) if st.id not in cannot]

    def intro(chat: int) -> str:  # in each one's language
        said = staff_langs.t(svc, chat, "staffmedia.words", words=clip(words, 300)) if words else ""
        return staff_langs.t(svc, chat, f"staffmedia.from_{kind}", icon=ICON.get(kind, "🎙"), n=n, name=name,
                             by=me.name, words=said)
    reached: list[str] = []
    for st in them:  # one by one: who got it, by name, for her and the record
        if await svc.outbox.forward_to([st.telegram_id], intro, ref, tag=f"staffmedia:{n}",
                                       urgent_intro=inc["kind"] == "emergency"):
            reached.append(st.name)
    await svc.store.add_timeline(n, {"at": svc.clock.ts(), "event": f"staff_{kind}" + ("_said" if words else ""),
                                     "by": me.name, "words": clip(words, 300), "forwarded_to": reached})
    key = "staffmedia.passed" if reached else "staffmedia.kept_failed" if them else "staffmedia.kept"
    line = ctx.t(key, n=n, name=name, names="、".join(reached))
    ctx.session["said"] = ctx.t(f"staffabout.sent_{kind}")  # in case it was she who needs help (staff_about.py)
    own = [[ctx.button("staffabout.own", "stf:own")]]
    ctx.edit_pressed(line, own) if pressed else ctx.say(line, buttons=own)
