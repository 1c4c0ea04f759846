"""A family contact or family doctor: the committee's phone, and a cry for help about the resident they look out for.

(no step)       a cry for help (typed, 🆘, or a caption) about the one linked resident → an incident, staff alerted
                (made in a group, and the bot cannot write to her in private: staff are asked to phone her)
                a voice, photo or location (the bot cannot read it) → staff on duty hear it at once, as a resident's
                own; a location is shown beside the registered address, so staff see any difference (family_media.py)
                words that are no emergency: a request (or a pension question) about the resident, to staff as a
                resident's is; thanks and greetings a kind word; what the bot cannot read one tap [📨 转给社工]
family.which    linked to several: staff are alerted at once with each of them; asks which one → the incident names them
                (family_which.py)
"""
from __future__ import annotations

from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.menu import keyboard, menu_action, show_menu
from ..flows import resident as resident_flow  # the module, not its name: it may be half-loaded (it imports us)
from ..residents import unknown_cry_for_help, unknown_media
from ..flows.understanding import RAMBLE, asks_after, clause_intents, fall_told_over, is_emergency, understand
from ..types import MEDIA
from . import (doctor_reading, facts_told, family_asks, family_away, family_calm, family_media, family_on_call,
               family_plan, family_told, family_unsure, family_which, family_life, family_qa, help_request, night_pace,
               urgency)
from .family_other import cried_about_other
from .report_after import words_on_report
from .reported import candidates
from ..flows.life_told import spell_over


def _incidents(ctx: Ctx):
    return ctx.svc.incidents


async def on_message(ctx: Ctx) -> None:
    ev, phone = ctx.ev, ctx.svc.settings.community.committee_phone
    if ev.kind in MEDIA:
        await family_media.on_media(ctx)
        return
    key = menu_action(ctx, ev.text) if ev.kind == "text" else None
    if key == "menu.call":
        ctx.say(t_both(ctx, "contact.call", phone=phone), keyboard=keyboard(ctx))  # (both: only her profile says)
        return
    if ctx.step == ("family", "which") and ev.kind == "text" and await family_which.named(ctx, ev.text):
        return  # "王老伯" typed instead of tapped
    if ctx.step == ("family", "unsure") and ev.kind == "text" and key is None and not ctx.cried \
            and await family_unsure.answered(ctx, ev.text.strip()):
        return  # "很急", "不急": her answer to whether someone must go at once
    if ev.kind == "text" and key is None and await words_on_report(ctx, ev.text.strip()):
        return  # "在3号楼201" after her cry about a neighbour: to the staff on that call
    if ev.kind == "text" and key is None and (await family_told.died_told(ctx, ev.text.strip()) or not ctx.cried
                                              and await facts_told.family_told(ctx, ev.text.strip(), alone=True)):
        return  # "我爸去世了": condolences and staff, never an ambulance's advice; "我爸装了起搏器": a fact for staff
    if ev.kind == "text" and key is None and not ctx.cried and await family_plan.told(ctx, ev.text.strip()):
        return  # "我明天去看我爸", the doctor's "我明天上门给张阿姨量血压": a note for staff, nobody sent
    if ev.kind == "text" and key is None and not ctx.cried and await doctor_reading.told(ctx, ev.text.strip()):
        return  # the doctor's "张阿姨血压180 要注意": news for staff, marked as his, never 120 read back to him
    if ev.kind == "text" and key is None and not ctx.cried and await family_away.home_again(ctx, ev.text.strip()):
        return  # "我爸回来了" (a cry the model cannot place): his greetings again, or news for staff — never a 🆘
    read = await understand(ctx.svc, ev.text) if ev.kind == "text" and not ctx.cried and key != "menu.sos" else None
    if read and key is None and family_calm.said(ev.text.strip(), read):
        await _said(ctx, ev.text.strip())  # "我爸一个人在家我不放心", "…他没转 挂掉了": staff hear it, no 🆘
        return
    if read and key is None and (await family_unsure.asked(ctx, ev.text.strip(), read)
                                 or await family_life.told(ctx, ev.text.strip())):
        return  # "我爸说他肚子胀": she is asked if someone must go now; "我爸生我的气了", "我爸口渴": as at his door
    # a cry the engine judged (in any words: edited, over-long, in a group), the 🆘, or words that call for help
    if ctx.cried or key == "menu.sos" or read and (is_emergency(read) or key is None and family_calm.untold(ev.text)):
        n = await cry_for_help(ctx, ev.text.strip() or "🆘")
        if n and ctx.cried == "group":  # she may have blocked the bot: then staff phone her
            await urgency.call_back(ctx, n, reporter_of(ctx, await linked(ctx)))
        return
    if ev.kind == "text":
        await _said(ctx, ev.text.strip())
        return
    show_menu(ctx, "contact.menu")


