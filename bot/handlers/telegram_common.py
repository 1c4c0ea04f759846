"""What both Telegram adapters share: the command list, error classification, and message translation."""
from __future__ import annotations

from ..i18n import Catalogue
from ..types import Inbound, Outbound

RESIDENT_COMMANDS = ("start", "help", "cancel", "lang")
STAFF_COMMANDS = ("open", "incident", "duty", "checkins", "questions", "web")

PERMANENT_ERRORS = ("blocked", "chat not found", "user is deactivated", "bot was kicked", "not enough rights",
                    "have no rights", "peer_id_invalid", "user not found")


def is_permanent(description: str) -> bool:
    low = description.lower()
    return any(p in low for p in PERMANENT_ERRORS)


def is_not_modified(description: str) -> bool:
    return "message is not modified" in description.lower()


def command_list(cat: Catalogue, locale: str) -> list[tuple[str, str]]:
    return [(c, cat.t(f"commands.{c}", locale)) for c in RESIDENT_COMMANDS]


def staff_command_list(cat: Catalogue, locale: str) -> list[tuple[str, str]]:
    return command_list(cat, locale) + [(c, cat.t(f"commands.{c}", locale)) for c in STAFF_COMMANDS]


def inbound_from_message(message, *, edited: bool = False) -> Inbound:
    """The core's event for a Telegram message; aiogram's and python-telegram-bot's Message share these fields."""
    user = message.from_user
    kind = "edited" if edited else classify_message({f: getattr(message, f, None) for f in MESSAGE_FIELDS})
    contact, loc = message.contact, message.location
    return Inbound(
        user_id=user.id if user else message.chat.id, chat_id=message.chat.id, kind=kind,
        text=message.text or message.caption or "", message_id=message.message_id,
        contact_phone=contact.phone_number if contact else None, contact_user_id=contact.user_id if contact else None,
        latitude=loc.latitude if loc else None, longitude=loc.longitude if loc else None,
        language=user.language_code if user else None, first_name=user.first_name if user else "",
        is_group=message.chat.type != "private")


MESSAGE_FIELDS = ("contact", "location", "voice", "audio", "video_note", "photo", "sticker", "document", "video",
                  "animation", "text")


def classify_message(has: dict) -> str:
    """The core's kind for a Telegram message, from which of its fields are set."""
    for field, kind in (("contact", "contact"), ("location", "location"), ("voice", "voice"),
                        ("audio", "voice"), ("video_note", "voice"), ("photo", "photo"), ("sticker", "sticker"),
                        ("document", "file"), ("video", "file"), ("animation", "file")):
        if has.get(field):
            return kind
    text = has.get("text") or ""
    if text.startswith("/"):
        return "command"
    return "text" if text else "unsupported"


async def put(bot, msg: Outbound, reply_markup) -> int | None:
    """Forward, edit or send through either library's Bot (their methods share these names and arguments)."""
    if msg.forward:
        sent = await bot.forward_message(msg.chat_id, msg.forward.chat_id, msg.forward.message_id)
    elif msg.edit:
        await bot.edit_message_text(text=msg.text, chat_id=msg.edit.chat_id, message_id=msg.edit.message_id,
                                    reply_markup=reply_markup)
        return msg.edit.message_id
    else:
        sent = await bot.send_message(msg.chat_id, msg.text, reply_markup=reply_markup)
    return sent.message_id
