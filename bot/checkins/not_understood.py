"""Words to the morning's "今天身体好吗？" that answer nothing, asked again with one tap to answer ("我按错了", "你是谁":
conversation._aside) — and not understanding it ("你说什么", "听不懂", "啥意思", "我眼睛不好", "字太小了看不清"): never
an illness, nor a question for the pension answers; she reads it again in simpler words, with what to type (好 / 不好)
beside the buttons. Not understood again within half an hour: she is not asked a third time — a staff member phones
her (a request ☎️ 请回电话 with both her messages), and she reads that. Not understood, it is not yet answered: her
next words ("好", "不好") answer it, and no answer at all is missed as any other (a missed one: she is alive, closed).
Not knowing ("不知道", "说不清") is neither fine nor unwell: asked again simply the same way; twice, she is alive and staff
get a gentle request to phone her (🤔, never 🤒).
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.chat_words import core
from ..flows.help_menu_again import UNSURE
from ..incidents import start_help
from .rules import PENDING
from .service import Heard
from .words import answer_buttons

WHAT = re.compile(r"(你|您|侬)?(说|讲)(的|了)?(什么|啥|啥个|撒)(啊|呀|呢)?|(什么|啥|啥个|哈)(意思)?(啊|呀|呢)?"
                  r"|(我)?(听|看)(不|勿)(懂|明白|清楚?)(你说的|你的意思)?(啊|呀)?|(我)?(不懂|不明白|没看懂|没听懂|搞不懂)(啊|呀|了)?"
                  r"|(我)?(的)?(眼睛|眼神)(不好|不好使|不灵|看不清|老花)(了)?|(字)(太|好|很)?小(了)?(看不清楚?)?|老花眼?"
                  r"|what|pardon|sorry what|i (do not|don'?t|didn'?t) understand( you)?|i can'?t read (it|this)")
# a bare sound asked ("啊?", "嗯？"): "what?" — never a cry out ("啊!", "啊啊啊": read as usual)
BARE_WHAT = re.compile(r"\s*(啊|嗯|蛤|哈|诶|欸|咦|呃|额)\s*[?？]+\s*")
AGAIN_SECONDS = 1800


def not_understood(text: str) -> bool:
    """The whole message says she did not understand the question, or cannot read it."""
    return bool(WHAT.fullmatch(core(text)) or BARE_WHAT.fullmatch(text))


def unsure(text: str) -> bool:
    """The whole message says she does not know ("不知道", "说不清", "I don't know"): no answer, nor unwell."""
    return bool(UNSURE.fullmatch(core(text)))


def _asked_simply(ctx: Ctx) -> list | None:
    """Her words the question was asked again simply for, within AGAIN_SECONDS: [when, words], else None."""
    before = ctx.session.get("checkin_what")
    return before if before and ctx.svc.clock.ts() - before[0] <= AGAIN_SECONDS else None


async def asked_again(ctx: Ctx, aside: str, text: str) -> None:
    """The check-in question again (`aside`: why — "who", "no_answer", "what", "unsure"), one tap to answer; asked
    simply once ("what", "unsure"), not a third time: a person phones instead (not knowing twice: a gentle request to
    phone her, never "unwell")."""
    if aside in ("what", "unsure"):
        if before := _asked_simply(ctx):
            ctx.session.pop("checkin_what", None)
            words, category = f"{before[1]} / {text}", "checkin_unsure" if aside == "unsure" else "callback"
            await start_help(ctx, "help", category=category, source="checkin", words=words, detail=words,
                             noted="checkin.unsure_noted" if aside == "unsure" else "help.typed_phone")
            return
        ctx.session["checkin_what"] = [ctx.svc.clock.ts(), text[:100]]
    ctx.say(ctx.t(f"checkin.again_{aside}"), buttons=answer_buttons(ctx.svc, ctx.me.guessed or ctx.me.locale,
                                                                       bool(ctx.me.guessed)))


async def heard_unless_unclear(ctx: Ctx, st, answer: str, aside: str | None) -> Heard:
    """Her sign of life to the check-in (service.heard_from), unless she did not understand the question still waiting:
    then it waits for her answer."""
    if aside in ("what", "unsure") and st.phase in PENDING and not (aside == "unsure" and _asked_simply(ctx)):
        return Heard(False, None)  # (not knowing twice: she is alive, and staff phone her)
    return await ctx.svc.checkins.heard_from(ctx.me.resident_id, answer)
