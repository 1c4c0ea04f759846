"""A resident who writes in English, with no language in her Telegram profile, read every reply in Chinese
(session 19's probe: "please help me fill in a form" → "好的，已经告诉居委会社工…"): the bot chose the language from
the profile alone. Now, with no language chosen (no /language, none in the profile), the bot answers in the language
her words are written in — English words and no Chinese character: English — and keeps it for her button presses
until she writes in Chinese again. A word or two of English in a Chinese resident's message ("我的iPad坏了", "OK")
changes nothing, and a profile's language still wins."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person


async def _no_profile_language(app, uid=5093):
    return await signed_up(Person(app, uid, "王老伯", language=None), "13900000002")


async def test_english_words_with_no_profile_language_get_an_english_reply(app):
    wang = await _no_profile_language(app)
    await wang.send("please help me fill in a form")
    said = wang.last().text
    assert "social worker" in said and "社工" not in said, said


async def test_an_english_cry_with_no_profile_language_is_answered_in_english(app, people):
    wang = await _no_profile_language(app)
    await wang.send("help me I fell and can't get up")
    assert any("紧急求助 #1" in t for t in people("李社工").texts())  # staff read their own language, as ever
    said = "\n".join(wang.texts())
    assert "120" in said and "call" in said.lower() and "值班社工" not in said, said


async def test_her_button_press_after_english_words_stays_in_english(app):
    wang = await _no_profile_language(app)
    await wang.send("I feel unwell")
    await wang.click(wang.last("Shall we"), "send someone")
    assert "come and see you" in wang.last().text


@pytest.mark.parametrize("words, chinese", [("我的iPad坏了", "社工"), ("OK", "好的"), ("我用微信 wechat 打不开", "社工")])
async def test_a_chinese_resident_with_a_word_of_english_still_reads_chinese(app, words, chinese):
    wang = await _no_profile_language(app)
    await wang.send(words)
    assert chinese in wang.last().text, wang.texts()


async def test_she_writes_chinese_again_and_reads_chinese_again(app):
    wang = await _no_profile_language(app)
    await wang.send("please help me fill in a form")
    await wang.send("谢谢")
    assert "不客气" in wang.last().text


async def test_a_profile_language_still_decides(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")  # Telegram in Chinese
    await wang.send("please help me fill in a form")
    assert "社工" in wang.last().text


async def test_an_english_cry_in_a_group_from_someone_with_no_profile_language_gets_english_there(app):
    from bot.types import Inbound

    await app.engine.handle(Inbound(user_id=7301, chat_id=-100778, first_name="Tom", language=None, message_id=99,
                                    kind="text", text="help me I fell", is_group=True))
    said = [s.text for s in app.svc.outbox.messenger.to(-100778)]
    assert said and "call 120 now" in said[-1], said


@pytest.mark.parametrize("words", ["jiu ming a", "wo shuai dao le", "wo tou yun", "jiuming jiuming"])
async def test_pinyin_typed_by_a_chinese_resident_with_no_profile_language_is_answered_in_chinese(app, people, words):
    """An old man who cannot type characters types pinyin ("jiu ming a" is 救命啊): with words7's rule it read as
    English words, and he was answered in English."""
    wang = await _no_profile_language(app)
    await wang.send(words)
    said = "\n".join(wang.texts()[-2:])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in said) and "social worker" not in said.lower(), said


@pytest.mark.parametrize("words, english", [("please help me fill in a form", "social worker"),
                                            ("I feel unwell", "Shall we")])
async def test_english_words_that_are_no_pinyin_still_get_english(app, words, english):
    wang = await _no_profile_language(app)
    await wang.send(words)
    assert english in "\n".join(wang.texts()[-2:])
