""""那我老伴呢" right after a pension answer, nothing else said: most often her husband's allowance — but it may be a
husband gone missing. One short question, two big buttons; no alarm for the first, no delay for the second.

qa.whose   "是想问老伴的养老金，还是找不到老伴了？"
             [💰 问老伴的养老金]  his age asked (or, where age makes no difference, the answer again)
             [🆘 找不到老伴了]    the emergency way at once (staff read both her words)
           "我老伴也有吗" (whether he gets it too) skips the question: his age is asked at once.
           typed instead: his age → his answer; "找不到他了", "还没回来", the model's doubt → an emergency; a pension
           question → its answer; anything else → a person: staff get both messages as a request and phone her.
           No reply within WAIT_SECONDS → the same request (timer "whose"); the buttons still work after it.
"那我老伴呢" with nothing before it (no answer given) is asked the same way, with no pension in it: "您是说老伴怎么了？"
           [🆘 找不到老伴了] [☎️ 请社工给我回电话]; typed: missing → an emergency, a pension question → its answer,
           anything else (or nothing in WAIT_SECONDS) → a person phones her. "老伴" alone is not this: it may be a cry
           cut short, and stays the model's (its one-tap question).
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.chat_words import core
from ..flows.life_told import asks_after_spouse as spouse_only, asks_for_spouse, spouse_age_told
from ..flows.menu import show_menu
from ..flows.understanding import is_emergency
from ..incidents import start_help
from ..types import Outbound

MISSING = re.compile(r"找不到|寻不着|寻勿着|不见了|勿见了|没回来|没有回来|还没回|走丢|走失|跑出去|出去了|人呢|去哪|丢了")
MONEY = re.compile(r"养老金|退休金|津贴|补贴|钱|钞票|几钿|多少|问问?(?:他|她|伊)")
WAIT_SECONDS = 300
TIMER = "whose"
ASKED = re.compile(r"^(?:那|那么|还有)|(?:呢|咧|哪|呐|伐)$")  # a question about him, not his name alone ("老伴")
WORRIED = re.compile(r"我?(?:好|很|真|有点|有些|老)?(?:担心|不放心)(?:我|我的|我家|阿拉)?的?"  # "我好担心我老伴"
                     r"(?:老伴儿?|老头子?|老太婆|老太太|老公|老婆|爱人|丈夫|妻子)(?:了|啊|呀|呢)?")


def asks_after_spouse(ctx: Ctx, text: str) -> bool:
    """"那我老伴呢", "我老头子呢？" (nothing else) right after an answer on a topic, or with nothing asked at all."""
    if ctx.step[0] == "qa" and ctx.session.get("topic"):
        return spouse_only(text)
    said = core(text)
    return ctx.step == (None, None) and (spouse_only(text) and bool(ASKED.search(said))
                                         or bool(WORRIED.fullmatch(said)))


# his age told after the question ("那我老伴能领吗 他88", "我老伴也有吗？他八十八了")
HIS_AGE = re.compile(r"[\s，,。？?]*(?:他|她|伊)?(?:今年|已经)?(\d{2,3}|[一二三四五六七八九十]{2,4})(?:岁|周岁)?(?:了|啦)?[。!！]*$")


def his_age(text: str) -> str:
    """The age told after "我老伴也有吗" in the same message, as "88岁"; else ""."""
    m = HIS_AGE.search(text.strip())
    if told := spouse_age_told(text):  # "what about my wife, she is 78"
        return f"{told}岁"
    return f"{m.group(1)}岁" if m and m.start() and asks_for_spouse(text.strip()[:m.start()]) else ""


def asks_for_him(ctx: Ctx, text: str) -> bool:
    """"我老伴也有吗", "老头子可以领伐" (perhaps with his age) right after an answer on a topic: his allowance."""
    return ctx.step[0] == "qa" and bool(ctx.session.get("topic")) and (asks_for_spouse(text) or bool(his_age(text)))


async def ask_whose(ctx: Ctx, text: str) -> None:
    """Stores what was asked and when, asks which one is meant, and sets the time a person hears if nothing comes."""
    asked = int(ctx.svc.clock.ts())
    topic = ctx.session.get("topic")
    ctx.goto("qa", "whose", topic=topic, question=ctx.session.get("question", ""), said=text.strip()[:100], asked=asked)
    missing = [ctx.button("btn.whose_missing", "qa:whose:missing")]
    if topic:
        ctx.say(ctx.t("qa.whose_ask"), buttons=[[ctx.button("btn.whose_money", "qa:whose:money")], missing])
    else:
        ctx.say(ctx.t("qa.whose_ask_alone"), buttons=[missing, [ctx.button("btn.call_me_back", "callback:me")]])
    await ctx.svc.store.set_deadline(f"{TIMER}:{ctx.me.resident_id}:{asked}", asked + WAIT_SECONDS)


async def on_whose_words(ctx: Ctx, text: str, result: dict, on_question) -> None:
    """Her typed reply to the question (a cry in it went the fast lane already)."""
    from nlu.qa_compute import extract_age

    today = ctx.svc.clock.now().date()
    said, topic = ctx.session.get("said", ""), ctx.session.get("topic")
    asks = result["intent"]["name"] in ("ask_pension", "ask_subsidy") and result["intent"]["confidence"] >= 0.6
    if topic and (extract_age(text, today) or extract_age(f"他{text.strip()}岁", today)):  # "82", "他82岁": his
        ctx.goto("qa", "age", topic=topic, question=ctx.session.get("question", ""))
        await on_question(ctx, text)
    elif MISSING.search(text) or is_emergency(result):  # "他躺着不动": the model's doubt is enough here
        await start_help(ctx, "emergency", words=ctx.t("qa.whose_words", said=said, reply=text), source="text")
    elif topic and (MONEY.search(text) or asks):
        await his_money(ctx, on_question)
    elif asks:  # nothing asked before: "他的养老金怎么领" is a question of its own
        ctx.goto("qa", "ask")
        await on_question(ctx, text, result)
    else:  # neither: a person asks her
        await start_help(ctx, "help", category=_unclear(topic), source="text", noted="qa.whose_passed",
                         words=ctx.t("qa.whose_words", said=said, reply=text))


def _unclear(topic: str | None) -> str:
    """The request's category for staff: after a pension answer, or with nothing asked before."""
    return "whose_unclear" if topic else "spouse_unclear"


