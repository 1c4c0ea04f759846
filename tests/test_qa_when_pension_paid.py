""""养老金什么时候发" — the question residents ask most — was "这个问题我不太确定" (handed off), and "养老金每个月什么时候发"
got the 老年综合津贴's answer. Both are the employees' pension: paid monthly into the social security card's bank
account, the day and amount at 12333 or 随申办 (the facts DOMAIN.md allows; no day of the month is invented)."""
import pytest

from nlu.qa import KnowledgeBase

ASKED = ["养老金啥时候发", "退休金每个月什么时候发", "我养老金什么时候发呀", "养老金每个月啥时候发到卡上"]


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase()


@pytest.mark.parametrize("question", ASKED)
def test_when_is_the_pension_paid_is_answered_from_the_pension_entry(kb, question):
    got = kb.answer(question)
    assert not got.handoff and got.topic == "pension.employee", (question, got.topic, got.answer)
    assert "每个月" in got.answer and "12333" in got.answer


async def test_a_resident_asking_reads_the_answer_and_its_source(people, app):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("养老金什么时候发")
    answer = wang.last("来源").text
    assert "社保卡" in answer and "12333" in answer


@pytest.mark.parametrize("question, figure", [("我八十五岁了有什么补贴", "180"), ("九十岁老人有啥补贴", "350"),
                                              ("一百岁的老人有什么补贴", "600")])
def test_what_allowance_at_my_age_names_the_figure_for_it(kb, question, figure):
    """"90岁有什么补贴" was handed off; the allowance's table has the figure for every age."""
    got = kb.answer(question)
    assert not got.handoff and got.topic == "allowance.senior", (question, got.topic)
    assert figure in got.answer


@pytest.mark.parametrize("question", ["有助浴服务吗", "有没有人上门帮洗澡"])
def test_help_with_bathing_is_home_care(kb, question):
    got = kb.answer(question)
    assert not got.handoff and got.topic == "service.home_care", (question, got.topic)


@pytest.mark.parametrize("question", ["what's the allowance for 72 year olds", "how much does a 72-year-old get"])
async def test_an_age_asked_in_english_is_the_age_answered_not_her_own(people, app, question):
    """王老伯 (89 in the register) asks in English about 72-year-olds; he read "At 89 … 180 yuan"."""
    from conftest import signed_up
    from bot.testing.tools import Person
    wang = await signed_up(Person(app, 4242, "Wang", language="en"), "13900000002")
    await wang.send(question)
    answer = wang.last("yuan").text
    assert "72" in answer and "150" in answer and "89" not in answer, answer


@pytest.mark.parametrize("said", ["说慢点", "慢点说", "再说一遍", "没看懂"])
async def test_asking_it_slower_or_again_after_an_answer_offers_a_person_to_explain(people, app, said):
    """"说慢点" after the allowance's answer read "这个问题我不太确定" — as if a new question; "听不懂" already offered a
    social worker's call to explain."""
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("老年综合津贴每个月多少钱")
    await wang.send(said)
    assert "讲一讲" in wang.last().text, wang.last().text


@pytest.mark.parametrize("said, figure", [("我刚满65", "75"), ("我已经满七十了", "150")])
async def test_an_age_told_as_just_reached_after_the_answer_is_her_age(people, app, said, figure):
    """"我刚满65" after the allowance's answer read "听到您很好，真高兴！"."""
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("老年综合津贴每个月多少钱")
    await wang.send(said)
    assert figure in wang.last("来源").text


@pytest.mark.parametrize("question, topic", [("my wife passed away, what happens to her pension", "pension.survivor"),
                                             ("what help is there for disabled people", "assistance.disability")])
def test_english_questions_on_survivors_and_disability_are_answered(kb, question, topic):
    """"my husband died what about his pension", "is there help for disabled people" were handed off in English."""
    got = kb.answer(question, locale="en")
    assert not got.handoff and got.topic == topic, (question, got.topic)


def test_an_age_said_as_at_92_in_english_gets_its_figure(kb):
    got = kb.answer("how much is the allowance at 92", locale="en")
    assert "350" in got.answer and "92" in got.answer, got.answer


@pytest.mark.parametrize("said", ["我是外地户口", "外地户口呢", "我不是上海户口 能领吗"])
async def test_her_hukou_told_after_the_allowance_gets_its_rule(people, app, said):
    """"我是外地户口" right after the allowance's answer read "这个问题我不太确定" — the answer's own rule (上海户籍) is it."""
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("老年综合津贴每个月多少钱")
    seen = len(wang.texts())
    await wang.send(said)
    answer = "\n".join(wang.texts()[seen:])
    assert "上海户籍" in answer and "不太确定" not in answer, answer


def test_guard_hukou_told_alone_is_still_for_a_person(kb):
    assert kb.answer("我户口还在老家").handoff
