"""Pension questions in the resident's chat as residents type them: Shanghainese from the start, follow-ups with a
husband's age, questions only a person can answer, and a call for help hidden in a pension question."""
import pytest
from conftest import allowance_answered, liu_age_unknown, signed_up


_after_allowance_answer = allowance_answered


@pytest.mark.parametrize("words", ["我老伴82岁呢", "那我老伴呢他82岁"])
async def test_the_husbands_age_after_an_allowance_answer_is_worked_out_not_an_alarm(people, app, words):
    """Both raised 🆘 to the duty social worker ("已通知值班社工…您需要马上有人来吗？") instead of 180 元."""
    liu = await _after_allowance_answer(people)
    await liu.send(words)
    answer = liu.last()
    assert "180元" in answer.text and "来源" in answer.text
    assert not any("已通知值班社工" in t for t in liu.texts())
    assert not people("李社工").texts()


@pytest.mark.parametrize("words", ["我老伴呢 找不到他了", "我老伴82岁呢 倒在地上叫不醒"])
async def test_a_husband_missing_or_down_after_an_allowance_answer_still_reaches_staff(people, app, words):
    liu = await _after_allowance_answer(people)
    await liu.send(words)
    assert words in people("李社工").last("求助 #1").text
    assert "180元" not in liu.last().text


@pytest.mark.parametrize("words", ["阿拉老年卡啥辰光发钞票", "老年卡一个月几钿伐"])
async def test_a_shanghainese_allowance_question_from_the_chat_is_answered(people, app, words):
    """Both were "这个我答不上来，不想说错。" though the knowledge base answers them: the model did not know the words."""
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send(words)
    answer = liu.last("来源").text
    assert "150元" in answer and "10月" in answer


@pytest.mark.parametrize("words, expected", [("我不会刷脸怎么办", "刷脸"), ("人脸识别做不来怎么办我眼睛不好", "刷脸"),
                                             ("社区食堂在哪里", "食堂"), ("我户口在安徽住在上海老年卡能办吗", "上海户籍")])
async def test_a_question_the_model_half_knows_but_that_names_a_topic_is_answered(people, app, words, expected):
    """Each was "这个我答不上来，不想说错。": the model's pension score was under its bar, yet the words name the topic."""
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send(words)
    assert expected in liu.last("来源").text


@pytest.mark.parametrize("words", ["我工商银行卡号多少", "隔壁王阿姨养老金多少", "明年养老金涨多少"])
async def test_a_question_only_a_person_can_answer_goes_to_staff_with_one_tap(people, app, words):
    """Each was answered with the general pension text, as if the bot knew."""
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send(words)
    offer = liu.last()
    assert "不太确定" in offer.text and "来源" not in offer.text
    await liu.click(offer, "问社工")
    assert "已经把您的问题转给社工" in liu.last().text
    assert words in people("李社工").last("居民提问").text


@pytest.mark.parametrize("open_qa", [True, False])
@pytest.mark.parametrize("words", ["我想问养老金的事 我刚才摔倒了起不来", "养老金什么时候发我头好晕站不起来",
                                   "老年卡的钱啥辰光到 阿拉老头子跌跤了爬不起来", "请问老年津贴怎么领我现在胸口好痛喘不上气"])
async def test_a_call_for_help_inside_a_pension_question_is_an_emergency(people, app, words, open_qa):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    if open_qa:
        await liu.send("❓ 养老金/补贴")
    await liu.send(words)
    assert "已通知值班社工" in liu.last("已通知值班社工").text
    assert not any("来源" in t for t in liu.texts())
    assert words in people("李社工").last("紧急求助 #1").text


async def test_two_questions_in_one_voice_message_get_both_answers_under_both_sources(people, app):
    """The pension's payday was dropped: only the senior card was answered, under its source alone."""
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("养老金什么时候到账还有老年卡的钱什么时候打进来")
    answer = liu.last("来源").text
    assert "社保卡对应的银行账户" in answer and "150元" in answer
    assert "12333" in answer and "老年综合津贴政策" in answer.split("来源")[1]


async def test_the_husbands_allowance_is_not_worked_out_from_her_own_age(people, app):
    """刘奶奶 is 75 by the register: "我老伴能拿多少老年津贴" was answered "75岁的老人…150元" for her husband."""
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("我老伴能拿多少老年津贴")
    answer = liu.last("来源").text
    assert "75岁的老人" not in answer and "80到89岁每月180元" in answer


@pytest.mark.parametrize("words", ["我女儿能帮我办吗", "我儿子可以代办伐"])
async def test_can_my_daughter_do_it_is_a_question_for_staff_about_that_topic(people, app, words):
    """Asked right after the allowance's answer, it opened a help request ("已经告诉居委会社工，他们会尽快联系您") that
    told staff nothing of the allowance; now it is a question, sent with one tap, naming the topic."""
    liu = await _after_allowance_answer(people)
    await liu.send(words)
    offer = liu.last()
    assert "不太确定" in offer.text and "已经告诉居委会社工" not in offer.text
    await liu.click(offer, "问社工")
    question = people("李社工").last("居民提问").text
    assert words in question and "老年综合津贴" in question


@pytest.mark.parametrize("words", ["请问老年津贴怎么领 我女儿帮我问的 我妈今年九十一了",
                                   "我是她女儿 替我妈问一下 老年卡一个月多少钱 她今年九十一"])
async def test_a_daughter_asking_for_her_mother_gets_the_answer_not_a_help_request(people, app, words):
    """"我女儿帮我问的" was heard as a request for help: "已经告诉居委会社工，他们会尽快联系您" and a 求助 for staff."""
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send(words)
    assert "350元" in liu.last("来源").text
    assert not any("已经告诉居委会社工" in t for t in liu.texts())
    assert not any("求助" in t for t in people("李社工").texts())


async def test_a_fall_told_when_the_bot_asks_her_age_is_an_emergency(people, app):
    """Guard: the reply to "您今年多大年纪？" is read for an age, but a cry comes first."""
    liu = await liu_age_unknown(app, people)
    await liu.send("老年综合津贴每个月多少钱")
    assert "多大年纪" in liu.last().text
    await liu.send("八十二 我刚才跌了一跤爬不起来了")
    assert "已通知值班社工" in liu.last("已通知值班社工").text
    assert "爬不起来" in people("李社工").last("紧急求助 #1").text
