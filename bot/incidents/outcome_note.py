"""The note after ✅ 已解决 → ✏️ 其他, while it waits (the step staff.outcome_note; typed, it closes the call:
staff.on_outcome_note).

A voice, photo or location sent meanwhile is filed on the call she holds, as at any time (staff_media.py), and the
bot cannot read it as the note: she reads that the note still waits — type it, or tap to close the call without one
(osk:<n>). Without this the step waited unsaid, and whatever she typed next, about anything, closed the call as its
note. An old or repeated tap closes nothing twice: a call closed says who closed it, one no longer waiting for her
note asks its outcome again.

button      answered by
osk:<n>     on_skip: call n closed as ✏️ 其他 with "(no note written)", if its note is what the bot waits for
"""
from __future__ import annotations

from ..flows.base import Ctx
from . import outcome_ask, staff, staff_words  # each imports the other: staff closes calls, this module waits

STEP = ("staff", "outcome_note")


def waiting(ctx: Ctx) -> int | None:
    """The call whose note the bot waits for from her, if any."""
    return ctx.session.get("incident") if ctx.step == STEP else None


def still_waiting(ctx: Ctx) -> None:
    """After something that is no note (a voice, a photo): the note still waits, and how to go on."""
    if (n := waiting(ctx)) is not None:
        ctx.say(ctx.t("staff.outcome_note_waiting", n=n), buttons=[[ctx.button("staff.outcome_note_skip", f"osk:{n}")]])


async def on_skip(ctx: Ctx, n: int) -> None:
    """osk:<n> — close call n as ✏️ 其他 without a note; a stale tap: who closed it, or its outcome asked again."""
    if waiting(ctx) == n:
        named = ctx.session.get("named", "")
        ctx.goto(None)
        if await staff.cried_again_meanwhile(ctx, n):  # never closed by a tap made for the call before it
            return
        await staff.resolve(ctx, n, "other", ctx.t("staff.outcome_note_skipped"), chosen=True, named=named)
        return
    inc = await ctx.svc.store.incident(n)
    if inc is None:
        ctx.edit_pressed(ctx.t("bad.stale_button"))
    elif inc["status"] == "resolved":
        await staff_words.tell_over(ctx, inc)
    else:
        await outcome_ask.ask(ctx, inc)
