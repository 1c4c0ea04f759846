"""The language a person reads as the committee writes it down: the register's `language` (语言) column and a staff
member's `language` in config. "zh-Hans", "中文", "Chinese" … and "en", "英文", "English" … are read as the message
catalogue's locale ("zh", "en"); an empty cell says nothing (then her words and her Telegram profile decide:
bot/people.py)."""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

NAMES = {
    "zh": {"zh", "zh-hans", "zh-cn", "zh-hans-cn", "zh-sg", "cn", "chinese", "mandarin", "中文", "汉语", "简体中文",
           "普通话", "国语"},
    "en": {"en", "en-us", "en-gb", "english", "英文", "英语"},
}
WRITTEN = {"zh": "zh-Hans", "en": "en"}  # how an export writes it back


def read_language(value: object) -> str | None:
    """The locale a written language names; None when the cell is empty. Anything else is refused, naming it."""
    text = str(value or "").strip()
    if not text:
        return None
    said = text.lower().replace("_", "-").replace(" ", "")
    for locale, names in NAMES.items():
        if said in names:
            return locale
    raise ValueError(f"language should be zh-Hans (中文) or en (English), got {text!r}")


def written(locale: str | None) -> str:
    """A stored locale as the register's column writes it ("zh-Hans"); "" for none."""
    return WRITTEN.get(locale or "", locale or "")


# a config field: the value as written there, read as a locale (or refused with one line naming the key)
Language = Annotated[str | None, AfterValidator(read_language)]
