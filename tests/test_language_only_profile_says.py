"""Telegram has no official Chinese, so many Chinese residents' profiles say English (a grandson set the phone up).
王老伯, 89, in a Chinese-speaking committee, profile "en", not registered with a language, who only presses buttons,
pressed 🆘 and read "The social worker on duty has been told…" — in English, which he cannot read. Now, when nothing
but the profile says his language and it is not the committee's, what matters most comes in both, the committee's
first: the emergency's acknowledgement (with the committee's phone and 120 in each) and the welcome, which also
offers [中文] [English]; one tap on it (as /language) decides from then on. A genuine English speaker who presses
[English], or types English, reads English alone."""
from conftest import signed_up

from bot.testing.tools import Person

PHONE = "021-64370000"


async def _by_buttons(app, uid=5301):
    """王老伯, Telegram in English, signs up by buttons alone."""
    return await signed_up(Person(app, uid, "王老伯", language="en"), "13900000002")


def _chinese_then_english(text: str, zh: str, en: str) -> None:
    assert zh in text and en in text, text
    assert text.index(zh) < text.index(en), text


async def test_his_sos_button_is_acknowledged_in_chinese_first_then_english(app):
    wang = await _by_buttons(app)
    await wang.send("🆘 Emergency help")  # the button on his (English) keyboard
    said = wang.last("120").text
    assert said.startswith("🆘 已通知值班社工"), said
    _chinese_then_english(said, "已通知值班社工", "The social worker on duty has been told")
    assert said.count(PHONE) == 2 and said.count("120") >= 2, said
    assert len(said) < 1000, len(said)  # short: one screen


async def test_when_no_staff_member_is_reached_he_reads_that_in_chinese_too(app):
    for st in app.settings.staff:  # every staff chat refuses messages
        app.svc.outbox.messenger.blocked.add(st.telegram_id)
    wang = await _by_buttons(app)
    await wang.send("🆘 Emergency help")
    said = wang.last("暂时没联系上社工").text
    _chinese_then_english(said, "暂时没联系上社工", "We could not reach a social worker")
    assert said.count(PHONE) == 2, said


async def test_his_first_contact_is_in_both_and_offers_a_language_choice(app):
    wang = Person(app, 5302, "王老伯", language="en")
    await wang.send("/start")
    welcome = wang.last(PHONE)
    _chinese_then_english(welcome.text, "请按下面的按钮", "Please press the button below")
    choice = wang.inbox[-1]
    assert [label for label, _ in choice.buttons] == ["中文", "English"], choice.buttons


async def test_once_he_is_recognised_the_welcome_is_in_both(app):
    """(The choice was offered at his first welcome: not again here — tests/test_language_guessed_others.py.)"""
    wang = await _by_buttons(app)
    texts = wang.texts()
    _chinese_then_english(next(t for t in texts if "认出您了" in t), "已经认出您了", "I know who you are now")
    assert "🆘" in str(wang.inbox[-1].keyboard), wang.inbox[-1]


async def test_one_tap_on_chinese_and_he_reads_chinese_alone(app):
    wang = Person(app, 5303, "王老伯", language="en")
    await wang.send("/start")
    await wang.click(wang.inbox[-1], "中文")
    assert wang.last("已切换为中文").buttons == []  # the choice is made: its buttons are gone
    assert wang.last().text.startswith("您好！") and "Hello" not in wang.last().text  # the welcome again, in Chinese
    await wang.share_contact("13900000002")
    assert "已经认出您了" in wang.last().text and "I know who" not in wang.last().text
    assert "🆘 紧急求助" in wang.inbox[-1].keyboard, wang.inbox[-1].keyboard  # his big buttons in Chinese
    await wang.send("🆘 紧急求助")
    said = wang.last("120").text
    assert "已通知值班社工" in said and "social worker" not in said, said


async def test_a_genuine_english_speaker_who_taps_english_reads_english_alone(app):
    tom = Person(app, 5304, "Tom", language="en")
    await tom.send("/start")
    await tom.click(tom.inbox[-1], "English")
    assert tom.last("Language set to English").buttons == []
    assert tom.last().text.startswith("Hello!") and "请按" not in tom.last().text, tom.last().text
    await tom.share_contact("13900000002")
    await tom.send("🆘 Emergency help")
    said = tom.last("120").text
    assert "The social worker on duty has been told" in said and "值班社工" not in said, said


async def test_a_genuine_english_speaker_who_types_english_then_presses_sos_reads_english_alone(app):
    tom = await _by_buttons(app, uid=5305)
    await tom.send("I feel unwell today")
    await tom.send("🆘 Emergency help")
    said = tom.last("120").text
    assert "The social worker on duty has been told" in said and "值班社工" not in said, said


async def test_a_chinese_profile_reads_chinese_alone(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    assert not zhang.inbox[-1].buttons  # no language choice: nothing to guess
    await zhang.send("🆘 紧急求助")
    said = zhang.last("120").text
    assert "已通知值班社工" in said and "social worker" not in said, said


async def test_start_again_welcomes_him_in_both_and_offers_the_choice_again(app):
    """Signed up before the choice was offered (or he let it pass): /start (Telegram's "Start") offers it again."""
    wang = await _by_buttons(app, uid=5306)
    await wang.send("/start")
    welcome = wang.inbox[-2]
    _chinese_then_english(welcome.text, "请按下面的大按钮", "Please press one of the big buttons")
    assert [label for label, _ in wang.inbox[-1].buttons] == ["中文", "English"]
    await wang.click(wang.inbox[-1], "中文")
    assert "🆘 紧急求助" in wang.inbox[-1].keyboard, wang.inbox[-1]


async def test_his_address_is_read_back_in_both_and_his_yes_is_taken(app):
    """After his 🆘 the registered address is read back for a yes/no (seed 000: a man gave the wrong door): in
    English alone he could not tell what was asked."""
    wang = await _by_buttons(app, uid=5307)
    await wang.send("🆘 Emergency help")
    question = wang.last("27弄5号302室")
    _chinese_then_english(question.text, "请确认您现在的地址", "Please check your address now")
    assert [label for label, _ in question.buttons] == ["✅ 对 / Yes", "❌ 不对 / No"], question.buttons
    await wang.click(question, "对")
    assert "社工会到这个地址" in wang.last().text, wang.last().text