async def on_choice(ctx: Ctx, choice: str, on_question) -> None:
    """[💰 问老伴的养老金] or [🆘 找不到老伴了] — the second never stale."""
    label = ctx.t(f"btn.whose_{'missing' if choice == 'missing' else 'money'}")
    ctx.edit_pressed(ctx.t("qa.whose_ask") + "\n" + label)
    if choice == "missing":
        words = ctx.t("qa.whose_words", said=ctx.session.get("said") or "", reply=label)
        await start_help(ctx, "emergency", words=words, source="text")
    elif ctx.step == ("qa", "whose"):
        await his_money(ctx, on_question)
    else:
        show_menu(ctx, "bad.stale_button")


async def his_money(ctx: Ctx, on_question, age: str = "") -> None:
    """His age asked where the answer depends on it (or, told already, his answer); else the topic's answer again."""
    topic, question = ctx.session.get("topic"), ctx.session.get("question", "")
    kb, locale = ctx.svc.kb, ctx.me.locale
    if kb is not None and kb.answer(question, age=None, context_topic=topic, locale=locale).needs_age:
        ctx.goto("qa", "age", topic=topic, question=question)
        await on_question(ctx, age) if age else ctx.say(ctx.t("qa.whose_age"))
        return
    ctx.goto("qa", "ask", topic=topic)
    await on_question(ctx, question)


async def on_deadline(svc, key: str) -> bool:
    """No reply to the question: staff get it as a request (she may be out looking for him), and she is told."""
    _, rid, asked = key.split(":")
    person = await svc.store.resident(rid)
    if not person or not person.get("tg_id"):
        return True
    async with svc.store.lock(f"user:{person['tg_id']}"):  # the engine's own lock for her messages
        session = await svc.store.session(person["tg_id"])
        if session.get("step") != "whose" or str(session.get("asked")) != asked or session.get("passed"):
            return True  # answered meanwhile
        await svc.store.save_session(person["tg_id"], {**session, "passed": True})
    no_reply = svc.cat.t("qa.whose_no_reply" if session.get("topic") else "qa.whose_no_reply_alone")
    words = svc.cat.t("qa.whose_words", said=session.get("said", ""), reply=no_reply)
    existing, n = await svc.incidents.opened_or_open("help", person, words=words,
                                                     category=_unclear(session.get("topic")), source="text",
                                                     detail=words, ask_address=False)
    if not existing:
        await svc.incidents.alert_first(n)
    await svc.outbox.send(Outbound(person["tg_id"], svc.cat.t("qa.whose_silent", person.get("locale"))))
    return True
