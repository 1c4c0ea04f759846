"""What someone not signed up yet writes that is no cry for help: never only the sign-up prompt.

- A phone number typed ("我电话是13900000002"): one sentence on why the button is needed (only a shared contact
  proves the number is theirs); typed digits never sign anyone up and reach nobody.
- A public pension or subsidy question ("老年津贴多少钱"): answered from the knowledge base with no age (nothing of
  the register is read: an age-band answer gives the whole table), the sign-up prompt after it.
- Someone else told of ("小区门口有个老太太在哭", "我爸一个人住在你们小区 能不能去看看他"): staff hear it the same way
  (an old person down or lost is a cry).
- A wish to register or reach the committee ("我是新搬来的 怎么登记", "我要找居委会"): stored as a question for staff
  (their Telegram name and words, nothing invented: 💬 居民提问, ✍️ 回答 reaches them in this chat), the on-duty staff
  told; at most one a person each WISH_SECONDS and WISHES_PER_WINDOW of all strangers' in that time (beyond that
  only the stranger's log keeps it, and they are given the committee phone). Her words after it in that hour join it,
  a few at most (stranger_more.py).
- Words soon after their cry for help ("在5号楼302" after "隔壁老太太摔倒了"): where it is, what happened — to the
  on-duty staff with their Telegram name (else anyone the bot can reach), at most FOLLOW_UPS each in AFTER_CRY_SECONDS
  after the cry; they are told it was passed on (the sign-up prompt follows).
- She cannot find or press the button ("我不会按", "按钮在哪里"): where it is in plain words, and staff told as a wish
  to register (paced as above), so someone can help her.
`answer` returns the key of the sign-up prompt to show, or None when the words were none of these.
"""
from __future__ import annotations

import re

from .. import roster, staff_langs
from . import stranger_more, worker_words
from .unseen import for_someone
from ..types import Button
from ..flows.base import Ctx
from ..flows.both import t_both

WISH_SECONDS = stranger_more.WISH_SECONDS  # one wish a stranger an hour reaches staff (her later words join it)
WISHES_PER_WINDOW = 10  # and at most ten of all strangers' an hour
AFTER_CRY_SECONDS = 600  # their words this long after a cry are about it
FOLLOW_UPS = 5  # and at most five of them reach staff
QUESTIONS = ("ask_pension", "ask_subsidy")
SMALL_TALK = ("thank", "greet", "goodbye")
TOLD_OF_CHARS = 6  # someone named amid thanks or a greeting, in this many characters or more, is told of
ON_HER_CALL = "on_her_call"  # `answer`: her words went to her call's staff; nothing more is asked of her

TYPED_PHONE = re.compile(r"(?<!\d)(\+?86)?1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}\d{7,8}(?!\d)")
WISH = re.compile(r"登记|注册|新搬|刚搬|搬(过|进)来|新来的|新住户|找居委|联系居委|居委会|社工|入住|办手续|志愿者|义工|做志愿"
                  r"|\b(register|sign ?up|new (here|resident|neighbou?r)|moved in|volunteer(ing)?)\b", re.I)
# someone else told of ("小区门口有个老太太在哭", "对门阿姨家一直有狗叫"): a worry staff hear, as a wish is
SOMEONE = re.compile(r"老人|老太|老头|老伯|阿婆|阿公|爷叔|阿姨|老爷爷|老奶奶|独居|邻居|隔壁|对门|楼上|楼下"
                     r"|我(?:的)?(?:爸|妈|父亲|母亲|老爸|老妈|外婆|外公|奶奶|爷爷|公公|婆婆)|姆妈|阿爸"  # a son or daughter's worry
                     r"|(?:敲门|按门铃)[^，,。]{0,6}(?:没人|没有人|不开|没反应)"  # a door nobody opens: "5号楼302 敲门没人开"
                     r"|\b(neighbou?r|old (man|woman|lady|person)|elderly|my (father|mother|dad|mum|mom|parents?|grand\w+))\b"
                     r"|\bno ?(?:one|body) (?:answers|opens|is answering|came to the door)",
                     re.I)
