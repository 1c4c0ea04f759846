"""Strangers writing English (session 25 probe): "The old lady next door hasn't opened her door for three days" and
"I found an old man at the gate, he can't say where he lives" reached staff only as a wish to reach the committee
(paced, no claim button, no escalation) — the Chinese words for both are a call; "I'm a delivery guy, nobody answers at
building 5 room 302" got only the sign-up welcome and staff heard nothing."""
import pytest

from bot.testing.tools import Person

URGENT = ["The old lady next door hasn't opened her door for three days",
          "I found an old man at the gate, he can't say where he lives"]


@pytest.mark.parametrize("words", URGENT)
async def test_an_old_person_unseen_or_lost_is_a_call(people, app, words):
    mary, li = Person(app, 7777, "Mary", language="en"), people("李社工")
    await mary.send(words)
    assert any("紧急求助 #1" in t and words in t for t in li.texts()), li.texts()


async def test_a_courier_at_a_door_nobody_answers_reaches_staff(people, app):
    mary, li = Person(app, 7777, "Mary", language="en"), people("李社工")
    words = "I'm a delivery guy, nobody answers at building 5 room 302"
    await mary.send(words)
    assert any(words in t and "Mary" in t for t in li.texts()), li.texts()
