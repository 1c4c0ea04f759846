"""Two allowance questions answered with the wrong part (session 23 probe, words12): "外地户口能领吗" just after the
allowance's answer got the same answer again (her 150 元), and "我要办老年卡" got her figure in front of anything about
applying. Now the household-registration question gets the rule it turns on (Shanghai 户籍, 65 or over) and where to
ask about her own case, and the card errand gets how and where to apply, with the committee's help — no figure."""
import pytest
from conftest import allowance_answered, signed_up


@pytest.mark.parametrize("words", ["外地户口能领吗", "我是外地户口", "不是上海户口可以拿吗", "户口不在上海能领伐"])
async def test_the_household_registration_question_after_the_allowance_gets_its_rule_not_the_same_answer(people, app,
                                                                                                        words):
    liu = await allowance_answered(people)
    first = liu.last("来源").text
    await liu.send(words)
    answer = liu.last().text
    assert answer != first and "150元" not in answer, answer
    assert "上海户籍" in answer and "65" in answer and "12345" in answer, answer


@pytest.mark.parametrize("words", ["我要办老年卡", "我想办个敬老卡", "老年卡去哪里办"])
async def test_the_card_errand_gets_how_and_where_to_apply_not_her_figure(people, app, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send(words)
    answer = liu.last().text
    assert "150元" not in answer and "元" not in answer, answer
    assert "社区事务受理服务中心" in answer and "12345" in answer, answer


async def test_guard_how_much_with_the_card_still_gets_her_figure(people, app):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("老年卡一个月能拿多少")
    assert "150元" in liu.last("来源").text
