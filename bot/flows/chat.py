"""Everyday words a resident types with nothing being asked and no call open: a short, kind answer where the bot truly
knows (it works, who it is, the committee's phone, how to send a voice), never a request that bothers staff, never
"没太明白". Only whole messages of these words, with no danger in them: anything more is read as usual.

"测试一下", "能用吗", "test"   it works; 🆘 is how to call     "我出去一下", "我去买个菜"   路上小心 (nobody told)
"我按错了" (nothing open)      never mind; 🆘 is how to call   "你是机器人吗"             what the bot is, [☎️ 回电]
"你吃饭了吗", "今天是我生日"   a kind word                     "你们电话多少"             the committee's phone
"好的", "了解", "不对"         acknowledged (no 🆘: the model   "？？？", "。。。"          I am here; type, speak, 🆘
                               is unsure of two characters)    "对不起"                   never mind
"我不会打字", "你听得见吗"     a voice reaches a person        "12345", "13911110002"     dial it yourself
"我怕打雷"                     safe indoors, windows shut     "外面有人吵架好吓人"       door shut; 110 if it turns to harm
"我起来上厕所", "半夜起夜"     light on, slowly, phone along
"几点钟了", "明天星期几"       the bot's clock                 "好的" to "要我帮您问问社工吗？"   asked
"不用叫救护车", "不用打110了"  no alarm, but staff hear it (on an open call: the staff who hold it)
A question it has no answer to ("社区最近有什么活动") is said to be one, with [📨 转给社工] (not "没太明白").
"""
from __future__ import annotations

import re

from .. import qa, roster
from ..clock import in_quiet
from ..incidents import help_request
from .base import Ctx
from .chat_words import DECLINED, NO, QUESTION, YES, core, kind_of
from .menu import show_menu

# "what day is it?" from someone who lost track: the bot's clock answers (never before a cry: route_intent runs after)
TODAY = re.compile(r"(今天|今日|今朝)(是)?(几号|几月几号|几月几日|星期几|礼拜几|周几|什么日子)|(现在|这会儿?)(是)?几点|^几点(钟)?了|天(亮|还没亮)了?(吗|没|伐)"
                   r"|\bwhat (day|date|time) is it\b|\bwhat'?s the (date|time)\b", re.I)
# "这个怎么用", "你们能干什么": what the bot is for, in short lines ("医保卡怎么用" is about the card, not the bot)
WHAT_I_DO = re.compile(r"(?:^|这个|这|你们|你|机器人|小助手|软件|程序|按钮)(?:要)?怎么用|(你|你们|这个)(能|可以|会)(干|做)(什么|啥)|有(什么|啥)(用|功能)|\bwhat can you do\b"
                       r"|\bhow (do i|to) use\b", re.I)

# a neighbour's renovation, noise or dust, that the model cannot place (no need it knows): staff may talk to them
NUISANCE = re.compile(r"装修|噪音|吵得(?:睡不着|受不了|要命|不得了)|(?:灰尘|灰)(?:好|很|太|老)大|电钻|敲敲打打"
                      r"|(?:楼上|楼下|隔壁|邻居|对门)[^，,。！!？?\s]{0,4}(?:好|很|太|老|真)?吵(?!架)|吵死(?:了|人)"
                      r"|(?:楼上|楼下)[^，,。！!？?]{0,6}(?:跑来跑去|跳来跳去|蹦蹦跳跳|在跳|拖椅子|拖凳子|剁肉|剁骨头)"
                      r"|狗[^，,。！!？?\s咬]{0,4}(?:一直|老是|整天|天天|整夜|半夜)?(?:叫|吠)"
                      r"|(?i:\b(?:neighbou?rs?|upstairs|downstairs|next door)\b[^.!?]{0,25}\b(?:noisy|loud|noise|racket)\b)")
