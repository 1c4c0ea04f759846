"""A cry for help outranks every conversation step. The engine judges urgency first, before the person's lock and
before any step (address, age question, check-in, category menu, sign-up), on every kind of message that
carries words: a text of any length, a photo's or voice's caption, an edited message. A judged cry goes the same
fast lane as the 🆘 button (Incidents.sos); here is what follows it, and the rules that keep a step from
outliving its purpose.
"""
from __future__ import annotations

from ..flows.base import Ctx
from ..flows.understanding import DANGER_WORDS, WORDED, understand
from ..services import Services
from ..types import Inbound, Outbound
from . import help_request

STEP_IDLE_SECONDS = 2 * 3600  # a question left unanswered this long is no longer being asked
CONFIDENT = 0.6  # the model's certainty that takes a text the fast lane without a danger word
READ_CHARS = 500  # what the model reads of an over-long message (the keyword net reads all of it)


async def typed_cry(svc: Services, ev: Inbound, menu_labels: frozenset[str]) -> str:
    """The words of a cry for help in this event, or "" when it carries none. The understanding decides (its danger
    words weighed in their context: "新闻里说有个老人摔倒了" is no call); a keyword list only when it is unavailable."""
    if ev.kind not in WORDED or not ev.text.strip() or ev.text.strip() in menu_labels:
        return ""
    text, window = ev.text.strip(), _window(ev.text.strip())
    flags = getattr(svc.nlu, "red_flag_words", None)
    if flags and flags(window):  # a danger present now (not negated, asked about, past...): the model would agree
        return text
    intent = (await understand(svc, window))["intent"]
    # an uncertain one ("我回来了": 0.47 emergency) goes through its step, which may ask "需要马上有人来吗"
    return text if intent["name"] == "emergency" and intent["confidence"] >= CONFIDENT else ""


def _window(text: str) -> str:
    """What the model reads of an over-long message: the part around its first danger word, else its start."""
    if len(text) <= READ_CHARS:
        return text
    low = text.lower()
    hits = [low.find(w) for w in DANGER_WORDS if w in low]
    start = max(0, min(hits) - READ_CHARS // 2) if hits else 0
    return text[start:start + READ_CHARS]


async def after_cry(ctx: Ctx, opened, alerting, source: str) -> None:
    """A resident's call just stored by the fast lane, or another one while theirs is open."""
    if opened.outcome == "opened":
        await help_request.after_alert(ctx, opened.n, opened.person, alerting, confirm_need=source == "text")
        return
    words = ctx.ev.text.strip() or "🆘"
    await help_request.again(ctx, opened.n, words)
    if ctx.ev.kind in help_request.MEDIA:
        await help_request.forward_media(ctx, opened.n)
    elif ctx.session.get("incident") == opened.n and ctx.step[1] in ("ask_address", "confirm_address"):
        from nlu.entities import parse_address

        if any(parse_address(words).values()):  # "救命 我在27弄7号": the address it carries is not lost
            await help_request.on_address_text(ctx, opened.n)


async def drop_stale_step(ctx: Ctx) -> None:
    """A step belonging to a closed incident, or (belonging to none) left unanswered for hours, is no longer
    waiting for anything."""
    session, n = ctx.session, ctx.session.get("incident")
    if n:  # it lives as long as its incident
        inc = await ctx.svc.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            session.clear()
    elif session.get("at") and ctx.svc.clock.ts() - session["at"] > STEP_IDLE_SECONDS:
        session.clear()


def stamp(ctx: Ctx) -> None:
    """When the step being waited for was last touched (see drop_stale_step)."""
    if ctx.session:
        ctx.session["at"] = ctx.svc.clock.ts()


async def in_group(svc: Services, ev: Inbound) -> list[Outbound]:
    """The bot serves people one to one, but a cry for help in a group it is in still gets 120 and the committee."""
    if not await typed_cry(svc, ev, frozenset()):
        return []
    loc = svc.cat.locale_for(ev.language)
    msg = Outbound(ev.chat, svc.cat.t("group.urgent", loc, phone=svc.settings.community.committee_phone), urgent=True)
    await svc.outbox.send(msg)
    return [msg]
