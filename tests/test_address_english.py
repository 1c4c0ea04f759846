"""Residents who write English can still correct their address."""
import pytest

from bot.testing.tools import Person
from conftest import signed_up
from nlu.entities import parse_address


@pytest.mark.parametrize("text, parts", [
    ("Lane 27, Building 3, Room 602", ("27", "3", "602")),
    ("I am at lane 27 no. 7 room 302", ("27", "7", "302")),
    ("room 602", (None, None, "602")),
    ("I fell down", (None, None, None)),
])
def test_english_address_parts(text, parts):
    got = parse_address(text)
    assert (got["lane"], got["building"], got["room"]) == parts


async def test_an_english_speaker_corrects_the_address(app, people):
    wang = await signed_up(Person(app, 5077, "王老伯", language="en"), "13900000002")
    await wang.send("🆘 Emergency help")
    await wang.click(wang.last("address"), "No")
    await wang.send("Lane 27, Building 7, Room 302")
    alert = people("李社工").last("紧急求助").text
    assert "⚠️7号" in alert and "⚠️5号" in alert
