"""A daughter who writes English ("has my dad checked in today", "is my father ok today", "how is my mum doing") was
told "好的，已经告诉居委会社工…" in Chinese, and staff got a request to phone her: the bot did not read the question
that "我爸今天签到了吗" answers at once from his check-in (probe, session 26). Now it does, in English."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

from bot.testing.tools import Person


@pytest.mark.parametrize("words", ["has my dad checked in today", "is my father ok today", "how is my dad doing",
                                   "Did my father check in today?"])
async def test_a_daughter_asking_in_english_is_told_his_check_in(people, app, clock, words):
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    lily = await signed_up(Person(app, 7101, "Lily", language="en"), "13911110002")
    clock.set(TUESDAY_9.replace(minute=10))
    n = len(lily.texts())
    await lily.send(words)
    said = "\n".join(lily.texts()[n:])
    assert "not checked in" in said and "王老伯" in said, said
    assert people("李社工").texts() == [], people("李社工").texts()


async def test_asking_staff_to_go_and_see_him_in_english_is_still_a_request(people, app, clock):
    """Guard: a wish for someone to go is for staff."""
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    lily = await signed_up(Person(app, 7102, "Lily", language="en"), "13911110002")
    await lily.send("can someone go and check on my dad today")
    assert any("求助" in t for t in people("李社工").texts()), people("李社工").texts()
