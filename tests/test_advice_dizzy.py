"""Dizziness told as a cry ("头晕得厉害，站都站不住", "头有点晕站不稳") was told the fall's advice: "如果摔倒了，不要勉强起来…
如果能走动，把门锁打开" — she has not fallen, and walking to the door is what makes a dizzy person fall. She reads her own
short advice (sit or lie down where she is, don't get up fast, the phone near) while staff are alerted as before."""
import pytest
from conftest import signed_up

FALL_LINES = ("侧身", "不要勉强起来", "如果摔倒了")


async def _told(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    advice = [line for line in wang.last("已通知值班社工").text.splitlines() if line.startswith("·")]
    return wang, "\n".join(advice), people("李社工")


@pytest.mark.parametrize("words", ["头晕得厉害，站都站不住", "头有点晕站不稳", "头昏得立勿牢", "我头晕得站不稳 快来",
                                   "天旋地转的 站不住了", "我头晕"])
async def test_a_dizzy_resident_is_told_to_sit_or_lie_down_where_she_is_not_the_fall_s_advice(people, app, words):
    wang, told, li = await _told(people, words)
    assert "坐下或躺下" in told and "不要急着站起来" in told and "手机" in told, told
    assert not any(w in told for w in FALL_LINES) and "门锁" not in told, told
    assert any("求助 #1" in t and words in t for t in li.texts())  # staff alerted with her words, as before


@pytest.mark.parametrize("words", ["我头晕摔倒了起不来", "头晕 跌了一跤 爬不起来"])
async def test_dizzy_and_fallen_still_gets_the_fall_s_advice_first(people, app, words):
    wang, told, li = await _told(people, words)
    assert told.splitlines()[0].startswith("· 如果摔倒了") and "手机" in told
    assert words in li.last("紧急求助 #1").text


async def test_dizzy_after_a_pension_question_is_read_as_dizziness_too(people, app):
    from conftest import allowance_answered
    liu = await allowance_answered(people)
    await liu.send("养老金几号发 我头昏得站不住了")
    told = liu.last("已通知值班社工").text
    assert "坐下或躺下" in told and "侧身" not in told


async def test_dizzy_as_the_answer_to_the_morning_check_in_gets_the_dizzy_advice(people, app, clock):
    from conftest import TUESDAY_9, at, enrolled
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("头晕得厉害，站都站不住")
    told = zhang.last("已通知值班社工").text
    assert "坐下或躺下" in told and "侧身" not in told and "门锁" not in told
    assert "头晕得厉害，站都站不住" in people("李社工").last("紧急求助 #1").text


async def test_dizzy_typed_after_the_sos_button_adds_the_dizzy_advice(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.send("头晕站不稳")
    told = wang.last("坐下或躺下").text
    assert "不要急着站起来" in told
