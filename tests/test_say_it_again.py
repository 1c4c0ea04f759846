""""再说一遍" (say it again) was read as goodbye: "再见，保重身体！" — to an 85-year-old who did not catch what she read."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["再说一遍", "你再说一遍"])
async def test_say_it_again_is_no_goodbye(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert "再见" not in wang.last().text, wang.last().text


async def test_guard_goodbye_is_still_goodbye(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("再见")
    assert "再见" in wang.last().text
