"""王老伯's profile says English and nothing else says which language he reads. Asked "How are you feeling today?"
(in both), he types one English word — "fine", "good", "thanks" — and read "好的，知道您平安就放心了！" in Chinese alone;
"no" got "听到您不舒服…要不要请社工来看看您？", a question in Chinese alone with Chinese buttons (probe, session 26). One
English word that is no pinyin and not shared by Chinese writers ("ok", "hi", "sos") says English now, as two words
did; the one-word answers everyone types stay in the committee's language."""
import pytest
from conftest import TUESDAY_9, at

from bot.testing.tools import Person
from conftest import signed_up


async def _asked(app, clock, uid: int, language: str = "en") -> Person:
    wang = await signed_up(Person(app, uid, "王老伯", language=language), "13900000002")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(wang.id))["id"])
    await at(app, clock, TUESDAY_9)
    return wang


@pytest.mark.parametrize("word", ["fine", "Good", "thanks", "yes"])
async def test_one_english_word_at_the_check_in_is_answered_in_english(app, clock, word):
    wang = await _asked(app, clock, 6101)
    await wang.send(word)
    reply = wang.last().text
    assert "glad you are well" in reply and "知道您平安" not in reply, reply


async def test_no_is_asked_about_in_english(app, clock):
    wang = await _asked(app, clock, 6102)
    await wang.send("no")
    reply = wang.last()
    assert "social worker" in reply.text and "社工" not in reply.text, reply.text
    assert not any("社工" in label for label, _ in reply.buttons), reply.buttons


@pytest.mark.parametrize("word", ["ok", "OK", "👍"])
async def test_words_everyone_types_stay_in_the_committees_language(app, clock, word):
    """Guard."""
    wang = await _asked(app, clock, 6103)
    await wang.send(word)
    assert "知道您平安" in wang.last().text


async def test_a_chinese_profile_typing_fine_is_still_thanked(app, clock):
    """Guard: whichever language, the check-in is taken."""
    wang = await _asked(app, clock, 6104, language="zh-hans")
    await wang.send("fine")
    reply = wang.last().text
    assert "知道您平安" in reply or "glad you are well" in reply, reply
