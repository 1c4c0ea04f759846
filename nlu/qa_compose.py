"""Which part of a topic a question asks for, and the answer text built from it.

A question can ask how to apply, where to go, what to bring or how much; a short follow-up
("怎么申请？", "在哪里办？") asks only that part of the topic already being discussed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import qa_compute as rules
from .qa_entry import KbEntry

_ASPECTS = (  # first match wins: "要带什么材料去哪里" is about what to bring
    ("bring", re.compile(r"带什么|带啥|要带|材料|证件|手续|bring")),
    ("where", re.compile(r"哪里|哪儿|哪边|哪个地方|什么地方|去哪|在哪|地址|找谁|找哪|where")),
    # "怎么没到账", "怎么少了" ask why, not how to apply
    ("how", re.compile(r"怎么(?!还?没|还?不|少|变少)|如何|咋|申请|办理|怎样|(?:要|想|去|得)办|办(?:张|个|一张|一个)|\bapply|how (?:do|can|to)")),
    ("amount", re.compile(r"多少|几块|金额|能拿|能领|标准|how much")),
    # when it is paid ("什么时候发" right after the allowance: its schedule, not the employees' pension's)
    ("when", re.compile(r"(?:什么时候|啥时候|几号|哪天|哪一天)(?:发|到账|给|打)?(?:钱)?|\bwhen (?:is it|will it be|is that) paid\b")),
)
# Left over once the aspect and any figure are removed, these still leave a question about
# "the same thing" rather than a new subject.
_FILLER_WORDS = (
    "那么 那 呢 吗 呀 啊 吧 的 要 去 我们 我 还 再 问 请 到 可以 能 是 这个 一下 办 领 拿 钱 钞票 "
    "了 哦 嗯 今年 评了 评 已经 有 侬 您 你"
).split()
_FILLER = re.compile(
    "|".join(sorted(map(re.escape, _FILLER_WORDS), key=len, reverse=True))
    + r"|\b(?:then|and|what|about|is|it|to|i|am|my|do|we|the|there|please)\b"
)
# "每个月发还是三个月发一次", "外地户口能拿吗": when it is paid and who may have it do not depend on the age,
# unless the question also asks how much ("上海户口能拿多少").
_NO_AGE_CUE = re.compile(r"什么时候|啥时候|几月|哪个月|季度|发还是|三个月|几个月发|打进来|到账|户口|户籍|外地|"
                         r"\bwhen\b|\bpaid\b|hukou|registration")
_HOW_MUCH = re.compile(r"多少|几块|几钿|金额|标准|how much")
# whose household registration may have it ("外地户口能领吗"): the topic's `who`, where it has one
RESIDENCE = re.compile(r"户口|户籍|外地人|外省人|不是上海人|hukou|household registration")
# the card itself to be made ("我要办老年卡", "敬老卡去哪里办"), no money named: how and where, not her figure
_CARD = re.compile(r"(?:老年|敬老|老人)卡|senior card")
_MONEY = re.compile(r"津贴|补贴|钱|钞票|几钿|多少|领|拿|金额|allowance|money|how much")
_FIGURE = re.compile(r"(?:\d+|[零一二两三四五六七八九十百]+)\s*(?:周岁|岁|级)|\d+")
_PUNCTUATION = re.compile(r"[\W_]+")
_FOLLOW_UP_MAX_CHARS = 2


def detect_aspect(text: str) -> str | None:
    lowered = text.lower()
    for name, pattern in _ASPECTS:
        if pattern.search(lowered):
            return name
    return None


def detect_aspects(text: str) -> list[str]:
    """Every part a question asks for, in _ASPECTS order ("要带什么材料？到哪里去办？": bring, where)."""
    lowered = text.lower()
    return [name for name, pattern in _ASPECTS if pattern.search(lowered)]


def is_follow_up(text: str) -> bool:
    """Short, and asks for a part (or gives an age or grade) without naming a new subject."""
    has_aspect = detect_aspect(text) is not None
    has_figure = rules.extract_age(text) is not None or rules.extract_grade(text) is not None
    if not (has_aspect or has_figure):
        return False
    rest = text.lower()
    for _, pattern in _ASPECTS:
        rest = pattern.sub("", rest)
    rest = _PUNCTUATION.sub("", _FILLER.sub("", _FIGURE.sub("", rest)))
    return len(rest) <= _FOLLOW_UP_MAX_CHARS


# The figure each topic's rule works from: "那我老伴呢他82岁" right after the allowance is the allowance for 82.
_FIGURE_OF_TOPIC = {
    "allowance.senior": lambda text: rules.extract_age(text) or rules.band_asked(text),  # "九十岁以上呢"
    "pension.resident": rules.extract_age,
    "insurance.long_term_care": rules.extract_grade,
}


def gives_figure_for(topic: str | None, text: str) -> bool:
    """The text states the age or grade that `topic`'s answer is worked out from."""
    read = _FIGURE_OF_TOPIC.get(topic or "")
    return read is not None and read(text) is not None


