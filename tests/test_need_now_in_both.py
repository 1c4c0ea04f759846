""""您需要马上有人来吗？" when only her Telegram profile says English (session 22's probe). 王老伯, whose grandson set his
phone up in English, typed 🆘: he read the alert's reassurance in Chinese and English, then "Do you need someone to
come right now? [🆘 Yes, come now] [🙂 No, I am fine]" in English alone — the one question that mattered, in a
language he may not read (the address read back after it came in both). Now it comes in both, the committee's first,
as the read-back does."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person


@pytest.mark.parametrize("cry", ["🆘", "SOS"])
async def test_the_need_question_comes_in_both_when_her_language_is_only_guessed(app, cry):
    wang = await signed_up(Person(app, 5077, "王老伯", language="en"), "13900000002")
    await wang.send(cry)
    asked = wang.last("马上有人来吗")
    assert "Do you need someone to come right now?" in asked.text, asked.text
    assert asked.text.index("马上有人来吗") < asked.text.index("Do you need"), asked.text
    assert [label for label, _ in asked.buttons] == ["🆘 是，马上来 / Yes, come now", "🙂 不用，我没事 / No, I am fine"], \
        asked.buttons
    await wang.click(asked, "是")
    assert "请确认您现在的地址" in wang.last().text and "Please check your address" in wang.last().text


async def test_guard_english_typed_reads_english_alone(app):
    wang = await signed_up(Person(app, 5078, "王老伯", language="en"), "13900000002")
    await wang.send("I fell")
    asked = wang.last("Do you need someone")
    assert "马上有人来吗" not in asked.text and asked.buttons[0][0] == "🆘 Yes, come now", asked
