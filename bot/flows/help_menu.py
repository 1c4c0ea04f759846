"""The resident's menu keys, and 🙋 找居委会帮忙's one question — which kind of practical help — pressed or typed.

help.category       which kind (one tap) → help.other_detail for "其他"

A label typed (or said) instead of pressed is that button: "买东西", "🔧 修东西", "其他" — anywhere, the way the
button reads in any locale; and, asked "需要帮什么忙？", a short answer naming the kind ("帮我取药", "我要修水龙头":
her words go to staff with it). A danger in the words is never read here.
"""
from __future__ import annotations

import re

from .. import qa
from ..incidents import help_request
from ..types import Button
from .base import Ctx
from .both import label_both, t_both
from .menu import show_menu

CATEGORIES = ("shopping", "repair", "hospital", "medicine", "other")
_MARKS = re.compile(r"[\W_]+")  # emoji, spaces, punctuation: "✏️ 其他" is "其他"
ANSWER_CHARS = 12  # a typed answer to "需要帮什么忙？" this short may name its kind in other words
_KIND_SAID = (("medicine", re.compile(r"取药|拿药|配药|开药")), ("hospital", re.compile(r"看病|医院|看医生|陪")),
              ("repair", re.compile(r"修|坏了")), ("shopping", re.compile(r"买")),
              ("other", re.compile(r"^(其他|其它|别的)")))


async def on_menu(ctx: Ctx, key: str) -> bool:
    if key == "menu.sos":
        await help_request.start_help(ctx, "emergency", words="🆘", source="button")
    elif key == "menu.help":
        ctx.goto("help", "category")  # (each in both when only her profile says her language: both.py)
        ctx.say(t_both(ctx, "help.which"), buttons=category_buttons(ctx))
    elif key == "menu.qa":
        qa.start(ctx)
    elif key == "menu.call":
        ctx.say(t_both(ctx, "call.info", phone=ctx.svc.settings.community.committee_phone),
                buttons=[[Button(label_both(ctx, "btn.call_me_back"), "callback:me")]])
    else:
        return False
    return True


def category_buttons(ctx: Ctx) -> list[list[Button]]:
    """One big button per kind of help."""
    return [[Button(label_both(ctx, f"help.cat_{c}"), f"cat:{c}")] for c in CATEGORIES]


def typed_category(ctx: Ctx, text: str) -> str | None:
    """The kind of help a typed message picks, as its button would: None when it picks none."""
    said = _MARKS.sub("", text).lower()
    for c in CATEGORIES:
        if said in {_MARKS.sub("", v).lower() for v in ctx.svc.cat.all_values(f"help.cat_{c}")}:
            return c
    if ctx.step == ("help", "category") and len(said) <= ANSWER_CHARS:
        return next((c for c, pattern in _KIND_SAID if pattern.search(said)), None)
    return None


# the kind a whole typed need names ("帮我买点菜", "电视坏了", "我想去医院 没人陪"), as its button would file it
_KIND_IN_WORDS = (("medicine", re.compile(r"(取|拿|配|开|买)(点|些|一点)?药|药吃完|没(有)?药了|药没了")),
                  ("hospital", re.compile(r"陪我?(去)?(看病|医院|看医生|复查|体检)|(看病|医院|看医生|复查).{0,6}(没人陪|陪我|陪一下)")),
                  ("repair", re.compile(r"修|坏了|坏掉|坏脱|漏水|堵(住)?了|不亮了?|打不开|关不上")),
                  ("shopping", re.compile(r"买(点|些|个)?(菜|东西|米|油|水|早饭|饭|面)|帮我买|代买")))


def kind_in_words(text: str) -> str:
    """The kind of help a typed need names; "other" when it names none or more than one."""
    kinds = {c for c, pattern in _KIND_IN_WORDS if pattern.search(text)}
    return kinds.pop() if len(kinds) == 1 else "other"


async def on_category(ctx: Ctx, category: str, typed: str = "") -> None:
    """Its button pressed, or its kind typed (`typed`: her words, to staff with it unless only the label)."""
    if category not in CATEGORIES:
        show_menu(ctx, "bad.stale_button")
        return
    if ctx.ev.kind == "button":
        ctx.edit_pressed(ctx.t("help.which") + "\n" + ctx.t(f"help.cat_{category}"))
    labels = {_MARKS.sub("", v).lower() for v in ctx.svc.cat.all_values(f"help.cat_{category}")}
    words = typed if typed and _MARKS.sub("", typed).lower() not in labels else ""
    if category == "other" and not words:
        ctx.goto("help", "other_detail")
        ctx.say(ctx.t("help.other_ask"))
        return
    await help_request.start_help(ctx, "help", category=category, source="menu", words=words, detail=words)
