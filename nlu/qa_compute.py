"""Answers worked out from a rule instead of read from a file: amounts by age, visits by grade.

The figures are those in /work/shared/DOMAIN.md; the wording around them lives in
nlu/kb/_wording.yaml so that staff can review it without reading code.
"""
from __future__ import annotations

import datetime as dt
import re

import cn2an

# Senior allowance (老年综合津贴), Shanghai household registration, yuan per month.
ALLOWANCE_MIN_AGE = 65
_ALLOWANCE_BANDS = ((100, 600), (90, 350), (80, 180), (70, 150), (65, 75))  # (from age, yuan)
ALLOWANCE_PAYMENT_MONTHS = (1, 4, 7, 10)  # paid quarterly, in advance

# Long-term care insurance (长护险): one-hour home visits per week by assessed grade.
_LTC_VISITS_PER_WEEK = {2: 3, 3: 3, 4: 5, 5: 7, 6: 7}
LTC_FUND_SHARE_PERCENT = 90

# Residents' basic pension (城乡居保).
RESIDENT_PENSION_AGE = 60
RESIDENT_MIN_CONTRIBUTION_YEARS = 15

_CN_NUM = "零〇一二两三四五六七八九十百"
_NUMBER = rf"(\d{{1,3}}|[{_CN_NUM}]{{1,5}})"
# "六十岁以后" or "65岁以上的老人" state a rule, not someone's age.
_NOT_AN_AGE_AFTER = r"(?!\s*(?:以后|以上|以下|之后|之前|开始|起|前|后|的人|的老人|才))"
# "他比我大三岁" tells a difference, not an age (and "十三岁" is read from its start, never from 三).
_NOT_A_DIFFERENCE = rf"(?<![大小差\d{_CN_NUM}])"
_AGE_PATTERNS = (
    re.compile(rf"{_NOT_A_DIFFERENCE}{_NUMBER}\s*(?:周岁|岁|歲|碎|随(?!申)){_NOT_AN_AGE_AFTER}"),
    re.compile(rf"今年\s*{_NUMBER}(?![\d{_CN_NUM}]|\s*(?:年|月|号|级|元|块|次))"),
    re.compile(rf"(?:刚|已经|刚刚|才)?满\s*{_NUMBER}(?![\d{_CN_NUM}]|\s*(?:年|月|号|级|元|块|次|分))"),  # "我刚满65"
    re.compile(r"\b(\d{2,3})[\s-]*(?:years?[\s-]*olds?|yrs?[\s-]*olds?|y/o)\b", re.I),  # "72-year-olds"
    re.compile(r"\b(?:i am|i'm|is|am|aged?)\s+(\d{2,3})\b", re.I),
    re.compile(r"\b(?:at|turning|turned)\s+(\d{2,3})\b(?!\s*(?::|am\b|pm\b|o'?clock|yuan|rmb|%))", re.I),  # "at 92"
)
# "我九十一了", "阿拉姆妈都八十五啦": a number said of a person, taken as an age from 50 up (LOOSE_AGE_FROM)
_LOOSE_AGE = re.compile(rf"(?:^|我|他|她|伊|阿拉|姆妈|我妈|我爸|老伴|老头子|老头|老太婆|老太太|老太|妈妈|爸爸|已经|都)"
                        rf"\s*{_NUMBER}\s*(?:了|啦|喽)")
LOOSE_AGE_FROM = 50
# Told roughly: "九十出头", "八十多岁", "七十好几" (the band's lower bound is what counts),
# "快九十了" (one less), "七十有五" (seventy and five).
_ROUGH_AGE = (
    (re.compile(rf"{_NUMBER}\s*有\s*([一二三四五六七八九1-9])(?![\d{_CN_NUM}]|\s*(?:年|个|块|元|万))"), "plus"),
    (re.compile(rf"(?:快|将近|马上就?|眼看就?|就快)\s*{_NUMBER}\s*(?:岁|了|周岁)"), "almost"),
    (re.compile(rf"{_NUMBER}\s*(?:出头|多岁|多了|来岁|几岁|好几(?!\s*(?:年|个|次|块|万|天)))"), "about"),
)
# "我1941年生的", "41年出生": an age from the birth year.
_BIRTH_YEAR = re.compile(r"(?<!\d)((?:19|20)?\d\d)\s*年\s*(?:出生|生的|生人|生(?!病|活|日|意|了))")
_GRADE_PATTERNS = (
    re.compile(r"([1-6一二三四五六])\s*级"),
    re.compile(r"\bgrade\s*([1-6])\b", re.I),
)


