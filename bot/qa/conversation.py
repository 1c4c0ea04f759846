"""Pension and subsidy questions: a short sourced answer, or a person.

qa.ask      waits for a question (after ❓); follow-ups like "怎么申请？" stay on the last topic
qa.age      the answer depends on an age the register does not know: "您今年多大年纪？"
"""
from __future__ import annotations

import re
from functools import partial

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.chat_words import core
from ..flows.menu import show_menu
from ..flows.understanding import danger_in
from ..people import age_of
from ..types import Button, Outbound
from nlu.qa_compose import figure_said, only_figure_for
from . import whose


def start(ctx: Ctx) -> None:
    ctx.goto("qa", "ask")
    ctx.say(t_both(ctx, "qa.ask"))  # (in both when only her profile says her language: bot/flows/both.py)


def only_a_figure_for_the_topic(ctx: Ctx, text: str) -> bool:
    """"我老伴82岁呢" right after the allowance's answer: someone's age (or grade) for the topic, nothing else said."""
    topic = ctx.session.get("topic") if ctx.session.get("flow") == "qa" else None
    return ctx.svc.kb is not None and only_figure_for(topic, text)


def figure_told(ctx: Ctx, text: str) -> bool:
    """"我老伴82岁呢", "老伴87" after the allowance's answer: nothing but someone's age, no danger word — a follow-up,
    however the model leans (it read "老伴87" as a cry, 0.7)."""
    return not danger_in(ctx.svc, text) and only_a_figure_for_the_topic(ctx, text)


async def whose_step(ctx: Ctx, text: str, result: dict) -> bool:
    """"那我老伴呢" right after an answer, and her reply to the question it brings (whose.py); False: neither."""
    if ctx.step == ("qa", "whose"):
        await whose.on_whose_words(ctx, text, result, on_question)
        return True
    if whose.asks_after_spouse(ctx, text):
        await whose.ask_whose(ctx, text)
        return True
    if whose.asks_for_him(ctx, text):  # "我老伴也有吗", "那我老伴能领吗 他88"
        await whose.his_money(ctx, on_question, whose.his_age(text))
        return True
    return False


# "我女儿能帮我办吗" right after an answer: can someone else do it. Not in the reviewed facts: a person answers.
ON_BEHALF = re.compile(r"(?:女儿|儿子|子女|小孩|孩子|家里人|家属|保姆|护工|老伴|亲戚|孙子|孙女|媳妇|女婿|别人)"
                       r".{0,4}(?:帮我|替我|代我|帮忙)去?(?:办|申请|领|弄|认证|跑)|代办|代领|代为办理|代我办")
HALF_A_QUESTION = 0.15  # the model's pension and subsidy scores together, when neither reached its bar
# the answer not understood, or too small to read ("我勿懂", "侬讲啥", "我眼睛看勿清爽"): a person explains it
NOT_CLEAR = re.compile(r"(?:[勿不没]|[看听][不勿])(?:懂|明白|清楚?|清爽)|(?:侬|你|您)?(?:讲|说)(?:的)?(?:啥|什么)"
                       r"|(?:什么|啥)意思|字(?:太)?小|看[不勿]见|[没勿]看懂|(?:说|讲)慢(?:一)?点|慢(?:一)?点(?:说|讲)"
                       r"|(?:再|重新)(?:说|讲)一遍|[没勿](?:听|看)(?:懂|明白)|(?:说|讲)(?:得)?简单(?:一)?点")  # "说慢点", "再说一遍"
NOT_CLEAR_CHARS = 12  # a longer message says more than that


def not_clear(text: str) -> bool:
    return len(core(text)) <= NOT_CLEAR_CHARS and bool(NOT_CLEAR.search(text))


def asks_on_behalf(ctx: Ctx, text: str) -> bool:
    """"我女儿能帮我办吗" about the topic just answered: a question for staff, not a request for help."""
    return ctx.session.get("flow") == "qa" and bool(ctx.session.get("topic")) and bool(ON_BEHALF.search(text))


def names_a_topic(ctx: Ctx, result: dict, text: str) -> bool:
    """"我不会刷脸怎么办", "社区食堂在哪里": the model half took it for a question, and it names a topic's own term."""
    ranking = {r["name"]: r["confidence"] for r in result.get("intent_ranking") or ()}
    asks = ranking.get("ask_pension", 0.0) + ranking.get("ask_subsidy", 0.0)
    return ctx.svc.kb is not None and asks >= HALF_A_QUESTION and ctx.svc.kb.names_topic(text)


