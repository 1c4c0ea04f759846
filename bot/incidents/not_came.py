""""还没人来啊" a little while after his emergency was closed: the close was wrong (a mistaken tap, the wrong man, a
visit that never happened), and he is still waiting. It is his emergency going on — a new 🆘 call at once, its words
naming the closed one — not a call-back request at a request's pace. A closed request (an errand), or a close
hours ago, leaves "nobody came" a request, as before. Said while his emergency is still open, it is a cry on it, as
🆘 pressed again is (staff reminded, he hears 120), not words added to it. And "🆘 是，马上来" pressed on the old
question of a call closed since is the same: he needs someone now."""
from __future__ import annotations

import re

from ..flows.base import Ctx
from . import help_request
from .closed import RECENT_CLOSE_SECONDS
from .raising import open_call

NOBODY_CAME = re.compile(r"(还|怎么|咋)(还)?(没|没有|不)(人)?(来|到)|没(有)?(人|看到人|见人)来|人呢|还不来|等了?(好久|半天|很久)"
                         r"|\b(nobody|no one|no-one) (came|has come|is here)\b|\bstill waiting\b"
                         r"|\bwhy (has|have|hasn'?t|haven'?t) (nobody|no one|anyone|anybody) come\b", re.I)
WITHIN_SECONDS = 6 * 3600  # a close this recent is the one he means


async def closed_emergency(ctx: Ctx, text: str) -> dict | None:
    """His emergency closed within WITHIN_SECONDS, when he says nobody came and has no call open."""
    rid = ctx.me.resident_id
    if not rid or not NOBODY_CAME.search(text) or await ctx.svc.store.active_incident(rid):
        return None
    last = await ctx.svc.store.last_closed_calls(rid, limit=1)  # (none open: his last call is closed)
    inc = last[0] if last else None
    if not inc or inc.get("status") != "resolved" or inc.get("kind") != "emergency":
        return None
    ago = ctx.svc.clock.ts() - (inc.get("resolved_at") or 0)
    return inc if 0 <= ago <= WITHIN_SECONDS else None


async def callback_request(ctx: Ctx, words: str = "") -> None:
    """"有人吗", "怎么还没人来": a call back — or, on his emergency still open or just closed, that emergency again."""
    if words and NOBODY_CAME.search(words) and (inc := await open_call(ctx.svc.store, ctx.me.resident_id)) \
            and inc["kind"] == "emergency":  # as 🆘 pressed again: staff reminded, he hears 120
        await help_request.again(ctx, inc["id"], words)
        return
    if words and (inc := await closed_emergency(ctx, words)):
        ago = ctx.svc.clock.ts() - inc["resolved_at"]  # within the hour the alert's first line names the close
        said = words if ago <= RECENT_CLOSE_SECONDS else ctx.svc.cat.t(
            "help.not_came_words", words=words, n=inc["id"], minutes=max(1, round(ago / 60)))
        await help_request.start_help(ctx, "emergency", words=said, source="text", confirm_need=True)
        return
    await help_request.start_help(ctx, "help", category="callback", source="menu", words=words)


async def yes_after_close(ctx: Ctx, n: int) -> bool:
    """"🆘 是，马上来" pressed on the question of his call #n after it was closed: he needs someone now — a new
    emergency (or a cry on the one open), never "这个按钮已经过期了". False: not his closed call."""
    inc = await ctx.svc.store.incident(n)
    if not inc or inc.get("resident") != ctx.me.resident_id or inc.get("status") != "resolved":
        return False
    said = ctx.svc.cat.t("help.yes_after_close_words", words=ctx.t("btn.need_yes"), n=n)
    if (open_now := await open_call(ctx.svc.store, ctx.me.resident_id)) is not None:
        await help_request.again(ctx, open_now["id"], said)
    else:
        await help_request.start_help(ctx, "emergency", words=said, source="button")
    return True
