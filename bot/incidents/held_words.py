"""Words no button means, typed by a staff member holding several calls ("#2 她说腿疼 我陪她去医院", "老人情绪不太好
我多陪一会"): on the record of the call they name (its #number, its resident's name); naming none, she is asked once
which, a big button per call, and they go on the one she taps — never the menu hint, never lost. Holding one call:
staff_words.noted_on_held.

button       answered by
hnt:<n>:<k>  on_button: the words kept (her k-th asked about) go on call n's record
"""
from __future__ import annotations

import re

from .. import roster
from ..flows import staff_views
from ..flows.base import Ctx
from ..textfit import clip
from .packet import NAME_CHARS
from .staff_words import NUMBER, held_by_her

KEPT = "held_words"  # her words, in her session, until she taps which call (the last KEEP, each by its number)
KEEP = 3


async def noted(ctx: Ctx, text: str) -> bool:
    """Her words, holding two calls or more: on the one they name, else the question which. False: she holds fewer,
    or they are no news ("99", "好的")."""
    held = await held_by_her(ctx)
    if len(held) < 2 or len(re.sub(r"[\W\d_号]", "", text)) < 4:
        return False
    m = NUMBER.search(text)
    n = int(m.group(1) or m.group(2)) if m else None
    named = [(inc, name) for inc, name in held if inc["id"] == n or n is None and len(name) >= 2 and name in text]
    if len(named) == 1:
        await _note(ctx, named[0][0], named[0][1], text)
        return True
    kept = ctx.session.get(KEPT) or {}
    k = max(map(int, kept), default=0) + 1  # (an older question's tap files its own words, never the latest)
    ctx.session[KEPT] = {**{i: w for i, w in kept.items() if int(i) > k - KEEP}, str(k): clip(text, 300)}
    ctx.say(ctx.t("heldwords.which"), buttons=[[ctx.button("staffmedia.call", f"hnt:{inc['id']}:{k}", n=inc["id"],
                                                           name=clip(name or "?", NAME_CHARS))] for inc, name in held])
    return True


async def on_button(ctx: Ctx, n: int, k: int) -> None:
    """hnt:<n>:<k> — the words she was asked about go on call n's record (tapped again: filed already, or gone)."""
    kept = ctx.session.get(KEPT) or {}
    words, inc = kept.pop(str(k), ""), await ctx.svc.store.incident(n)
    ctx.session[KEPT] = kept
    if not words or inc is None:
        ctx.edit_pressed(ctx.t("heldwords.gone"))
        return
    await _note(ctx, inc, (await staff_views.about(ctx, inc)).get("name", ""), words, pressed=True)


async def _note(ctx: Ctx, inc: dict, name: str, words: str, pressed: bool = False) -> None:
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    await ctx.svc.store.add_timeline(inc["id"], {"at": ctx.svc.clock.ts(), "event": "staff_added", "by": me.name,
                                                 "words": clip(words, 300)})
    line = ctx.t("staffwords.noted", n=inc["id"], name=clip(name or "?", NAME_CHARS))
    ctx.edit_pressed(line) if pressed else ctx.say(line)
