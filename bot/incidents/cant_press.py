"""She cannot press the buttons ("我不会按", "按不了", "看不清按钮", "手抖按不准", "I can't press it") or does not
understand the question ("你说什么", "听不懂", "啥意思", "我眼睛不好"), told to her call's question with buttons ("您需要马上有人来吗？", the address read back): her words to the staff who hold the call, then
the same question in words she can answer by typing (打：要 / 不用, 对 / 不对), never the buttons again — the read-back
after her typed yes too (`typed_form` in her step: call_questions.py). Told again ("还是不会", "我不会打字", "听不懂"):
nothing more is asked, staff phone her (the address unconfirmed shows so on their packet in a while).
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.menu import keyboard
from ..flows.understanding import AILING
from .call_questions import typed
from .help_came import said_to_staff
from .raising import open_call

CANT_PRESS = re.compile(r"(?:不会|不懂|勿会|不晓得|不知道|弄不来)(?:怎么|咋|哪能|怎样)?(?:按|点|揿|弄|操作|用)"
                        r"|(?:按|点|揿)(?:不了|不动|不到|不准|不好|不来|不下去|不中|勿来|勿动|勿准|勿到)"
                        r"|(?:看不清|看不见|看不到|找不到|寻不到|没看到|没有)(?:按钮|按键|键|那个键|那个按钮)"
                        r"|按钮(?:太小|看不清|找不到|在哪)"
                        r"|\b(?:can'?t|cannot|can not|unable to|don'?t know how to) (?:press|tap|click|push|find|see|use) "
                        r"(?:it|the buttons?|this|that|these|buttons?)\b|\bbuttons? (?:is |are )?too small\b", re.I)
# not understanding the question, or not able to read it ("你说什么", "听不懂", "啥意思", "我眼睛不好", "字太小了看不清"):
# the same in simpler words (a sudden "眼睛看不见了" is a danger the fast lane reads first)
CONFUSED = re.compile(r"^(?:你|您|侬)?(?:说|讲)(?:的|了)?(?:什么|啥|啥个|撒)|^(?:什么|啥|啥个|啊|哈)[?？。!！]*$|什么意思|啥意思|啥个意思"
                      r"|听不懂|看不懂|听勿懂|看勿懂|不懂|不明白|没看懂|没听懂|搞不懂|弄不懂|看不清|看勿清|字太小|眼睛不好|眼神不好|老花"
                      r"|^(?:what|pardon|sorry)\b[?!. ]*$|\b(?:don'?t|didn'?t|do not) understand\b|\bcan'?t read\b", re.I)
# told again, once the question came in words: she cannot type either, or still cannot
STILL = re.compile(r"还是不(?:会|行|懂)|不会打字|打不(?:了|来|出)字?|不识字|不认字|看不懂|\bcan'?t (?:type|read)\b|\bstill can'?t\b",
                   re.I)
STEPS = (("help", "need_now"), ("help", "confirm_address"))


def cannot_press(ctx: Ctx, text: str) -> bool:
    """Words saying she cannot press (or, once asked in words, still cannot answer) at a question with buttons."""
    return ctx.step in STEPS and not AILING.search(text) and bool(  # ("听不懂 就是腿有点疼": pain is a yes)
        CANT_PRESS.search(text) or CONFUSED.search(text) or ctx.session.get("typed_form") and STILL.search(text))


async def told(ctx: Ctx, text: str, n: int) -> bool:
    """"我不会按" to her call's question: staff read it, she reads the question in typed form (or, told again, that
    staff will phone her). False: no such words, or her call is not open."""
    inc = await open_call(ctx.svc.store, ctx.me.resident_id) if cannot_press(ctx, text) else None
    if inc is None or inc["id"] != n:
        return False
    again, step = ctx.session.get("typed_form"), ctx.step
    reached = await said_to_staff(ctx, inc, text)
    if again:
        ctx.goto(None)
        if reached:
            ctx.say(t_both(ctx, "help.typed_phone"), keyboard=keyboard(ctx))
        return True
    ctx.session["typed_form"] = True
    person = await ctx.svc.store.resident(inc["resident"]) if step == ("help", "confirm_address") else None
    intro = "help.typed_intro" if CANT_PRESS.search(text) else "help.simpler_intro"  # ("你说什么": simpler words)
    ctx.say(typed(ctx, step[1], person or {}, intro=intro))
    return True
