"""People on the other side of the fake Bot API: a user in a private chat, and a group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .botapi_format import utf16_len
from .botapi_models import SentMessage, group_chat, media_content, private_chat, user_obj

if TYPE_CHECKING:
    from .botapi_server import BotAPIServer


class FakeUser:
    """A Telegram user writing to the bot in their private chat (chat id == user id)."""

    def __init__(self, api: BotAPIServer, user_id: int, first_name: str, language_code: str | None,
                 username: str | None):
        self.api, self.id = api, user_id
        self.obj = user_obj(user_id, first_name, username=username, language_code=language_code)
        self.chat = private_chat(self.obj)

    async def _send(self, **content: Any) -> int:
        return self.api.incoming(self.chat, self.obj, content)

    async def send_text(self, text: str) -> int:
        return await self._send(text=text)

    async def send_command(self, cmd: str, args: str = "") -> int:
        cmd = cmd if cmd.startswith("/") else f"/{cmd}"
        entity = {"type": "bot_command", "offset": 0, "length": utf16_len(cmd)}
        return await self._send(text=f"{cmd} {args}" if args else cmd, entities=[entity])

    async def send_contact(self, phone: str, user_id: int | None | str = "self", first_name: str | None = None) -> int:
        """user_id "self" shares one's own card (the request_contact button); None is someone else's card."""
        contact: dict[str, Any] = {"phone_number": phone, "first_name": first_name or self.obj["first_name"]}
        if user_id is not None:
            contact["user_id"] = self.id if user_id == "self" else user_id
        return await self._send(contact=contact)

    async def send_location(self, lat: float, lon: float, live_period: int | None = None) -> int:
        """A location; with `live_period` (seconds) a live one, whose moves come as edits (`move_live_location`)."""
        live = {"live_period": live_period} if live_period else {}
        return await self._send(location={"latitude": lat, "longitude": lon, **live})

    async def move_live_location(self, message_id: int, lat: float, lon: float, at: int | None = None) -> None:
        """Telegram's update for a live location that moved: the location message, edited (at `at`, a Unix time)."""
        message = self.api.find_message(self.id, message_id)
        self.api.incoming_edit(self.id, message_id, location={**message["location"], "latitude": lat,
                                                              "longitude": lon}, **({"edit_date": at} if at else {}))

    async def _send_media(self, kind: str, caption: str | None = None, **extra: Any) -> int:
        content = media_content(kind, self.api.next_file_number(), **extra)
        if caption:
            content["caption"] = caption
        return await self._send(**content)

    async def send_voice(self, duration: int = 3) -> int:
        return await self._send_media("voice", duration=duration)

    async def send_photo(self, caption: str | None = None, data: bytes = b"") -> int:
        content = media_content("photo", self.api.next_file_number())
        if caption:
            content["caption"] = caption
        self.api.keep_file(content["photo"], data or b"\x89PNG photo")
        return await self._send(**content)

    async def send_sticker(self) -> int:
        return await self._send_media("sticker")

    async def send_document(self, name: str = "a.pdf", data: bytes | None = None, caption: str | None = None) -> int:
        """With `data`, the bot can download the file (getFile)."""
        content = media_content("document", self.api.next_file_number(), file_name=name)
        if caption:
            content["caption"] = caption
        if data is not None:
            self.api.keep_file(content["document"], data)
        return await self._send(**content)

    async def send_video_note(self) -> int:
        return await self._send_media("video_note")

    async def send_video(self, caption: str | None = None) -> int:
        return await self._send_media("video", caption)

    async def edit_text(self, message_id: int, new_text: str) -> None:
        self.api.incoming_edit(self.id, message_id, new_text)

    async def click(self, message: SentMessage, text_part: str) -> str:
        """Press the inline button whose text contains text_part; returns the callback query id."""
        return self.api.callback(self.obj, message.chat_id, message.message_id, message.button_data(text_part))

    async def click_data(self, message_id: int, data: str, chat_id: int | None = None) -> str:
        """Deliver a callback with arbitrary (forged or stale) data."""
        return self.api.callback(self.obj, self.id if chat_id is None else chat_id, message_id, data)

    async def press(self, text: str) -> int:
        """A reply-keyboard press is just the button's text arriving as a message."""
        return await self.send_text(text)


class FakeGroup:
    """A group chat the bot is a member of."""

    def __init__(self, api: BotAPIServer, chat_id: int, title: str):
        self.api, self.id = api, chat_id
        self.chat = group_chat(chat_id, title)

    async def send_text(self, user: FakeUser, text: str) -> int:
        return self.api.incoming(self.chat, user.obj, {"text": text})

    async def send_command(self, user: FakeUser, cmd: str, args: str = "") -> int:
        cmd = cmd if cmd.startswith("/") else f"/{cmd}"
        entity = {"type": "bot_command", "offset": 0, "length": utf16_len(cmd)}
        return self.api.incoming(self.chat, user.obj, {"text": f"{cmd} {args}" if args else cmd, "entities": [entity]})

    async def send_voice(self, user: FakeUser, duration: int = 3) -> int:
        return self.api.incoming(self.chat, user.obj, media_content("voice", self.api.next_file_number(),
                                                                    duration=duration))

    async def send_photo(self, user: FakeUser, caption: str | None = None) -> int:
        content = media_content("photo", self.api.next_file_number())
        if caption:
            content["caption"] = caption
        return self.api.incoming(self.chat, user.obj, content)

    async def send_location(self, user: FakeUser, lat: float, lon: float) -> int:
        return self.api.incoming(self.chat, user.obj, {"location": {"latitude": lat, "longitude": lon}})
