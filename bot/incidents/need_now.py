"""The answer to "您需要马上有人来吗？" (help.need_now, asked after a typed emergency by help_request.ask_need): a tap
or typed words. Yes (or unsure, or pain) → where they are (address_steps.py); no → the call stays open, marked a
possible false alarm for staff to check, and the family told of it hear he says he is fine (closed.py) — unless his
words were of not wanting to live ("我想不开"): then staff read that he said no, and that it is no false alarm.
"""
from __future__ import annotations

import re

from nlu import redflags
from nlu.features import normalise
from nlu.rules import fired_rules

from ..flows.base import Ctx
from ..flows.both import label_both, t_both
from ..flows.menu import show_menu
from ..flows.understanding import AILING
from . import address_steps, not_came
from .closed import tell_said_fine
from .help_request import ask_need, said_on_call

# typed answers to "您需要马上有人来吗？": unsure means yes, so does pain; able to get up means no (staff still phone)
UNSURE = re.compile(r"不知道|不晓得|勿晓得|说不清|说不好|不清楚|不确定|不好说|\bnot sure\b|\bdon'?t know\b|\bno idea\b", re.I)
NO_NEED = re.compile(r"不用|不要|覅|不需要|没事|还好|(?:伐|弗|勿)要紧|没关系|不碍事|勿碍事|能起来|起得来|爬起来了|站起来了|可以起来|自己能|勿要|不(着)?急|没(那么|这么)急"
                     r"|(?<!要)不麻烦|别麻烦|\bcan get up\b|\bno need\b|\bdon'?t (?:need to )?come\b"
                     r"|\bi'?m (?:ok|okay|fine|alright)\b", re.I)
# asking them to come, or when they will be there ("来个人看看吧", "你们能来吗", "多久能到"): a yes
COME = re.compile(r"快来|快点|来吧|来人|马上|赶紧|要的|需要|来个人|来(一下|一趟|看看|看一下)|(能|可以)(不能)?来|能不能来"
                  r"|多久(能|才能|可以)?到|什么时候(能|才能)?到|几时到|还要多久|\bplease come\b|\bcome (?:quick|fast|now|soon)"
                  r"|\bhurry\b"
                  # asking where help is ("还没人来吗", "人呢", "等了好久了"): she is waiting for someone
                  r"|(还|怎么)(是)?(没|没有)(人)?(来|到)|^人呢|有(没有)?人来|等了?(好久|半天|很久|老半天|这么久)"
                  r"|\b(nobody|no one|no-one)( has|'s)? (come|came|arrived)\b|\bstill waiting\b", re.I)
# nothing but "come" ("快来吧", "come quickly", "yes please hurry"): the answer, though English reads it as a cry too
COME_ONLY = re.compile(r"(?:yes[,!. ]*)?(?:please[,! ]*)?(?:come|hurry)(?: (?:quick(?:ly)?|fast|now|soon|at once|up))?"
                       r"(?:[,! ]*please)?[.! ]*|快来(?:吧|啊|呀)?[。!！]*", re.I)
YES_ALONE = re.compile(r"要|要的|需要|要人|要来|是要的")  # a bare yes to it, nothing else said
# not to tell her family ("不要告诉我女儿"): no answer to either question — her words for staff, the question again
NOT_TELL = re.compile(r"(不要|别|不用|覅|勿要|不许)(去)?(告诉|通知|叫|喊|打电话给|打给|跟|和|让)(我)?(的|家)?(女儿|儿子|家里|家人|孩子"
                      r"|老伴|子女|小孩|亲戚|邻居|他们|他|她|伊)|\bdon'?t (tell|call|ring) my\b", re.I)
FILLER = re.compile(r"[\W\d_]|[了啊呀的我来吧哦嗯呢啦]|\b(no|not|thanks?|thank you|please|ok)\b", re.I)


def more_said(text: str, answer: re.Pattern) -> bool:
    """Words beside the answer itself ("不用来了 钥匙在地垫下面"), not only it ("不用了", "我没事 能起来")."""
    return len(FILLER.sub("", answer.sub("", text))) >= 2


