"""Config values that are refused with one line naming the key when they are wrong (bot/config.py).

A phone number the config gives residents to call — the committee's (in every emergency's reply: "居委会电话：…") and
each staff member's ("着急的话，可以直接打李社工的电话"): an empty or mistyped one would leave a resident on the floor
with nothing to dial. A clock time ("09:00") for shifts and quiet hours."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

SHORTEST = 7  # digits: a local landline; 120 or 12345 is never a committee's or a staff member's own number


def dialable(value: object) -> str:
    """The number as written ("021-6437 0000", "+86 138…"), if it has digits enough to be dialled."""
    text = str(value or "").strip()
    if not re.fullmatch(r"\+?[\d\s\-()]+", text) or len(re.sub(r"\D", "", text)) < SHORTEST:
        # (the value itself is not repeated: a phone is personal data, and this line may reach a log)
        raise ValueError("expected a phone number to dial, like 021-64370000 or 13800000000")
    return text


def clock_time(value: str) -> str:
    """"HH:MM" on a 24-hour clock."""
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", str(value)):
        raise ValueError(f"expected a time like 09:00, got {value!r}")
    return str(value)


Phone = Annotated[str, AfterValidator(dialable)]
