"""Her typed words to her open call's questions — "您需要马上有人来吗？" (need_now) and the address read back
(confirm_address) — and "我按错了" while the call is open: read as their answer, as where she is, as her words for
staff with the question kept, or not here (False: read as usual, bot/flows/resident.py). A danger in the words is
never read here as an answer that calms.
"""
from __future__ import annotations

import re

from ..incidents import address_steps, call_questions, cant_press, help_came, help_request, need_now, said_after
from ..incidents.raising import open_call
from .base import Ctx
from .both import t_both
from .chat_words import SMALL_TALK, kind_of
from .menu_on_call import CANCEL
from .understanding import HELP_CAME, danger_in


async def answered(ctx: Ctx, text: str, result: dict) -> bool:
    """Her words, with her call's question waiting (`ctx.step`), answered here: True."""
    flow, step = ctx.step
    n, intent = ctx.session.get("incident"), result["intent"]["name"]
    if flow == "help" and n and HELP_CAME.search(text) and not danger_in(ctx.svc, text) \
            and await help_came.told_while_asked(ctx, text, n):
        return True  # "120来了", "邻居来了" to her call's question: heard, and nothing more asked than still matters
    if flow == "help" and n and not danger_in(ctx.svc, text) and await cant_press.told(ctx, text, n):
        return True  # "我不会按", "按不了": heard, and the question in words she can type, never the buttons again
    if flow == "help" and step in ("confirm_address", "need_now", "ask_address") and n and not danger_in(ctx.svc, text) \
            and (CANCEL.search(text) or step in ("confirm_address", "ask_address") and NO_NEED.search(text)) \
            and not (step == "ask_address" and (address_steps.door_in(text) or PLACE.search(text))):
        await need_now.on_need(ctx, "no", n)  # "取消", "退出", "不用来": nobody need come (staff still phone), no wrong door
        return True  # (also when asked where she is: "取消" is no place)
    if flow == "help" and step == "ask_address" and n and ACK.fullmatch(text.strip()):
        # "好的", "谢谢" to "您现在在哪里？": no place — asked once more, never rung as one; then staff phone her
        if not ctx.session.get("asked_twice"):
            ctx.session["asked_twice"] = True
            ctx.say(t_both(ctx, "help.ask_address_words"))
        elif ctx.session.get("said_place"):  # (what she said before has reached staff)
            ctx.goto(None)
            await address_steps.kept(ctx, n, "help.address_unparsed")
        else:
            await call_questions.not_asked_thrice(ctx, n, ctx.step)
        return True
    if flow == "help" and step == "ask_address" and n:
        await address_steps.on_address_text(ctx, n)
        return True
    if flow == "help" and step == "need_now" and n and not danger_in(ctx.svc, text) \
            and (address_steps.door_in(text) or PLACE.search(text)):
        # "不对 是28号", "我在女儿家" told to "您需要马上有人来吗？": where they are, to staff now (not a "no", not lost)
        ctx.goto("help", "ask_address", incident=n, asked_twice=True)
        await address_steps.on_address_text(ctx, n)
        return True
    if flow == "help" and step == "need_now" and n and not danger_in(ctx.svc, text):
        await need_now.on_need_words(ctx, text, intent, n)
        return True
    if flow == "help" and step in ("confirm_address", "need_now") and n:
        if step == "confirm_address" and (AT_HOME.fullmatch(text) or EN_AT_HOME.fullmatch(text) or
                                          address_steps.own_room(ctx, text) or call_questions.YES_MARK.fullmatch(text)):
            await address_steps.on_address_answer(ctx, "yes", n)  # "在家里", "老地方", her own "602", "✔️": the register's
            return True
        if step == "confirm_address" and PLACE.search(text) and not danger_in(ctx.svc, text):
            # "在菜场", "不对，我在女儿家": where they are, in their words: to staff now, never lost to small talk
            # (a place not her home disputes the read-back: staff's phone rings with it; a room of it is a yes)
            elsewhere = not (address_steps.door_in(text) or address_steps.IN_HOME.match(text.strip()))
            ctx.goto("help", "ask_address" if intent == "deny" or elsewhere else step, incident=n, asked_twice=True)
            await address_steps.on_address_text(ctx, n)
            return True
        if step == "confirm_address" and kind_of(text) == "digit":  # "3": a menu's number, no address
            await call_questions.read_back_simply(ctx, n)
            return True
        if step == "confirm_address" and not danger_in(ctx.svc, text) and (
                address_steps.BARE_ROOM.fullmatch(text) or NOT_THERE.search(text)):  # (no place named)
            await address_steps.not_there(ctx, n)  # "502": another door; "我不在家", "我搬家了": asked where she is
            return True
        if step == "confirm_address" and need_now.NOT_TELL.search(text):  # "不要告诉我女儿": staff read it, the
            await help_request.said_on_call(ctx, text)  # read-back kept (once)
            return True
        if intent in ("affirm", "deny"):
            answer = "yes" if intent == "affirm" else "no"
            if step == "confirm_address" and answer == "no" and need_now.more_said(text, DENY):
                await ctx.svc.incidents.told_more(n, text)  # "不对，门牌号错了": the no, and her words for staff
            handler = address_steps.on_address_answer if step == "confirm_address" else need_now.on_need
            await handler(ctx, answer, n)
            return True
        if step == "confirm_address" and intent == "provide_address":
            await address_steps.on_address_text(ctx, n)
            return True
        if step == "confirm_address" and call_questions.answers_nothing(text) and intent not in SMALL_TALK:
            await help_request.said_on_call(ctx, text)  # "😢", "等一下": staff read it, the read-back kept (once)
            return True
    return False


