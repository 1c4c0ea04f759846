"""A family contact or family doctor asks how the resident is ("我爸今天签到了吗"): answered at once from the check-in,
only about the residents the register links them to (a stranger or another family's contact is never told).

(no step)   linked to one: today's check-in, the week's marks, last heard from; not enrolled: said kindly, with
            [📨 转给社工] (the words kept for that tap, as under "没太明白")
            linked to several: which one? one button a name → fas:<rid>
A worry about the resident's health or safety, however it is worded ("我爸最近怎么样都不肯吃药", "我妈这几天老说胸口闷
怎么办"), is no question for the check-in to answer: `worried` words reach staff as a request (bot/incidents/family.py)
— unless they name someone who is not theirs ("王老伯最近不肯吃药" from 刘奶奶's son): then `someone_else` tells them
plainly whom they can ask about, the same words whoever it was, and no request about their own resident is opened.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.menu import keyboard, show_menu
from ..types import Button
from ..flows.understanding import AILING
from ..residents import SURNAMES, lives_at, place_said, surnames_called
from .own_name import others_named
from . import family  # each imports the other: family reads the words, this module answers them

# the resident's health or safety in a family member's words (AILING: words of being ill)
WORRY = re.compile(r"不肯吃药|不吃药|忘(了|记)?吃药|胸口闷|胸闷|心慌|气短|吃不下|不吃饭|没胃口|睡不着|失眠|忘事|糊涂|认不得"
                   r"|走丢|迷路|摔|跌|打不通|没人接|不接电话|联系不上|煤气|燃气|忘(了|记)?关|骗|转账|出事|担心|怎么办|死|去世|过世|声音.{0,4}不对"
                   r"|精神(?:头)?(?:不太|不大|不是很|不|勿)好|精神(?:头)?(?:很|有点|蛮|老)?差|没精神|没精打采|勿适意|勿舒服"
                   r"|肿|走不动|走不了路|走路不稳|下不了床|起不了床"  # seen on a visit: "他腿肿了走不动"
                   r"|(?:他|她|伊|爸|妈|老人|老伴)[^，,。]{0,6}(?:腰酸|酸痛|不想吃(?:饭|东西)|没吃(?:早|午|中|晚)?饭|感冒)"  # his, not hers
                   r"|\b(?:he|she|dad|mum|mom|father|mother) (?:has|'s got|has got|caught) a cold\b"
                   r"|\b(worried|worry|won'?t take|chest|dizzy|fell|scam|swollen|cough(s|ing)?|fever|sick|unwell|poorly"
                   r"|not eating|in pain|hurts?|sore|confused)\b", re.I)


def worried(text: str) -> bool:
    """A worry about the resident's health or safety ("…不肯吃药", "…胸口闷怎么办"), for staff, not the check-in."""
    return bool(WORRY.search(text) or AILING.search(text))


# whom a question names, when it names someone: "王老伯今天签到了吗", "请问隔壁老王最近怎么样" (a surname, as people
# are called here: 王老伯, 老王, 王建国); "我爸…", "老人家…", "今天签到了吗" name nobody else
NAMED = re.compile(r"^(?:请问|问一下|想问一下|你好|您好|[，,。！!？?\s])*(?:隔壁|楼上|楼下|对门|邻居|那个)?(?:老|小)?"
                   rf"(?P<surname>[{SURNAMES}])[\u4e00-\u9fff]{{0,3}}?"
                   r"(?=今天|今日|最近|这两天|这几天|这阵子|昨天|现在|早上|上午|下午|晚上|签到|签了到|报平安|报过平安|打卡|好不好"
                   r"|怎么样|怎样|还好|好吗|咋样|情况|近况|有没有事|身体)")


# their own in a family's words: "保姆王阿姨说我妈最近不吃饭" is about her mother, whoever said it
OWN = re.compile(r"我的?(?:妈|爸|母亲|父亲|奶奶|爷爷|外婆|外公|婆婆|公公|岳母|岳父|丈母娘|家老人|老娘|老爹|老人家|病人)"
                 r"|老(?:妈|爸|娘|爹)|家(?:母|父)")


