"""What a resident reads after sending a photo or her location with no call open: "已经转给值班社工，他们会听" — a
photo or a place is looked at, not listened to (console probe, session 16). A voice message is still "会听"."""
import pytest
from conftest import signed_up


async def _liu(people):
    return await signed_up(people("刘奶奶"), "13900000003")


async def test_a_location_is_looked_at(people, app):
    liu = await _liu(people)
    await liu.share_location()
    reply = liu.last("值班社工").text
    assert "位置" in reply and "会听" not in reply and "120" in reply


async def test_a_photo_is_looked_at(people, app):
    liu = await _liu(people)
    await liu.send_kind("photo")
    reply = liu.last("值班社工").text
    assert "会听" not in reply and "看" in reply and "120" in reply


async def test_a_voice_is_listened_to(people, app):
    liu = await _liu(people)
    await liu.send_kind("voice")
    assert "会听" in liu.last("值班社工").text