# answers to "请确认您现在的地址" that say where they are in words
AT_HOME = re.compile(r"(我)?(现在|人)?(在)?(家|家里|屋里|屋里厢|自己家|自家|老地方)(里|里面)?(呢|啊|呀|的)?[。.!！]?")
NOT_THERE = re.compile(address_steps.NOT_HOME, re.I)  # not at the address read back
PLACE = re.compile(rf"(^|我|人|现在|还|正)在(?!家里?$)\S|^(在|到)\S|[\s，,。]{address_steps.OTHER_PLACE}"  # "不在家 在菜场"
                   r"|\b(i'?m|i am) (at|in|on) (?!(my )?(home|flat|house|apartment)\b)", re.I)  # "I'm at my daughter's"
EN_AT_HOME = re.compile(r"((yes|yeah)[,. ]*)?((i'?m|i am) )?(at|in) (my )?(home|flat|house|apartment)[.!]*", re.I)

# an ok or thanks, no place, said to "您现在在哪里？"
ACK = re.compile(rf"({address_steps.PLAIN_YES.pattern}|(谢谢|多谢|谢了|收到|知道了|thanks?( you)?|okay|no|nope)[\s，,。.!！~～]*)+", re.I)

DENY = re.compile(r"不对|不是|错了|不|没有|否|\bno(pe)?\b|\bwrong\b", re.I)  # the no itself, to the read-back

# no need, said to the address read back ("否", "不对" say the door is wrong; these, and CANCEL, say nobody need come)
NO_NEED = re.compile(r"不用(来|了)?$|不需要|不(着)?急|没(那么|这么)急|不要紧|不用麻烦")

# 🆘 pressed by mistake, said while the call is open: the one-tap "🙂 不用，我没事" (staff told, never a cancel)
MISTAKE = re.compile(r"按错|误按|点错|碰错|按到了|手滑|不小心按|不小心点|不是紧急|不紧急|没事了|我没事|没事没事|没什么事"
                     r"|\b(by mistake|pressed it wrong|i'?m (ok|fine))\b", re.I)


async def pressed_by_mistake(ctx: Ctx, text: str) -> bool:
    """"我按错了" while their emergency is open, and no danger in the words ("按错了，不过真的摔倒了" is a cry)."""
    if not MISTAKE.search(text) or ctx.me.role != "resident":
        return False
    if danger_in(ctx.svc, text):
        return False
    n = ctx.session.get("incident") or await ctx.svc.store.active_incident(ctx.me.resident_id)
    inc = await ctx.svc.store.incident(n) if n else None
    if not inc or inc["kind"] != "emergency" or inc["status"] == "resolved":
        return False
    if inc.get("maybe_false_alarm"):  # said already: her words again, for staff (a question of a new cry: its answer)
        return await fine_again(ctx, text)
    await said_after.fine_told(ctx, inc, text)  # past the need question: staff read her words, not only the packet
    await need_now.on_need(ctx, "no", inc["id"])
    return True


async def fine_again(ctx: Ctx, text: str) -> bool:
    """"我没事了", "我很好" on her open emergency with none of its questions waiting: news for the staff about to phone
    her (📝 又说), and one short kind line — never the check-in's "听到您很好，真高兴！". False: no such call."""
    inc = await open_call(ctx.svc.store, ctx.me.resident_id) if ctx.me.role == "resident" else None
    if not inc or inc["kind"] != "emergency" or ctx.session.get("incident") == inc["id"] and ctx.step != (None, None):
        return False
    await help_request.join(ctx, inc, text, reply="help.fine_again")
    return True
