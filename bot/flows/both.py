"""What matters most, said so that she can read it, when nobody knows which language she reads: only her Telegram
profile says it, and it is not the committee's (`Identity.guessed`, bot/people.py). Many Chinese residents'
profiles say English (Telegram has no official Chinese; a grandson set the phone up), and some who say so do read
English: so the emergency's acknowledgement (and "no staff reached yet"), the address read back after it, and the
welcome come in both, the committee's language first, and the welcome offers one tap, [中文] [English], that decides
from then on as /language does. Everything else is in the committee's language, as for anyone whose language nobody
knows, until she chooses, types or is registered with one: one rule, not one screen in each."""
from __future__ import annotations

import re
from typing import Callable

from .. import roster, staff_langs
from ..types import Button
from .base import Ctx
from .menu import show_menu

BETWEEN = "\n\n"


def both(ctx: Ctx, make: Callable[[str], str], between: str = BETWEEN) -> str:
    """`make(locale)` as she reads it; when her profile alone says another language, the committee's, then that one."""
    own = make(ctx.me.locale)
    return own + between + make(ctx.me.guessed) if ctx.me.guessed else own


def t_both(ctx: Ctx, key: str, **kw) -> str:
    return both(ctx, lambda locale: ctx.svc.cat.t(key, locale, **kw))


def label_both(ctx: Ctx, key: str) -> str:
    """A button's label in both when her language is only guessed: "✅ 对 / Yes" (one emoji, two words)."""
    return ctx.svc.cat.both_label(key, ctx.me.guessed) if ctx.me.guessed else ctx.t(key)


async def offer_choice(ctx: Ctx, again: bool = False) -> None:
    """[中文] [English] after a welcome, when her language is only guessed: each named in its own language. Once: not
    again at her next welcome (a sign-up's "OK", her being recognised), unless she asked for the start (`again`)."""
    if not ctx.me.guessed:
        return
    store = ctx.svc.store
    if not again and (await store.prefs(ctx.ev.user_id, "offered"))[0]:
        return
    await store.set_prefs(ctx.ev.user_id, {"offered": "1"})
    ask(ctx, ctx.me.locale, ctx.me.guessed)


async def ask_if_unsure(ctx: Ctx) -> None:
    """Asked once, [中文] [English], after what her message asked for (a cry's alert went before anything of hers),
    when what she reads is in doubt: a resident the register says reads one language types the other ("I fell" from
    one registered Chinese); a staff member reads the committee's, but her Telegram profile alone says another. Never
    while a question of her call for help waits for her answer: the language question waits for the last of them."""
    pair, waiting = _in_doubt(ctx), ctx.session.get("incident")  # (waiting: her call's question)
    if pair is None and (waiting or ctx.me.role != "resident"):
        return
    store, uid = ctx.svc.store, ctx.ev.user_id
    chosen, asked, said_in, owed = await store.prefs(uid, "chosen", "asked", "said_in", "lang_owed")
    if chosen or asked or ctx.me.role == "staff" and said_in:
        return
    if (pair := pair or (tuple(owed.split(",")) if owed else None)) is None:
        return
    if waiting:  # one question at a time: owed until her call asks nothing more (her last answer, typed or tapped)
        return await store.set_prefs(uid, {"lang_owed": ",".join(pair)})
    await store.set_prefs(uid, {"asked": "1"})
    ask(ctx, *pair)


def _in_doubt(ctx: Ctx) -> tuple[str, str] | None:
    """The language she is read in, and the other one she may read."""
    me, ev, cat = ctx.me, ctx.ev, ctx.svc.cat
    if me.role == "resident":
        registered = (me.extra.get("person") or {}).get("language")
        written = cat.written_in(ev.text) if ev.kind in ("text", "edited") else None
        return (registered, written) if registered and written and written != registered else None
    st = roster.staff_by_tg(ctx.svc.settings, ev.user_id) if me.role == "staff" else None
    profile = cat.locale_for(ev.language) if ev.language else None
    if st is None or st.language or not profile or profile == me.locale:  # (the config's language: hers)
        return None
    return me.locale, profile


def ask(ctx: Ctx, first: str, second: str) -> None:
    """Which language she reads, asked in both, one tap each named in its own language."""
    cat = ctx.svc.cat
    ctx.say("\n".join(cat.t("lang.choose", loc) for loc in (first, second)),
            buttons=((*(Button(cat.t("lang.self", loc), f"lang:{loc}") for loc in (first, second)),),))


async def choose(ctx: Ctx, locale: str) -> None:
    """Her language from now on, above the register, her words and her profile (/language, or a tap)."""
    await ctx.svc.store.set_prefs(ctx.ev.user_id, {"locale": locale, "chosen": "1", "guessed": "0"})
    ctx.me.locale, ctx.me.guessed = locale, ""
    await staff_langs.heard(ctx.svc, ctx.ev.user_id, locale)  # (a staff member's alerts and "/" menu: from now on)


# a language named with /language ("/lang en", "/language 中文")
NAMED = {"zh": re.compile(r"(zh(-hans)?|chinese|中文|汉语|普通话|华语)", re.I), "en": re.compile(r"(en|english|英文|英语)", re.I)}


async def on_command(ctx: Ctx, arg: str) -> None:
    """/language with a language named sets it at once; alone, it asks in both languages, one tap each — never
    switches by itself (typed by mistake, it would leave her with a menu she cannot read)."""
    if named := next((loc for loc, words in NAMED.items() if words.fullmatch(arg.strip())), None):
        await choose(ctx, named)
        show_menu(ctx, "menu.language_set")
        return
    ask(ctx, "zh", "en")
