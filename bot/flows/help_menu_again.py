"""Words at 🙋 找居委会帮忙's menu ("需要帮什么忙？") that pick no kind of help: not understanding it ("听不懂", "什么意思",
"啊?"), not knowing ("不知道"), a bare "嗯嗯", a number, or "等一下". Never an ailment, a request or "没太明白": the menu
again, said more simply, with a person one tap away [☎️ 请社工给我回电话]; a second time, no third menu: only the person
offered. Nobody is paged until she taps (an ache named, "我腿疼", is read as usual; a danger never comes here).
"""
from __future__ import annotations

import re

from ..incidents.cant_press import CONFUSED
from ..types import Button
from .base import Ctx
from .both import label_both, t_both
from .chat_words import core, kind_of
from .help_menu import category_buttons
from .understanding import AILING, danger_in

SHORT = 12  # a message this short (its marks dropped) that says it does not understand picks nothing
UNSURE = re.compile(r"(我)?(也)?(不知道|不晓得|勿晓得|说不清|不清楚|不确定|不好说|想不好|没想好)(啊|呀|哦|了|呢)?"
                    r"|(i )?(don'?t|do not) know", re.I)
BARE = re.compile(r"(嗯+|哦+|噢|喔|啊+|哈|好的?|ok|okay|行)(啊|呀|哦)?", re.I)


def picks_nothing(text: str) -> bool:
    """Short words that pick no kind of help and name no ache."""
    said = core(text)
    if AILING.search(said) or not said or len(said) > SHORT:
        return False
    return bool(CONFUSED.search(said) or UNSURE.fullmatch(said) or BARE.fullmatch(said)
                or kind_of(text) in ("wait", "digit"))  # ("3": the buttons have no numbers)


def asked_again(ctx: Ctx, text: str) -> bool:
    """At the menu, words that pick nothing: the menu said again simply (or, a second time, a person offered);
    False: they are read as usual."""
    if ctx.step != ("help", "category") or not picks_nothing(text) or danger_in(ctx.svc, text):
        return False
    person = [Button(label_both(ctx, "btn.call_me_back"), "callback:me")]
    if ctx.session.get("menu_again"):  # never a third menu
        ctx.goto(None)
        ctx.say(t_both(ctx, "help.menu_person"), buttons=[person])
        return True
    intro = "help.menu_wait" if kind_of(text) == "wait" else "help.menu_simpler"
    ctx.goto("help", "category", menu_again=True)
    ctx.say(t_both(ctx, intro), buttons=[*category_buttons(ctx), person])
    return True
