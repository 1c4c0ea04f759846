"""Matching residents' questions to topics: accuracy goals, hand-off, follow-ups."""
from __future__ import annotations

import pytest

from nlu.qa import KnowledgeBase
from nlu.qa_cli import DEFAULT_QUESTIONS, evaluate, load_questions

TOPICS = {
    "allowance.senior", "pension.resident", "pension.employee", "pension.certification",
    "pension.transfer", "pension.survivor", "insurance.long_term_care", "subsidy.elderly_care",
    "service.home_care", "service.meals", "benefit.unemployment", "subsidy.flexible_employment",
    "subsidy.skills_training", "service.employment", "assistance.minimum_living",
    "assistance.disability", "assistance.temporary",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase()


@pytest.fixture(scope="module")
def questions() -> list[dict]:
    return load_questions(DEFAULT_QUESTIONS)


def test_question_set_covers_every_topic_and_out_of_scope(questions):
    in_scope = [q for q in questions if q["topic"]]
    assert len(in_scope) >= 80
    assert sum(q["topic"] is None for q in questions) >= 15
    for topic in TOPICS:
        assert sum(q["topic"] == topic for q in in_scope) >= 4, topic
    assert {q["topic"] for q in in_scope} <= TOPICS


def test_question_set_does_not_copy_the_knowledge_base_examples(kb, questions):
    examples = {e for entry in kb.entries.values() for e in entry.examples}
    assert not examples & {q["q"] for q in questions}


def test_top1_accuracy_and_every_out_of_scope_question_handed_off(kb, questions):
    result = evaluate(kb, questions)
    assert result.accuracy >= 0.9, result.misses
    assert result.handoff_rate == 1.0, result.misses


@pytest.mark.parametrize("question", ["住房公积金哪能取出来", "股票还会涨伐", "阿拉屋里厢的狗生病了", "下个礼拜天气好伐"])
def test_out_of_scope_hands_off_to_staff(kb, question):
    got = kb.answer(question)
    assert got.topic is None and got.handoff
    assert "工作人员" in got.answer


def test_generic_question_without_context_hands_off(kb):
    assert kb.answer("怎么申请？").handoff


@pytest.mark.parametrize(("question", "topic"), [
    ("養老金幾號發", "pension.employee"),          # traditional characters
    ("常护险评了几级有上门护理", "insurance.long_term_care"),  # homophone 常/长
    ("低宝哪能申请", "assistance.minimum_living"),  # homophone 宝/保 + Shanghainese
    ("老年综合金贴几号发", "allowance.senior"),      # homophone 金/津
])
def test_typos_homophones_and_traditional_characters_still_match(kb, question, topic):
    got = kb.answer(question)
    assert got.topic == topic and not got.handoff


@pytest.mark.parametrize(("follow_up", "part"), [
    ("怎么申请？", "how_to_apply"), ("在哪里办？", "where"), ("要带什么", "how_to_apply"),
])
def test_follow_up_answers_that_part_of_the_same_topic(kb, follow_up, part):
    first = kb.answer("我屋里困难，想吃低保")
    assert first.topic == "assistance.minimum_living"
    got = kb.answer(follow_up, context_topic=first.topic)
    assert got.topic == "assistance.minimum_living" and not got.handoff
    assert getattr(kb.entries[got.topic], part).zh in got.answer


def test_follow_up_how_much_on_the_allowance_asks_for_the_age_then_answers_it(kb):
    asked = kb.answer("多少钱", context_topic="allowance.senior")
    assert asked.topic == "allowance.senior" and asked.needs_age
    told = kb.answer("我72岁", context_topic="allowance.senior")
    assert told.topic == "allowance.senior" and "150元" in told.answer and not told.needs_age


def test_follow_up_that_names_another_topic_switches_to_it(kb):
    got = kb.answer("那低保怎么申请", context_topic="allowance.senior")
    assert got.topic == "assistance.minimum_living"
    assert kb.entries["assistance.minimum_living"].how_to_apply.zh in got.answer


@pytest.mark.parametrize("question", ["老年卡一个月多少钱", "失业金哪能申请", "在哪里办？"])
def test_every_answer_ends_by_naming_its_channel(kb, question):
    got = kb.answer(question, context_topic="benefit.unemployment")
    last_line = got.answer.splitlines()[-1]
    assert got.channel in last_line


def test_answer_json_has_exactly_the_agreed_keys(kb):
    data = kb.answer("退休金几号到账").to_json()
    assert set(data) == {"topic", "confidence", "answer", "source", "reviewed", "handoff"}
    assert data["topic"] == "pension.employee" and data["handoff"] is False
    assert data["reviewed"] == "2026-11-23" and data["source"]
    handed_off = kb.answer("番茄炒蛋哪能烧").to_json()
    assert handed_off["topic"] is None and handed_off["handoff"] is True


def test_english_locale_answers_in_english(kb):
    got = kb.answer("long term care insurance, how to apply", locale="en")
    assert got.topic == "insurance.long_term_care"
    assert "assessment" in got.answer and "12345" in got.answer
