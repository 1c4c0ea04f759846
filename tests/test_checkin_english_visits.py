"""English answers to the morning's question about a trip to the doctor (session 20's probes): "I'm going to the
hospital today" opened a request of no kind ("✏️ 其他") where "今天去医院" is fine today, staff told quietly; a check-up
the same. Going with no time said, or with an ailment, stays as in Chinese: not fine."""
import pytest
from conftest import TUESDAY_9, at, enrolled


async def _answer(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    return (await app.svc.checkins.state(rid)).answer


@pytest.mark.parametrize("words", ["I'm going to the hospital today", "going for a check-up this morning",
                                   "I'm seeing the doctor this afternoon"])
async def test_a_planned_visit_in_english_is_fine_today(people, app, clock, words):
    assert await _answer(people, app, clock, words) == "ok"


@pytest.mark.parametrize("words", ["I have to go to the hospital", "going to the hospital today, I feel dizzy"])
async def test_guard_going_now_or_with_an_ailment_is_not_fine(people, app, clock, words):
    assert await _answer(people, app, clock, words) in ("unwell", "help")
