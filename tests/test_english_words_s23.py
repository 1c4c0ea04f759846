"""Everyday English from a resident whose phone speaks English (session 23 probe). "not good today" and "no hot water"
got "Sorry, I did not quite understand" and nobody heard; "I slipped" the same (a fall, in Chinese "我滑了一跤" is a
🆘); "there's a strange man outside" (and "门外有个陌生男人") were not understood; "nobody visits me" was not
understood where "没人来看我" is company. Now each reaches staff the way its Chinese twin does."""
import pytest
from bot.testing.tools import Person
from conftest import enrolled, signed_up

NOT_UNDERSTOOD = ("did not quite understand", "没太明白")


async def _says(people, app, words):
    wang = await signed_up(Person(app, 5001, "Wang", language="en"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["not good today", "not so good", "not great", "not very well", "I'm not well"])
async def test_not_feeling_good_reaches_staff_as_unwell(people, app, words):
    said, staff = await _says(people, app, words)
    assert any("身体不舒服" in t for t in staff), staff
    assert not any(w in said for w in NOT_UNDERSTOOD), said


@pytest.mark.parametrize("words", ["no hot water", "my heating is off", "the heating is not working",
                                   "I lost my keys"])
async def test_a_home_trouble_reaches_staff_as_a_request(people, app, words):
    said, staff = await _says(people, app, words)
    assert any("求助 #1" in t for t in staff), staff
    assert not any("紧急求助" in t or "身体不舒服" in t for t in staff), staff
    assert not any(w in said for w in NOT_UNDERSTOOD), said


@pytest.mark.parametrize("words", ["I slipped", "I slipped in the kitchen", "I just slipped"])
async def test_a_slip_is_a_fall(people, app, words):
    said, staff = await _says(people, app, words)
    assert any("紧急求助" in t for t in staff), staff


@pytest.mark.parametrize("words", ["there's a strange man outside", "a strange man is at my door",
                                   "there is a stranger outside my door"])
async def test_a_stranger_outside_her_door_alerts_staff_and_asks(people, app, words):
    said, staff = await _says(people, app, words)
    assert any("紧急求助" in t for t in staff), staff
    assert "Do you need someone to come right now?" in said or "need someone" in said, said


@pytest.mark.parametrize("words", ["门外有个陌生男人", "门口有个陌生的人"])
async def test_a_stranger_outside_her_door_in_chinese_too(people, app, words):
    zhang, _ = await enrolled(people, app)
    n = len(zhang.texts())
    await zhang.send(words)
    assert any("紧急求助" in t for t in people("李社工").texts())
    assert "需要马上有人来吗" in "\n".join(zhang.texts()[n:])


@pytest.mark.parametrize("words", ["nobody visits me", "no one comes to see me", "my son never calls",
                                   "my children never visit"])
async def test_nobody_visiting_is_company_as_in_chinese(people, app, words):
    said, staff = await _says(people, app, words)
    assert any("想找人说说话" in t for t in staff), staff
    assert not any(w in said for w in NOT_UNDERSTOOD), said


@pytest.mark.parametrize("words", ["it slipped my mind", "the man outside is the postman"])
async def test_guards_no_alarm(people, app, words):
    said, staff = await _says(people, app, words)
    assert not any("紧急求助" in t for t in staff), staff