# Said around an age in "那我老伴呢，他82岁？": who, and nothing more.
_SOMEONE = re.compile(r"那么|那|我们|我|阿拉|老伴|老头子|老头|老太婆|老太太|老太|妈妈|我妈|姆妈|爸爸|我爸|他|她|伊|"
                      r"今年|已经|是|的|评|了|啦|呢|吗|呀|啊|岁|周岁|级|刚刚|刚|才|满")
_NUMERAL = re.compile(r"\d+|[零〇一二两三四五六七八九十百]+")
_PARTICLES = re.compile(r"[了啦呢吗呀啊]+$")


def only_figure_for(topic: str | None, text: str) -> bool:
    """Nothing but someone's age or grade for `topic`'s rule ("我老伴82岁呢"): a follow-up, whatever else it resembles."""
    return figure_said(topic, text) is not None


def figure_said(topic: str | None, text: str) -> str | None:
    """`text` as `topic`'s rule reads it when it says nothing but someone's age or grade — "伊87" (nothing but a
    number after him) reads as "伊87岁" — else None."""
    if _PUNCTUATION.sub("", _NUMERAL.sub("", _SOMEONE.sub("", text.lower()))):
        return None
    bare = _PARTICLES.sub("", _PUNCTUATION.sub("", text))
    for said in (text, bare + "岁") if _NUMERAL.search(bare) else (text,):
        if gives_figure_for(topic, said):
            return said
    return None


@dataclass(frozen=True)
class Composed:
    text: str
    needs_age: bool


def _months(locale: str) -> str:
    if locale == "en":
        names = {1: "January", 4: "April", 7: "July", 10: "October"}
        return ", ".join(names[m] for m in rules.ALLOWANCE_PAYMENT_MONTHS)
    return "、".join(f"{m}月" for m in rules.ALLOWANCE_PAYMENT_MONTHS)


def _computed(entry: KbEntry, age: int | None, grade: int | None, wording: dict[str, Any], locale: str) -> str | None:
    """The person's own figure, when the topic has a rule and we know what it needs."""
    def say(key: str, **values: Any) -> str:
        return wording[key][locale].format(**values)

    if entry.id == "allowance.senior" and age is not None:
        amount = rules.senior_allowance(age)
        if amount is None:
            return say("allowance_too_young", age=age, min_age=rules.ALLOWANCE_MIN_AGE,
                       amount=rules.allowance_entry_amount())
        return say("allowance_amount", age=age, amount=amount, months=_months(locale))
    if entry.id == "insurance.long_term_care" and grade is not None:
        visits = rules.ltc_home_visits(grade)
        if visits is None:
            lowest, highest = rules.ltc_home_care_grades()
            return say("ltc_no_home_care", grade=grade, lowest=lowest, highest=highest)
        return say("ltc_visits", grade=grade, visits=visits, share=rules.LTC_FUND_SHARE_PERCENT)
    if entry.id == "pension.resident" and age is not None:
        values = dict(age=age, pension_age=rules.RESIDENT_PENSION_AGE,
                      min_years=rules.RESIDENT_MIN_CONTRIBUTION_YEARS,
                      years_left=rules.resident_pension_years_left(age))
        return say("resident_pension_too_young" if values["years_left"] else "resident_pension_of_age", **values)
    return None


