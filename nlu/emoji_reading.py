"""Emoji the short-words table does not list, read by their Unicode names: never "fine", never "yes".

A resident sends an emoji, or a few, and nothing else. The table (data/short_words.yml) pins the ones we know ("😊"
fine, "😭" could be a cry); the model saw too few to read the rest and answered "yes" to them all ("🫠", "🙃", "🌧"),
which to "今天身体还好吗？" counted as fine. An emoji-only message the table does not pin is read here instead, from each
emoji's Unicode name (for one the table lists, or the training data gives alone, that reading first):
  fear or distress (FEARFUL, SCREAM, ANGUISHED…)          → "uncertain": could be a cry, as the table reads 😱 and 😖
  sad or ill (TEAR, CRYING, FROWNING, SNEEZING, DIZZY…)   → feeling_unwell: staff hear, kindly
  anything else the table does not know ("🙃", "🐶", "🎉") → out_of_scope: the bot asks again
The most urgent reading of the message's emoji wins; a message of emoji all known ("👍😊", "👋") is left as before.

    reading("🥲", {}.get)     # "feeling_unwell"
    reading("🫠", {}.get)     # "out_of_scope"
    reading("我好🥲", {}.get)  # None: words, the model reads them
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

# joined into one emoji, or dressing one: zero-width joiner, variation selectors, keycap; and the skin tones
JOINERS = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_EMOJI_PLANE = range(0x1F000, 0x1FB00)  # newer emoji this Python's Unicode tables have no name for yet ("🫨")
DISTRESS = re.compile(r"FEARFUL|SCREAM|ANGUISH|PERSEVER|CONFOUNDED")
SAD = re.compile(r"\bTEARS?\b|\bCRYING\b|\bSAD\b|FROWN|DISAPPOINTED|WORRIED|WEARY|TIRED|PENSIVE|\bSICK\b|NAUSEATED"
                 r"|VOMITING|SNEEZING|THERMOMETER|HEAD-BANDAGE|MEDICAL MASK|DIZZY FACE|WAVY MOUTH|BROKEN HEART"
                 r"|COLD SWEAT")
NOT_SAD = re.compile(r"\bJOY\b|LAUGHING|GRINNING|SMILING FACE WITH OPEN MOUTH")  # 😹 "tears of joy", 😅 "sweat"
URGENCY = ("emergency", "uncertain", "feeling_unwell")  # most urgent first


def _is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or ch in JOINERS or ord(ch) in _EMOJI_PLANE


def only_emoji(text: str) -> bool:
    """True for a message of emoji alone (spaces aside): "🫠", "🌧️", "👍 😊"; False for one with any word or mark."""
    said = "".join(text.split())
    return bool(said) and all(map(_is_emoji, said)) and not all(ch in JOINERS for ch in said)


def _by_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if DISTRESS.search(name):
        return "uncertain"
    return "feeling_unwell" if SAD.search(name) and not NOT_SAD.search(name) else "out_of_scope"


def reading(said: str, pinned: Callable[[str], str | None]) -> str | None:
    """What an emoji-only message means when the table does not pin the whole (`pinned`: the known reading of one
    emoji, or None); None for words, or for emoji all known (the model reads those, as before)."""
    if not only_emoji(said):
        return None
    readings, unknown = set(), False
    for ch in "".join(said.split()):
        if ch in JOINERS or ord(ch) in _SKIN_TONES:
            continue
        known = pinned(ch)  # (the table and the training data are read without variation selectors)
        unknown = unknown or known is None
        readings.add(known or _by_name(ch))
    urgent = next((r for r in URGENCY if r in readings), None)
    return urgent or ("out_of_scope" if unknown else None)
