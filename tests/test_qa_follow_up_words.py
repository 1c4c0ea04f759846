"""Follow-ups to a pension answer probed in session 16: "我老伴也有吗" (does my husband get it too?) and "那老伴呢 伊87"
(Shanghainese 伊: he, 87) raised 🆘 to the duty worker and asked "您需要马上有人来吗？"; "我勿懂", "侬讲啥" and
"我眼睛看勿清爽" — she did not understand or cannot read the answer — were told "这个问题我不太确定，不想说错"."""
import pytest
from conftest import allowance_answered


_after_answer = allowance_answered  # 刘奶奶 (75 by the register) asked the allowance: 150 元


@pytest.mark.parametrize("words", ["我老伴也有吗", "老伴也能拿吗", "我老头子可以领伐"])
async def test_does_my_husband_get_it_too_asks_his_age_and_alarms_nobody(people, app, words):
    liu = await _after_answer(people)
    await liu.send(words)
    assert "老伴今年多大年纪" in liu.last().text
    await liu.send("八十五")
    assert "180元" in liu.last("来源").text
    assert people("李社工").texts() == [] and not any("已通知值班社工" in t for t in liu.texts())


@pytest.mark.parametrize("words", ["那老伴呢 伊87", "伊87", "老伴87", "老头子87呀"])
async def test_his_age_without_the_word_for_years_is_still_his_age(people, app, words):
    liu = await _after_answer(people)
    await liu.send(words)
    assert "87岁" in liu.last("来源").text and "180元" in liu.last("来源").text
    assert people("李社工").texts() == []


@pytest.mark.parametrize("words", ["我勿懂", "侬讲啥", "看不懂", "什么意思", "我眼睛看勿清爽", "字太小了看不清"])
async def test_not_understanding_the_answer_offers_a_person_to_explain_it(people, app, words):
    liu = await _after_answer(people)
    await liu.send(words)
    offer = liu.last()
    assert "不太确定" not in offer.text and "讲" in offer.text
    assert [b[0] for b in offer.buttons][0] == "🙋 问社工"
    await liu.click(offer, "问社工")
    assert "老年" in people("李社工").last().text  # staff read which answer she needs explained