# someone else, unnamed: a person near them ("隔壁老太太摔倒了", "楼下那个老头…", "我邻居家着火了", "我们楼有个老人晕倒
# 了"); not where a danger is ("楼上着火了", "楼上装修太吵 睡不着": theirs may be in it), nor where someone is ("在楼下摔
# 倒了"), nor a neighbour who only passes on news of theirs ("隔壁阿姨打电话说她摔倒了")
PERSON = (r"(?:老太太|老太婆|老太|老头子|老头|老爷子|老人家|老人|老先生|老奶奶|老爷爷|老伯|阿姨|大爷|大妈|阿婆|奶奶|爷爷|伯伯"
          r"|叔叔|爷叔|婆婆|住户|人家|家|孩子|小孩|男的|女的|人)")
NEARBY = re.compile(r"(?:(?<!在)(?:隔壁|楼上|楼下|对门|对面|同楼|我们楼|这栋楼|楼里|楼道里|小区里|路上|街上|马路上)"
                    rf"(?:的|那个|那位|这个|有个|有一个|有位)?{PERSON}|邻居)"
                    r"(?![^，,。！!？?\s]{0,6}?(?:说|讲|告诉|打电话|打来|发现|看到|看见|通知|叫我|帮))"
                    rf"|有一?[个位]{PERSON}")
MINE = re.compile(r"我家|我们家")  # "我家老太太摔倒了": theirs, however they call her


def names_someone_else(text: str, people: list[dict]) -> bool:
    """Whether the words are about someone and none of them is the caller's: called by a surname as people do
    ("王老伯", "隔壁老王": bot/residents/called.py; "我妈", "老毛病又犯了" call nobody), placed at a building or door
    none of theirs lives at ("3号楼602的老太太", "3号楼的阿婆"), or unnamed near them (`NEARBY`)."""
    if OWN.search(text):
        return False
    said = surnames_called(text)
    if said:
        return not any((p.get("name") or "")[:1] in said for p in people)
    if place := place_said(text):
        return not any(lives_at(p, place) for p in people)
    return bool(NEARBY.search(text)) and not MINE.search(text)


# a resident speaks of herself: "我摔倒了", "我头晕"; not "我们楼…", "我邻居家…", "我楼下的…"
SELF = re.compile(r"我(?!们|家|的?(?:邻居|楼|隔壁|对门|对面)|看到|看见|发现|听到|听见|听说)")  # "我看到…": what she saw
# her asking, someone else's matter: "帮我问问隔壁张阿姨…", "替我看看楼上王老伯"
ON_BEHALF = re.compile(r"[帮替]我(?:去|再)?(?:问|看看|看一下|去看|告诉|通知|转告|带(?:个)?话|捎(?:个)?话|喊一下|叫一下)")


def maybe_someone_else(inc: dict, person: dict) -> bool:
    """Whether a resident's own call (no reporter, no staff member's) has words about someone else ("隔壁老太太摔倒了",
    "楼上王老伯摔倒了"): stored at once as hers (the fast lane never waits to read the words), her packet says loudly
    it may be someone else (bot/incidents/packet.py). Her own cry ("我摔倒了", "我在楼下摔倒了") is not flagged; her
    asking for a neighbour ("帮我问问隔壁张阿姨…") is; her own name is hers ("我是王老伯，我摔倒了", "张阿姨帮我看看"
    from 张阿姨), her surname beside her is not ("隔壁张阿姨摔倒了" from 张美华: bot/incidents/own_name.py)."""
    if not person.get("id") or inc.get("reporter") or inc.get("staff_caller"):
        return False
    words, other = others_named(inc.get("words") or "", person)  # "我是王老伯，…": who she is, not whom it is about
    if SELF.search(ON_BEHALF.sub("", words)):
        return False
    return other if other is not None else names_someone_else(words, [person])


