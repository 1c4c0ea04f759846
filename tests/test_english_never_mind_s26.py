"""English "never mind" to a question the bot asked ("How long will you be away?", "What help do you need?") read
"Sorry, I did not quite understand … pass your words to staff", as "算了" in Chinese does not (probe, session 26)."""
import pytest
from conftest import TUESDAY_9, at, signed_up

from bot.testing.tools import Person


@pytest.mark.parametrize("first", ["I'm going away", "🙋 Ask the committee for help"])
@pytest.mark.parametrize("words", ["never mind", "Never mind.", "forget it", "no thanks"])
async def test_never_mind_in_english_is_taken_kindly(people, app, clock, first, words):
    wang = await signed_up(Person(app, 5001, "Wang", language="en"), "13900000002")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(wang.id))["id"])
    await at(app, clock, TUESDAY_9.replace(hour=11))
    await wang.send(first)
    await wang.send(words)
    reply = wang.last().text
    assert "did not quite understand" not in reply and "pass your words" not in reply, reply
    assert people("李社工").texts() == []
