"""A staff member answers a resident's question the knowledge base could not (✍️ 回答 on the question).

staff.answer         after ✍️ 回答, waits for the answer to a resident's question
"""
from __future__ import annotations

from .. import roster
from ..types import Outbound
from .base import Ctx
from .menu import show_menu


async def on_question_button(ctx: Ctx, qid: int) -> None:
    q = await ctx.svc.store.question(qid)
    if q is None or q.get("status") == "answered":
        show_menu(ctx, "staff.question_already")
        return
    ctx.goto("staff", "answer", question=qid)
    ctx.say(ctx.t("staff.answer_ask", n=qid, text=q["text"]))


async def on_answer(ctx: Ctx, text: str) -> None:
    """The answer typed after ✍️ 回答: to the resident who asked, in their language."""
    await answer_question(ctx, ctx.session["question"], text)


async def answer_question(ctx: Ctx, qid: int, text: str) -> None:
    store = ctx.svc.store
    q = await store.question(qid)
    ctx.goto(None)
    if q is None or q.get("status") == "answered":
        show_menu(ctx, "staff.question_already")
        return
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    q.update(status="answered", answer=text[:1000], answered_by=me.name, answered_at=ctx.svc.clock.ts())
    await store.update_question(q)
    if q.get("user"):
        loc = await store.pref(q["user"], "locale") or ctx.svc.settings.locale
        await ctx.svc.outbox.send(Outbound(q["user"], ctx.svc.cat.t("qa.staff_answer", loc, name=me.name,
                                                                      question=q["text"], answer=text[:1000])))
    show_menu(ctx, "staff.answer_sent", n=qid)
