"""English at the check-in (probe, session 25): "I slept badly", "I didn't sleep well" were her fine ("Good, we are
glad you are well!") while "没睡好" reaches staff as unwell; "change greeting time" was "did not quite understand",
and "8am" to the time question was not read either. Now a bad night is unwell, as in Chinese, and the greeting time
is changed in English as it is in Chinese."""
import pytest
from conftest import TUESDAY_9, at, signed_up

from bot.testing.tools import Person

TIME_ASKED = "What time would you like"


async def _wang(people, app, clock):
    wang = await signed_up(Person(app, 5001, "Wang", language="en"), "13900000002")
    rid = (await app.svc.store.resident_by_tg(wang.id))["id"]
    await app.svc.checkins.enrol(rid)
    await at(app, clock, TUESDAY_9)
    return wang, rid


@pytest.mark.parametrize("words", ["I slept badly", "I didn't sleep well", "I did not sleep well",
                                   "couldn't sleep last night", "bad night"])
async def test_a_bad_night_in_english_is_unwell_as_in_chinese(people, app, clock, words):
    wang, rid = await _wang(people, app, clock)
    n = len(wang.texts())
    await wang.send(words)
    assert (await app.svc.checkins.state(rid)).answer == "unwell", wang.texts()[n:]
    assert not any("glad you are well" in t for t in wang.texts()[n:])


@pytest.mark.parametrize("ask, answer, hm", [("change greeting time", "8am", "08:00"),
                                             ("change the greeting time", "9 in the morning", "09:00"),
                                             ("can you greet me later", "3pm", "15:00"),
                                             ("change greeting time", "8:30", "08:30")])
async def test_the_greeting_time_changed_in_english(people, app, clock, ask, answer, hm):
    wang, _ = await _wang(people, app, clock)
    await wang.send(ask)
    assert TIME_ASKED in wang.last().text, wang.last().text
    await wang.send(answer)
    assert hm in "\n".join(wang.texts()[-2:]), wang.texts()[-2:]


@pytest.mark.parametrize("words", ["I slept well", "slept like a log", "I slept well thanks"])
async def test_a_good_night_is_still_her_fine(people, app, clock, words):
    """Guard: the rows for a bad night must not take a good one with them."""
    wang, rid = await _wang(people, app, clock)
    await wang.send(words)
    assert (await app.svc.checkins.state(rid)).answer == "ok"
