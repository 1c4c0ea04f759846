"""Everyday words a resident types with nothing being asked and no call open: a short, kind answer where the bot truly
knows (it works, who it is, the committee's phone, how to send a voice), never a request that bothers staff, never
"没太明白". Only whole messages of these words, with no danger in them: anything more is read as usual.

"测试一下", "test"            it works; 🆘 is how to call       "我出去一下"        路上小心 (nobody told)
"我按错了" (nothing open)      never mind; 🆘 is how to call     "你是机器人吗"      what the bot is, [☎️ 回电]
"你吃饭了吗", "今天是我生日"   a kind word                       "你们电话多少"      the committee's phone
"好的", "嗯", "算了"           acknowledged                      "？？？", "。。。"   I am here; type, speak, 🆘
"我不会打字"                   a voice reaches a person          "12345", "12333"    dial that hotline
"几点钟了"                     the bot's clock                   "好的" to "要我帮您问问社工吗？"  asked
"不用叫救护车"                 no alarm, but staff hear it (on an open call: the staff who hold it)
"""
from __future__ import annotations

import re

from .. import qa
from ..incidents import help_request
from .base import Ctx
from .menu import show_menu

_NOISE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])|[,，。.、…~～·!！?？]+")  # spaces kept between English words
TESTING = re.compile(r"我?(在|来|就是|只是)?(测试|试试|试一下|试一试|试用|测一下)(一下|下)?(看|看看)?(这个|一下)?"
                     r"(按钮|机器人|小助手|系统|软件|程序)?(灵不灵|好不好用|能不能用|行不行|有没有用|能用吗|好用吗)?"
                     r"(的|啊|呀|哦|吧)?|(just )?(a )?(test(ing)? ?)+(123)?")
_OUTING = r"(买菜|买东西|散步|走走|转转|遛弯|溜达|锻炼|晒太阳|买早饭|拿快递|吃饭)"
GOING_OUT = re.compile(rf"我?(现在|要|先|等下|等一下|准备)?((出去|出门|下楼)(一下|一趟|了)?{_OUTING}?|去{_OUTING})"
                       r"(了|去了|啦|哦|啊|去)?(一下)?")
PRESSED_WRONG = re.compile(r"按错|误按|点错|碰错|不小心(按|点|碰)|手滑")
WHO = re.compile(r"(你|您|侬)(是)?(不是)?(谁|什么人|哪位|机器人|真人|真的人|活人|人|电脑|ai|人工智能)(吗|啊|呀|伐|么|还是.*)?"
                 r"|(你|您|侬)(叫)(什么|啥)(名字)?(啊|呀)?|are you (a )?(robot|bot|human|real( person)?)|who are you")
EATEN = re.compile(r"(你|您|侬)?吃(过|了)?(饭|早饭|午饭|晚饭|中饭|夜饭)?(了|过了)?(吗|伐|没|没有|么|了没)")
PHONE = re.compile(r"(电话|号码|手机号)(是)?(多少|几号|是什么|给我)|怎么(联系|找)(你们|居委会|社工)"
                   r"|(联系|找)(你们|居委会)(怎么|的)(电话|方式)|what'?s your (phone|number)")
ACK = re.compile(r"(好的?|好吧|好嘞|好滴|嗯+|哦+|噢|喔|行|可以|ok|okay|是|是的|对|对的|收到|明白|晓得|了解|算了|不用了|不用"
                 r"|没什么|没啥|不是|👍|👌)(了|啊|呀|哦)?")
YES = re.compile(r"(好的?|好吧|好呀|要|要的|嗯+|行|可以|是|是的|对|ok|okay|麻烦(你|您)?了?|谢谢)(啊|呀|吧)?")
NO = re.compile(r"(不用了?|不要了?|算了|不必了?|没事了?)(谢谢)?(啊|呀|吧)?")
VOICE = re.compile(r"不会打字|打字(太|好|很)?(慢|难|累|费劲|不方便)|不识字|不认(识)?字|(要|想|能|可以)(发)?语音|(用|发)语音")
MARKS = re.compile(r"[\s?？.。,，、…~～·]+|[😊🙂😀😃😄😁☺️👋]+")
BIRTHDAY = re.compile(r"(今天|今朝)(是)?我(的)?(生日|大寿|八十大寿|九十大寿)(啊|呀|哦|了)?|我(今天|今朝)(过)?生日(啊|呀|哦|了)?")
HOTLINE = re.compile(r"\W*(12345|12333)\W*")
DECLINED = re.compile(r"(不用|不要|不需要|不必|用不着|别|勿要)(给我|帮我|替我)?(叫|打|拨)(个)?(救护车|120|110)"
                      r"|no need (to call )?(an |the )?ambulance", re.I)

# "what day is it?" from someone who lost track: the bot's clock answers (never before a cry: route_intent runs after)
TODAY = re.compile(r"(今天|今日|今朝)(是)?(几号|几月几号|几月几日|星期几|礼拜几|周几|什么日子)|(现在|这会儿?)(是)?几点|^几点(钟)?了"
                   r"|\bwhat (day|date|time) is it\b|\bwhat'?s the (date|time)\b", re.I)
