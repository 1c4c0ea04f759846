"""A resident's question the bot cannot answer, asked while a notice awaits her answer ("停水到几点", "什么意思" after
"明天上午停水"): it is about the notice. It reaches the notice's sender while she is on duty (else whoever is: her shift
over, or on leave, `answerers`) as a staff question naming the notice, with ✍️ 回答; she reads that they will answer
her. Before, she read "答不上来" and a tap gave staff her words with no idea which notice she meant."""
from __future__ import annotations

from functools import partial

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..flows.menu import show_menu
from ..types import Button, Outbound

FIRST_WORDS = 16


async def asked_about_notice(ctx: Ctx, text: str) -> bool:
    """Her question reached whoever sent the notice still awaiting her answer; False with no such notice."""
    store = ctx.svc.store
    rid = ctx.me.resident_id
    n = await store.notice_awaiting(rid, ctx.svc.clock.ts()) if ctx.me.role == "resident" and rid else None
    notice = await store.notice(n) if n else None
    if not notice:
        return False
    qid = await store.add_question({"resident": rid, "text": text[:300], "status": "asked_staff", "notice": n,
                                    "at": ctx.svc.clock.ts(), "user": ctx.ev.user_id})
    person = ctx.me.extra.get("person") or await store.resident(rid) or {}
    words = (notice.get("text") or "").strip()
    first = words[:FIRST_WORDS] + ("…" if len(words) > FIRST_WORDS else "")
    reached = False
    for chat in await answerers(ctx.svc, notice):  # in her language; her words as she wrote them
        t = partial(staff_langs.t, ctx.svc, chat)
        reached |= (await ctx.svc.outbox.send(Outbound(
            chat, t("notice.question", n=n, first=first, q=qid, name=person.get("name", "?"), text=text[:300]),
            buttons=((Button(t("btn.answer"), f"q:ans:{qid}"),),), tag=f"question:{qid}"))).ok
    ctx.goto(None)  # (none got it: kept on the staff's /questions list, and she is told the truth)
    show_menu(ctx, "notice.question_sent" if reached else "qa.question_kept",
              phone=ctx.svc.settings.community.committee_phone)
    return True


async def answerers(svc, notice: dict) -> list[int]:
    """Who answers a question about the notice now: its sender while she is on duty, else the staff on duty (the
    sender at home after her shift, or at a wedding on leave, never sees it in time)."""
    duty = [st.telegram_id for st in await roster.reachable_on_duty(svc)]
    return [notice["by_chat"]] if notice["by_chat"] in duty else duty