# kept awake by it, said beside the noise ("楼上太吵了 睡不着"): the neighbours' noise, not her health
KEPT_AWAKE = re.compile(r"(吵得|闹得)?我?(都|也|根本|一夜|一晚上|整夜)?(睡不着|睡勿着|困不着|困勿着|没法睡|睡不好)(觉)?(了|啊|呀)?")
# the noise and being kept awake, and nothing asked of anyone ("楼上太吵 帮我去说说" is a request)
KEPT_AWAKE_BY = re.compile(r"^(?!.*(?:帮|请|麻烦|去说|管管|找人)).*(?:睡不着|睡勿着|困不着|困勿着|没法睡|睡不好)")


def today(ctx: Ctx) -> dict:
    now = ctx.svc.clock.now()
    return {"month": now.month, "day": now.day, "time": now.strftime("%H:%M"),
            "weekday": ctx.t("talk.weekdays")[now.weekday()]}


async def declined(ctx: Ctx, text: str) -> bool:
    """"不用叫救护车": no cry (nlu red flags: negated), yet something happened — staff hear it as a request in the
    resident's words; on an open call, the staff holding it read them and the question waiting is asked again."""
    if not DECLINED.search(text):
        return False
    if await help_request.said_on_call(ctx, text):
        return True
    await help_request.start_help(ctx, "help", category="other", source="text", words=text, detail=text,
                                  noted="help.declined_noted")
    return True


WORDS_NOT_KEYS = 20  # different characters that make a long text words, not a stuck key ("我我我…")


async def too_long(ctx: Ctx) -> None:
    """A message over the length limit. A resident's words (minutes of voice input) are too long to read here, so a
    person reads them — never "说短一点" and nothing more; anyone else, or a stuck key, hears the limit. (A cry in
    it went the fast lane already: the engine reads its words first.)"""
    text, limit = ctx.ev.text.strip(), ctx.svc.settings.telegram.max_text_length
    if ctx.me.role != "resident" or ctx.ev.kind != "text" or len(set(text)) < WORDS_NOT_KEYS:
        show_menu(ctx, "bad.too_long", limit=limit)
        return
    await help_request.start_help(ctx, "help", category="other", source="text", words=text, detail=text,
                                  noted="help.long_noted")


REPLIES = {"testing": "talk.testing", "going_out": "talk.going_out", "pressed": "talk.pressed_nothing_open",
           "marks": "talk.only_marks", "hotline_12345": "talk.hotline_12345", "hotline_12333": "talk.hotline_12333",
           "birthday": "talk.birthday", "eaten": "talk.eaten", "hear": "talk.hear", "voice": "talk.voice",
           "sorry": "talk.sorry", "wait": "talk.wait", "ack": "talk.ack", "medicine": "talk.medicine", "thunder": "talk.thunder",
           "busy": "talk.busy", "quarrel": "talk.quarrel",
           "night_up": "talk.night_up", "thirst": "talk.thirst", "snoring": "talk.snoring", "careful": "talk.careful",
           "digit": "talk.digit", "weather": "talk.weather", "small_text": "talk.small_text",
           "family_called": "talk.family_called", "checkup_ok": "talk.fine", "good_news": "talk.good_news",
           "day_done": "talk.day_done", "aging": "talk.aging", "festival": "talk.festival", "menu": "talk.menu_here"}
CALL_ME = ("who", "noise_outside", "nightmare", "hungry", "temperature_asked", "bath", "dark_fear", "cold_bed",
           "medicine_years", "bp_reading", "carsick")  # a kind line, one tap for a call


async def changed_mind(ctx: Ctx, text: str) -> bool:
    """"算了", "按错了", "测试一下" typed to "请用一句话说说需要什么帮助。" or to "需要帮什么忙？": no request for staff,
    the question dropped."""
    kind = kind_of(text)
    if ctx.step not in (("help", "other_detail"), ("help", "category")) or not (NO.fullmatch(core(text)) or kind in ("testing", "pressed")):
        return False
    ctx.goto(None)
    show_menu(ctx, REPLIES.get(kind, "talk.ack"))
    return True