def yes_typed(text: str) -> bool:
    """A yes to "您需要马上有人来吗？" typed on its own ("要", "需要", "快来"), never a no ("不要", "不需要")."""
    said = re.sub(r"[\s，,。.！!~～啊呀的了]+$", "", text.strip())
    return not NO_NEED.search(said) and bool(YES_ALONE.fullmatch(said) or COME.search(said))


async def on_need_words(ctx: Ctx, text: str, intent: str, n: int) -> None:
    """Typed words (no danger in them) while "您需要马上有人来吗？" waits; anything else asks it again."""
    inc = await ctx.svc.store.incident(n) or {}
    if NOT_TELL.search(text):  # "不要告诉我女儿": no "no" to it (never a possible false alarm), staff read it
        if not await said_on_call(ctx, text):
            ask_need(ctx, n)
        return
    if whole := rest_of_cry(inc.get("words") or "", text):  # "我起" + "不来了": his cry, never a "no"
        await ctx.svc.incidents.told_more(n, whole)  # staff read it whole
        answer = "yes"
    elif UNSURE.search(text):
        answer = "yes"
    elif NO_NEED.search(text) and not COME.search(text):  # ("没关系 快来吧": come — when in doubt, a yes)
        answer = "no"
        if more_said(text, NO_NEED):  # "不用来了 门没锁 钥匙在地垫下面": a no, and staff read all of it
            await ctx.svc.incidents.told_more(n, text)
    elif intent in ("affirm", "emergency") or COME.search(text) or AILING.search(text):
        if intent == "emergency" and not COME.search(text):  # "门外有个人一直在敲": a yes, and news staff must read
            await ctx.svc.incidents.told_more(n, text)
        answer = "yes"
    elif intent == "deny":
        answer = "no"
    else:  # "钥匙在门口地垫下面", "等一下": staff read them, the same question again, the call stays one call
        if not await said_on_call(ctx, text):
            ask_need(ctx, n)
        return
    await on_need(ctx, answer, n)


def rest_of_cry(before: str, text: str) -> str | None:
    """A cry sent in two pieces, the second while "您需要马上有人来吗？" waits ("我起" + "不来了", "我跌" + "倒了"): the
    whole of it when a danger's words run across the join (read alone, "不来了" is a "no"); else None."""
    a = normalise(before)
    return before + text if a and any(f.alarms and f.start < len(a) < f.end
                                      for f in redflags.find(a + normalise(text))) else None


async def on_need(ctx: Ctx, answer: str, n: int) -> None:
    if answer == "yes" and ctx.ev.kind == "button" and await not_came.yes_after_close(ctx, n):
        return  # pressed on the question of his call closed since: he needs someone now
    inc = await address_steps.own_open_incident(ctx, n)
    if inc is None:
        return
    if ctx.ev.kind == "button":  # (or typed: "我按错了")
        ctx.edit_pressed(t_both(ctx, "help.need_now") + "\n" + label_both(ctx, f"btn.need_{answer}"))
    if answer == "yes":
        if inc.get("address_state") in address_steps.ADDRESS_KNOWN:  # where they are is known (said in the cry)
            ctx.goto(None)
            await address_steps.kept(ctx, n, address_steps.ADDRESS_KNOWN[inc["address_state"]])
            return
        address_steps.ask_address(ctx, n, await ctx.svc.store.resident(inc["resident"]))
        return
    # never a silent cancel: staff decide, the resident is told someone will still check
    at_risk = "self_harm" in fired_rules(normalise(inc.get("words") or ""))  # "我想不开" then "不用": never a false alarm
    await ctx.svc.store.update_incident(n, **({"declined_at_risk": True} if at_risk else {"maybe_false_alarm": True}))
    k = await ctx.svc.store.add_timeline(n, {"at": ctx.svc.clock.ts(), "event": "resident_says_fine"})
    await ctx.svc.incidents.refresh(n)
    if not at_risk:
        await tell_said_fine(ctx.svc, inc, k)  # the daughter who raised it is not left fearing the worst
    ctx.goto(None)
    show_menu(ctx, "help.said_fine")

