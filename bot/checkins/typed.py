"""Typed answers to the check-in's own questions, for residents who type rather than tap: how long they will be away
("一个礼拜", "三天", "不知道几天"), when they want the daily greeting ("下午三点", "八点半"), and a routine trip to the
doctor told as the day's news ("今天要去医院复查")."""
from __future__ import annotations

import re

from nlu.entities import to_number

from ..services import Services
from ..flows.understanding import ACHE, AILING, is_emergency, keyword_parse, understand

_NUM = r"\d{1,2}|[零一二两三四五六七八九十]{1,3}"
_UNTIL_BACK = re.compile(r"不知道|不晓得|说不好|不一定|不确定|回来(了)?再说")
_SPAN = re.compile(rf"({_NUM}|半)\s*个?\s*(天|日|礼拜|星期|周|月)")
TOMORROW_OFF = re.compile(r"^(明天|明日|明朝|明早)(就)?(不用|不要|别|不必)(再)?(问|签到|报平安)")  # "明天不用问了 我出门"
_UNIT_DAYS = {"天": 1, "日": 1, "礼拜": 7, "星期": 7, "周": 7, "月": 30, "day": 1, "week": 7, "month": 30}
# "for three days", "2 weeks", "a week"
_EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "a couple of": 2}
_SPAN_EN = re.compile(r"\b(\d{1,2}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month)s?\b",
                      re.I)
_TIME = re.compile(rf"(早上|早晨|上午|中午|下午|傍晚|晚上)?\s*({_NUM})\s*(?:点|:|：)\s*(半|一刻|({_NUM})\s*分?)?")
# "8am", "3 pm", "8:30 am", "9 in the morning", "5 o'clock in the afternoon"
_TIME_EN = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:(a\.?m\.?|p\.?m\.?)|(?:o'?clock\s*)?in the (morning|afternoon|evening))"
                      r"(?![a-z])", re.I)
EARLIEST, LATEST = 6, 21  # a greeting is sent between these hours
# going for a check-up, for medicine, for a blood-pressure reading: she is well enough to go out
_ROUTINE_VISIT = re.compile(r"(去|到|在)[^，,。！!？?]{0,8}(复查|复诊|配药|拿药|开药|取药|体检|量血压|抽血|验血|查血|拿报告|看报告|做检查)"
                            r"|(要|得|该)(去)?(复查|复诊|体检|配药|拿药|开药|量血压|抽血|验血)"
                            r"|\bcheck-?up\b|\bblood (test|pressure check)\b|\bpick(ing)? up (my )?(pills|medicine)\b", re.I)
# ... unless she needs someone for it (to go with her, a car, a hand), or names an ailment or a worry with it
_WANTS_SOMEONE = re.compile(r"陪|帮|送我|带我|叫(个|辆)?车|没人|谁(能|可以|来)|能不能|可不可以|麻烦|去不了|走不动|一个人去不"
                            r"|不舒服|难受|痛|疼|晕|昏|烧|咳|吐|喘|血(?!压)|血压.{0,4}(高|低)|不好|担心|怕"
                            r"|\b(with|take) me\b|\bnobody\b|\bpain|\bhurt|\bdizzy\b|\bsick\b|\bunwell\b|\bcan'?t\b", re.I)
# someone of hers going with her ("女儿陪我去"): no one needed
_GOES_WITH = re.compile(r"(女儿|儿子|老伴|老头子|老太婆|孙子|孙女|外孙|外孙女|媳妇|女婿|保姆|护工|家里人|亲戚|侄子|侄女)"
                        r"(会|要|今天|等一下)?(陪|带|送)(我|阿拉)")
# seeing a doctor, or going to hospital without saying why: not a routine check-up (never 急诊, read as usual)
_DOCTOR_VISIT = re.compile(r"(去|到)[^，,。！!？?]{0,6}(医院|门诊|看病|看毛病|看医生|看郎中)|看(病|毛病|医生|郎中)"
                           r"|\b(go|going|off) to (the |see the |see a )?(hospital|doctor'?s?|clinic)\b"
                           r"|\bsee(ing)? (the|a|my) doctor\b", re.I)


def routine_visit(text: str) -> bool:
    """"今天要去医院复查", "下午去地段医院量血压": a routine visit, told as her news — fine today; never when she wants
    someone for it ("没人陪我") or names an ailment ("我不舒服要去医院")."""
    return bool(_ROUTINE_VISIT.search(text)) and not _WANTS_SOMEONE.search(_GOES_WITH.sub("", text))


# a visit told as planned: when she goes (today, this afternoon, tomorrow), or an appointment
_PLANNED = re.compile(r"今天|今朝|今日|等一下|等一歇|等歇|等会|一会|待会|早上|上午|中午|下午|晚上|夜里|明天|明朝|后天|礼拜|星期"
                      r"|周[一二三四五六日天]|[\d一二三四五六七八九十两]+(?:号|点)|约了|预约|挂了号|挂号了|挂好号"
                      r"|\btoday\b|\btomorrow\b|\bthis (morning|afternoon|evening)\b|\bappointment\b", re.I)


