"""A stranger's words after her wish or worry reached staff (stranger_words.wish): her later words in that hour
("他住3号楼502", "他电话是139…") are often the detail that matters. Up to MORE of them join it: staff read each under
the question's number, with ✍️ 回答; the very words staff already have are not sent again (she is told staff have
them, which is true). Beyond MORE, or when nobody could be reached, she is told plainly to phone the committee (never
"已告诉"). A cry never comes here: it is a call of its own (onboarding.unknown_cry_for_help), unpaced by this."""
from __future__ import annotations

import json
import re

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..types import Button

WISH_SECONDS = 3600  # her words this long after her first reached staff join it
MORE = 4  # and at most this many more of hers reach staff in that hour (anyone can open accounts)
KEPT_CHARS = 1500  # of all she said, kept with her question


async def remember(ctx: Ctx, qid: int | str, text: str) -> None:
    """Her first words reached staff as question `qid`: what she says next within the hour joins it."""
    await ctx.svc.store.set_prefs(ctx.ev.user_id, {"wish_at": str(ctx.svc.clock.ts()), "wish_q": str(qid),
                                                   "wish_said": json.dumps([_plain(text)])})


async def join(ctx: Ctx, text: str, more: str = "stranger.wish_more") -> str | None:
    """Her words joined to her question of this hour, told to staff as `more` says (a worker's: marked so): the key
    of what she is told, or None when she has none."""
    svc, uid, now = ctx.svc, ctx.ev.user_id, ctx.svc.clock.ts()
    at, qid, said = await svc.store.prefs(uid, "wish_at", "wish_q", "wish_said")
    if not at or not qid or not 0 <= now - float(at) < WISH_SECONDS:
        return None
    said_list = json.loads(said or "[]")
    if _plain(text) in said_list:
        return "stranger.wish_told"  # staff have these very words
    await kept_with(svc, qid, text)
    if not await svc.store.within_quota(f"stranger_more:{uid}:{at}", now, WISH_SECONDS * 2, MORE):
        return "stranger.more_call"
    name = ctx.ev.first_name or "?"
    told = lambda chat: staff_langs.t(svc, chat, more, n=qid, name=name,  # noqa: E731
                                      words=text[:200])
    buttons = lambda chat: ((Button(staff_langs.t(svc, chat, "btn.answer"), f"q:ans:{qid}"),),)  # noqa: E731
    if not await roster.pass_on(svc, [], told, None, tag=f"question:{qid}", buttons=buttons):
        return "stranger.more_call"
    await svc.store.set_prefs(uid, {"wish_said": json.dumps(said_list + [_plain(text)])})
    return "stranger.wish_told"


async def kept_with(svc, qid: int | str, text: str) -> None:
    """Her words written into her question, after what she said before: staff opening it later (/questions, ✍️ 回答)
    read all of it in order, up to KEPT_CHARS. Answered already, it is open again (the answer kept beside it): her
    new words are a new question, and ✍️ 回答 under them must not say "已经有人回答了"."""
    q = await svc.store.question(int(qid))
    if q is None:
        return
    lines = q.get("text", "").split("\n")
    if _plain(text) in map(_plain, lines) or len(q.get("text", "")) >= KEPT_CHARS:
        return
    q["text"] = "\n".join(lines + [text[:300]])[:KEPT_CHARS]
    if q.get("status") == "answered":
        q.setdefault("answers", []).append({k: q.pop(k) for k in ("answer", "answered_by", "answered_at") if k in q})
        q["status"] = "asked_staff"
    await svc.store.update_question(q)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)[:200]
