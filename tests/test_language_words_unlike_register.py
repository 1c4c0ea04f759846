"""王老伯 is registered as reading Chinese (the register's 语言 column), but what is typed on his phone is English ("I
fell", "please help me fill in a form": he, or whoever looks after him, writes English). He read Chinese alone and was
never asked: nothing he could press would change it but /language, a command he cannot be expected to know. Now he is
asked once, with [中文] [English] — after what his words asked for (a cry's alert goes first, as ever)."""
from test_register_language import _wang_registered


def _choices(person) -> list:
    """The choices after his sign-up (whose welcome may have offered it: his profile says English)."""
    linked = next(i for i, m in enumerate(person.inbox) if "认出您了" in m.text)
    return [m for m in person.inbox[linked:] if [label for label, _ in m.buttons] == ["中文", "English"]]


async def test_english_typed_by_a_resident_registered_chinese_is_answered_then_asked_once(app, tmp_path):
    wang = await _wang_registered(app, tmp_path, "中文")
    await wang.send("please help me fill in a form")
    assert "社工" in wang.inbox[-2].text and "social worker" not in wang.inbox[-2].text, wang.inbox[-2].text
    [choice] = _choices(wang)
    assert choice is wang.inbox[-1] and "Which language do you read?" in choice.text
    await wang.send("thank you very much")
    assert len(_choices(wang)) == 1  # once
    await wang.click(choice, "English")
    assert "🆘 Emergency help" in wang.inbox[-1].keyboard, wang.inbox[-1]


async def test_his_cry_in_english_alerts_first_and_the_question_comes_after(people, app, tmp_path):
    """(session 22: after his call's questions too, never beside one: tests/test_language_waits_for_her_call.py)"""
    wang = await _wang_registered(app, tmp_path, "中文")
    await wang.send("I fell")
    assert people("李社工").last("#1")  # staff alerted
    ack = wang.last("120")
    await wang.click(wang.last("马上有人来"), "是")
    await wang.click(wang.last("请确认您现在的地址"), "对")
    [choice] = _choices(wang)
    assert wang.inbox.index(ack) < wang.inbox.index(choice), wang.texts()


async def test_chinese_typed_by_a_resident_registered_chinese_is_never_asked(app, tmp_path):
    wang = await _wang_registered(app, tmp_path, "中文", profile="zh-hans")
    await wang.send("我想问一下养老金")
    assert _choices(wang) == []
