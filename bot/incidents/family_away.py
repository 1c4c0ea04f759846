"""A family contact says the resident is away: in hospital, or staying with them ("我爸住院了，这几天不用签到", "我爸来
我家住几天"). His daily check-in pauses (`Checkins.family_away`: the days they say, else a week), so his empty flat is
no missed check-in — a social worker sent to it, the family alerted as if he had fallen; the staff hear it as news
about him (a request, with the words); "我爸出院回家了" starts it again; "我爸出院了，先住我家几天" (out of hospital, staying with them) pauses it. A stay still to come ("下个月要住院", "明天来我家
吃饭") pauses nothing, nor a question ("我爸是不是住院了"). Only the one resident they are linked to, only while he is enrolled; anything else goes the way
it went (bot/incidents/family.py).
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.menu import show_menu
from ..flows.understanding import danger_in
from . import family, family_which

AWAY = re.compile(r"住院了|在住院|住进(了)?医院|在医院住|在医院(里|里面)?(呢|了|啊|呀|哦)?(?=$|[\s，,。.!！])"  # (not 在医院排队)
                  r"|(去|来|到|在)我(家|这|那)(里|儿|边)?住|住(在|到)?我(家|这|那)"
                  r"|(这|那|最近)(几|两)天(都)?不在家|去外地了|回老家了|出远门了|暂停(签到|问候)|不用(再)?(签到|问候|问)")
LATER = re.compile(r"要(去|来|住院|住到|住在)|准备|打算|下(个)?(周|月|礼拜|星期)|明天|后天|过(几|两)天"
                   r"|(不|没|别)(想|肯|愿意|要)?(去|来|到|住|在)+我(家|这|那)")  # "他不肯住我家": no stay either
# stopping or starting his greetings for good, not because he is away ("不要再给我爸发问候了", "请恢复给我爸的每天问候",
# "please stop the daily greetings for my dad"): for staff to settle with him (family.py), nothing changed here
GREETINGS = re.compile(r"(?:取消|停掉|停止|关掉|不要|不用|别|恢复|重新|继续)(?!担心|着急|急|怕)[^，,。！!？?\s]{0,8}"
                       r"(?:签到|问候|报平安)"
                       r"|\b(?:stop|pause|cancel|resume|restart|turn (?:off|on))\b[^.!?]{0,40}\b(?:greetings?|check-?ins?)\b",
                       re.I)
HOME = re.compile(r"出院了|已经出院|回家了|回来了|到家了|回去住了|恢复(签到|问候)")
# asked, not told ("我爸是不是住院了", "我爸住院了吗", "…住院了没有"): nothing paused ("住院了，你们知道吗" tells it)
ASKED = re.compile(r"是不是|是否|会不会|难道|(?:住院|医院|不在家|外地|老家|远门|我(?:家|这|那)住?)(?:了|去了)?(?:(?:吗|么|没有?|伐)(?=$|[\s，,。？?])|[？?])")
BACK_HOME = re.compile(r"回家了|回来了|到家了|回去住了|恢复(签到|问候)")  # HOME but out of hospital: he is home
STAYING = re.compile(r"(去|来|到|在)我(家|这|那)(里|儿|边)?住|住(在|到)?我(家|这|那)")  # with them, not at home


async def home_again(ctx: Ctx, text: str) -> bool:
    """Home again and nothing else ("我爸回来了", the words she was told to say, which the model may lean to read as a
    cry it cannot place): his greetings start again if paused, else staff hear the news (a request). A danger told
    with it ("我爸回来了 摔了一跤起不来") is left to be read as a cry."""
    if not HOME.search(text) or AWAY.search(text) or danger_in(ctx.svc, text):
        return False
    if not await told(ctx, text):
        await family.request(ctx, text)  # ("我妈出院了": news for staff, as ever)
    return True


async def told(ctx: Ctx, text: str) -> bool:
    """True when these words were his being away or back, and were answered."""
    away = bool(AWAY.search(text)) and not LATER.search(text) and not ASKED.search(text)
    # out of hospital and staying with them ("出院了，先住我家几天") is away from his flat still
    home = bool((BACK_HOME if away and STAYING.search(text) else HOME).search(text))
    if away == home:  # neither, or both ("住院了…回家了"): the way it went
        return False
    _, people = await family.linked_people(ctx)
    people = family_which.named_in(people, text)  # their doctor's "张阿姨住院了": the one of his patients named
    if len(people) != 1:
        return False
    person = people[0]
    done = await ctx.svc.checkins.family_away(person, text if away else None, ctx.me.locale)
    if done is None:
        return False
    if done[0] == "resumed":
        show_menu(ctx, "family.checkin_resumed", name=person["name"], when=done[1],
                  phone=ctx.svc.settings.community.committee_phone)
        return True
    await family.request(ctx, text, category="away", noted="family.away_noted")
    ctx.say(ctx.t("family.paused_until", name=person["name"], date=done[1]))
    return True
