"""Small facts about people the flows and alerts need: age, names, who is family of whom."""
from __future__ import annotations

from datetime import date, datetime


def age_of(person: dict | None, today: date | datetime) -> int | None:
    birth = (person or {}).get("birth_date")
    if not birth:
        return None
    b = date.fromisoformat(birth)
    d = today.date() if isinstance(today, datetime) else today
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def mask_phone(phone: str | None) -> str:
    """For logs: never a whole number."""
    if not phone:
        return ""
    return phone[:3] + "****" + phone[-2:] if len(phone) > 6 else "****"
