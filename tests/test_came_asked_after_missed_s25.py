""""你们来了吗" after a missed check-in (session 25): staff were told she did not answer (签到无回复), someone may be on
the way; her "你们来了吗", "社工什么时候到" read "这个我答不上来"-like lines, as if she had asked a pension question.
She asks because she is waiting: she reads that staff know and will come or phone her, and the staff on it read it."""
import pytest
from conftest import TUESDAY_9, at, enrolled

ASKED = ["你们来了吗", "社工什么时候到", "你们什么时候来", "人来了没有"]


async def _missed(people, app, clock):
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    for hour, minute in ((9, 0), (9, 30), (10, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
    assert "签到无回复 #1" in li.last().text
    return zhang, li


@pytest.mark.parametrize("words", ASKED)
async def test_asking_if_they_are_coming_after_a_missed_check_in_she_reads_staff_know(people, app, clock, words):
    zhang, li = await _missed(people, app, clock)
    n, seen = len(zhang.texts()), len(li.texts())
    await zhang.send(words)
    told = "\n".join(zhang.texts()[n:])
    assert "答不上来" not in told and "没太明白" not in told and "不太确定" not in told, told
    assert "社工" in told and ("联系您" in told or "电话" in told), told
    assert any(words in t for t in li.texts()[seen:]), li.texts()[seen:]
