"""Her call's questions with buttons, as she can read and answer them: "您需要马上有人来吗？" in both languages when
only her Telegram profile says which she reads (as the alert's reassurance and the address read back are:
flows/both.py); asked again in words she can type once she said she cannot press (cant_press.py: `typed_form`);
never a third time when two messages answered neither (`not_asked_thrice`).
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.both import both, label_both, t_both
from ..flows.chat_words import kind_of
from ..flows.menu import keyboard
from ..residents import full_address
from ..types import Button


# no answer to a question, and no news of a danger: a face or a gesture alone ("😢", "😱"; never 🆘 🚑 🔥 🚒 🚨),
# or asking her listener to wait ("等一下", "稍等": bot/flows/chat_words.py)
LONE_EMOJI = re.compile(r"(?:(?![🆘🚑🔥🚒🚨])[\U0001F300-\U0001FAFF\u2600-\u27BF]|[\uFE0F\u200D\s])+")
YES_MARK = re.compile(r"\s*[✔✓☑⭕]\uFE0F?\s*")  # a right answer's mark, to "…对吗？": a yes


def answers_nothing(text: str) -> bool:
    """A lone face or gesture, or "等一下", typed to her call's question: her words for staff, the question kept."""
    return bool(LONE_EMOJI.fullmatch(text.strip())) or kind_of(text) == "wait"


def ask_need(ctx: Ctx, n: int) -> None:
    """"您需要马上有人来吗？" [🆘 是，马上来] [🙂 不用，我没事]; its answer: need_now.py."""
    if asked_typed(ctx, "need_now", n):  # she said she cannot press: in words she can type
        return
    ctx.goto("help", "need_now", incident=n)
    ctx.say(t_both(ctx, "help.need_now"), buttons=((Button(label_both(ctx, "btn.need_yes"), f"need:yes:{n}"),),
                                                   (Button(label_both(ctx, "btn.need_no"), f"need:no:{n}"),)))


def asked_typed(ctx: Ctx, step: str, n: int, person: dict | None = None) -> bool:
    """Her call's question (`step`: need_now, or confirm_address with the register's `person`) asked again in words
    she can type, when she said she cannot press; False (nothing said): she did not, the buttons are asked."""
    if not ctx.session.get("typed_form"):
        return False
    ctx.goto("help", step, incident=n, typed_form=True)
    ctx.say(typed(ctx, step, person or {}))
    return True


def typed(ctx: Ctx, step: str, person: dict, intro: str = "") -> str:
    """The question of `step` for a typed answer (要 / 不用; the registered address read back for 对 / 不对), after
    `intro` ("没关系，不用按按钮…"), in both languages when hers is only guessed."""
    cat, address = ctx.svc.cat, full_address(ctx.svc.settings.community.address_prefix, person)
    key = "help.typed_address" if step == "confirm_address" else "help.typed_need"
    return both(ctx, lambda loc: "\n".join(([cat.t(intro, loc)] if intro else []) + [cat.t(key, loc, address=address)]))


async def read_back_simply(ctx: Ctx, n: int) -> None:
    """A lone number ("3") typed to the address read back — a menu's number, not her door: the yes/no again, simply,
    with its buttons (once: `not_asked_thrice`); staff are not told of it."""
    if ctx.session.get("asked_again"):
        return await not_asked_thrice(ctx, n, ("help", "confirm_address"))
    from .address_steps import ask_address  # (it reads this module)

    inc = await ctx.svc.store.incident(n) or {}
    ask_address(ctx, n, await ctx.svc.store.resident(inc.get("resident")) or {}, key="help.confirm_address_simply")
    ctx.session["asked_again"] = True


async def not_asked_thrice(ctx: Ctx, n: int, waiting: tuple | None) -> None:
    """Her call's question (`waiting`) asked twice and answered by neither message ("谢谢", "钥匙在门口地垫下面"): not a
    third time. "您需要马上有人来吗？" is a yes (unsure means yes: where she is comes next); the read-back, staff phone
    her to confirm (her packet shows the address unconfirmed in a while)."""
    if waiting == ("help", "need_now"):
        from .need_now import on_need  # (it reads this module)

        return await on_need(ctx, "yes", n)
    ctx.goto(None)
    ctx.say(t_both(ctx, "help.address_by_phone"), keyboard=keyboard(ctx))


async def media_on_call(ctx: Ctx, n: int) -> None:
    """Her voice or photo on her open call n: to whoever holds it, then the question it came to, again."""
    from .help_request import forward_media  # (it reads this module)

    await forward_media(ctx, n)
    if inc := await ctx.svc.store.incident(n):
        await kept_after_media(ctx, inc)


async def kept_after_media(ctx: Ctx, inc: dict) -> None:
    """Her sticker, voice or photo on her call (forwarded to staff) while one of its questions waits: the question again (once:
    `not_asked_thrice`), never left out of sight."""
    waiting = ctx.step if ctx.session.get("incident") == inc["id"] else None
    if waiting in (("help", "need_now"), ("help", "confirm_address")):
        from .help_request import ask_again  # (it reads this module)

        await ask_again(ctx, inc, waiting, bool(ctx.session.get("asked_again")))
    elif waiting == ("help", "ask_address") and not ctx.session.get("asked_again"):  # "您现在在哪里？" once more
        from .address_steps import ask_typed_address  # (it reads this module)

        kept = {k: ctx.session[k] for k in ("asked_twice", "said_place") if k in ctx.session}
        ask_typed_address(ctx, inc["id"], "help.ask_address_words")
        ctx.session.update(kept, asked_again=True)


async def small_talk_asked(ctx: Ctx) -> bool:
    """"哦", "谢谢", "你好" while her address read back waits: never the chat's "听到您很好，真高兴！" or "不客气！有事随时找
    我们" in the middle of her emergency, but the question again (once: `not_asked_thrice`). False: none waits."""
    n = ctx.session.get("incident") if ctx.step == ("help", "confirm_address") else None
    inc = await ctx.svc.store.incident(n) if n else None
    if not inc or inc["status"] == "resolved":
        return False
    from .help_request import ask_again  # (it reads this module)

    await ask_again(ctx, inc, ctx.step, bool(ctx.session.get("asked_again")))
    return True
