"""/language (or /lang) switched at once to the other language: 张阿姨 who typed it by mistake (or tapped it in
Telegram's command menu) read "Language set to English." and a menu she cannot read, with no way back she could find.
Now it asks, in both languages, with one tap each: [中文] [English]; "/lang en" or "/lang 中文" sets it at once."""
import pytest
from conftest import signed_up

ZH_SOS, EN_SOS = "🆘 紧急求助", "🆘 Emergency help"


async def test_the_command_alone_asks_and_changes_nothing_yet(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("/lang")
    asked = zhang.last()
    assert "请按一下" in asked.text and "Tap one" in asked.text, asked.text
    assert [label for label, _ in asked.buttons] == ["中文", "English"]
    await zhang.send("你好")
    assert ZH_SOS in zhang.last().keyboard


async def test_a_tap_on_the_choice_decides(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("/language")
    await zhang.click(zhang.last(), "English")
    assert EN_SOS in zhang.last().keyboard
    await zhang.send("/lang")
    await zhang.click(zhang.last(), "中文")
    assert ZH_SOS in zhang.last().keyboard


@pytest.mark.parametrize("typed, sos", [("/lang en", EN_SOS), ("/language English", EN_SOS), ("/lang 英文", EN_SOS),
                                        ("/lang zh", ZH_SOS), ("/lang 中文", ZH_SOS)])
async def test_a_language_named_with_the_command_is_set_at_once(people, app, typed, sos):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send(typed)
    assert sos in zhang.last().keyboard