# who she is, as a helper, before what she tells of someone ("我是志愿者 隔壁王老伯最近腿脚不好"): no wish to register
HELPER = re.compile(r"^\W*(?:我|阿拉)(?:是|系)(?:小区|社区|这里|这边|居委会?)?(?:的)?(?:志愿者|义工|网格员|楼长)[\W_]*")
OFFER = re.compile(r"想|愿意|报名|参加|帮忙|能帮")  # "我是志愿者 想陪陪老人": her offer, a wish as before
CANNOT_PRESS = re.compile(r"不会(按|弄|点|用|发)|按不(了|到|动)|(找|看)不(到|见)(按钮|按键)|(按钮|按键)(在)?哪|没有(按钮|按键)"
                          r"|怎么(按|点|发(手机号|号码|电话))|按哪(里|个|儿)"
                          r"|\b(can'?t|cannot|don'?t know how to) (find|see|press|tap|use)\b|where is the button", re.I)


async def answer(ctx: Ctx, text: str, result: dict, pending: bool) -> str | None:
    if result["intent"]["name"] not in SMALL_TALK and await after_cry(ctx, text):
        return ON_HER_CALL
    intent, confidence = result["intent"]["name"], result["intent"]["confidence"]
    if key := await worker_words.answer(ctx, text):
        return key  # "我是物业的": what is it? "我是物业的 明天停水", and what she writes later: to staff, as a worker's
    if _joins(text, intent, confidence) and (key := await stranger_more.join(ctx, text)):
        return key  # after her wish or worry this hour: "他住3号楼502", "他电话是139…" join it (sent her phone or not)
    if TYPED_PHONE.search(re.sub(r"(?<=\d)[\s-]+(?=\d)", "", text)):
        return "onboard.typed_phone"
    if intent in QUESTIONS and confidence >= 0.6 and await public_answer(ctx, text):
        return "onboard.after_answer"
    if CANNOT_PRESS.search(text):
        ctx.say(ctx.t("onboard.where_button"))
        return None if pending else await wish(ctx, text)
    told_of = SOMEONE.search(text) and len(re.sub(r"\W", "", text)) >= TOLD_OF_CHARS  # "谢谢你们 我妈住院了"
    if intent in SMALL_TALK and confidence >= 0.6 and not told_of:
        return None  # "谢谢居委会", "你好", "谢谢阿姨": the sign-up prompt, nobody troubled
    if told_of and (rest := HELPER.sub("", text, count=1)) != text and not (WISH.search(rest) or OFFER.search(rest)):
        return await wish(ctx, text, "stranger.told_staff")  # "我是志愿者 隔壁王老伯腿脚不好"
    if WISH.search(text) or (intent == "contact_staff" and confidence >= 0.6):
        return None if pending else await wish(ctx, text)
    if SOMEONE.search(text):  # (sent her phone or not: staff's sign-up line has none of her words)
        return await wish(ctx, text, "stranger.told_staff")
    return None


def _joins(text: str, intent: str, confidence: float) -> bool:
    """Whether her words would join her wish of this hour: not thanks, a greeting or "好的", not a public question
    (answered here), not "我不会按" (told where the button is, then joined as a wish is)."""
    sure = confidence >= 0.6
    chat = worker_words.CHAT.fullmatch(text.strip())  # "好的", "收到": nothing new for staff
    return not (sure and intent in SMALL_TALK + QUESTIONS) and not CANNOT_PRESS.search(text) and not chat


async def public_answer(ctx: Ctx, text: str) -> bool:
    """The knowledge base's answer, with its source; no age, no feedback buttons (they are a resident's)."""
    if ctx.svc.kb is None:
        return False
    ans = ctx.svc.kb.answer(text, age=None, context_topic=None, locale=ctx.me.locale, today=ctx.svc.clock.now().date())
    if ans.handoff or not ans.topic:
        return False
    await ctx.svc.store.count_question({"topic": ans.topic, "status": "bot_answered", "at": ctx.svc.clock.ts()})
    ctx.say(ctx.t("qa.answer", answer=ans.answer, source=ans.source, reviewed=ans.reviewed))
    return True


