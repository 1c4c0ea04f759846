""""I fell in the bathroom" was told "First let the water out of the bath; keep warm with a towel" — the bath's
lines, for a fall on a bathroom floor ("in the bath" matched inside "in the bathroom"); the fall's lines were gone.
Now a bathroom is a fall's; in the bath is still the bath's (probe, session 25)."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person


async def _told(app, words):
    wang = await signed_up(Person(app, 5078, "王老伯", language="en"), "13900000002")
    await wang.send(words)
    return wang.last("120").text


@pytest.mark.parametrize("words", ["I fell in the bathroom", "help I fell in the bathroom and can't get up"])
async def test_a_fall_in_the_bathroom_gets_the_falls_advice_not_the_baths(app, words):
    told = await _told(app, words)
    assert "water out of the bath" not in told, told
    assert "do not force yourself up" in told, told


@pytest.mark.parametrize("words", ["I fell in the bath", "I fell in the bathtub and can't get up"])
async def test_stuck_in_the_bath_still_gets_the_baths_advice(app, words):
    """Guard."""
    assert "water out of the bath" in await _told(app, words)