# at the hospital or the doctor's now ("我在医院", "在医院排队"): well enough to be there and to say so
_AT_DOCTOR = re.compile(r"(?:^|我|现在|正|人)在[^，,。！!？?\s]{0,4}(?:医院|门诊|诊所|卫生服务中心|卫生院)"
                        r"|\b(?:i'?m|i am) (?:at|in) (?:the )?(?:hospital|doctor'?s|clinic)\b", re.I)


# a question of money or paperwork about seeing a doctor ("看病能报销多少", "去医院看病能报销吗", "看病要带什么"): a
# question for the front door's answers (or its hand-off to a person), not a visit told nor her being unwell now
_ASKS_ABOUT = re.compile(r"报销|医保|多少钱|要钱|收费|费用|自费|补贴|带(些|点)?(什么|啥|哪些)|要带[^我阿]{1,6}[吗么]|挂号.{0,2}(怎么|在哪|哪里)"
                         r"|\b(claim|reimburs\w*|insurance|cost|pay|bring)\b", re.I)


def asks_about_visit(text: str) -> bool:
    return bool(_ASKS_ABOUT.search(text))


def at_doctor(text: str) -> bool:
    return bool(_AT_DOCTOR.search(text))


def doctor_visit(text: str) -> bool:
    """"今天去医院看病", "今天去医院", "我在医院": she is going to a doctor (or is there now), well enough to go, says
    when and no routine reason — fine today, and staff hear it quietly (to ask later how it went); never with an
    ailment, a need or 急诊, nor going without saying when (`hospital_now`)."""
    return (at_doctor(text) or bool(_DOCTOR_VISIT.search(text)) and bool(_PLANNED.search(text))) and "急" not in text \
        and not routine_visit(text) and not asks_about_visit(text) and not _WANTS_SOMEONE.search(_GOES_WITH.sub("", text))


def hospital_now(text: str) -> bool:
    """"我要去医院", "我得去医院了" said to "今天身体好吗？": nothing planned, no check-up — she may be going because she
    is unwell now: not "fine" (staff hear it as unwell, and she is asked whether someone should come). With an
    ailment, a need or 急诊 the words are read as they are ("没人陪我": a request; "头很晕": help)."""
    return bool(_DOCTOR_VISIT.search(text)) and "急" not in text and not _PLANNED.search(text) \
        and not _ROUTINE_VISIT.search(text) and not asks_about_visit(text) and not _WANTS_SOMEONE.search(_GOES_WITH.sub("", text))


def away_days(text: str) -> int | None:
    """Days away (0: until they say they are back), or None when the words say no length of time."""
    if _UNTIL_BACK.search(text):
        return 0
    m = _SPAN.search(text)
    if m is None and (en := _SPAN_EN.search(text)):
        count = en.group(1).lower()
        days = (int(count) if count.isdigit() else _EN_COUNT[count]) * _UNIT_DAYS[en.group(2).lower()]
        return days if 1 <= days <= 60 else None
    if not m:
        return 2 if TOMORROW_OFF.search(text) else None  # today and tomorrow: the pause ends at a day's start
    unit = _UNIT_DAYS[m.group(2)]
    days = unit // 2 if m.group(1) == "半" else (to_number(m.group(1)) or 0) * unit
    return days if 1 <= days <= 60 else None


def greeting_time(text: str) -> str | None:
    """"下午三点" → "15:00", "八点半" → "08:30"; None unless a whole or half hour between EARLIEST and LATEST."""
    if e := _TIME_EN.search(text):
        hour, minute, half = int(e.group(1)), int(e.group(2) or 0), (e.group(3) or e.group(4) or "").lower()
        hour += 12 if half[:1] == "p" or half in ("afternoon", "evening") and hour < 12 else 0
        return f"{hour:02d}:{minute:02d}" if EARLIEST <= hour <= LATEST and minute in (0, 15, 30, 45) else None
    m = _TIME.search(text)
    if not m or (hour := to_number(m.group(2))) is None:
        return None
    if m.group(1) in ("下午", "傍晚", "晚上") and hour < 12 or m.group(1) == "中午" and hour <= 2:
        hour += 12
    minute = 30 if m.group(3) == "半" else 15 if m.group(3) == "一刻" else to_number(m.group(4) or "0") or 0
    if not EARLIEST <= hour <= LATEST or minute not in (0, 15, 30, 45):
        return None
    return f"{hour:02d}:{minute:02d}"


async def needs_help(svc: Services, text: str) -> bool:
    """A cry, an ailment or a need in words typed to a question of the check-in's ("救命", "我头好晕 站不稳" the model
    is unsure of): read as usual, never met with that question again."""
    if keyword_parse(text)["emergency_suspected"] or ACHE.search(text) or AILING.search(text):
        return True
    result = await understand(svc, text)
    return is_emergency(result) or result["intent"]["name"] in ("feeling_unwell", "request_help", "contact_staff")
