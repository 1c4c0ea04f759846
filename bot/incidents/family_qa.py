"""A family contact's pension or subsidy question, answered from the knowledge base as a resident's is.

"我爸能领多少津贴" from 王丽 read "已经把您的问题转给居委会社工" and waited for a person, while her father asking the
same got a short sourced answer at once. Now she reads that answer, worked out with HER FATHER's age from the
register ("关于王老伯（89岁）：… 180元", with the 📚 source line), and a person stays one tap away ([🙋 问社工]: staff
read it as her question about him). A family doctor of two who names neither is answered without anyone's figure
(the rule for all ages, never one of theirs guessed, and no age asked). A question the knowledge base hands off (not
covered, unsure), or words that ask nothing, are not answered here: it goes to staff as before (family.py).
"""
from __future__ import annotations

from nlu.qa_compute import extract_age

from ..flows.base import Ctx
from ..flows.chat_words import QUESTION
from ..people import age_of
from . import family, family_which


async def answered(ctx: Ctx, text: str) -> bool:
    """True when the knowledge base answered her; False: it handed off (or there is none), staff answer her."""
    kb = ctx.svc.kb
    if kb is None or not QUESTION.search(text):  # "我爸担心他的养老金": his worry, told, not asked — a person hears it
        return False
    _, people = await family.linked_people(ctx)
    people = family_which.named_in(people, text)
    if not people:
        return False
    now = ctx.svc.clock.now()
    person = people[0] if len(people) == 1 else None
    age = age_of(person, now) if person else None
    asked = f"{text} 他{age}岁" if age is not None and extract_age(text, now.date()) is None else text
    ans = kb.answer(asked, age=None, locale=ctx.me.locale, today=now.date())
    if ans.handoff or not ans.topic:
        return False
    await ctx.svc.store.count_question({"topic": ans.topic, "status": "bot_answered", "at": ctx.svc.clock.ts()})
    answer = ctx.t("qa.answer", answer=ans.answer, source=ans.source, reviewed=ans.reviewed)
    if person and age is not None:
        answer = ctx.t("family.qa_about", name=person["name"], age=age) + "\n" + answer
    ctx.say(answer)
    ctx.session.update(unclear=[text[:300]], about=person["id"] if person else "", kb_answered=True)
    ctx.say(ctx.t("family.qa_ask_staff"), buttons=[[ctx.button("btn.ask_staff", "pass:on")]])
    return True
