"""English answers to "Do you need someone to come right now?" after "help I fell" (session 20's probes): "not sure" and
"I don't know" were taken as no — a possible false alarm — where unsure means yes; "please come" was asked again;
"come quickly" and "yes please hurry" were a cry again with the address never read back; "I can get up myself" was
asked again."""
import pytest
from conftest import signed_up
from bot.testing.tools import Person


async def _answered(people, app, words):
    mary = await signed_up(Person(app, 4242, "Mary", language="en"), "13900000002")
    await mary.send("help I fell")
    assert "come right now" in mary.last().text
    seen = len(mary.texts())
    await mary.send(words)
    return mary.texts()[seen:], await app.svc.store.incident(1)


@pytest.mark.parametrize("words", ["not sure", "I don't know", "please come", "come quickly", "yes please hurry"])
async def test_unsure_or_come_is_a_yes_and_the_address_is_read_back(people, app, words):
    said, inc = await _answered(people, app, words)
    assert not inc.get("maybe_false_alarm"), said
    assert "check your address" in said[-1], said


@pytest.mark.parametrize("words", ["I can get up myself", "I'm ok now", "no thanks"])
async def test_able_or_fine_is_a_no_and_staff_still_phone(people, app, words):
    said, inc = await _answered(people, app, words)
    assert inc.get("maybe_false_alarm"), said
    assert "still contact you" in said[-1], said


async def _read_back(people, app, words):
    mary = await signed_up(Person(app, 4242, "Mary", language="en"), "13900000002")
    await mary.send("🆘 Emergency help")
    seen = len(mary.texts())
    await mary.send(words)
    return mary.texts()[seen:], await app.svc.store.incident(1)


@pytest.mark.parametrize("words", ["at home", "I'm at home", "I am in my flat"])
async def test_at_home_in_english_to_the_read_back_is_a_yes(people, app, words):
    said, inc = await _read_back(people, app, words)
    assert inc.get("address_state") == "confirmed", said


@pytest.mark.parametrize("words", ["no I'm at my daughter's", "I'm in the park"])
async def test_somewhere_else_in_english_reaches_staff_in_her_words(people, app, words):
    said, inc = await _read_back(people, app, words)
    assert not any("Is this right" in t for t in said), said
    assert words in people("李社工").last("#1").text
