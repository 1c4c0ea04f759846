"""Harder pension/subsidy questions: ages told every way, someone else's age, two-part questions, weak topics."""
import datetime as dt

import pytest

from nlu.qa import KnowledgeBase
from nlu.qa_compute import extract_age

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase(today=lambda: TODAY)


@pytest.mark.parametrize("text, age", [
    ("我1941年生的", 85), ("阿拉老头子是1936年出生的", 90), ("我妈九十出头", 90), ("我爸八十多岁了", 80),
    ("我快九十了", 89), ("今年七十有五", 75), ("阿拉姆妈今年八十三", 83), ("交了十几年社保", None), ("一百多块钱", None),
    ("我九十一了", 91), ("阿拉姆妈都八十五啦", 85), ("我交了十五年了", None), ("我三个孙子都十几了", None),
])
def test_ages_in_chinese_numerals_approximations_and_birth_years(text, age):
    assert extract_age(text, today=TODAY) == age


@pytest.mark.parametrize("question, register_age, amount", [
    ("我1941年生的，老年津贴一个月多少", 70, "180元"),
    ("我妈九十出头，高龄津贴能拿多少", 70, "350元"),
    ("阿拉爷叔八十五岁了，老年卡一个月几钿", 72, "180元"),
])
def test_the_age_stated_in_the_question_wins_over_the_register(kb, question, register_age, amount):
    got = kb.answer(question, age=register_age)
    assert got.topic == "allowance.senior" and amount in got.answer, got.answer


def test_a_two_part_question_gets_both_parts(kb):
    got = kb.answer("老年津贴要带什么材料？到哪里去办？", age=80)
    entry = kb.entries["allowance.senior"]
    assert entry.where.pick("zh") in got.answer and entry.how_to_apply.pick("zh") in got.answer


@pytest.mark.parametrize("question", ["长护险和低保哪个好", "城乡居保跟职工养老金有什么区别", "老年津贴和养老服务补贴哪个划算"])
def test_a_comparison_no_single_topic_answers_is_handed_off(kb, question):
    got = kb.answer(question)
    assert got.handoff and got.topic is None


@pytest.mark.parametrize("question", ["退休返聘工资要交税吗", "救护车要钱吗", "老年人体检去哪里", "独生子女费还发不发"])
def test_questions_next_to_a_topic_but_not_in_it_are_handed_off(kb, question):
    assert kb.answer(question).handoff


@pytest.mark.parametrize("question", ["我没交满十五年能领养老金吗", "养老保险交不满15年怎么办", "缴费不到十五年还能拿养老金伐"])
def test_too_few_years_of_contributions_is_answered_with_the_fifteen_year_rule(kb, question):
    """It was answered with how to look up an employee's pension payments: right topic family, wrong answer."""
    got = kb.answer(question)
    assert got.topic == "pension.resident" and "15年" in got.answer, (got.topic, got.answer)


@pytest.mark.parametrize("question", ["我没工作过 有养老金吗", "一辈子没上过班能拿养老金吗", "家庭妇女有没有养老金"])
def test_never_having_worked_is_answered_with_the_residents_pension_not_unemployment_benefit(kb, question):
    """"我没工作过 有养老金吗" was answered about unemployment benefit (失业保险金): wrong for an old woman who never
    had a job; the residents' pension (城乡居保) is hers."""
    got = kb.answer(question, age=80)
    assert got.topic == "pension.resident", (got.topic, got.answer)


@pytest.mark.parametrize("question, amount", [("我九十一了 每个月能拿多少补贴", "350元"), ("我今年七十二，每月补贴多少", "150元")])
def test_an_age_and_how_much_allowance_a_month_is_answered(kb, question, amount):
    """"我九十一了 每个月能拿多少补贴" was "这个问题我不太确定"."""
    got = kb.answer(question, age=70)
    assert got.topic == "allowance.senior" and amount in got.answer, (got.topic, got.answer)


def test_asking_to_draw_a_pension_early_is_not_answered_with_what_to_do_after_a_death(kb):
    """"养老金可以提前领吗" was answered with the survivors' rules (去世后，家属要及时去报告…)."""
    got = kb.answer("养老金可以提前领吗", age=70)
    assert got.topic != "pension.survivor", got.answer
