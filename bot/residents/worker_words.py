"""Someone from the property management or another service around the residents, not signed up ("我是物业的",
"我是楼栋管家", "I'm from the property management"): they write because they have something for the committee — a
water cut every door must know of, a leak into the flat below, a lift out of order. The sign-up welcome ("把您的手机号
发给我，我来认一认您") is no answer to them.

- Only who they are: they are asked what it is; what they write next (within AFTER_SECONDS) reaches staff with it.
- Who they are and what it is ("我是物业的 明天上午停水", "物业通知：电梯检修"): staff hear it at once.
- Whatever she writes after that within KNOWN_SECONDS ("还有3号楼电梯坏了", tomorrow's power cut), even once she has sent
  her phone and waits to be approved: hers too ("好的" pages nobody).
Staff hear it as a stranger's wish is heard (stranger_words.wish: stored, ✍️ 回答, paced; her words within the hour
join her question: stranger_more.py), marked as from a worker.
A cry for help never comes here (onboarding.py: it is a call first)."""
from __future__ import annotations

import re

AFTER_SECONDS = 600  # their words this long after who they are are what they came to say
KNOWN_SECONDS = 7 * 86400  # once she reported something, her words this long after her last are a worker's too
CHAT = re.compile(r"(?:你好|您好|好的?|嗯+|哦+|噢+|谢谢|多谢|收到|在吗|在不在|ok|okay|hi|hello|thanks?)[\W_]*", re.I)
_WORK = (r"物业(?:公司|管理处|办公室|服务中心|中心|管理)?|楼栋管家|小区管家|楼组长|保安|门卫|保洁|维修工|水电工|护工|护理员"
         r"|家庭医生|社区医生|养老院|助餐点|社区食堂|快递员?|送快递的|外卖员?|送外卖的|送餐员?|送餐的|送奶工?|送水工?")
WORKER = re.compile(rf"(?:我|阿拉|我们)(?:是|系|这里是|这边是)(?:小区|这里|这边|你们|咱们|本小区)?(?:的)?(?:{_WORK})"
                    rf"|^\W*(?:{_WORK})(?:通知|提醒|[:：])|^\W*(?:送外卖|送快递|送餐|送奶|送水)的"
                    r"|\b(?:i'?m|i am|we are|this is)\s+(?:from\s+)?(?:the\s+)?(?:property\s+(?:management|manager|office)"
                    r"|building\s+(?:manager|management)|caretaker|security\s+guard|concierge|(?:a\s+)?courier"
                    r"|(?:a\s+)?deliver(?:y|ing)\s*(?:guy|man|woman|driver|person|rider)?)", re.I)
# what may stand beside who they are and still say nothing more: a greeting, a name, the office's words
FILLER = re.compile(r"你好|您好|喂|哈喽|hello|hi\b|的|人|员工|工作人员|同事|公司|这边|这里|小区|(?:小|老|阿)[\u4e00-\u9fff]"
                    r"|[\u4e00-\u9fff](?:师傅|经理|主任|管家)|[\u4e00-\u9fff]?(?:师傅|经理|主任)", re.I)
MARKS = re.compile(r"[\W_]+")


def says_who_only(text: str) -> bool:
    """Who they are and nothing else: "我是物业的", "你好 我是物业公司的小刘"."""
    return not MARKS.sub("", FILLER.sub("", WORKER.sub("", text, count=1)))


async def answer(ctx, text: str) -> str | None:
    """The catalogue key of what they read (above the phone button), or None when these are no worker's words."""
    from .stranger_words import wish  # (it imports us)

    svc, uid, now = ctx.svc, ctx.ev.user_id, ctx.svc.clock.ts()
    if WORKER.search(text) and says_who_only(text):
        await svc.store.set_prefs(uid, {"worker_at": str(now), "worker_said": text[:60]})
        return "stranger.worker_ask"
    at, said, reported = await svc.store.prefs(uid, "worker_at", "worker_said", "worker_reported")
    since = now - float(at) if at else None
    asked = since is not None and since <= AFTER_SECONDS  # "有什么情况？" is still open
    known = bool(reported) and since is not None and since <= KNOWN_SECONDS  # what she writes now is hers too
    if not (asked or known or WORKER.search(text)):
        return None
    if (asked or known) and CHAT.fullmatch(text.strip()):  # "好的", "你好": still asked, or nothing new
        return "stranger.worker_told" if reported else "stranger.worker_ask"
    await svc.store.set_prefs(uid, {"worker_at": str(now), "worker_reported": "1"})
    first = asked and not reported and said and not WORKER.search(text)  # what it is, after who she is
    key = await wish(ctx, f"{said}\n{text}" if first else text, "stranger.worker_staff", more="stranger.worker_more")
    return "stranger.worker_told" if key == "stranger.wish_told" else key
