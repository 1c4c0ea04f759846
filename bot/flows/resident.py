"""A signed-up resident: the menu, and free text routed by what it means.

help.category       which kind of practical help (bot/flows/help_menu.py) → help.other_detail for "其他"
unwell.follow_up    "shall someone come and see you?" after "I don't feel well"
help.need_now, help.confirm_address, help.ask_address: her call's questions (bot/flows/call_answers.py)
Words not understood are kept (the last chat.UNCLEAR_KEPT, until the step goes stale) for one tap [📨 转给社工]: a request.
"""
from __future__ import annotations

import re

from ..incidents import (address_steps, call_questions, facts_told, help_request, need_now, not_came, said_after,
                         scam_back)
from .. import qa
from ..notices.replies import replied as notice_replied
from . import call_answers, chat, half_said, help_menu_again, hospital_back, menu_on_call
from .base import Ctx
from .life_told import TOLD, life_told, survivor_asked
from .chat_words import QUESTION, SMALL_TALK, core
from .help_menu import kind_in_words, on_category, on_menu, typed_category
from .menu import menu_action, show_menu
from .unwell_visit import ask as ask_visit, on_unwell, visit_wanted
from .understanding import (ACHE, AILING, ASKED_FOR, HELP_CAME, RAMBLE, WELL_AGAIN, clause_intents, danger_in,
                            fall_told_over, is_emergency, looked_up, understand)

LEAVES_QA = {"request_help", "feeling_unwell", "contact_staff", "greet", "thank", "goodbye", "checkin_ok"}
NEEDS = ("request_help", "feeling_unwell", "contact_staff")
QUESTIONS = ("ask_pension", "ask_subsidy")


async def on_callback_request(ctx: Ctx, words: str = "") -> None:
    await not_came.callback_request(ctx, words)  # "还没人来" just after his emergency was closed: that emergency


async def on_text(ctx: Ctx) -> None:
    text = ctx.ev.text.strip()
    flow, step = ctx.step
    closed = ctx.session.pop("asked_closed", 0)  # her call closed while it asked her (urgency.drop_stale_step)
    half = half_said.heard_more(ctx)  # "我" before: these words end the wait for the rest
    key = menu_action(ctx, text)
    if key and await on_menu(ctx, key):
        return
    if (kind := typed_category(ctx, text)) and not danger_in(ctx.svc, text):  # "修东西", "其他": as if pressed
        return await on_category(ctx, kind, text)
    if help_menu_again.asked_again(ctx, text):  # "听不懂" to "需要帮什么忙？": the menu, simpler, never an ailment
        return
    if await menu_on_call.buttons_asked(ctx, text):  # "按钮不见了" on her open call: the buttons, the question kept
        return
    if await half_said.waited_for(ctx, text, half):  # a lone "我", "那个": "您慢慢说" (a person hears if nothing follows)
        return
    result = await understand(ctx.svc, text)
    n = ctx.session.get("incident")
    if closed and need_now.yes_typed(text) and not flow:
        await not_came.yes_after_close(ctx, closed)  # "要" to "您需要马上有人来吗？" of a call closed since
        return
    if await said_after.told(ctx, text) or await call_answers.pressed_by_mistake(ctx, text) \
            or await scam_back.called_back(ctx, text) or await address_steps.said_elsewhere(ctx, text):  # ("我起来了" on her call: staff read it, no false alarm;
        return  # the scammer calling back, "他又打来了", on her scam call: a scam under way again, never a yes)
    if not danger_in(ctx.svc, text) and await chat.declined(ctx, text):  # "不用叫救护车": no cry, still heard
        return
    if (flow, step) == ("unwell", "follow_up") and not danger_in(ctx.svc, text) \
            and (choice := visit_wanted(text, result["intent"]["name"])):
        await on_unwell(ctx, choice)
        return
    if await call_answers.answered(ctx, text, result):
        return  # to her call's question: its answer, her words for staff, or the question again
    if not danger_in(ctx.svc, text) and (not flow and not is_emergency(result) and await notice_replied(ctx, text)
                                         or await chat.changed_mind(ctx, text) or await chat.everyday(ctx, text)):
        # ("提不动水", "好的 知道了" to a notice: about it)
        return  # "测试一下", "我出去一下", "你是机器人吗", "好的"; "算了" to what help they need: nobody bothered
    if await hospital_back.told(ctx, text):  # "我出院了": staff hear she is back, she reads a kind line
        return
    if told := life_told(ctx.svc, text, result):  # "我老伴走了三年了", "老伴住院了", "今天不想说话": a person, no ambulance
        return await _one(ctx, told, text, result)
    if not flow and await facts_told.resident_told(ctx, text):  # "我搬家了 现在住6号楼201": staff update it
        return
    if flow in ("qa", None) and await qa.whose_step(ctx, text, result):  # "那我老伴呢": his allowance, or missing?
        return
    if HELP_CAME.search(text) and not danger_in(ctx.svc, text) and await help_request.said_on_call(ctx, text):
        return  # "120来了", "谢谢 人到了" on her open call: news for its staff, no new alarm, no "不客气"
    if is_emergency(result) and not qa.figure_told(ctx, text):  # "我老伴82岁呢": a follow-up
        await help_request.start_help(ctx, "emergency", words=text, source="text", confirm_need=True)
        return
    if flow == "help" and step == "other_detail":
        await help_request.start_help(ctx, "help", category="other", source="menu", detail=text, words=text)
        return
    if fall_told_over(text):
        await on_fall_told(ctx, text)
        return
    if flow == "qa":
        intent, confidence = result["intent"]["name"], result["intent"]["confidence"]
        if (intent in LEAVES_QA and confidence >= 0.6 or lonely(text) and not QUESTION.search(text)) and step != "age" \
                and not qa.asks_on_behalf(ctx, text) and not qa.not_clear(text) and not qa.figure_told(ctx, text):
            # ("再说一遍", "我刚满65": the topic's; "我想找人聊聊天": a person to hear it, not the home-care service)
            ctx.goto(None)  # the conversation has moved on from pensions: follow it
            await route_intent(ctx, text, result)
        else:
            await qa.on_question(ctx, text, result)
        return
    await route_intent(ctx, text, result)