async def someone_else(ctx: Ctx, text: str) -> bool:
    """A worry about someone not theirs ("王老伯最近不肯吃药" from 刘奶奶's son): told plainly whom they can ask about,
    the same words whoever it was; no request about their own resident is opened from it."""
    _, people = await family.linked_people(ctx)
    if not people or not names_someone_else(text, people):
        return False
    show_menu(ctx, "family.only_yours_worry", names="、".join(p["name"] for p in people),
              phone=ctx.svc.settings.community.committee_phone)
    return True


# a room alone before whom it is ("602的老太太", "602室的阿姨"): the door, as place_said reads one with its building
ROOM_ONLY = re.compile(r"(?<![\d号弄])(\d{3,4})(?=\s*(?:室|房)?\s*(?:的|那个|那位|这个|家的?)?\s*(?:老|阿|奶|爷|大|伯|婆))")


def named(text: str, people: list[dict]) -> list[dict] | None:
    """The caller's residents the question names (by surname: "老王" is 王老伯; by door: "602的老太太"); [] when it
    names someone else; None when it names nobody (theirs, then)."""
    m = NAMED.match(text.strip())
    if m is not None:
        return [p for p in people if (p.get("name") or "")[:1] == m["surname"]]
    room = ROOM_ONLY.search(text)
    place = place_said(text) or ({"room": room[1]} if room else {})
    return [p for p in people if lives_at(p, place)] if place else None


async def asked(ctx: Ctx, text: str) -> bool:
    """Words asking after the resident: the answer, or which one (linked to several). Someone else named: the same
    plain words whoever it was (nothing is told of them, not even whether they are on the register). True: answered."""
    _, people = await family.linked_people(ctx)
    theirs = named(text, people) if people else None
    if theirs == []:
        show_menu(ctx, "family.only_yours", names="、".join(p["name"] for p in people),
                  phone=ctx.svc.settings.community.committee_phone)
        return True
    people = theirs or people
    if not people:
        show_menu(ctx, "contact.menu")
    elif len(people) == 1:
        await _tell(ctx, people[0], text)
    else:
        ctx.session["asked"] = text[:300]
        ctx.say(ctx.t("family.which_checkin"), buttons=[[Button(p["name"], f"fas:{p['id']}")] for p in people])
    return True


async def on_asked_which(ctx: Ctx, args: list[str]) -> None:
    """fas:<rid> — the one they asked about; a resident not linked to them (a forged or stale button) is not told."""
    rid = args[0] if args else ""
    _, people = await family.linked_people(ctx)
    person = next((p for p in people if p["id"] == rid), None)
    if person is None:
        show_menu(ctx, "bad.stale_button")
        return
    ctx.edit_pressed(ctx.t("family.which_checkin") + "\n" + person["name"])
    await _tell(ctx, person, ctx.session.pop("asked", "") or person["name"])


async def _tell(ctx: Ctx, person: dict, text: str) -> None:
    """The check-in, or that there is none; then one tap to a person either way (a worry the words did not show)."""
    report = await ctx.svc.checkins.family_report(person, ctx.me.locale)
    phone = ctx.svc.settings.community.committee_phone
    if await ctx.svc.store.died(person["id"]):  # staff confirmed his death: no check-in to report, no visit
        ctx.session.update(unclear=[text[:300]], about=person["id"])
        ctx.say(ctx.t("family.asked_deceased", name=person["name"], phone=phone),
                buttons=[[ctx.button("btn.pass_on", "pass:on")]])
        return
    if report is not None:
        ctx.say(report + "\n" + ctx.t("contact.call", phone=phone), keyboard=keyboard(ctx))
    else:
        show_menu(ctx, "family.checkin_off", name=person["name"])
    ctx.session.update(unclear=[text[:300]], about=person["id"])  # [📨 转给社工]: a request about this resident
    ctx.say(ctx.t("family.checkin_ask_staff"), buttons=[[ctx.button("btn.pass_on", "pass:on")]])
