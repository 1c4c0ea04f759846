"""What both Telegram adapters share: the command list, error classification, and the run loop shape."""
from __future__ import annotations

from ..i18n import Catalogue

RESIDENT_COMMANDS = ("start", "help", "cancel", "lang")
STAFF_COMMANDS = ("open", "incident", "duty", "checkins", "questions")

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
