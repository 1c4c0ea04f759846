"""Pension and subsidy questions as residents really ask them: typos, Shanghainese, voice-to-text without
punctuation, their own ages, follow-ups, and questions the knowledge base cannot answer (which go to a person)."""
import datetime as dt
import re

import pytest

from nlu.qa import KnowledgeBase

TODAY = dt.date(2026, 11, 23)

# Every figure /work/shared/DOMAIN.md lets an answer state (ages, amounts, months, grades, years, hotlines).
DOMAIN_FIGURES = {"1", "2", "3", "4", "5", "6", "7", "10", "15", "41", "50", "60", "65", "69", "70", "75", "79",
                  "80", "89", "90", "99", "100", "150", "180", "350", "600", "1000", "1131", "1735", "12333",
                  "12345"}


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase(today=lambda: TODAY)


def _figures(text: str) -> set[str]:
    return set(re.findall(r"\d+", text.replace(",", "")))


@pytest.mark.parametrize("question, topic", [
    ("养老今什么时候到账", "pension.employee"),
    ("养劳金每个月几号发", "pension.employee"),
    ("我的退修金这个月怎么还没到", "pension.employee"),
    ("阿拉老年卡啥辰光发钞票", "allowance.senior"),
    ("老年卡一个月几钿伐", "allowance.senior"),
    ("我今年86岁能拿多少高龄补贴", "allowance.senior"),
    ("我今年八十六能拿多少高龄补贴", "allowance.senior"),
    ("我老头子今年78岁他能拿多少老年津贴", "allowance.senior"),
    ("我64岁能领老年津贴吗", "allowance.senior"),
    ("请问一下那个老年综合津贴是每个月发还是三个月发一次的我不太清楚", "allowance.senior"),
    ("养老金每年要认证吗我不会弄手机怎么办", "pension.certification"),
    ("长护险怎么申请 评了3级一个礼拜来几次", "insurance.long_term_care"),
    ("老伴走了他的退休金怎么办", "pension.survivor"),
    ("我在安徽交过社保能转过来伐", "pension.transfer"),
    ("我没上过班今年70了能拿多少养老金", "pension.resident"),
    ("低保一个月多少钱", "assistance.minimum_living"),
    ("我残疾证有补贴伐", "assistance.disability"),
])
def test_a_residents_question_gets_its_topic_with_a_source_and_no_figure_outside_the_rules(kb, question, topic):
    got = kb.answer(question, age=75)
    assert got.topic == topic and not got.handoff, (got.topic, got.answer)
    assert got.source and got.reviewed
    stated = _figures(question) | {"75", "78", "86", "64"}  # the resident's own ages may be said back
    assert _figures(got.answer) <= DOMAIN_FIGURES | stated, got.answer


@pytest.mark.parametrize("question", [
    "我工商银行卡号多少",
    "我的养老金打到哪个银行卡了卡号是多少",
    "隔壁王阿姨养老金多少",
    "我邻居退休金拿多少",
    "明年养老金涨多少",
    "明年老年津贴会不会加",
    "2027年养老金调整多少",
    "养老金明年还涨伐",
    "今年养老金涨了多少",
    "我的敬老卡丢了怎么办",
    "社保卡弄丢了去哪里补办",
])
def test_what_the_knowledge_base_cannot_know_goes_to_a_person(kb, question):
    """A bank account, someone else's pension, a rise not yet decided: no confident general answer."""
    got = kb.answer(question, age=80)
    assert got.handoff and got.topic is None, (got.topic, got.answer)


@pytest.mark.parametrize("question, context, expected", [
    ("评了3级一个礼拜来几次", "insurance.long_term_care", "每周可以上门护理3次"),
    ("那我老伴呢他82岁", "allowance.senior", "180元"),
    ("我老伴82岁呢", "allowance.senior", "180元"),
    ("阿拉老头子九十一了伊呢", "allowance.senior", "350元"),
    ("我妈是评的五级呢", "insurance.long_term_care", "每周可以上门护理7次"),
])
def test_a_follow_up_with_someone_elses_age_or_grade_is_worked_out_on_the_same_topic(kb, question, context, expected):
    got = kb.answer(question, age=75, context_topic=context)
    assert got.topic == context and expected in got.answer, (got.topic, got.answer)


