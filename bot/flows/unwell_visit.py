"""The answer to "听到您不舒服…要不要请社工来看看您？" (unwell.ask, after "我今天有点不舒服"): [🙋 请社工来看看] or
[😴 我先休息], or typed words.

Typed, a yes may say when ("下午来", "明天来吧": staff read her words, the visit is hers to time), and getting worse
("越来越难受了") is a yes too — never the same question again — with her words to staff and 120 in her reply. Not
understood ("你说什么", "听不懂") or "等一下": asked once more, simpler, with what to type; not understood again, someone comes.
"""
from __future__ import annotations

import re

from ..incidents import help_request, need_now
from ..incidents.cant_press import CONFUSED
from .base import Ctx
from .chat_words import kind_of
from .menu import keyboard

REST = re.compile(r"算了|躺|休息|睡一?会|歇一?会|先不")
# when she wants the visit ("下午来", "明天上午来看看我"): a yes whose words staff must read
WHEN = re.compile(r"(今天|明天|后天|上午|下午|中午|晚上|傍晚|早上|等会|等一会|过会|一会|[0-9一二三四五六七八九十两]+点).{0,4}来")
# worse since she said it ("越来越难受了", "比刚才更不舒服了")
WORSE = re.compile(r"越来越|更(加)?(难受|不舒服|疼|痛|晕|厉害)|加重|严重了|厉害了")
PLEASE = re.compile(r"^(那)?(就)?麻烦(你们|您|你)了?[。!！]*$")


def visit_wanted(text: str, intent: str) -> str | None:
    """A typed answer to "要不要请社工来看看您？": "come", "rest", or None (something else: read as usual)."""
    if need_now.UNSURE.search(text) or WORSE.search(text):
        return "come"
    if need_now.NO_NEED.search(text) or REST.search(text) or intent == "deny":
        return "rest"
    if CONFUSED.search(text) or kind_of(text) == "wait":  # "你说什么", "听不懂", "等一下": asked once more, simpler
        return "unclear"
    if intent == "affirm" or need_now.COME.search(text) or "来看" in text or text in ("要", "好", "好的") \
            or WHEN.search(text) or PLEASE.match(text):
        return "come"
    return None


def ask(ctx: Ctx, key: str = "unwell.ask") -> None:
    ctx.goto("unwell", "follow_up", **({"asked_simpler": True} if key != "unwell.ask" else {}))
    ctx.say(ctx.t(key), buttons=[[ctx.button("btn.unwell_come", "unwell:come")],
                                 [ctx.button("btn.unwell_rest", "unwell:rest")]])


async def on_unwell(ctx: Ctx, choice: str) -> None:
    if choice == "unclear" and not ctx.session.get("asked_simpler"):
        return ask(ctx, "unwell.ask_simpler")  # (not understood twice: someone comes — unsure means yes)
    choice = "come" if choice == "unclear" else choice
    n = await ctx.svc.store.active_incident(ctx.me.resident_id)
    waiting = ctx.step if n and ctx.session.get("incident") == n else None  # pressed late: a raised call's question
    if ctx.ev.kind == "button":  # (or typed: "要", "算了")
        ctx.edit_pressed(ctx.t("unwell.ask") + "\n" + ctx.t(f"btn.unwell_{'come' if choice == 'come' else 'rest'}"))
    said = ctx.ev.text.strip() if ctx.ev.kind == "text" else ""
    if n and choice == "come" and (WHEN.search(said) or WORSE.search(said)):
        await ctx.svc.incidents.told_more(n, said)  # "明天来吧", "越来越难受了": staff read when, or that it is worse
    inc = await ctx.svc.incidents.visit_wish(n, choice) if n else None  # never over what staff read of the call
    raised = inc is not None and inc["kind"] == "emergency"  # "救命" since: no "社工会打电话问候您"
    ctx.goto(None)
    ctx.say(ctx.t("unwell.come_ok" if choice == "come" else "unwell.rest_raised" if raised else "unwell.rest_ok",
                  phone=ctx.svc.settings.community.committee_phone), keyboard=keyboard(ctx))
    if waiting:
        await help_request.ask_again(ctx, await ctx.svc.store.incident(n), waiting)
