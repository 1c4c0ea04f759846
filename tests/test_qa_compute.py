"""Amounts and visits worked out for the person asking, as the resident reads them."""
from __future__ import annotations

import pytest

from nlu.qa import KnowledgeBase
from nlu.qa_compute import extract_age, extract_grade


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase()


# The table in /work/shared/DOMAIN.md (Shanghai senior allowance, yuan per month).
@pytest.mark.parametrize(("age", "yuan"), [
    (65, 75), (69, 75), (70, 150), (79, 150), (80, 180), (89, 180),
    (90, 350), (99, 350), (100, 600), (105, 600),
])
def test_allowance_states_the_amount_for_the_age(kb, age, yuan):
    got = kb.answer("老年综合津贴一个月有多少", age=age)
    assert got.topic == "allowance.senior"
    assert f"{yuan}元" in got.answer
    other_amounts = {75, 150, 180, 350, 600} - {yuan}
    assert not any(f"{n}元" in got.answer for n in other_amounts)
    assert not got.needs_age


def test_allowance_tells_a_64_year_old_they_are_not_yet_eligible(kb):
    got = kb.answer("老年津贴能领多少", age=64)
    assert got.topic == "allowance.senior"
    assert "领不到" in got.answer and "满65岁" in got.answer
    assert not got.needs_age


def test_allowance_names_the_quarterly_payment_months_and_cards(kb):
    got = kb.answer("老年卡的钱多少", age=83)
    for month in ("1月", "4月", "7月", "10月"):
        assert month in got.answer
    assert "敬老卡" in got.answer and "社保卡" in got.answer
    assert "上海户籍" in got.answer


def test_age_written_in_the_question_is_used(kb):
    got = kb.answer("阿拉姆妈今年八十三，老年卡一个月几钿？")
    assert "83岁" in got.answer and "180元" in got.answer


def test_english_question_gets_the_amount_in_english(kb):
    got = kb.answer("my father is 92, how much is his senior allowance", locale="en")
    assert got.topic == "allowance.senior"
    assert "350 yuan" in got.answer and "January" in got.answer


def test_unknown_age_gives_the_table_and_asks_for_the_age(kb):
    got = kb.answer("老年卡一个月多少钱")
    assert got.needs_age
    for yuan in (75, 150, 180, 350, 600):
        assert f"{yuan}元" in got.answer


def test_asking_where_to_apply_does_not_need_the_age(kb):
    assert not kb.answer("老年综合津贴去哪里申请").needs_age


@pytest.mark.parametrize(("grade", "visits"), [(2, 3), (3, 3), (4, 5), (5, 7), (6, 7)])
def test_long_term_care_visits_per_assessed_grade(kb, grade, visits):
    got = kb.answer(f"长护险评了{grade}级，每个礼拜上门护理几次")
    assert got.topic == "insurance.long_term_care"
    assert f"每周可以上门护理{visits}次" in got.answer
    assert "90%" in got.answer


def test_long_term_care_grade_one_gets_no_home_care(kb):
    got = kb.answer("长护险评估是一级，能上门护理吗")
    assert got.topic == "insurance.long_term_care"
    assert "不能享受居家上门护理" in got.answer


@pytest.mark.parametrize(("age", "phrase"), [(55, "还差5年到60岁"), (59, "还差1年到60岁"), (60, "已满60岁"), (70, "已满60岁")])
def test_resident_pension_age_and_years_of_contributions(kb, age, phrase):
    got = kb.answer("城乡居保几岁可以领养老金", age=age)
    assert got.topic == "pension.resident"
    assert phrase in got.answer and "15年" in got.answer


@pytest.mark.parametrize(("text", "age"), [
    ("我72岁", 72), ("姆妈今年八十三", 83), ("我今年九十了", 90), ("老头子一百零二岁", 102),
    ("she is 91", 91), ("I am 67 years old", 67), ("65岁以上的老人能领吗", None), ("六十岁以后", None),
    ("今年的认证做了吗", None),
])
def test_extract_age(text, age):
    assert extract_age(text) == age


@pytest.mark.parametrize(("text", "grade"), [("评了三级", 3), ("护理等级4级", 4), ("grade 5", 5), ("长护险怎么申请", None)])
def test_extract_grade(text, grade):
    assert extract_grade(text) == grade
