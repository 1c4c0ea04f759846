"""Telegram's length limit: a message over 4,096 characters is refused whole ("message is too long").

Telegram counts UTF-16 code units (an emoji is two), so everything here does too. Long fields are cut
with "…" where they are shown in a message; a text that must be shown whole is split into parts.
"""
from __future__ import annotations

MESSAGE_LIMIT = 4096
WORDS_KEPT = 600  # of a cry's words, stored with its call: the start and the end of a longer one


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _head(text: str, limit: int) -> str:
    """The longest start of `text` that fits in `limit` units."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            return text[:i]
    return text


def clip(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """The text, or as much of it as fits with "…" at the end."""
    if units(text) <= limit:
        return text
    return _head(text, limit - 1) + "…"


def clip_middle(text: str, limit: int) -> str:
    """The text, or its start and its end with " … " between them (what is said last is often what matters)."""
    if units(text) <= limit:
        return text
    tail = _head(text[::-1], (limit - 3) // 2)[::-1]
    return _head(text, limit - 3 - units(tail)) + " … " + tail


def parts(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The whole text in as few messages as it takes, split at a line's end where one is near."""
    out: list[str] = []
    while units(text) > limit:
        head = _head(text, limit)
        cut = head.rfind("\n")
        if cut > len(head) // 2:
            out.append(head[:cut])
            text = text[cut + 1:]
        else:
            out.append(head)
            text = text[len(head):]
    if text.strip():
        out.append(text)
    return out
