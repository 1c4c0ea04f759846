"""Words typed while the note after ✅ 已解决 → ✏️ 其他 waits that are no note (staff.on_outcome_note asks here first):
the close taken back ("取消", "算了", "等会再写"): the call stays open in her hands, nothing closed; a fresh danger about
the resident ("王老伯又摔倒了"): his call's buttons, her words to whoever holds it (staff_about.py), the note still
waiting; another call named ("#2 已送医"): read as at any time (its buttons, or on its record), this one's note still
waiting. A note that tells how it ended ("老人摔倒了，已送医", "已处理好了") is the note."""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.understanding import keyword_parse
from . import held_words, staff_about, staff_words
from .staff_words import DONE, NUMBER

TAKEN_BACK = re.compile(r"^(先|还是)?(取消|算了|不用了?|不要了?|不结案|先不结|别结案|还没(好|完|处理完)|等(一下|会|会儿|下)|晚点|稍后|回头)"
                        r"|^\W*(cancel|never ?mind|not yet|later|wait)\b", re.I)

# a danger now or again ("王老伯又摔倒了", "他现在起不来"), not one told with how it ended ("老人摔倒了，家属已接去医院")
FRESH = re.compile(r"又|再次|刚刚?|现在|还在|起不来|快来|救命|\b(again|now)\b", re.I)
ENDED = re.compile(r"已|接(去|走)|送(走|去)|(去|到)了?医院|回家了|没事|\b(taken|sent) to\b", re.I)


async def not_a_note(ctx: Ctx, n: int, text: str) -> bool:
    """True: these words were answered here, and call n is not closed by them."""
    if (m := NUMBER.search(text)) and (k := int(m.group(1) or m.group(2))) != n \
            and (await ctx.svc.store.incident(k) or {}).get("status") not in (None, "resolved"):  # "#2 已送医", #1's waiting
        waiting = {k: ctx.session[k] for k in ("flow", "step", "incident", "named") if k in ctx.session}
        ctx.goto(None)  # read as at any time: #2's buttons, or on its record
        await staff_words.answer(ctx, text) or await held_words.noted(ctx, text)
        ctx.session.update(waiting)
        _still_waiting(ctx)
        return True
    if TAKEN_BACK.search(text.strip()) and not DONE.search(text):
        ctx.goto(None)
        await ctx.svc.store.update_incident(n, note_awaited_by="")  # (its packet no longer says a note is coming)
        await ctx.svc.incidents.refresh(n)
        ctx.say(ctx.t("staff.note_taken_back", n=n))
        return True
    if keyword_parse(text)["emergency_suspected"] and FRESH.search(text) and not (DONE.search(text) or ENDED.search(text)) \
            and await staff_about.about_someone(ctx, text, cried=True):
        await staff_about.answer(ctx, text)  # (the step is kept: her next words are the note)
        _still_waiting(ctx)
        return True
    return False


def _still_waiting(ctx: Ctx) -> None:
    from .outcome_note import still_waiting  # (it closes calls through staff.py, which asks here)

    still_waiting(ctx)