async def wish(ctx: Ctx, text: str, key: str = "stranger.wish_staff", more: str = "stranger.wish_more") -> str:
    """Stored, then the on-duty staff told (else anyone the bot can reach); "told" only when someone got it. After
    her first of the hour, her words join it (told to staff as `more` says)."""
    svc, uid, now = ctx.svc, ctx.ev.user_id, ctx.svc.clock.ts()
    if not await svc.store.first_stranger_wish(uid, now, WISH_SECONDS):
        return await stranger_more.join(ctx, text, more) or "stranger.wish_call"  # her first of the hour reached staff
    if not await svc.store.within_quota("stranger_wishes", now, WISH_SECONDS, WISHES_PER_WINDOW):
        await svc.store.forget_stranger_wish(uid)
        return "stranger.wish_call"
    name = ctx.ev.first_name or "?"
    qid = await svc.store.add_question({"resident": "", "name": name, "text": text[:300], "topic": "signup",
                                        "status": "asked_staff", "at": now, "user": uid})
    told = lambda chat: staff_langs.t(svc, chat, key,  # noqa: E731 — in her language
                                      n=qid, name=name, words=text[:200])
    buttons = lambda chat: ((Button(staff_langs.t(svc, chat, "btn.answer"), f"q:ans:{qid}"),),)  # noqa: E731
    if not await roster.pass_on(svc, [], told, None, tag=f"question:{qid}", buttons=buttons):
        await svc.store.forget_stranger_wish(uid)  # nobody heard it: the next wish is tried again
        return "stranger.wish_call"
    await stranger_more.remember(ctx, qid, text)
    return "stranger.wish_told"


async def cried(ctx: Ctx) -> None:
    """Their cry for help, remembered: what they say next is about it (`after_cry`)."""
    await ctx.svc.store.set_prefs(ctx.ev.user_id, {"cried_at": str(ctx.svc.clock.ts()),  # (of a neighbour not seen,
                                                   "cried_unseen": for_someone(ctx.ev.text)})  # or someone gone: no 📍)


async def after_cry(ctx: Ctx, text: str) -> bool:
    """Words soon after their cry: to staff, and they are told (see above). Whether the words were taken so."""
    svc, uid, now = ctx.svc, ctx.ev.user_id, ctx.svc.clock.ts()
    phone = svc.settings.community.committee_phone
    at, unseen = await svc.store.prefs(uid, "cried_at", "cried_unseen")
    recent = bool(at) and now - float(at) <= AFTER_CRY_SECONDS
    if svc.stranger_said and (reached := await svc.stranger_said(ctx.ev, text, recent)) is not None:  # their call's
        _told_where_button(ctx, "stranger.passed_on" if reached else "stranger.noted", unseen or "")
        return True
    if not recent:
        return False
    if not await svc.store.within_quota(f"stranger_after:{uid}:{at}", now, AFTER_CRY_SECONDS * 2, FOLLOW_UPS):
        return False
    told = lambda chat: staff_langs.t(svc, chat, "stranger.said_after", name=ctx.ev.first_name or "?",  # noqa: E731
                                      words=text[:200])
    reached = await roster.pass_on(svc, [], told, None, tag="stranger", urgent_intro=True)
    _told_where_button(ctx, "stranger.passed_on" if reached else "stranger.not_reached", unseen or "")
    return True


def _told_where_button(ctx: Ctx, key: str, unseen: str = "") -> None:
    """What became of her words, with the 📍 button of "您在哪里" still under it (her one question stays asked); after
    word of a neighbour not seen, or of someone gone ("lost"), she was asked where that person lives: no button, no
    "120！"; with someone lost ("found"), to stay with them (unseen.py)."""
    phone = ctx.svc.settings.community.committee_phone
    if unseen == "found" and key == "stranger.passed_on":  # she is with someone lost: stay, 110 (📍 still asked)
        key = "stranger.found_passed_on"
    elif unseen:
        told = "stranger.lost_passed_on" if unseen == "lost" else "stranger.unseen_passed_on"
        ctx.say(t_both(ctx, told if key != "stranger.not_reached" else key, phone=phone), urgent=True)
        return
    ctx.say(t_both(ctx, key, phone=phone), urgent=True, keyboard=((ctx.t("help.location_button"),),), request="location")