QUESTIONS = ("ask_pension", "ask_subsidy")
NEEDS = ("request_help", "feeling_unwell", "contact_staff", *QUESTIONS)
SMALL_TALK = {"greet": "contact.menu", "thank": "talk.thank", "goodbye": "talk.goodbye", "checkin_ok": "contact.menu",
              "affirm": "contact.menu"}


async def _said(ctx: Ctx, text: str) -> None:
    """Words that are no emergency: a fall told as over is a visit; a worry about the resident's health or safety
    reaches staff, however it is worded; asked how the resident is, the check-in answers; thanks get a kind word; a
    request or a question reaches staff; what the bot cannot read waits for one tap."""
    ctx.session.pop("about", None)  # whom an earlier question was about: these words may be about another
    if ctx.session.pop("kb_answered", None):  # the question answered before is no longer what [🙋 问社工] would send
        ctx.session.pop("unclear", None)
    if await family_which.introduced(ctx, text):  # "我是王老伯的女儿", "我是赵医生": known, nobody paged
        return
    if await family_on_call.door_on_call(ctx, text) or await family_on_call.where_told(ctx, text):
        return  # "他在5号楼101" while his call is open: to its staff, beside the register as hers; "我爸在厨房"
    if (fall_told_over(text) or spell_over(text) or family_asks.worried(text) or family_calm.worry_only(text)
            or family_calm.scam_over(text)) and await family_asks.someone_else(ctx, text):
        return  # "王老伯最近不肯吃药" from 刘奶奶's son: not a request about 刘奶奶
    # a fall or a blackout told as over: a visit; a scam told as over: a call to reassure him; shut out: help him in
    if told := family_calm.told_over(ctx.svc, text):
        return await request(ctx, text, category=told[0], noted=f"family.{told[1]}_noted")
    if family_calm.worry_only(text):  # "我爸一个人在家我不放心", "我担心他摔倒": staff follow up, no 🆘
        _, people = await linked_people(ctx)
        await request(ctx, text, category="worry", noted=await family_calm.noted(ctx, text, people[0]["id"]
                                                                                  if len(people) == 1 else ""))
        return
    if family_asks.worried(text) and not family_calm.ASKS.search(text):  # "我爸最近怎么样都不肯吃药": staff hear it now
        await request(ctx, text, category="unwell", noted="family.worry_noted")
        return
    if await family_away.told(ctx, text):
        return  # "我爸住院了": his check-in paused, staff told
    if family_away.GREETINGS.search(text):  # "不要再给我爸发问候了": for staff to settle with him, no visit
        await request(ctx, text, category="greetings", noted="family.greetings_noted")
        return
    if asks_after(text) and await family_asks.asked(ctx, text):
        return  # "我爸今天签到了吗": his check-in
    result = await understand(ctx.svc, text)
    intent, confidence = result["intent"]["name"], result["intent"]["confidence"]
    if intent in QUESTIONS and await family_qa.answered(ctx, text):
        return  # "我爸能领多少津贴": the knowledge base answers, with his age from the register
    if intent in QUESTIONS:  # "我爸的医保报销比例是多少": staff answer her, nobody goes to see him about it
        await request(ctx, text, category="question", noted="family.question_noted")
    elif intent in NEEDS or any(i in NEEDS for i, _ in await clause_intents(ctx.svc, text)):  # (a need amid chatter)
        await request(ctx, text)  # at any confidence: the model learnt from residents' words, not from a daughter's
    elif confidence >= 0.35 and intent in SMALL_TALK:  # ("他没事" on his open call: its staff read it)
        await family_on_call.small_talk(ctx, text, SMALL_TALK[intent], fine=intent == "checkin_ok")
    elif len(text) >= RAMBLE:  # voice input with no marks the bot cannot place: a person reads it
        await request(ctx, text)
    elif not await facts_told.family_told(ctx, text) and not await family_on_call.words_on_call(ctx, text):
        resident_flow.not_understood(ctx, text)  # (a fact amid other words: "我爸家钥匙在隔壁 有事找李阿姨")


