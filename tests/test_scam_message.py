"""A text or call that says her social-security card, medical card or pension is frozen, misused or stopping, and
tells her to ring a number, go to the bank or transfer money — the commonest scam on Shanghai's old people. Before:
a pension answer ("职工养老金每个月发到社保卡…"), "没太明白" or "答不上来"; she was left to ring the scammer. Now it
is a scam under way: staff phone her at once, and she reads not to transfer money. Her own questions about a frozen
card or a pension stopped stay questions."""
import pytest
from conftest import enrolled

SCAMS = ["【紧急通知】您的社保卡已冻结，请立即拨打0215678999解冻，否则将影响养老金发放",
         "这个是真的吗 说我社保卡冻结了", "有人打电话说我养老金要停发 要我去银行",
         "收到短信说我的医保卡被盗用了 让我打电话", "电话里讲我的医保卡异常 要我回拨"]
QUESTIONS = ["社保卡冻结了怎么解冻", "养老金停发了怎么办", "没做资格认证 养老金会停发吗", "医保卡丢了怎么办",
             "新闻里说有人社保卡被冻结是骗局"]


@pytest.mark.parametrize("words", SCAMS)
async def test_a_frozen_card_message_is_a_scam_under_way(people, app, words):
    zhang, _ = await enrolled(people, app)
    await zhang.send(words)
    assert "紧急求助 #1" in people("李社工").last("#1").text
    assert "不要转账" in "\n".join(zhang.texts())


@pytest.mark.parametrize("words", QUESTIONS)
async def test_her_own_question_about_a_frozen_card_or_a_stopped_pension_alarms_nobody(people, app, words):
    zhang, _ = await enrolled(people, app)
    await zhang.send(words)
    assert not [t for t in people("李社工").texts() if "紧急求助" in t]