def compose(entry: KbEntry, *, aspect: str | None, follow_up: bool, age: int | None,
            grade: int | None, wording: dict[str, Any], locale: str, also: list[str] | tuple = (),
            question: str = "") -> Composed:
    """Answer text for a topic; always ends by naming the topic's authoritative channel.
    `also`: further parts a two-part question asks for, each added once after the first."""
    computed = _computed(entry, age, grade, wording, locale)
    if entry.id == "pension.resident" and _HOW_MUCH.search(question.lower()):
        computed = None  # her age line says when, not how much: the answer's district figure does
    asks_procedure = aspect in ("how", "where", "bring")
    needs_age = (entry.id == "allowance.senior" and age is None and not asks_procedure
                 and not (_NO_AGE_CUE.search(question.lower()) and not _HOW_MUCH.search(question.lower())))
    section = {
        "how": entry.how_to_apply.pick(locale),
        "bring": _with_bring_hint(entry.how_to_apply.pick(locale), wording["bring"][locale]),
        "where": entry.where.pick(locale),
    }.get(aspect or "")
    errand = asks_procedure and _CARD.search(question.lower()) and not _MONEY.search(question.lower())
    if entry.who is not None and RESIDENCE.search(question.lower()) and not _HOW_MUCH.search(question.lower()):
        parts = [entry.who.pick(locale)]  # the rule it turns on, not her figure again
    elif follow_up and section:
        parts = [section]
    elif errand and section:  # who may have it (its first sentence, no figure), then how or where
        parts = [_SENTENCE_END.split(entry.answer.pick(locale).strip())[0], section]
    elif section:
        parts = [computed or _core(entry.answer.pick(locale), question, also), section]
    else:
        parts = [computed or entry.answer.pick(locale)]
    for extra in also:
        more = {"where": entry.where.pick(locale), "how": entry.how_to_apply.pick(locale)}.get(extra)
        if more and not any(more in p for p in parts):
            parts.append(more)
    text = "\n".join(parts)
    closing = wording["closing"][entry.channel][locale]
    said_once = len(parts) > 1 and any(_DISCLAIMER.search(p) for p in parts)  # no second "以…为准"
    if not said_once and not _names_channel(parts[-1], entry.channel, locale):
        text += "\n" + closing
    return Composed(text, needs_age)


_SENTENCE_END = re.compile(r"(?<=[。！？.!?])\s*(?=\S)")
_DISCLAIMER = re.compile(r"为准|具体办法|final word|may change")


def _core(answer: str, question: str, also: list[str] | tuple) -> str:
    """The topic's answer in front of the parts of a two-part question ("怎么申请？在哪里办？"): its first sentence;
    all of it for a one-part question or one that also asks how much or when."""
    sentences = [s for s in _SENTENCE_END.split(answer.strip()) if s]
    lowered = question.lower()
    if not also or "amount" in also or _HOW_MUCH.search(lowered) or _NO_AGE_CUE.search(lowered):
        return answer  # every figure, and its "may change, ask 12345" said once
    return sentences[0]


def _with_bring_hint(how_to_apply: str, hint: str) -> str:
    """Add "check which papers to bring" unless the how-to already says so."""
    return how_to_apply if re.search(r"带|材料|证件|bring|papers", how_to_apply) else how_to_apply + hint


def _names_channel(text: str, channel: str, locale: str) -> bool:
    last_sentence = re.split(r"(?<=[。！？.!?])\s*(?=\S)", text.strip())[-1]
    if channel in last_sentence:
        return True
    english = {"居委会": "neighbourhood committee", "社区事务受理服务中心": "service centre"}
    return locale == "en" and english.get(channel, "\0") in last_sentence