def _to_int(token: str) -> int | None:
    try:
        return int(token) if token.isdigit() else int(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError):
        return None


def _birth_year_age(text: str, today: dt.date) -> int | None:
    match = _BIRTH_YEAR.search(text)
    if not match:
        return None
    year = int(match.group(1))
    if year < 100:  # "41年生的": the most recent such year that is not in the future
        year += 2000 if 2000 + year <= today.year else 1900
    return today.year - year


def _rough_age(text: str) -> int | None:
    for pattern, kind in _ROUGH_AGE:
        match = pattern.search(text)
        if not match or (base := _to_int(match.group(1))) is None:
            continue
        if kind == "plus":
            extra = _to_int(match.group(2))
            return base + extra if extra is not None and base % 10 == 0 else None
        return base - 1 if kind == "almost" else base
    return None


def extract_age(text: str, today: dt.date | None = None) -> int | None:
    """A person's age stated in the text ("我72岁", "姆妈今年八十三", "she is 91", "九十出头",
    "我1941年生的" — the last one counted in years to `today`, default the local date)."""
    born = _birth_year_age(text, today or dt.date.today())
    if born is not None and 1 <= born <= 130:
        return born
    rough = _rough_age(text)
    if rough is not None and 1 <= rough <= 130:
        return rough
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            age = _to_int(match.group(1))
            if age is not None and 1 <= age <= 130:
                return age
    for match in _LOOSE_AGE.finditer(text):
        age = _to_int(match.group(1))
        if age is not None and LOOSE_AGE_FROM <= age <= 130:
            return age
    return None


# "九十岁以上有多少" asked right after the allowance's answer: the band she names (a rule's age, not hers)
_BAND = re.compile(rf"{_NOT_A_DIFFERENCE}{_NUMBER}\s*(?:周岁|岁)\s*(?:以上|及以上|往上|开始|起)")


def band_asked(text: str) -> int | None:
    """The lower age of a band named ("九十岁以上", "100岁以上呢")."""
    match = _BAND.search(text)
    age = _to_int(match.group(1)) if match else None
    return age if age is not None and 1 <= age <= 130 else None


def extract_grade(text: str) -> int | None:
    """An assessed long-term-care grade ("评了三级", "grade 4")."""
    for pattern in _GRADE_PATTERNS:
        match = pattern.search(text)
        if match:
            return _to_int(match.group(1))
    return None


def senior_allowance(age: int) -> int | None:
    """Monthly senior allowance in yuan for this age; None under 65."""
    for from_age, yuan in _ALLOWANCE_BANDS:
        if age >= from_age:
            return yuan
    return None


def allowance_entry_amount() -> int:
    """The smallest monthly amount, paid from the first eligible age."""
    return senior_allowance(ALLOWANCE_MIN_AGE) or 0


def ltc_home_visits(grade: int) -> int | None:
    """One-hour home care visits per week for an assessed grade; None if home care is not granted."""
    return _LTC_VISITS_PER_WEEK.get(grade)


def ltc_home_care_grades() -> tuple[int, int]:
    """Lowest and highest assessed grade that qualifies for home care."""
    return min(_LTC_VISITS_PER_WEEK), max(_LTC_VISITS_PER_WEEK)


def resident_pension_years_left(age: int) -> int:
    """Years until the residents' pension can be drawn (0 when already of age)."""
    return max(RESIDENT_PENSION_AGE - age, 0)
