"""An emoji the bot never learnt ("🫠", "🥲", "🙃") was read as "yes" — to "今天身体还好吗？" that counted as fine, and a
resident who sent 🥲 or 🤧 heard "祝您今天愉快" while nobody was told. Now an unknown emoji is never "fine": a sad or
ill-looking one (crying, frowning, sneezing, dizzy, woozy) reaches staff kindly; any other the bot asks again, with
the answer buttons (in a check-in), or offers its menu and to pass the words to staff (any other time)."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

SAD = ["🥲", "🤧", "🥴", "😵", "😟", "🙁", "☹️", "😥", "😦", "🤮", "🥲🥲"]
OTHER = ["🫠", "🙃", "🫥", "🌧", "🌧️", "😶", "🫤", "😐", "🤡", "🐶", "🌞", "🍎", "🎉", "🥳", "😴", "🫣", "🙈", "🤗",
         "😪", "🫨", "🙃🙃", "🌞🍎", "🤔"]
AGAIN = "今天身体好吗"


async def _checkin_answer(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    seen = len(zhang.inbox)
    await zhang.send(words)
    return (await app.svc.checkins.state(rid)).answer, zhang.inbox[seen:], people("李社工")


@pytest.mark.parametrize("words", SAD)
async def test_a_sad_or_ill_face_to_the_check_in_reaches_staff_kindly(people, app, clock, words):
    answer, got, li = await _checkin_answer(people, app, clock, words)
    assert answer == "unwell"
    assert words in li.last("求助 #1").text and "紧急" not in li.last("求助 #1").text
    assert "不舒服" in got[-1].text and not any("平安" in m.text or "没太明白" in m.text for m in got)


@pytest.mark.parametrize("words", OTHER)
async def test_any_other_unknown_emoji_to_the_check_in_asks_again_with_the_buttons(people, app, clock, words):
    answer, got, li = await _checkin_answer(people, app, clock, words)
    assert answer != "ok" and li.texts() == []
    assert AGAIN in got[-1].text and {d for _, d in got[-1].buttons} >= {"ci:ok", "ci:unwell", "ci:help"}
    assert not any("平安" in m.text or "没太明白" in m.text for m in got)


@pytest.mark.parametrize("words", SAD)
async def test_a_sad_or_ill_face_said_any_time_reaches_staff_kindly(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    li = people("李社工")
    assert words in li.last("求助 #1").text and "紧急" not in li.last("求助 #1").text
    assert "不舒服" in wang.last().text and not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", OTHER)
async def test_any_other_unknown_emoji_said_any_time_is_not_taken_as_yes(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    seen = len(wang.inbox)
    await wang.send(words)
    got = wang.inbox[seen:]
    assert people("李社工").texts() == []
    assert "没太明白" in got[0].text and any("转给社工" in label for m in got for label, _ in m.buttons)


@pytest.mark.parametrize("words", ["😧", "😧😧"])
async def test_a_frightened_face_could_be_a_cry_staff_are_alerted_and_one_tap_asked(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert words in people("李社工").last("紧急求助 #1").text
    assert "需要马上有人来吗" in wang.last().text
