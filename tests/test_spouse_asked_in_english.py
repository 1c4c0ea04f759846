"""Tom reads English. Told the senior allowance at 89, he asked "what about my wife, she is 78" and read "Do you need
someone to come right now?" — and "does my husband get it too", "my wife is 78" reached staff as a request for help.
In Chinese "那我老伴能领吗 他88" is answered for 88, "我老伴也有吗" asks his age, "那我老伴呢" asks which he means.
Now the same in English; staff hear nothing of it."""
import pytest

from bot.testing.tools import Person


async def _tom_told_the_allowance(app, uid: int) -> Person:
    tom = Person(app, uid, "Tom", language="en")
    await tom.send("/start")
    await tom.click(tom.inbox[-1], "English")
    await tom.share_contact("13900000002")
    await tom.send("how much is the old age allowance")
    assert "At 89" in tom.last().text, tom.last().text
    return tom


@pytest.mark.parametrize("words", ["what about my wife, she is 78", "my wife is 78", "and my husband? he's 78",
                                   "can my wife get it too? she is 78 years old"])
async def test_his_wifes_age_told_gets_her_answer(app, people, words):
    tom = await _tom_told_the_allowance(app, 5901)
    await tom.send(words)
    said = tom.last().text
    assert "At 78" in said and "150" in said, said
    assert not [t for t in people("李社工").texts() if "Tom" in t or "王老伯" in t]


@pytest.mark.parametrize("words", ["does my husband get it too", "can my wife get it as well?"])
async def test_whether_his_wife_gets_it_too_asks_her_age(app, people, words):
    tom = await _tom_told_the_allowance(app, 5902)
    await tom.send(words)
    assert "How old is your husband or wife?" in tom.last().text, tom.last().text
    await tom.send("78")
    assert "At 78" in tom.last().text, tom.last().text
    assert not [t for t in people("李社工").texts() if "王老伯" in t]


async def test_what_about_my_wife_asks_which_he_means_with_two_buttons(app, people):
    tom = await _tom_told_the_allowance(app, 5903)
    await tom.send("what about my wife?")
    asked = tom.last()
    assert "pension" in asked.text and len(asked.buttons) == 2, asked
    assert not [t for t in people("李社工").texts() if "王老伯" in t]
