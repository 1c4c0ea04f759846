""""I fell but I'm fine now" and "I had a fall this morning, nothing broken" raised a full 🆘 (120 read to her, every
staff phone paged) while "我刚才摔了一跤 现在没事了" is a fall played down: staff visit (probe, session 26). The English is
read the same way now; a fall she cannot get up from is still a cry (guard)."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person


@pytest.mark.parametrize("words", ["I fell but I'm fine now", "I fell but I am fine now",
                                   "I had a fall this morning, nothing broken",
                                   "I fell yesterday, no bones broken"])
async def test_a_fall_played_down_in_english_is_a_visit_not_a_sos(people, app, words):
    wang = await signed_up(Person(app, 5001, "Wang", language="en"), "13900000002")
    await wang.send(words)
    staff = people("李社工").texts()
    assert staff and "紧急求助" not in staff[0] and "摔" in staff[0].split("\n")[0], staff
    assert "120" in wang.last().text  # if it gets worse: 🆘 or 120


async def test_a_fall_she_cannot_get_up_from_is_still_a_cry(people, app):
    """Guard."""
    wang = await signed_up(Person(app, 5002, "Wang", language="en"), "13900000002")
    await wang.send("I fell and I'm not fine, I can't get up")
    assert "紧急求助" in people("李社工").texts()[0]
