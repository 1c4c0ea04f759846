"""李社工 holds 王老伯's call at the end of her shift and types, as she would to a colleague, "我下班了", "交班",
"1号交给王社工" or "我要下班了 王老伯的事谁接一下": each got "请用下面的按钮" (only "转交" was known), and the call
stayed with someone gone home (probe, session 21). Now leaving the shift with a call in hand brings its 🔁 转交, and
"交给王社工" hands it to her in one tap — nothing moves without the tap."""
import pytest
from test_staff_words_more import datas, held


@pytest.mark.parametrize("words", ["我下班了", "交班", "我要下班了 王老伯的事谁接一下", "先交给别人吧"])
async def test_leaving_the_shift_with_a_call_in_hand_offers_its_handover(people, app, words):
    wang, li = await held(people)
    await li.send(words)
    answer = li.inbox[-1]
    assert "#1" in answer.text and datas(answer) == ["inc:handover:1"], (answer.text, answer.buttons)
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"


@pytest.mark.parametrize("words", ["1号交给王社工", "把王老伯交给王社工"])
async def test_giving_it_to_a_named_colleague_is_one_tap(people, app, words):
    wang, li = await held(people)
    await li.send(words)
    assert li.inbox[-1].buttons == [("#1 王老伯 🔁 转交给王社工", "inc:handto:1:wang")], li.inbox[-1]


async def test_leaving_with_nothing_in_hand_is_told_so(people, app):
    li = people("李社工")
    await li.send("我下班了")
    assert "没有接手" in li.last().text, li.last().text


async def test_the_head_saying_give_it_to_me_still_takes_it(people, app):
    wang, li = await held(people)
    chen = people("陈书记")
    await chen.send("1号交给我")
    assert "转交" not in chen.last().text or "inc:handover" not in str(chen.last().buttons), chen.last()
