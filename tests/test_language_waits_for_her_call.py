"""The language question waits for her call's questions (session 22's probe). 王老伯, registered as reading Chinese,
typed "I fell" on a phone whose profile says English: he read the alert, "您需要马上有人来吗？" with its buttons, and at
once below it "您看哪种文字？请按一下：[中文] [English]" — two questions at once, the one that mattered pushed up out of
sight. Now nothing but his call's question is asked while one waits; [中文] [English] comes once they are done (his
last answer given), and still only once."""
import pytest
from test_register_language import _wang_registered

LANG = ["中文", "English"]


def _choices(person, since: int = 0) -> list:
    return [m for m in person.inbox[since:] if [label for label, _ in m.buttons] == LANG]


async def _said(person, words):
    seen = len(person.inbox)
    await person.send(words)
    return person.inbox[seen:]


@pytest.mark.parametrize("said, cry, yes", [("中文", "I fell", "yes"), ("English", "救命 我摔倒了", "要")])
async def test_no_language_question_while_his_call_asks_one(people, app, tmp_path, said, cry, yes):
    wang = await _wang_registered(app, tmp_path, said, profile="en" if said == "中文" else "zh-hans")
    before = len(wang.inbox)
    got = await _said(wang, cry)
    assert any(m.buttons and "need:yes:1" in [d for _, d in m.buttons] for m in got), [m.text for m in got]
    assert _choices(wang, before) == [], [m.text for m in got]
    assert got[-1].buttons and "need:yes:1" in [d for _, d in got[-1].buttons]  # his call's question, last
    got = await _said(wang, yes)
    assert _choices(wang, before) == [], [m.text for m in got]
    assert "addr:yes:1" in [d for _, d in got[-1].buttons], [m.text for m in got]  # the read-back, last and alone


async def test_the_language_question_comes_once_his_call_asks_nothing_more(people, app, tmp_path):
    wang = await _wang_registered(app, tmp_path, "中文")
    before = len(wang.inbox)
    await _said(wang, "I fell")
    await _said(wang, "yes")
    got = await _said(wang, "yes")  # the address is right
    assert "社工会到这个地址" in got[0].text, [m.text for m in got]
    [choice] = _choices(wang, before)
    assert choice is wang.inbox[-1]
    await _said(wang, "thank you")
    assert len(_choices(wang, before)) == 1  # once
