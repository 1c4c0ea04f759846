"""English "I can't find …" (session 21's probe): the model read SOS into the shape of the words. "I can't find my
keys" raised a full 🆘, "I can't find the button" from someone signing up alerted staff as a cry for help — while
"I can't find my wife anywhere" was no emergency at all. A missing husband or wife is one (as "找不到老伴了" is); a
missing thing is an errand."""
import pytest
from bot.testing.tools import Person
from conftest import signed_up


async def _mary(app, people, words):
    mary = Person(app, 4242, "Mary", language="en")
    await mary.send("/start")
    await mary.send(words)
    return mary, people("李社工").texts()


@pytest.mark.parametrize("words", ["I can't find my keys", "I can't find my glasses", "I can't find my pills"])
async def test_a_missing_thing_is_no_emergency(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    staff = people("李社工").texts()
    assert not any("紧急求助" in t for t in staff), staff
    assert not any("120" in t for t in wang.texts()[-2:]), wang.texts()[-2:]


@pytest.mark.parametrize("words", ["I can't find my husband", "I can't find my wife anywhere",
                                   "my husband hasn't come back"])
async def test_a_missing_husband_or_wife_is_an_emergency(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert any("紧急求助" in t for t in people("李社工").texts())


async def test_a_stranger_who_cannot_find_the_button_is_no_cry_for_help(people, app):
    mary, staff = await _mary(app, people, "I can't find the button")
    assert not any("紧急求助" in t for t in staff), staff
    assert any("bottom" in t for t in mary.texts()[-2:]), mary.texts()[-2:]
