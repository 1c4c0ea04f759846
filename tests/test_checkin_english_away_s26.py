"""English at the check-in, going away (probe, session 26): "I will be away for three days" was asked "How long will
you be away?" — the three days she had just said were not read; "I'm going to my son's for a week", "I'm staying at
my daughter's this week", "I'm going on holiday" and "going away tomorrow for 2 weeks" were her fine ("Good, we are
glad you are well!") and the greeting went on asking an empty flat, her silence then a missed check-in. Now they
pause it, for the length she says, as "我去儿子家住一个礼拜" does."""
import pytest
from conftest import TUESDAY_9, at, signed_up

from bot.testing.tools import Person

DAY = 86400


async def _wang(app, clock):
    wang = await signed_up(Person(app, 5001, "Wang", language="en"), "13900000002")
    rid = (await app.svc.store.resident_by_tg(wang.id))["id"]
    await app.svc.checkins.enrol(rid)
    await at(app, clock, TUESDAY_9)
    return wang, rid


@pytest.mark.parametrize("words, days", [
    ("I will be away for three days", 3), ("I'm going to my son's for a week", 7),
    ("going away tomorrow for 2 weeks", 14), ("I'm away for 5 days", 5),
    ("I'm staying at my daughter's this week", None), ("I'm going on holiday", None),
])
async def test_going_away_in_english_pauses_the_greeting(app, clock, words, days):
    wang, rid = await _wang(app, clock)
    n = len(wang.texts())
    await wang.send(words)
    told = "\n".join(wang.texts()[n:])
    assert "glad you are well" not in told, told
    if days is None:  # no length said: asked how long, or paused a week
        assert "How long" in told or "No daily greeting until" in told, told
        return
    assert "How long" not in told, told  # (she said how long)
    st = await app.svc.checkins.state(rid)
    paused_days = round((st.paused_until - clock.ts()) / DAY)
    assert days - 1 <= paused_days <= days + 1, (told, paused_days)


async def test_a_fall_while_away_is_still_a_cry(people, app, clock):
    """Guard: danger words are never taken as a trip."""
    wang, _ = await _wang(app, clock)
    await wang.send("I fell at my son's and can't get up")
    assert "🆘" in wang.last("social worker").text