async def route_intent(ctx: Ctx, text: str, result: dict) -> None:
    intent, confidence = result["intent"]["name"], result["intent"]["confidence"]
    nuisance = chat.NUISANCE.search(text) and (intent in ("feeling_unwell", "out_of_scope", *SMALL_TALK) or confidence
                                               < 0.35 or intent == "request_help" and chat.KEPT_AWAKE_BY.search(text)) \
        and not AILING.search(text)  # ("楼上小孩跑来跑去 睡不着": the model leant to a request, 0.53)
    if nuisance:
        intent = "out_of_scope"  # "楼上好吵", "楼上太吵了 睡不着": the neighbours, not a greeting nor her health
    if intent == "deny" and not_came.NOBODY_CAME.search(text):
        intent = "out_of_scope"  # "nobody has come yet" is no "no" to anything asked: the waiting rule below
    if confidence < 0.35 or intent == "out_of_scope":  # not understood, unless an ache is named ("我腰疼", "我发烧了")
        intent = "feeling_unwell" if ACHE.search(text) and not WELL_AGAIN.search(text) else "out_of_scope"
        if intent == "out_of_scope" and qa.names_a_topic(ctx, result, text):
            intent = "ask_subsidy"  # "我不会刷脸怎么办": the model half knew; the knowledge base knows
        elif intent == "out_of_scope" and BROKEN.search(text):
            intent = "request_help"  # "电视没信号了", "电灯勿亮了": someone to fix it
        elif intent == "out_of_scope" and not_came.NOBODY_CAME.search(text):
            intent = "contact_staff"  # "我等了好久了": waiting for someone — a person phones, never "没太明白"
    told = await clause_intents(ctx.svc, text)  # one message, two things: "谢谢上次帮忙，今天又有点头晕"
    told = [(i, part) for i, part in told if not (nuisance and chat.KEPT_AWAKE.fullmatch(part.strip()))]
    intent = looked_up(told, intent, result, NEEDS, QUESTIONS)  # "帮我看看 养老金到了吗": the question, no request
    told = [(i, part) for i, part in told if not ASKED_FOR.fullmatch(part)]  # "我女儿帮我问的": who asks, no need
    need = next((i for i, _ in told if i in NEEDS), None)
    question = next((i for i, _ in told if i in QUESTIONS), None)
    asked = " ".join(part for i, part in told if i not in NEEDS)  # the question without the need told beside it
    if need and intent not in NEEDS:  # beside thanks, a question or words not understood: the need is heard too
        if intent in QUESTIONS and need in ("request_help", "feeling_unwell"):
            await _one(ctx, need, text, result)  # "养老金什么时候发 还有我腿疼": heard, and the question answered
        else:
            intent = need
    elif question and intent in ("request_help", "feeling_unwell"):
        await _one(ctx, intent, text, result)
        need, intent = intent, question
    elif asking := [(i, part) for i, part in told if i in QUESTIONS and QUESTION.search(part)]:
        if intent not in QUESTIONS:  # asked amid chatter ("…菜价又涨了，我的养老金什么时候发，…"): answered
            intent, text = asking[0][0], " ".join(part for _, part in asking)
    if intent in QUESTIONS and need and asked:
        text = asked  # the rest was heard already
    elif (intent in ("feeling_unwell", "out_of_scope", *SMALL_TALK) and LONELY.search(text) or COMPANY.search(text)) \
            and not AILING.search(text):
        intent = "lonely"  # "一个人在家好闷", "想我女儿了", "陪我聊聊天吧": company, not a doctor
    elif intent in SMALL_TALK and AILING.search(text) and not WELL_AGAIN.search(text):
        intent = "feeling_unwell"  # "你好…我现在心里很难受", "吃了药以后觉得头晕": not a greeting, not "fine"
    await _one(ctx, intent, text, result)


