"""A family contact's or family doctor's own visit, planned: information for staff, never a need.

"我明天上门给张阿姨量血压" from 赵医生 was read as 🤒 (the doctor read "请马上拨打120", staff got a call to claim);
"我明天去看我爸" from 王丽 as a request (she read that staff would go too). Words whose only news is that she herself
will come ("明天我去", "我周末回来看我爸", "我下午过去陪陪他") reach the staff on duty as a note on the resident (no
call, no buttons, silent at night), or the resident's open call when there is one; she reads a short thanks. Beside a
danger, a question or a need ("我明天去不了", "你们先去看看") it is no note: read as usual.
"""
from __future__ import annotations

import logging
import re

from nlu.features import normalise

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..flows.chat_words import QUESTION
from ..flows.menu import show_menu
from ..flows.understanding import danger_in
from . import family, family_which, help_request
from .raising import open_call

log = logging.getLogger(__name__)

WHEN = r"(?:明天|后天|今天|今晚|今天晚上|晚上|上午|下午|中午|早上|周末|礼拜天|星期天|下周[一二三四五六日天]?|过两天|过几天|等会儿?|一会儿?|待会儿?|改天|这两天)"
# she is the one who comes: "我明天上门", "下午我去张阿姨家", "我周末回来看我爸" (never "帮我去看看", "你们去")
PLAN = re.compile(rf"^(?:{WHEN}(?:的话)?)?(?:我|我们|阿拉)(?:{WHEN})?(?:会|要|准备|打算|就|再)?"
                  r"(?:上门|去|来|过去|过来|回来|回去|回家)")
# a need or a worry beside the plan: staff must act, read as usual
NEED = re.compile(r"不了|不能|没法|没办法|来不及|去不成|帮|麻烦|请|你们|社工|能不能|可不可以|担心|不放心|不舒服|难受|疼|痛"
                  r"|晕|摔|跌|倒|不接|打不通|联系不上|没人|不开门|急|快|马上|赶紧|救")


# the words beside the plan that keep it a plan alone ("我明天去看我爸，谢谢"); anything else ("…他腿肿了") is read as usual
POLITE = re.compile(r"(?:谢谢(?:你们|您|了)?|好的|辛苦(?:了|你们了)?|[哦啊呀吧了])+")
PARTS = re.compile(r"[，,。！!；;~～\s]+")


def planned(svc, text: str) -> bool:
    """Her own visit and nothing more: no question, no need, no danger, no other news beside it."""
    said = normalise(text)
    first, *rest = [p for p in PARTS.split(said) if p] or [""]
    return bool(PLAN.search(first)) and all(POLITE.fullmatch(p) for p in rest) and not QUESTION.search(said) \
        and not NEED.search(said) and not danger_in(svc, text)


async def told(ctx: Ctx, text: str) -> bool:
    """Her plan to come reached the staff as a note (or the resident's open call); she is thanked."""
    if not planned(ctx.svc, text):
        return False
    links, people = await family.linked_people(ctx)
    people = family_which.named_in(people, text)
    if not people:
        return False
    if len(people) == 1 and await open_call(ctx.svc.store, people[0]["id"]) is not None:
        await family.request(ctx, text, noted="family.plan_noted")  # on his open call: those on it read it
        return True
    reporter, names = family.reporter_of(ctx, links), "、".join(p["name"] for p in people)
    reached = 0
    for st in await roster.reachable_on_duty(ctx.svc):
        line = staff_langs.t(ctx.svc, st.telegram_id, "family.plan_staff", reporter=reporter["name"],
                             relation=reporter["relation"], name=names, words=text, phone=reporter["phone"])
        reached += (await ctx.svc.outbox.send(roster.staff_line(ctx.svc, st.telegram_id, line))).ok  # silent at night
    log.info("a family contact's visit plan noted for %d staff", reached)
    if reached:
        show_menu(ctx, "family.plan_noted", name=names, phone=ctx.svc.settings.community.committee_phone)
    else:
        help_request.tell_not_reached(ctx)
    return True
