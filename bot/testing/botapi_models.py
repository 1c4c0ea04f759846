"""What the fake server records, and the Bot API objects it hands to clients."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

# Message fields that make up the content, in the order used to name the message's kind.
CONTENT_KINDS = ("text", "location", "voice", "photo", "contact", "sticker", "document",
                 "video_note", "video", "audio", "animation", "venue")
CONTENT_FIELDS = CONTENT_KINDS + ("entities", "caption", "caption_entities")


@dataclass
class Call:
    """One HTTP request to the server, decoded."""

    method: str
    params: dict[str, Any]
    at: float  # time.monotonic() when it arrived
    result_ok: bool = False
    error_code: int | None = None
    result: Any = None


@dataclass
class SentMessage:
    """A message the bot put into a chat; text and reply_markup follow later edits."""

    message_id: int
    chat_id: int
    text: str  # what the user sees (parse_mode markup removed); caption for media
    reply_markup: dict | None
    kind: str  # "text", "forward", "copy", "location", "voice", "photo", ...
    parse_mode: str | None = None
    forwarded_from: tuple[int, int] | None = None
    edits: list[str] = field(default_factory=list)  # earlier texts, oldest first
    deleted: bool = False
    silent: bool = False  # sent with disable_notification: the phone made no sound
    at: float = field(default_factory=time.monotonic)
    raw: dict = field(default_factory=dict, repr=False)  # the current Message object

    def _rows(self) -> list[list]:
        markup = self.reply_markup or {}
        return markup.get("inline_keyboard") or markup.get("keyboard") or []

    def _buttons(self) -> list[dict]:
        return [b if isinstance(b, dict) else {"text": b} for row in self._rows() for b in row]

    def buttons(self) -> list[str]:
        return [b["text"] for b in self._buttons()]

    def button_data(self, text_part: str) -> str:
        for button in self._buttons():
            if text_part in button["text"] and "callback_data" in button:
                return button["callback_data"]
        raise AssertionError(f"no inline button containing {text_part!r} in {self.buttons()} ({self.text!r})")

    def has_request_contact(self) -> bool:
        return any(b.get("request_contact") for b in self._buttons())

    def has_request_location(self) -> bool:
        return any(b.get("request_location") for b in self._buttons())

    def describe(self) -> str:
        extra = f" buttons={self.buttons()}" if self.reply_markup else ""
        gone = " (deleted)" if self.deleted else ""
        return f"#{self.message_id} [{self.kind}]{gone} {self.text!r}{extra}"


def now_ts() -> int:
    return int(time.time())


def user_obj(user_id: int, first_name: str, *, is_bot: bool = False, username: str | None = None,
             language_code: str | None = None) -> dict:
    obj: dict[str, Any] = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if username:
        obj["username"] = username
    if language_code:
        obj["language_code"] = language_code
    return obj


def private_chat(user: dict) -> dict:
    chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    if "username" in user:
        chat["username"] = user["username"]
    return chat


def group_chat(chat_id: int, title: str) -> dict:
    return {"id": chat_id, "type": "supergroup" if str(chat_id).startswith("-100") else "group", "title": title}


def file_obj(kind: str, n: int, **extra: Any) -> dict:
    return {"file_id": f"{kind}-{n}", "file_unique_id": f"u-{kind}-{n}", **extra}


def media_content(kind: str, n: int, **extra: Any) -> dict:
    """Content fields of a media message as Telegram would report them."""
    shapes = {
        "photo": lambda: [file_obj("photo", n, width=90, height=90), file_obj("photo-l", n, width=1280, height=960)],
        "voice": lambda: file_obj("voice", n, duration=extra.get("duration", 3), mime_type="audio/ogg"),
        "sticker": lambda: file_obj("sticker", n, type="regular", width=512, height=512,
                                    is_animated=False, is_video=False, emoji="👍"),
        "document": lambda: file_obj("document", n, file_name=extra.get("file_name", "a.pdf")),
        "video_note": lambda: file_obj("video_note", n, length=240, duration=extra.get("duration", 5)),
        "video": lambda: file_obj("video", n, width=640, height=480, duration=extra.get("duration", 5)),
        "audio": lambda: file_obj("audio", n, duration=extra.get("duration", 3)),
        "animation": lambda: file_obj("animation", n, width=320, height=240, duration=2),
    }
    return {kind: shapes[kind]()}


def message_kind(message: dict) -> str:
    return next((k for k in CONTENT_KINDS if k in message), "text")
