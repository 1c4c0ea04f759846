"""A photo sent during an open call reached staff under "🎙 #1 刘奶奶 发来的消息" — a microphone over a picture
(console probe, session 16): the line now shows what came (📷 a photo or video, 🎙 a voice)."""
from conftest import signed_up


async def test_a_photo_on_an_open_call_is_announced_as_a_photo(people, app):
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send("🆘 紧急求助")
    await liu.send_kind("photo")
    line = li.last("发来的").text
    assert line.startswith("📷 #1") and "🎙" not in line


async def test_a_voice_on_an_open_call_is_still_a_voice(people, app):
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send("🆘 紧急求助")
    await liu.send_kind("voice")
    assert li.last("发来的").text.startswith("🎙 #1")