async def on_question(ctx: Ctx, text: str, result: dict | None = None) -> None:
    kb = ctx.svc.kb
    person = await ctx.svc.store.resident(ctx.me.resident_id) or {}
    topic = ctx.session.get("topic") if ctx.session.get("flow") == "qa" else None
    if kb is None:
        await _offer_staff(ctx, text)
        return
    today = ctx.svc.clock.now().date()
    age, said = age_of(person, ctx.svc.clock.now()), None
    if topic in kb.entries and ctx.session.get("step") != "age" and not_clear(text):  # "我勿懂", "字太小了看不清"
        title = kb.entries[topic].title.pick("en" if ctx.me.locale.lower().startswith("en") else "zh")
        await _offer_staff(ctx, ctx.t("qa.about_topic", question=text, topic=title), say="qa.explain_offer")
        return
    text = figure_said(topic, text) or text  # "伊87" right after the allowance: his 87 years
    # the reply to "您今年多大年纪？" belongs to the question waiting for the age (counted when it was asked)
    waiting = ctx.session.get("question") if ctx.session.get("step") == "age" else None
    if waiting:
        from nlu.qa_compute import extract_age

        said = extract_age(text, today) or extract_age(f"我{text.strip()}岁", today)
        if said:
            age, text = said, waiting
    ans = kb.answer(text, age=age, context_topic=topic, locale=ctx.me.locale, today=today)
    if ans.handoff or not ans.topic:
        if waiting:  # staff get the question, with what was said in place of an age ("不记得了")
            await _offer_staff(ctx, waiting if said else ctx.t("qa.age_reply", question=waiting, reply=text),
                               record=False)
        elif topic in kb.entries:  # "我女儿能帮我办吗": staff read which topic it follows
            title = kb.entries[topic].title.pick("en" if ctx.me.locale.lower().startswith("en") else "zh")
            await _offer_staff(ctx, ctx.t("qa.about_topic", question=text, topic=title))
        else:
            await _offer_staff(ctx, text)
        return
    if waiting and not said and ans.topic == topic and ans.needs_age:
        text = waiting  # "到底多少钱": the same question again, still waiting for the age
    elif not said:  # an age given for the last question makes no new question
        await ctx.svc.store.count_question({"topic": ans.topic, "status": "bot_answered", "at": ctx.svc.clock.ts()})
    ctx.goto("qa", "age" if ans.needs_age else "ask", topic=ans.topic, question=text[:300])
    ctx.say(ctx.t("qa.answer", answer=ans.answer, source=ans.source, reviewed=ans.reviewed),
            buttons=[[ctx.button("btn.useful", f"qa:up:{ans.topic}"), ctx.button("btn.not_useful", f"qa:down:{ans.topic}")],
                     [ctx.button("btn.ask_staff", "qa:staff")]])
    if ans.needs_age:
        ctx.say(ctx.t("qa.ask_age"))


async def _offer_staff(ctx: Ctx, text: str, record: bool = True, say: str = "qa.not_sure") -> None:
    """`record`: a question the bot could not answer, listed for staff and counted (not one counted already)."""
    ctx.goto("qa", "ask", question=text[:300])
    ctx.say(ctx.t(say), buttons=[[ctx.button("btn.ask_staff", "qa:staff")], [ctx.button("btn.no_thanks", "qa:no")]])
    if record:
        await ctx.svc.store.add_question({"resident": ctx.me.resident_id, "text": text[:300], "status": "unanswered",
                                          "at": ctx.svc.clock.ts(), "user": ctx.ev.user_id})


async def on_button(ctx: Ctx, action: str, arg: str) -> None:
    question = ctx.session.get("question", "")
    if action in ("up", "down"):
        ctx.edit_pressed(ctx.t("qa.feedback_thanks"))
        if action == "down":
            await ctx.svc.store.add_question({"resident": ctx.me.resident_id, "text": question, "topic": arg,
                                              "status": "unhelpful", "at": ctx.svc.clock.ts(), "user": ctx.ev.user_id})
        return
    if action == "whose":  # [💰 问老伴的养老金] / [🆘 找不到老伴了]
        await whose.on_choice(ctx, arg, on_question)
        return
    if action == "no":
        ctx.goto(None)
        show_menu(ctx, "menu.prompt")
        return
    if action == "staff":
        if not question:
            show_menu(ctx, "bad.stale_button")
            return
        qid = await ctx.svc.store.add_question({"resident": ctx.me.resident_id, "text": question,
                                                "status": "asked_staff", "at": ctx.svc.clock.ts(),
                                                "user": ctx.ev.user_id})
        person = await ctx.svc.store.resident(ctx.me.resident_id) or {}
        s, reached = ctx.svc.settings, False
        for st in roster.on_duty(s, ctx.svc.clock.now(), await ctx.svc.store.duty_overrides()):
            t = partial(staff_langs.t, ctx.svc, st.telegram_id)  # in her language; the question as asked
            reached |= (await ctx.svc.outbox.send(Outbound(
                st.telegram_id, t("qa.staff_question", n=qid, name=person.get("name", "?"), text=question),
                buttons=((Button(t("btn.answer"), f"q:ans:{qid}"),),), tag=f"question:{qid}"))).ok
        ctx.goto(None)  # (none got it: kept on the staff's /questions list, and she is told the truth)
        show_menu(ctx, "qa.sent_to_staff" if reached else "qa.question_kept", phone=s.community.committee_phone)
        return
    show_menu(ctx, "bad.stale_button")
