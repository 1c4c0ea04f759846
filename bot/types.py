"""The core's own small types: what comes in from any channel, and what goes out to it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

InboundKind = Literal[
    "text", "command", "button", "contact", "location", "voice", "photo",
    "sticker", "file", "edited", "moved", "unsupported", "blocked", "unblocked",
]  # "moved": a live location's new position (Telegram sends it as an edit of the location message); "blocked" /
#   "unblocked": the person blocked the bot's private chat, or took it back (Telegram's my_chat_member)


MEDIA = ("voice", "photo", "location")  # what the bot cannot read: forwarded to staff as it is


@dataclass(frozen=True)
class Inbound:
    """One thing a person did: typed, pressed, shared. Chat id equals user id in private chats."""

    user_id: int
    kind: InboundKind
    chat_id: int = 0
    text: str = ""
    data: str = ""                      # button payload
    message_id: int | None = None       # the person's message (for forwarding), or the pressed message
    callback_id: str | None = None
    contact_phone: str | None = None
    contact_user_id: int | None = None  # whose card was shared (None: someone else's or unknown)
    file_id: str | None = None          # a document or photo (the largest size), fetched only when wanted
    file_name: str = ""
    file_size: int = 0
    latitude: float | None = None
    longitude: float | None = None
    language: str | None = None
    first_name: str = ""
    is_group: bool = False
    group_id: int = 0                   # sent in this group; handled (and answered) as if in their private chat
    sent_at: float = 0.0                # a live location's move: when Telegram says it moved (moves may be handled
                                        # out of order)
    typed: str = ""                    # pinyin as typed, when `text` is the characters it spells (nlu.pinyin_typed)

    @property
    def chat(self) -> int:
        return self.chat_id or self.user_id

    @property
    def origin(self) -> MessageRef:
        """Where their message is, to forward it: the group it was sent in, or the chat."""
        return MessageRef(self.group_id or self.chat, self.message_id or 0)


@dataclass(frozen=True)
class Button:
    label: str
    data: str
    web_app: str = ""                   # an HTTPS page Telegram opens as a Mini App (then `data` is unused)
    url: str = ""                       # a link Telegram opens in the browser or an app, e.g. a map (`data` unused)


@dataclass(frozen=True)
class MessageRef:
    chat_id: int
    message_id: int


@dataclass(frozen=True)
class Outbound:
    """A message to show. `buttons` are inline rows; `keyboard` big reply buttons; `request` asks for contact/location."""

    chat_id: int
    text: str = ""
    buttons: tuple[tuple[Button, ...], ...] = ()
    keyboard: tuple[tuple[str, ...], ...] = ()
    request: Literal["contact", "location"] | None = None
    edit: MessageRef | None = None       # edit this message instead of sending a new one
    forward: MessageRef | None = None    # forward this message (text ignored)
    document: tuple[str, bytes] | None = None  # (file name, content): sent as a file, text as its caption
    photo: str | None = None             # a photo's file id: sent as a photo, text as its caption
    urgent: bool = False                 # jumps the outbound queue
    bulk: bool = False                   # a notice to many: goes after everything else
    tag: str = ""                        # e.g. "alert:42" — lets the sender record the message id
    silent: bool = False                 # arrives without a sound (Telegram's disable_notification): a line that
                                         # is not urgent, during quiet hours; never a call for help

    @property
    def plain_bulk(self) -> bool:
        """Plain text to many (a notice, a daily check-in or its reminder): no media, edit or forward, not urgent.
        The Telegram adapters post these without their library's objects (bot/handlers/json_send.py)."""
        many = self.bulk or self.tag.startswith(("checkin:", "checkin-reminder:"))
        return many and not (self.urgent or self.edit or self.forward or self.document or self.photo)


@dataclass(frozen=True)
class SendResult:
    ok: bool
    message_id: int | None = None
    permanent: bool = False              # blocked, chat not found: retrying will not help
    error: str = ""
    retry_after: float | None = None


@dataclass
class Identity:
    """Who is writing, as far as the committee knows."""

    user_id: int
    role: Literal["staff", "resident", "contact", "stranger"]
    locale: str = "zh"
    guessed: str = ""  # the language only her Telegram profile says, not the committee's she reads (bot/flows/both.py)
    staff_id: str | None = None
    resident_id: str | None = None
    name: str = ""
    extra: dict = field(default_factory=dict)