async def pass_on(ctx: Ctx) -> None:
    """[📨 转给社工] under "没太明白": the kept words go to staff as a request about the resident."""
    said, about = ctx.session.pop("unclear", None), ctx.session.pop("about", "")
    asked = ctx.session.pop("kb_answered", False) and said  # [🙋 问社工] under an answer (family_qa.py): her question
    n = await request(ctx, "\n".join(said) if said else ctx.t("family.call_me"), about=about,
                      **(dict(category="question", noted="family.question_noted") if asked else {}))
    inc = await ctx.svc.store.incident(n) if n else None  # nobody reached: she heard the truth, never "已转给社工"
    ctx.edit_pressed(ctx.t("talk.pass_on" if inc and ctx.ev.user_id in (inc.get("caller_unreached") or [])
                           else "talk.passed_on"))


async def request(ctx: Ctx, words: str, category: str = "other", noted: str = "family.request_noted",
                  about: str = "") -> int | None:
    """A request about the resident this person looks out for (about one of several: staff hear it with each of
    them, and the caller says which, unless named already: `about`), told `noted` once staff have it. None when
    nobody is linked any more."""
    links, people = await linked_people(ctx)
    people, words = [p for p in people if p["id"] == about] or family_which.named_in(people, words), ctx.as_typed(words)
    phone = ctx.svc.settings.community.committee_phone
    if not people:
        show_menu(ctx, "contact.menu")
        return None
    how, n = dict(words=words, category=night_pace.night_category(ctx.svc, category, words), source="family",
                  detail=words, ask_address=False, family_chats=[ctx.ev.user_id]), 0
    if len(people) == 1:
        person, fields = people[0], {"reporter": reporter_of(ctx, links)}
        existing, n = await _incidents(ctx).opened_or_open("help", person, **how, **fields)
        if existing and await joined(ctx, existing["id"]):
            # on his open call, never a second one (closed meanwhile: a request of its own, below)
            if await _incidents(ctx).told_more(existing["id"], words, by=fields["reporter"]):
                urgent = existing["kind"] == "emergency"  # "钥匙在隔壁" on his 🆘: those handling it have it now
                show_menu(ctx, "family.call_added" if urgent else noted, name=person["name"], phone=phone)
            else:  # told once when the staff holding it have it (reached_late.py)
                help_request.tell_not_reached(ctx)
                await _incidents(ctx).caller_unreached(existing["id"], [ctx.ev.user_id])
            return existing["id"]
    else:
        person, fields = several(ctx, people, reporter_of(ctx, links))
    n = n or await _incidents(ctx).open("help", person, **how, **fields)
    reached = await _incidents(ctx).alert_first(n)
    if len(people) > 1:
        family_which.ask_which(ctx, n, people, reached, request=True)
    elif reached:
        show_menu(ctx, noted, name=person["name"], phone=phone)
    else:
        help_request.tell_not_reached(ctx)
    return n


async def linked(ctx: Ctx) -> list[dict]:
    """Whom this person looks out for, read from the register now: a link removed there is gone."""
    by_rid: dict[str, dict] = {}
    for link in await ctx.svc.store.contact_links_by_phone(ctx.me.extra.get("phone", "")):
        by_rid.setdefault(link["rid"], link)
    return list(by_rid.values())


def reporter_of(ctx: Ctx, links: list[dict]) -> dict:
    return {"name": links[0]["name"] or ctx.me.name, "phone": ctx.me.extra.get("phone", ""),
            "relation": "、".join(dict.fromkeys(link["relation"] for link in links))}


async def linked_people(ctx: Ctx) -> tuple[list[dict], list[dict]]:
    """The links, and the residents they name who are still in the register."""
    links = await linked(ctx)
    return links, [p for p in [await ctx.svc.store.resident(link["rid"]) for link in links] if p]


