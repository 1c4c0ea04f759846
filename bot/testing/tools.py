"""Test tools for the flows, shipped with the code: talk to the engine through the project's own types.

    alice = Person(app, 5001, "张阿姨")
    await alice.send("救命")
    assert "已通知" in alice.last().text
    await staff.click(staff.last(), "我来处理")
"""
from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field

from ..types import Inbound, Outbound, SendResult

_ids = itertools.count(1)


@dataclass
class Seen:
    """A message as the recipient sees it now (edits applied)."""

    chat_id: int
    message_id: int
    text: str
    buttons: list[tuple[str, str]] = field(default_factory=list)
    keyboard: list[str] = field(default_factory=list)
    request: str | None = None
    forwarded: bool = False
    edits: int = 0
    document: tuple[str, bytes] | None = None
    photo: str | None = None

    def data(self, label_part: str) -> str:
        for label, data in self.buttons:
            if label_part in label:
                return data
        raise AssertionError(f"no button {label_part!r} in {[b[0] for b in self.buttons]}")


class RecordingMessenger:
    """Delivers into memory; chats can be 'blocked' to make sends fail for good."""

    def __init__(self) -> None:
        self.chats: dict[int, list[Seen]] = {}
        self.by_id: dict[int, Seen] = {}
        self.blocked: set[int] = set()
        self.log: list[Outbound] = []
        self.files: dict[str, bytes] = {}  # what people "uploaded": file id -> content

    async def fetch_file(self, file_id: str) -> bytes:
        return self.files[file_id]

    async def deliver(self, msg: Outbound) -> SendResult:
        self.log.append(msg)
        if msg.chat_id in self.blocked:
            return SendResult(False, permanent=True, error="Forbidden: bot was blocked by the user")
        buttons = [(b.label, b.web_app or b.url or b.data) for row in msg.buttons for b in row]
        if msg.edit:
            seen = self.by_id.get(msg.edit.message_id)
            if seen is None:
                return SendResult(False, permanent=True, error="message to edit not found")
            seen.text, seen.buttons, seen.edits = msg.text, buttons, seen.edits + 1
            return SendResult(True, seen.message_id)
        seen = Seen(msg.chat_id, next(_ids), msg.text, buttons, [k for row in msg.keyboard for k in row],
                    msg.request, forwarded=msg.forward is not None, document=msg.document, photo=msg.photo)
        self.chats.setdefault(msg.chat_id, []).append(seen)
        self.by_id[seen.message_id] = seen
        return SendResult(True, seen.message_id)

    async def probe(self, chat_id: int) -> SendResult:
        """Whether a message could reach the chat (Telegram's "typing…" action)."""
        if chat_id in self.blocked:
            return SendResult(False, permanent=True, error="Forbidden: bot was blocked by the user")
        return SendResult(True)

    def to(self, chat_id: int) -> list[Seen]:
        return self.chats.get(chat_id, [])


class Person:
    """Someone typing and pressing in a private chat with the bot."""

    def __init__(self, app, user_id: int, name: str = "", language: str = "zh-hans") -> None:
        self.app, self.id, self.name, self.language = app, user_id, name, language
        self.m: RecordingMessenger = app.svc.outbox.messenger

    async def _do(self, **kw) -> list[Outbound]:
        kw.setdefault("message_id", next(_ids))
        replies = await self.app.engine.handle(Inbound(user_id=self.id, chat_id=self.id, first_name=self.name,
                                                       language=self.language, **kw))
        # and what it set going in the background (packet edits, alerts), as a person would see it a moment later
        while pending := [t for t in self.app.engine.incidents.pending() if not t.done()]:
            await asyncio.gather(*pending, return_exceptions=True)
        return replies

    async def send(self, text: str) -> list[Outbound]:
        kind = "command" if text.startswith("/") else "text"
        return await self._do(kind=kind, text=text)

    async def share_contact(self, phone: str, own: bool = True) -> list[Outbound]:
        return await self._do(kind="contact", contact_phone=phone, contact_user_id=self.id if own else None)

    async def share_location(self, lat: float = 31.2064, lon: float = 121.4452) -> list[Outbound]:
        return await self._do(kind="location", latitude=lat, longitude=lon)

    async def send_file(self, name: str, data: bytes, kind: str = "file") -> list[Outbound]:
        """A document (or, with kind="photo", a photo) the bot may download."""
        file_id = f"f{next(_ids)}"
        self.m.files[file_id] = data
        return await self._do(kind=kind, file_id=file_id, file_name=name, file_size=len(data))

    async def send_kind(self, kind: str, caption: str = "") -> list[Outbound]:
        """A voice, photo, sticker… (with a caption, read as the message's words)."""
        return await self._do(kind=kind, text=caption)

    async def click(self, message: Seen, label_part: str) -> list[Outbound]:
        return await self.press_data(message.message_id, message.data(label_part))

    async def press_data(self, message_id: int, data: str) -> list[Outbound]:
        return await self._do(kind="button", data=data, message_id=message_id, callback_id=str(next(_ids)))

    @property
    def inbox(self) -> list[Seen]:
        return self.m.to(self.id)

    def last(self, containing: str = "") -> Seen:
        for seen in reversed(self.inbox):
            if containing in seen.text:
                return seen
        raise AssertionError(f"{self.name or self.id} got no message containing {containing!r}; got "
                             f"{[s.text[:60] for s in self.inbox]}")

    def texts(self) -> list[str]:
        return [s.text for s in self.inbox]