@pytest.mark.parametrize("question", ["我老伴能拿多少老年津贴", "我老头子老年卡一个月几钿", "她一个月能领多少高龄津贴"])
def test_someone_elses_allowance_is_never_worked_out_from_the_askers_own_age(kb, question):
    """The register knows the asker is 72 (150 元): her husband's allowance was stated as 150 元 too, whatever his age."""
    got = kb.answer(question, age=72)
    assert got.topic == "allowance.senior"
    assert "72岁" not in got.answer and "80到89岁每月180元" in got.answer, got.answer


@pytest.mark.parametrize("question", ["我老伴比我大三岁 他老年津贴能拿多少", "我比老头子小两岁，老年卡多少钱"])
def test_an_age_difference_is_no_age(kb, question):
    """"比我大三岁" was read as an age: "3岁还不满65岁，暂时领不到老年综合津贴"."""
    got = kb.answer(question, age=None)
    assert "不满65岁" not in got.answer and "3岁" not in got.answer and "2岁" not in got.answer, got.answer


@pytest.mark.parametrize("question, first, second", [
    ("养老金什么时候到账还有老年卡的钱什么时候打进来", "pension.employee", "allowance.senior"),
    ("长护险怎么申请 另外低保去哪里办", "insurance.long_term_care", "assistance.minimum_living"),
    ("老年津贴多少？养老金每年要认证吗", "allowance.senior", "pension.certification"),
])
def test_two_questions_in_one_message_get_both_answers_and_both_sources(kb, question, first, second):
    """Only one topic was answered; the other question was silently dropped."""
    got = kb.answer(question, age=80)
    assert not got.handoff
    for topic in (first, second):
        entry = kb.entries[topic]
        assert entry.source in got.source, (topic, got.source)
        assert entry.title.pick("zh") in got.answer or entry.answer.pick("zh")[:12] in got.answer, (topic, got.answer)


@pytest.mark.parametrize("question", ["去哪里办", "在哪里申请", "怎么查"])
def test_a_follow_up_with_nothing_before_it_names_no_topic_and_goes_to_a_person(kb, question):
    """"去哪里办" as the first question was answered with the disability subsidies' office."""
    got = kb.answer(question, age=80)
    assert got.handoff, (got.topic, got.answer)


def test_a_second_question_that_only_asks_where_is_about_the_first_topic(kb):
    got = kb.answer("老年津贴多少钱还有去哪里办", age=80)
    assert got.topic == "allowance.senior" and "180元" in got.answer
    assert kb.entries["allowance.senior"].where.pick("zh") in got.answer and "残疾" not in got.answer


@pytest.mark.parametrize("question", ["我86碎老年津贴多少", "我今年八十六随 老年卡多少钱"])
def test_an_age_typed_with_a_homophone_for_sui_is_still_an_age(kb, question):
    """"86碎" (岁 typed by sound) was no age: the bot asked "您今年多大年纪？" of someone who had just said it."""
    got = kb.answer(question, age=None)
    assert "86岁的老人" in got.answer and "180元" in got.answer and not got.needs_age, got.answer


def test_every_figure_in_the_knowledge_base_is_one_domain_md_states(kb):
    """A guard for edits: an amount, age or hotline typed into an entry that DOMAIN.md does not state is caught here."""
    for entry in kb.entries.values():
        for field in (entry.answer, entry.how_to_apply, entry.where):
            for locale in ("zh", "en"):
                assert _figures(field.pick(locale)) <= DOMAIN_FIGURES, (entry.id, field.pick(locale))
