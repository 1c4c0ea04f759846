"""What a resident writes back to a notice while it awaits her answer ("明天上午停水，请提前储水。"):

- a need the notice leaves her with ("我腿不好 提不动水", "能不能帮我送点水"): she is not ill, she cannot do what it
  asks. A request for staff naming the notice (its first words beside hers), and she reads that they will arrange
  help with it — before, "🤒 身体不舒服" and "要不要请社工来看看您？";
- an acknowledgement and nothing more ("好的 我知道了 谢谢", "收到了", "晓得了"): a short word that she has the notice,
  not "听到您很好，真高兴！" (her words count as her 👌 already: compose.on_activity).
A danger in her words is read before this (bot/flows/resident.py); without a notice awaiting her nothing here applies.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.menu import show_menu

FIRST_WORDS = 16
# what she cannot do that the notice asks (carry, store, go down), or help asked for with it
NEED = re.compile(r"(?:提|拎|搬|扛|拿|抬|端)(?:不|勿)动|(?:走|爬)(?:不|勿)动|(?:上|下)(?:不|勿)(?:了|去)楼|腿脚?(?:不好|不方便|没力)"
                  r"|腰(?:不好|不行)|一个人(?:弄|搞|做|提|拎)不(?:了|来)|(?:帮|替)(?:我|阿拉)(?:送|提|拎|搬|接|储|打|买|拿|弄)"
                  r"|(?:能|可以)(?:不能)?(?:帮|来帮)(?:我|阿拉|忙)|没(?:人|办法)(?:帮|提|拎|接|储)|can'?t (?:carry|lift|manage)"
                  r"|help me (?:carry|with)", re.I)
# an acknowledgement and nothing else: "好的 我知道了 谢谢", "收到了", "晓得了 谢谢侬", "OK"
ACK_WORDS = re.compile(r"好的|好滴|好哒|好|知道了|知道|晓得了|晓得|收到了|收到|明白了|明白|懂了|了解|清楚了|谢谢(?:你们|你|您|侬|社工"
                       r"|居委会|阿拉)?|多谢|没问题|行|可以|嗯+|哦+|噢+|ok|okay|got it|thanks?(?: you)?|noted", re.I)
FILLER = re.compile(r"我|阿拉|们|的|了|啦|啊|呀|哈|哦|喔|嘞|额|已经|都|也|[\W_]+")


def acknowledged_only(text: str) -> bool:
    """An acknowledgement, and nothing but filler beside it."""
    return bool(ACK_WORDS.search(text)) and not FILLER.sub("", ACK_WORDS.sub("", text))


async def replied(ctx: Ctx, text: str) -> bool:
    """Her words taken as a reply to the notice awaiting her (see above); False when they are not, or none awaits."""
    need, ack = bool(NEED.search(text)), acknowledged_only(text)
    rid = ctx.me.resident_id
    if not (need or ack) or ctx.me.role != "resident" or not rid:
        return False
    n = await ctx.svc.store.notice_awaiting(rid, ctx.svc.clock.ts())
    notice = await ctx.svc.store.notice(n) if n else None
    if not notice:
        return False
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