async def everyday(ctx: Ctx, text: str) -> bool:
    """A whole message of everyday words (bot/flows/chat_words.py), with nothing being asked and no call of theirs
    open, answered here: True."""
    if ctx.step not in ((None, None), ("qa", "ask")) or await ctx.svc.store.active_incident(ctx.me.resident_id):
        return False  # something is being asked (an answer's 👍/👎 asks nothing), or a call is open: its staff read it
    said, phone = core(text), ctx.svc.settings.community.committee_phone
    if ctx.step == ("qa", "ask") and not ctx.session.get("topic") and ctx.session.get("question") \
            and (YES.fullmatch(said) or NO.fullmatch(said)):  # typed to "要我帮您问问社工吗？"
        await qa.on_button(ctx, "staff" if YES.fullmatch(said) else "no", "")
        return True
    kind = kind_of(text) or ("hungry" if HUNGER.fullmatch(said) and night(ctx.svc) else None)
    if kind == "small_text" and ctx.step == ("qa", "ask") and ctx.session.get("topic"):
        return False  # "字太小了看不清" just after an answer: the answer's own way, a person to explain it
    if kind == "time":
        show_menu(ctx, "talk.today", **today(ctx))
    elif kind == "on_duty":
        duty = roster.on_duty(ctx.svc.settings, ctx.svc.clock.now(), await ctx.svc.store.duty_overrides())
        show_menu(ctx, "talk.on_duty", names="、".join(st.name for st in duty), phone=phone)
    elif kind in CALL_ME:  # (a noise outside: is she safe; a nightmare: company)
        ctx.say(ctx.t(f"talk.{kind}"), buttons=[[ctx.button("btn.call_me_back", "callback:me")]])
    elif kind == "bp_high":  # 160–179: staff told, as unwell (180 and over is a red flag: asked at once)
        await help_request.start_help(ctx, "help", category="unwell", source="text", words=text,
                                      noted="help.bp_high_noted")
    elif kind in ("phone", "dial"):
        ctx.say(ctx.t("call.info" if kind == "phone" else "talk.dial", phone=phone),
                buttons=[[ctx.button("btn.call_me_back", "callback:me")]])
    elif kind:
        show_menu(ctx, REPLIES[kind], phone=phone)
    return kind is not None


# hunger and nothing else ("我饿了"): by day a request (is there food at home?), at night something light to eat
HUNGER = re.compile(r"(我|阿拉)?(肚子|肚皮)?(好|很|有点|老|真|又)?饿(了|死了|坏了|得慌|得很)?(啊|呀|哦)?")


def night(svc) -> bool:
    """The committee's night (its quiet hours; none set: 21:00–07:00)."""
    quiet, hour = svc.settings.checkin.quiet_hours, svc.clock.now().hour
    return in_quiet(quiet, svc.clock.ts(), svc.settings.timezone) if quiet else hour >= 21 or hour < 7


UNCLEAR_KEPT = 3


def keep_unclear(ctx: Ctx, text: str) -> None:
    """The words kept (the last UNCLEAR_KEPT, until the step goes stale) for one tap [📨 转给社工]."""
    ctx.session["unclear"] = (ctx.session.get("unclear") or [])[1 - UNCLEAR_KEPT:] + [text[:300]]


async def cannot_answer(ctx: Ctx, text: str) -> bool:
    """A question the bot has no answer to ("社区最近有什么活动", "明天会下雨吗"): said plainly, one tap to a person
    (the words kept as "没太明白"'s are, for [📨 转给社工]); while a notice awaits her answer, to its sender."""
    from ..notices.questions import asked_about_notice

    if not QUESTION.search(text):
        return False
    if await asked_about_notice(ctx, text):
        return True
    keep_unclear(ctx, text)
    show_menu(ctx, "talk.cannot_answer")
    ctx.say(ctx.t("talk.ask_staff"), buttons=[[ctx.button("btn.pass_on", "pass:on")]])
    return True