async def _one(ctx: Ctx, intent: str, text: str, result: dict) -> None:
    if intent == "request_help":
        await help_request.start_help(ctx, "help", category=kind_in_words(text), source="text", words=text, detail=text)
    elif intent == "feeling_unwell":
        if not await help_request.start_help(ctx, "help", category="unwell", source="text", words=text, quiet=True):
            return  # nobody reached: they heard the truth, not "已经告诉社工了"
        ask_visit(ctx)  # "要不要请社工来看看您？"
    elif intent == "contact_staff":
        await on_callback_request(ctx, words=text)
    elif intent == "lonely" or intent in TOLD:  # each with its kind line (bot/flows/life_told.py)
        await help_request.start_help(ctx, "help", category=intent, source="text", words=text,
                                      noted=f"help.{intent}_noted")
        if intent == "grief" and survivor_asked(text):  # "老伴走了 他的养老金怎么办": her question answered too
            await qa.on_question(ctx, text, result)
    elif intent in ("ask_pension", "ask_subsidy"):
        await qa.on_question(ctx, text, result)
    elif intent in SMALL_TALK:
        if await call_questions.small_talk_asked(ctx):  # (her address read back waits: asked again instead)
            return
        if intent == "goodbye" and ctx.on_call and not BYE.fullmatch(core(text)) \
                and await help_request.said_on_call(ctx, text):
            return  # "晚点再问我", "我去睡觉了" on her open 🆘: the staff about to phone her read it ("再见": no news)
        if intent != "checkin_ok" or not await call_answers.fine_again(ctx, text):  # "我很好" on her call: staff read it
            show_menu(ctx, SMALL_TALK[intent])
    elif intent == "provide_address" and not re.fullmatch(r"\d{1,2}", text):  # "我搬到6号楼201了": to staff ("2": no)
        await facts_told.address_given(ctx, text)
    elif chat.TODAY.search(text):
        show_menu(ctx, "talk.today", **chat.today(ctx))
    elif chat.WHAT_I_DO.search(text):
        show_menu(ctx, "talk.what_i_do")
    elif await help_request.said_on_call(ctx, text):
        pass  # words on their open call: its staff read them
    elif len(text) >= RAMBLE:  # minutes of voice input it cannot place: a person reads them, never "没太明白"
        await help_request.start_help(ctx, "help", category="other", source="text", words=text, detail=text,
                                      noted="help.long_noted")
    elif not await chat.cannot_answer(ctx, text) and not await facts_told.resident_told(ctx, text, alone=False):
        not_understood(ctx, text)  # (a question: ask a person; "我对青霉素过敏": a fact, to staff)


# a goodbye and nothing more ("再见", "谢谢 拜拜", "88"): no news for the staff on her open call
BYE = re.compile(r"((谢谢|多谢|好的?|再见|再見|再会|拜拜?|拜拜啦|88|886|bye|good ?bye|see you|👋)[啦了啊呀哦]?)+", re.I)

# loneliness (四百: 暖百家心) told without a word of being ill
LONELY = re.compile(r"孤单|孤独|孤零零|冷冷清清|寂寞|(好|很|太|真|老)闷|闷得慌|没人(跟我|陪我|和我)?(说话|聊天|讲话|陪)|想(我)?(的)?(女儿|儿子|孙子|孙女"
                    r"|外孙|老伴|家里人|孩子|小孩)|一个人[^，,。!！?？]{0,3}(好|很|太|有点|有些)?(闷|没意思|冷清|无聊)|(好|很|太|真)无聊|无聊(死了|得很)|没人记得|好久没(有)?(人)?(来)?(看|陪)(过)?我"
                    r"|(没人|都不|不|都勿|勿)来看我|想(我)?(的)?(死去|过世|走了)的老伴|\blonely\b|\bmiss my\b"
                    r"|一个人[^，,。!！?？]{0,4}(好|很|老|有点)?(?<![不没勿别])(害怕|好怕|很怕|老怕|吓丝丝|吓人)"  # "我屋里一个人 好怕"
                    r"|(好|很|老)久(都)?没(有)?(出(过)?门|下(过)?楼)|(儿子|女儿|子女|孩子|小孩)(们)?(都|也)?不管我"
                    r"|(儿子|女儿|子女|孩子|小孩|孙子|孙女|伊)[^，,。!！?？]{0,6}(没|不|勿)(有)?(打|来|回)(过)?电话", re.I)  # "儿子三个月没打电话了"


