"""What a resident writes back to a notice while it awaits her answer ("明天上午停水，请提前储水。"):

- a need the notice leaves her with ("我腿不好 提不动水", "能不能帮我送点水"): she is not ill, she cannot do what it
  asks. A request for staff naming the notice (its first words beside hers), and she reads that they will arrange
  help with it — before, "🤒 身体不舒服" and "要不要请社工来看看您？";
- an acknowledgement and nothing more ("好的 我知道了 谢谢", "收到了", "晓得了"): a short word that she has the notice,
  not "听到您很好，真高兴！" (her words count as her 👌 already: compose.on_activity);
- a question naming what it says ("停水几点来水"): to whoever sent it, as questions.py sends one the bot cannot answer.
A danger in her words is read before this (bot/flows/resident.py); without a notice awaiting her nothing here applies.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.chat_words import QUESTION
from ..flows.menu import show_menu
from .questions import asked_about_notice

FIRST_WORDS = 16
BIGRAM = re.compile(r"[\u4e00-\u9fff]{2}")
# what any notice and any question may share ("明天", "居委"): no sign the question is about this one
COMMON = {"明天", "今天", "后天", "昨天", "上午", "下午", "晚上", "早上", "中午", "居委", "委会", "社区", "小区", "大家", "我们",
          "你们", "请大", "提前", "注意", "时间", "什么", "怎么", "几点", "时候", "通知", "一下", "可以", "需要", "没有", "不要"}
# what she cannot do that the notice asks (carry, store, go down), or help asked for with it
NEED = re.compile(r"(?:提|拎|搬|扛|拿|抬|端)(?:不|勿)动|(?:走|爬)(?:不|勿)动|(?:上|下)(?:不|勿)(?:了|去)楼|腿脚?(?:不好|不方便|没力)"
                  r"|腰(?:不好|不行)|一个人(?:弄|搞|做|提|拎)不(?:了|来)|(?:帮|替)(?:我|阿拉)(?:送|提|拎|搬|接|储|打|买|拿|弄)"
                  r"|(?:能|可以)(?:不能)?(?:帮|来帮)(?:我|阿拉|忙)|没(?:人|办法)(?:帮|提|拎|接|储)|can'?t (?:carry|lift|manage)"
                  r"|(?:储|接|存|放|打)(?:不|勿)(?:了|到)水?|没有?(?:水桶|桶|盆|容器)|看不(?:清|懂|见)|眼睛(?:不好|看不)|不识字"
                  r"|help me (?:carry|with)|can'?t (?:read|see)", re.I)
# taken ill ("突然走不动了", "看不清了 头好晕"): her health, the way it went before, never a notice matter
ILL = re.compile(r"突然|晕|昏|疼|痛|发烧|不舒服|难受|没力|没有力气|喘|胸口|心口|吐|麻|sudden|dizz|pain|hurt", re.I)
# an acknowledgement and nothing else: "好的 我知道了 谢谢", "收到了", "晓得了 谢谢侬", "OK"
ACK_WORDS = re.compile(r"好的|好滴|好哒|好|知道了|知道|晓得了|晓得|收到了|收到|明白了|明白|懂了|了解|清楚了|谢谢(?:你们|你|您|侬|社工"
                       r"|居委会|阿拉)?|多谢|没问题|行|可以|嗯+|哦+|噢+|ok|okay|got it|thanks?(?: you)?|noted", re.I)
# beside it, what says nothing more: filler, the notice named, or that she will do as it asks ("我会提前储水的")
FILLER = re.compile(r"(?:我|阿拉)?(?:会|就)(?:提前|早点|马上)?(?:储|接|存|放|备|准备)[^，,。\s]{0,3}|的通知|通知|提醒|我|阿拉|们"
                    r"|的|了|啦|啊|呀|哈|哦|喔|嘞|额|已经|都|也|[\W_]+")


def about_it(text: str, notice: dict) -> bool:
    """A question that names what the notice says ("停水几点来水" after "明天上午停水"): two characters in a row of it."""
    words = notice.get("text") or ""
    return bool(QUESTION.search(text)) and any(text[i:i + 2] in words for i in range(len(text) - 1)
                                               if BIGRAM.fullmatch(text[i:i + 2]) and text[i:i + 2] not in COMMON)


def acknowledged_only(text: str) -> bool:
    """An acknowledgement, and nothing but filler beside it."""
    return bool(ACK_WORDS.search(text)) and not FILLER.sub("", ACK_WORDS.sub("", text))


async def replied(ctx: Ctx, text: str) -> bool:
    """Her words taken as a reply to the notice awaiting her (see above); False when they are not, or none awaits."""
    need, ack = bool(NEED.search(text)) and not ILL.search(text), acknowledged_only(text)
    rid = ctx.me.resident_id
    if not (need or ack or QUESTION.search(text)) or ctx.me.role != "resident" or not rid:
        return False
    n = await ctx.svc.store.notice_awaiting(rid, ctx.svc.clock.ts())
    notice = await ctx.svc.store.notice(n) if n else None
    if not notice:
        return False
    if not need and not ack:  # a question about what it says: to whoever sent it (questions.py)
        return not ILL.search(text) and about_it(text, notice) and await asked_about_notice(ctx, text)
    if ack:
        show_menu(ctx, "notice.heard_typed")
        return True
    from ..incidents import start_help  # (the incidents build on the flows)

    words = (notice.get("text") or "").strip()
    first = words[:FIRST_WORDS] + ("…" if len(words) > FIRST_WORDS else "")
    detail = ctx.svc.cat.t("notice.need_detail", ctx.svc.settings.locale, n=n, first=first)
    await start_help(ctx, "help", category="notice_need", source="text", words=text, detail=detail,
                     noted="notice.need_noted")
    return True
