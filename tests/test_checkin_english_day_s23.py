"""English answers to the morning's check-in about an ordinary day (session 23 probe): "had breakfast" raised a 🆘
with "情况危急请马上拨打120" (the model's emergency 0.29, no red flag: ask); "same as usual", "went for a walk" got
"没太明白" under her answer. Now each is her fine (as "吃过了", "老样子"), nobody paged; "could be better" is unwell,
as "不太好"."""
import pytest
from conftest import TUESDAY_9, at, enrolled


async def _answer(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    return (await app.svc.checkins.state(rid)).answer, "\n".join(zhang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["had breakfast", "I had breakfast", "just had breakfast", "ate already",
                                   "had lunch", "same as usual", "as usual", "same as always", "went for a walk",
                                   "I went for a walk this morning"])
async def test_an_ordinary_day_in_english_is_her_fine(people, app, clock, words):
    answer, said, staff = await _answer(people, app, clock, words)
    assert answer == "ok", (answer, said)
    assert not any("紧急求助" in t or "求助 #" in t for t in staff), staff
    assert "120" not in said and "没太明白" not in said, said


@pytest.mark.parametrize("words", ["could be better", "not so good"])
async def test_could_be_better_is_unwell(people, app, clock, words):
    answer, said, staff = await _answer(people, app, clock, words)
    assert answer == "unwell", (answer, said)