def lonely(text: str) -> bool:
    """Loneliness or wanting company told, with no word of being ill."""
    return bool((LONELY.search(text) or COMPANY.search(text)) and not AILING.search(text))


# a thing at home broken, a leak, pests or a pet gone, told and not understood otherwise: a request, someone to help
BROKEN = re.compile(r"坏了|坏掉|坏脱|没(有)?信号|没(有)?声音|[勿不]亮了?$|不响了|打不开|关不上|开不了|关不了|堵(住)?了|不出水|不制冷|不制热|不转了"
                    r"|漏水|老鼠|蟑螂|白蚁|臭虫|(猫|狗)[^，,。！!？?\s]{0,3}(不见|丢|跑(出去|掉|丢))|\b(is |are )?(broken|not working|leak(s|ing)?)\b|doesn'?t work"
                    r"|欠费|(电视|手机|电脑|网络?)[^，,。！!？?\s]{0,3}(看|用)不了|(网络?|宽带)断|\bheating\b[^.!?]{0,12}\boff\b|\bno (hot water|heating)\b|\blost (my|the) keys?\b", re.I)

# wanting someone to talk to, said outright (whatever the model takes it for; "谢谢你陪我聊天" is thanks)
COMPANY = re.compile(r"(?<!谢谢你)(?<!谢谢您)(陪我|跟我|和我)(聊|说说|讲讲|谈谈)|(想|要)(找人|跟人|和人|找个人|寻人|寻个人|寻人家)?(聊聊?天|说说话"
                     r"|讲讲话|谈谈心|讲讲闲话|讲闲话|嘎讪胡)|想(我)?(的)?(妈妈|爸爸|父母|姆妈|阿爸|老娘)|没人管我|^我?一个人(在家|住|过)(里)?$"
                     r"|^(现在)?家里(就|只有)我一个人?(在)?$|^我(是)?独居(的)?$"
                     r"|\b(nobody|no one|no-one) (ever )?(visits|comes to see|calls|talks to) me\b"  # "no one comes to see me"
                     r"|\b(sons?|daughters?|children|kids|family) (never|don'?t|doesn'?t|rarely) (calls?|visits?|come)", re.I)


def not_understood(ctx: Ctx, text: str) -> None:
    """"没太明白" and the menu, then [📨 转给社工]: the words are kept for that tap (a resident's or a family
    contact's). A neighbour's renovation, noise or dust ("隔壁在装修 灰尘好大") is understood: staff can talk to them."""
    chat.keep_unclear(ctx, text)
    show_menu(ctx, "talk.nuisance" if chat.NUISANCE.search(text) else "talk.not_understood")
    ctx.say(ctx.t("talk.pass_on"), buttons=[[ctx.button("btn.pass_on", "pass:on")]])


async def on_pass_on(ctx: Ctx, _: str = "") -> None:
    """[📨 转给社工] under "没太明白": the words kept go to staff as a request; with none kept (pressed again, or
    after they went stale) staff are asked to phone, unless a request of this resident is open already."""
    said, phone = ctx.session.pop("unclear", None), ctx.svc.settings.community.committee_phone
    if said:  # nobody reached (they heard the truth), or joined to their emergency (told so): never "已转给社工" then
        words = "\n".join(said)
        if reached := await help_request.start_help(ctx, "help", category="other", source="text", words=words,
                                                     detail=words, quiet=True):
            show_menu(ctx, "help.request_noted", phone=phone)
        return ctx.edit_pressed(ctx.t("talk.passed_on" if reached else "talk.pass_on"))
    ctx.edit_pressed(ctx.t("talk.passed_on"))
    if await ctx.svc.store.active_incident(ctx.me.resident_id):
        show_menu(ctx, "talk.already_passed", phone=phone)
    else:
        await on_callback_request(ctx)


async def on_fall_told(ctx: Ctx, text: str, source: str = "text") -> None:
    """"我摔了一下，没事": no emergency, but an old person's fall is something staff visit for; their own words."""
    ctx.goto(None)
    await help_request.start_help(ctx, "help", category="fall_told", source=source, words=text,
                                  noted="help.fall_noted")
