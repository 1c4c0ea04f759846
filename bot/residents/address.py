"""Addresses: read back the registered one, compare a stated one with it part by part."""
from __future__ import annotations

PARTS = ("road", "lane", "building", "room")
SUFFIX = {"road": "", "lane": "弄", "building": "号", "room": "室"}


def format_parts(parts: dict, mark: set[str] = frozenset()) -> str:
    out = []
    for key in PARTS:
        value = parts.get(key)
        if value:
            text = f"{value}{SUFFIX[key]}"
            out.append(f"⚠️{text}" if key in mark else text)
    return "".join(out)


def full_address(prefix: str, parts: dict) -> str:
    body = format_parts(parts)
    return f"{prefix} {body}".strip() if body else ""


def differing_parts(registered: dict, stated: dict) -> set[str]:
    """Parts the resident stated that disagree with the register (parts not stated are not differences)."""
    diff = set()
    for key in PARTS:
        said = str(stated.get(key) or "").strip()
        if not said:
            continue
        reg = str(registered.get(key) or "").strip()
        if key == "road":
            if reg and said.rstrip("路街") not in reg and reg.rstrip("路街") not in said:
                diff.add(key)
        elif said != reg:
            diff.add(key)
    return diff


def has_any(parts: dict) -> bool:
    return any(parts.get(k) for k in PARTS)
