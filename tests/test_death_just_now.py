"""刘奶奶 types "老伴刚走了" or "我老伴刚刚没气了": her husband has just died at home. Staff were alerted (right: a
death just now is an emergency) but she read a fall's advice ("不要勉强起来，慢慢侧身躺好") or how to look after him till
the ambulance comes — and "我老伴刚走了 怎么办" reached nobody ("这个我答不上来"). Now it is an emergency every time,
and what she reads fits: stay calm, call 120 (they come to confirm and tell her what to do), the committee is coming.
A spouse in danger, told in doubt ("好像没气了 叫不醒"), keeps the advice to help him; grief for one gone long ago
stays grief (tests/test_grief.py)."""
import pytest
from conftest import signed_up

FALL_LINES = ("侧身", "不要勉强起来")


async def _told(people, words: str) -> tuple[list[str], object]:
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send(words)
    lines = [line for line in liu.last("已通知值班社工").text.splitlines() if line.startswith("·")]
    return lines, people("李社工")


@pytest.mark.parametrize("words", ["老伴刚走了", "我老伴刚刚没气了", "老伴刚刚去世了", "我老伴刚走了 怎么办",
                                   "老头子刚才断气了"])
async def test_a_spouse_just_died_at_home_is_an_emergency_with_advice_that_fits(people, app, words):
    lines, li = await _told(people, words)
    assert "紧急求助 #1" in li.last("紧急求助").text and words in li.last("紧急求助").text
    told = "\n".join(lines)
    assert not any(w in told for w in FALL_LINES), told
    assert "别慌" in lines[0] and "120" in told and "确认" in told and "居委会" in told
    assert "陪在旁边" not in told and 0 < len(lines) <= 4


@pytest.mark.parametrize("words", ["老伴好像没气了 叫不醒", "老伴倒在地上不动了"])
async def test_a_spouse_in_danger_told_in_doubt_keeps_the_advice_to_help_him(people, app, words):
    lines, li = await _told(people, words)
    told = "\n".join(lines)
    assert "紧急求助 #1" in li.last("紧急求助").text
    assert "别慌" not in told


@pytest.mark.parametrize("words", ["老伴刚走了", "我老伴刚刚没气了"])
async def test_a_death_just_now_is_not_asked_whether_she_needs_someone_now(people, app, words):
    """Staff are already coming: "您需要马上有人来吗？" is a cold question then. Her address is still read back, so
    they find her; staff were told it is an emergency."""
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send(words)
    assert "紧急求助 #1" in people("李社工").last("紧急求助").text
    assert not any("需要马上有人来" in t for t in liu.texts()), liu.texts()
    assert "请确认您现在的地址" in liu.inbox[-1].text and liu.inbox[-1].buttons


@pytest.mark.parametrize("words", ["老伴好像没气了 叫不醒", "老伴倒在地上不动了"])
async def test_a_cry_in_doubt_still_asks_whether_she_needs_someone_now(people, app, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send(words)
    assert "需要马上有人来" in liu.inbox[-1].text
