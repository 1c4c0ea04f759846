""""您需要马上有人来吗？" was asked, staff closed the call before she answered, and an hour later she types the answer
(or sends it as a Telegram reply to that old question): "要", "需要", "要的". Before (session 20 probe): "没太明白您的意思"
and nobody told — while the same yes pressed on the old button already opens a new emergency (not_came.py). Now her
typed yes is the same: a new emergency naming the closed call; a no, or other words, bother nobody."""
import pytest
from test_nobody_came_after_close import _cried_and_closed


@pytest.mark.parametrize("words", ["要", "需要", "要的"])
async def test_a_typed_yes_to_the_old_question_after_the_call_closed_is_a_new_emergency(people, app, clock, words):
    wang, li, _ = await _cried_and_closed(people, app, clock)
    seen, heard = len(li.texts()), len(wang.texts())
    await wang.send(words)
    assert any("紧急求助 #2" in t and "#1" in t for t in li.texts()[seen:]), li.texts()[seen:]
    told = "\n".join(wang.texts()[heard:])
    assert "已通知值班社工" in told and "120" in told and "没太明白" not in told, told


@pytest.mark.parametrize("words", ["不用了", "谢谢"])
async def test_a_no_or_thanks_after_the_call_closed_tells_nobody(people, app, clock, words):
    wang, li, _ = await _cried_and_closed(people, app, clock)
    seen = len(li.texts())
    await wang.send(words)
    assert li.texts()[seen:] == []


async def test_a_yes_hours_later_is_no_answer_to_it(people, app, clock):
    wang, li, _ = await _cried_and_closed(people, app, clock)
    clock.advance(hours=3)
    seen = len(li.texts())
    await wang.send("要")
    assert li.texts()[seen:] == []