TIME_ONLY = re.compile(r"(请问)?(现在|这会儿?)?(是)?几点(钟)?(了)?(啊|呀|呢)?")  # "几点钟了", whatever the model says
# "这个怎么用", "你们能干什么": what the bot is for, in short lines
WHAT_I_DO = re.compile(r"怎么用|(你|你们|这个)(能|可以|会)(干|做)(什么|啥)|有(什么|啥)(用|功能)|\bwhat can you do\b"
                       r"|\bhow (do i|to) use\b", re.I)


def today(ctx: Ctx) -> dict:
    now = ctx.svc.clock.now()
    return {"month": now.month, "day": now.day, "time": now.strftime("%H:%M"),
            "weekday": ctx.t("talk.weekdays")[now.weekday()]}


def _core(text: str) -> str:
    return _NOISE.sub("", text.lower()).strip() if not MARKS.fullmatch(text) else text


async def declined(ctx: Ctx, text: str) -> bool:
    """"不用叫救护车": no cry (nlu red flags: negated), yet something happened — staff hear it as a request in the
    resident's words; on an open call, the staff holding it read them and the question waiting is asked again."""
    if not DECLINED.search(text):
        return False
    if await help_request.said_on_call(ctx, text):
        return True
    await help_request.start_help(ctx, "help", category="other", source="text", words=text, detail=text,
                                  noted="help.no_ambulance_noted")
    return True


async def everyday(ctx: Ctx, text: str, suspected: bool) -> bool:
    """A whole message of everyday words, answered here (True); `suspected`: the model wonders if it is a cry, so
    only words that cannot be one are answered (testing, going out, a mistaken press)."""
    if ctx.step not in ((None, None), ("qa", "ask")) or await ctx.svc.store.active_incident(ctx.me.resident_id):
        return False  # something is being asked (an answer's 👍/👎 asks nothing), or a call is open: its staff read it
    core, phone = _core(text), ctx.svc.settings.community.committee_phone
    if ctx.step == ("qa", "ask") and not ctx.session.get("topic") and ctx.session.get("question") \
            and (YES.fullmatch(core) or NO.fullmatch(core)):  # typed to "要我帮您问问社工吗？"
        await qa.on_button(ctx, "staff" if YES.fullmatch(core) else "no", "")
    elif TESTING.fullmatch(core):
        show_menu(ctx, "talk.testing")
    elif GOING_OUT.fullmatch(core):
        show_menu(ctx, "talk.going_out")
    elif PRESSED_WRONG.search(core):
        show_menu(ctx, "talk.pressed_nothing_open")
    elif MARKS.fullmatch(text):  # "？？？", "。。。" (never "!!!": that one may be a cry)
        show_menu(ctx, "talk.only_marks")
    elif suspected:
        return False
    elif m := HOTLINE.fullmatch(text):
        show_menu(ctx, f"talk.hotline_{m.group(1)}", phone=phone)
    elif TIME_ONLY.fullmatch(core):
        show_menu(ctx, "talk.today", **today(ctx))
    elif WHO.fullmatch(core):
        ctx.say(ctx.t("talk.who"), buttons=[[ctx.button("btn.call_me_back", "callback:me")]])
    elif BIRTHDAY.fullmatch(core):
        show_menu(ctx, "talk.birthday")
    elif EATEN.fullmatch(core):
        show_menu(ctx, "talk.eaten")
    elif PHONE.search(core):
        ctx.say(ctx.t("call.info", phone=phone), buttons=[[ctx.button("btn.call_me_back", "callback:me")]])
    elif VOICE.search(core):
        show_menu(ctx, "talk.voice")
    elif ACK.fullmatch(core):
        show_menu(ctx, "talk.ack")
    else:
        return False
    return True


UNCLEAR_KEPT = 3


def keep_unclear(ctx: Ctx, text: str) -> None:
    """The words kept (the last UNCLEAR_KEPT, until the step goes stale) for one tap [📨 转给社工]."""
    ctx.session["unclear"] = (ctx.session.get("unclear") or [])[1 - UNCLEAR_KEPT:] + [text[:300]]


QUESTION = re.compile(r"什么|啥|怎么|哪里|哪儿|哪个|几|吗|呢|伐|？|\?|多少|有没有|能不能|可不可以|是不是|会不会")


def cannot_answer(ctx: Ctx, text: str) -> bool:
    """A question the bot has no answer to ("社区最近有什么活动", "明天会下雨吗"): said plainly, one tap to a person
    (the words kept as "没太明白"'s are, for [📨 转给社工])."""
    if not QUESTION.search(text):
        return False
    keep_unclear(ctx, text)
    show_menu(ctx, "talk.cannot_answer")
    ctx.say(ctx.t("talk.ask_staff"), buttons=[[ctx.button("btn.pass_on", "pass:on")]])
    return True
