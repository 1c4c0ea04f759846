"""Everyday English from a resident whose phone speaks English (session 22 probe): "I woke up" raised a 🆘 with an
ambulance's advice; "I'm getting old" read "So glad to hear you are well!"; "my daughter is getting married" went to
staff as a request. Now waking is her fine, a sigh about age a warm word, good news a warm word, nobody bothered."""
import pytest
from bot.testing.tools import Person
from conftest import signed_up


async def _says(people, app, words):
    wang = await signed_up(Person(app, 5001, "Wang", language="en"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["I woke up", "I just woke up", "I'm up", "just got up", "I got up late"])
async def test_waking_up_alarms_nobody(people, app, words):
    said, staff = await _says(people, app, words)
    assert not any("紧急求助" in t for t in staff), staff
    assert "120" not in said, said


@pytest.mark.parametrize("words", ["I'm getting old", "getting old", "I am old now"])
async def test_a_sigh_about_age_gets_a_warm_word(people, app, words):
    said, staff = await _says(people, app, words)
    assert "take it slowly" in said and "glad to hear you are well" not in said, said
    assert staff == [], staff


@pytest.mark.parametrize("words", ["my daughter is getting married", "my grandson got into university",
                                   "my granddaughter had a baby", "I learned to use WeChat"])
async def test_good_news_gets_a_warm_word(people, app, words):
    said, staff = await _says(people, app, words)
    assert "happy for you" in said, said
    assert staff == [], staff
