"""The age is asked only when the answer depends on it (an amount by age band, the 65 threshold), never for
"when is it paid", "can a non-Shanghai hukou get it", "what to bring", "where to go". Two questions in one
message get two short answers and one source line."""
import pytest

from conftest import liu_age_unknown, signed_up

NO_AGE_NEEDED = [
    "老年卡每个月发还是三个月发一次",
    "老年综合津贴外地户口能拿吗",
    "老年综合津贴要带什么材料",
    "老年综合津贴在哪里办",
    "敬老卡上的钱什么时候打进来",
    "老年津贴几月份发",
    "老年综合津贴怎么申请",
    "外地户口的老人能不能领老年综合津贴",
    "老年津贴是按季度发的吗",
]

AGE_NEEDED = [  # (question, age said, what the answer must state)
    ("老年综合津贴每个月多少钱", "七十二岁", "150"),
    ("老年卡一个月能拿多少", "八十五", "180"),
    ("我能领老年综合津贴吗", "九十一岁", "350"),
    ("老年津贴有多少", "六十三岁", "65"),
]


@pytest.mark.parametrize("question", NO_AGE_NEEDED)
async def test_questions_that_do_not_depend_on_age_are_answered_at_once(people, app, question):
    liu = await liu_age_unknown(app, people)
    replies = [r.text for r in await liu.send(question)]
    assert any("来源" in r for r in replies), (question, replies)
    assert not any("多大年纪" in r for r in replies), (question, replies)


async def test_a_non_shanghai_hukou_hears_that_it_needs_shanghai_registration(people, app):
    liu = await liu_age_unknown(app, people)
    await liu.send("老年综合津贴外地户口能拿吗")
    assert "上海户籍" in liu.last("来源").text


async def test_when_is_it_paid_names_the_quarterly_months(people, app):
    liu = await liu_age_unknown(app, people)
    await liu.send("老年卡每个月发还是三个月发一次")
    answer = liu.last("来源").text
    assert "每季度" in answer and "1月、4月、7月、10月" in answer


@pytest.mark.parametrize("question,said,figure", AGE_NEEDED)
async def test_amount_or_threshold_questions_ask_the_age_then_answer_right(people, app, question, said, figure):
    liu = await liu_age_unknown(app, people)
    await liu.send(question)
    assert "多大年纪" in liu.last().text, question
    await liu.send(said)
    answer = liu.last("来源").text
    assert figure in answer, (question, answer)
    assert "多大年纪" not in liu.last().text


async def test_a_registered_age_is_used_for_a_yes_no_question_without_asking(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("❓ 养老金/补贴")
    replies = [r.text for r in await zhang.send("我能领老年综合津贴吗")]
    assert any("180" in r and "来源" in r for r in replies), replies
    assert not any("多大年纪" in r for r in replies), replies


TWO_QUESTIONS = [  # (message, what each answer must still say)
    ("老年卡怎么申请，要带什么材料", ("12345", "社区事务受理服务中心", "65周岁")),
    ("老年综合津贴要带什么材料？到哪里去办？", ("12345", "社区事务受理服务中心", "65周岁")),
    ("长护险怎么申请？在哪里办？", ("护理需求评估", "12345", "60岁")),
    ("低保怎么申请？去哪里办？", ("社区事务受理服务中心", "收入")),
]


@pytest.mark.parametrize("message,kept", TWO_QUESTIONS)
async def test_two_questions_in_one_message_get_two_short_answers_and_one_source(people, app, message, kept):
    liu = await liu_age_unknown(app, people)
    await liu.send(message)
    answer = liu.last("来源").text
    body = answer.split("📚")[0]
    assert all(k in answer for k in kept), (message, answer)
    assert answer.count("来源") == 1 and answer.count("为准") <= 1, answer
    assert len(body) <= 150, (len(body), answer)


async def test_how_much_and_where_in_one_message_keeps_her_amount_and_says_it_once(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("老年卡一个月多少钱？在哪里办？")
    answer = zhang.last("来源").text
    assert "180元" in answer and "社区事务受理服务中心" in answer, answer
    assert answer.count("为准") <= 1 and answer.count("来源") == 1, answer


async def test_how_much_and_where_with_the_age_unknown_keeps_every_band(people, app):
    liu = await liu_age_unknown(app, people)
    await liu.send("老年卡一个月多少钱？在哪里办？")
    answer = liu.last("来源").text
    for band in ("65到69岁每月75元", "70到79岁每月150元", "80到89岁每月180元", "90到99岁每月350元", "100岁以上每月600元"):
        assert band in answer, answer
    assert "社区事务受理服务中心" in answer and answer.count("为准") <= 1, answer


async def test_how_much_and_how_to_apply_say_the_may_change_caveat_once(people, app):
    liu = await liu_age_unknown(app, people)
    await liu.send("老年卡一个月多少钱？怎么申请？")
    answer = liu.last("来源").text
    assert "80到89岁每月180元" in answer and "12345" in answer, answer
    assert answer.count("为准") == 1, answer


CRIES_IN_A_QUESTION = [
    "老年卡一个月多少钱 我摔倒了起不来",
    "救命 外地户口能拿老年津贴吗",
    "我八十五岁 摔倒了爬不起来",
]


@pytest.mark.parametrize("cry", CRIES_IN_A_QUESTION)
async def test_a_call_for_help_inside_a_pension_question_goes_the_emergency_way(people, app, cry):
    liu = await liu_age_unknown(app, people)
    await liu.send(cry)
    assert "紧急求助 #1" in people("李社工").last("紧急求助").text, cry
    assert "已通知" in liu.last("已通知").text


async def test_a_call_for_help_while_the_age_is_awaited_goes_the_emergency_way(people, app):
    liu = await liu_age_unknown(app, people)
    await liu.send("老年综合津贴每个月多少钱")
    assert "多大年纪" in liu.last().text
    await liu.send("九十了 我摔倒了起不来")
    assert "紧急求助 #1" in people("李社工").last("紧急求助").text
    assert "已通知" in liu.last("已通知").text
