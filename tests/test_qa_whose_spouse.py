""""那我老伴呢" right after a pension answer, with no age (session 16): it raised 🆘 to the duty worker and asked "您需要
马上有人来吗？" — for what is most often her husband's allowance. Now one short question with two big buttons; the
missing husband goes the emergency way at once; a reply that is neither, or no reply at all, still reaches a person."""
import pytest
from conftest import allowance_answered


async def _asked_whose(people):
    """刘奶奶 (75 by the register) asks the allowance (150 元), then "那我老伴呢"."""
    liu = await allowance_answered(people)
    await liu.send("那我老伴呢")
    return liu


@pytest.mark.parametrize("words", ["那我老伴呢", "我老头子呢？", "那阿拉老头子呢", "老伴的呢",
                                   "我屋里厢老头子呢"])  # (the last was 🆘 even after the first four were fixed)
async def test_her_husband_asked_after_an_answer_is_one_question_with_two_buttons_and_no_alarm(people, app, words):
    liu = await allowance_answered(people)
    await liu.send(words)
    asked = liu.last()
    assert [b[0] for b in asked.buttons] == ["💰 问老伴的养老金", "🆘 找不到老伴了"]
    assert not any("已通知值班社工" in t or "需要马上有人来吗" in t for t in liu.texts())
    assert people("李社工").texts() == []


async def test_his_allowance_by_the_button_asks_his_age_and_answers_it(people, app, clock):
    liu = await _asked_whose(people)
    await liu.click(liu.last(), "问老伴的养老金")
    assert "老伴今年多大年纪" in liu.last().text
    await liu.send("82")
    assert "180元" in liu.last("来源").text
    clock.advance(minutes=30)
    await app.engine.tick()
    assert people("李社工").texts() == []  # answered: nobody phones her


async def test_his_age_typed_instead_answers_it(people, app):
    liu = await _asked_whose(people)
    await liu.send("他82岁")
    assert "180元" in liu.last("来源").text
    assert people("李社工").texts() == []


async def test_a_missing_husband_by_the_button_is_an_emergency_at_once(people, app):
    liu = await _asked_whose(people)
    await liu.click(liu.last(), "找不到老伴了")
    alert = people("李社工").last("紧急求助 #1").text
    assert "那我老伴呢" in alert and "找不到老伴" in alert
    assert any("已通知值班社工" in t for t in liu.texts())


@pytest.mark.parametrize("words", ["找不到他了", "他出去了还没回来", "人不见了",
                                   "他躺着不动"])  # (no red flag: the model's doubt, that was a mere request)
async def test_a_missing_husband_typed_is_an_emergency(people, app, words):
    liu = await _asked_whose(people)
    await liu.send(words)
    assert words in people("李社工").last("紧急求助 #1").text


@pytest.mark.parametrize("words", ["啊", "不晓得", "他呀"])
async def test_a_reply_that_is_neither_reaches_a_person_who_phones_her(people, app, words):
    liu = await _asked_whose(people)
    await liu.send(words)
    request = people("李社工").last("求助 #1").text
    assert "那我老伴呢" in request and words in request and "紧急求助" not in request
    assert "社工" in liu.last().text and "🆘" in liu.last().text


async def test_no_reply_at_all_reaches_a_person_after_five_minutes(people, app, clock):
    liu = await _asked_whose(people)
    asked = liu.last()
    clock.advance(minutes=4)
    await app.engine.tick()
    assert people("李社工").texts() == []
    clock.advance(minutes=2)
    await app.engine.tick()
    request = people("李社工").last("求助 #1").text
    assert "那我老伴呢" in request and "紧急求助" not in request
    assert "社工" in liu.last().text and "🆘" in liu.last().text
    await liu.click(asked, "找不到老伴了")  # still pressable, later: raised to an emergency
    assert any("紧急" in t for t in people("李社工").texts())


@pytest.mark.parametrize("asked", ["那我老伴能领吗 他88", "我老伴也有吗？他八十八了", "老头子可以领伐 伊88岁"])
async def test_his_age_told_with_the_question_is_answered_at_once(people, app, asked):
    """Session 20: "那我老伴能领吗 他88" right after the allowance's answer read "这个问题我不太确定" — his age was there."""
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("老年综合津贴每个月多少钱")
    await wang.send(asked)
    answer = wang.last("来源").text
    assert "88" in answer and "180" in answer, answer