def several(ctx: Ctx, people: list[dict], reporter: dict) -> tuple[dict, dict]:
    """The incident's "resident" and fields for a call about one of several (the staff packet lists each)."""
    return {"id": "", "name": reporter["name"]}, {"reporter": reporter, "candidates": candidates(ctx.svc, people)}


async def cry_for_help(ctx: Ctx, words: str) -> int | None:
    """The incident the call is on (a new one, or the resident's open emergency); None when nobody is linked."""
    phone, words = ctx.svc.settings.community.committee_phone, ctx.as_typed(words)
    links, people = await linked_people(ctx)
    people = family_which.named_in(people, words)  # "王老伯说他胸口疼" from the doctor of two: about him at once
    if not people:
        await as_unknown(ctx, cried=True)
        return None
    if await cried_about_other(ctx, words, people, reporter_of(ctx, links)):  # a neighbour: not a call about theirs
        return None
    if len(people) == 1:
        person, how = people[0], dict(words=words, source="family", ask_address=False, reporter=reporter_of(ctx, links),
                                      family_chats=[ctx.ev.user_id])
        existing, n = await _incidents(ctx).opened_or_open("emergency", person, **how)
        if existing and await joined(ctx, existing["id"]):  # (closed meanwhile: a call of its own, below)
            if existing["kind"] == "emergency":
                return await help_request.again(ctx, existing["id"], words, by=how["reporter"])
            extra = {} if existing.get("reporter") else {"reporter": how["reporter"]}
            reached = await _incidents(ctx).raise_call(existing["id"], words, "family", by_chat=ctx.ev.user_id,
                                                       **extra)  # his request, or his missed check-in
            if reached > 0:
                family_told.tell_alerted(ctx, words, person, phone, how["reporter"])
            elif reached == 0:  # told once when a staff member has it (reached_late.py)
                help_request.tell_not_reached(ctx)
                await _incidents(ctx).caller_unreached(existing["id"], [ctx.ev.chat])
            if reached >= 0:  # (closed meanwhile: a new call below)
                return existing["id"]
        n = n or await _incidents(ctx).open("emergency", person, **how)
        if await _incidents(ctx).alert_first(n):
            family_told.tell_alerted(ctx, words, person, phone, how["reporter"])
        else:
            help_request.tell_not_reached(ctx)
        await family_on_call.door_in_cry(ctx, n, words)  # "我爸摔倒了 在5号楼101": beside the register, as hers
        return n
    # several: staff hear now, with each of them, and the caller says which (again on her call while it waits)
    if n := await family_which.cried_again(ctx, words, people, reporter_of(ctx, links)):
        return n
    someone, fields = several(ctx, people, reporter_of(ctx, links))
    n = await _incidents(ctx).open("emergency", someone, words=words, source="family", ask_address=False,
                                   family_chats=[ctx.ev.user_id], **fields)
    family_which.ask_which(ctx, n, people, await _incidents(ctx).alert_first(n))
    return n


async def joined(ctx: Ctx, n: int) -> bool:
    """She spoke on the resident's open call: she hears how it ended (bot/incidents/closed.py). In one step in the
    store, so two who speak at once are both kept; False when it was closed meanwhile (nobody would tell her)."""
    return await ctx.svc.store.join_family(n, ctx.ev.user_id)


async def as_unknown(ctx: Ctx, cried: bool) -> None:
    """No longer linked in the register (removed there): heard as anyone unknown is (120 and the committee; staff
    told, paced), and written down as their messages are, so what is held back follows with the name they last
    wrote under and their latest voice, photo or location (bot/incidents/repeats.py)."""
    ev = ctx.ev
    entry = {"at": ctx.svc.clock.ts(), "kind": ev.kind, "name": ev.first_name or ctx.me.name, "text": ev.text[:300]}
    if ev.kind in MEDIA:
        entry["media"] = [ev.origin.chat_id, ev.message_id]
    await ctx.svc.store.log_stranger(ev.user_id, entry)
    if cried:
        await unknown_cry_for_help(ctx)
    if ev.kind in MEDIA:
        await unknown_media(ctx, told=cried)
