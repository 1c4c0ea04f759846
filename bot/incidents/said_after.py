"""What she says on her open call once nothing is asked (need now → yes, the read-back → ✅): on an emergency, "起来了",
"I'm up now" is news the staff holding or about to take it want — they read her words (📝 又说), and she a short kind
line, never the check-in's "听到您很好" nor "按错了"'s "可能是误报" (it was a fall); told while the read-back waits, it
reaches staff and the read-back is kept. "我没事了" once she said she needs someone goes the "按错了" way (the packet
says "可能是误报", an edit that does not ring): the staff holding it read her words too (`fine_told`). On any call,
"谢谢", "好的", "嗯嗯" is no news: a short line, nobody paged, true to what staff have done (call_state.py); "你们什么
时候到" on a call someone holds reaches them (📝 又说), and she reads who comes.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.chat_words import WHEN_COMING, core
from ..flows.menu import show_menu
from ..flows.understanding import danger_in
from . import call_state
from .help_request import join, said_on_call, tell_not_reached
from .raising import open_call

# up again by herself ("我起来了", "自己爬起来了", "I'm up now"); never "起不来了", "我自己起来不了", "我不能走了", "我想起来了"
UP = re.compile(r"(?<![不没勿想记说看])(爬|站|坐)?起来了|(自己|已经)(爬|站|坐)?起来(?![不没勿])|(?<![不没勿])能(站|走|起来)了"
                r"|\b(i'?m|i am) (back )?(up|on my feet)( now| again)?\b(?! (on|in|at)\b)|\bi (just )?got (myself |back )?up\b"
                r"|\bi managed to (get|stand) up\b", re.I)

# no news: thanks or an ok, and nothing else
THANKS = re.compile(r"(谢谢|多谢|谢了|感谢|谢谢(你|您|侬)|thanks?( you)?)(了|啊|呀|哦)*", re.I)
OK = re.compile(r"((好的?|好吧|好嘞|嗯+|哦+|噢|行|ok|okay|收到|明白|晓得|知道|了解|懂|👍|👌)(了|啊|呀|哦)?)+", re.I)


async def told(ctx: Ctx, text: str) -> bool:
    """Her words on her open call, answered here when they are "up again" or no news; False: read as usual (a
    question still waiting for its answer, a danger, anything else)."""
    if ctx.me.role != "resident" or danger_in(ctx.svc, text):
        return False
    inc = await open_call(ctx.svc.store, ctx.me.resident_id)
    if not inc:
        return False
    up = UP.search(text) and inc["kind"] == "emergency"  # (on a request: read as usual)
    asked = ctx.session.get("incident") == inc["id"] and ctx.step != (None, None)
    if asked:  # only the read-back: the other questions take "起来了" as their answer ("不用": need_now.py)
        return bool(up) and ctx.step == ("help", "confirm_address") and await said_on_call(ctx, text)
    if ctx.step != (None, None):
        return False
    if up:
        await join(ctx, inc, text, reply="help.up_again")
        return True
    return await no_news(ctx, inc, text)  # "谢谢", "好的", "什么时候到": true to what staff have done


async def fine_told(ctx: Ctx, inc: dict, text: str) -> None:
    """"我没事了", "I'm fine now" on her emergency (bot/flows/resident.py `pressed_by_mistake`) past its need question:
    to the staff holding it in her words (📝 又说). As the answer to that question it is its answer, as the one-tap
    "🙂 不用，我没事" is: the packet only."""
    if ctx.step != ("help", "need_now"):
        await ctx.svc.incidents.told_more(inc["id"], text)


async def no_news(ctx: Ctx, inc: dict, text: str) -> bool:
    """"谢谢", "好的" on her open call, or "什么时候到" on one someone holds, answered here; False: read as usual."""
    said = core(text)
    if WHEN_COMING.search(said) and call_state.holder(ctx.svc, inc)[0]:
        await join(ctx, inc, text, named=True)
        return True
    if not (THANKS.fullmatch(said) or OK.fullmatch(said)):
        return False
    if inc.get("caller_unreached"):  # no staff member has it yet: the truth again, never "社工会联系您"
        tell_not_reached(ctx)
        return True
    key, fill = call_state.reply(ctx.svc, inc, "help.on_call_thanks" if THANKS.fullmatch(said) else "help.on_call_ok")
    show_menu(ctx, key, **fill)
    return True
