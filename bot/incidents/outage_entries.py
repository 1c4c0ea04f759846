"""The outage journal's entries as the replay takes them (bot/incidents/outage.py): one entry per id across files, in
the order they came per person, each as the engine takes it."""
from __future__ import annotations

import dataclasses

from ..types import MEDIA, Inbound
from .outage_words import BEFORE_CRY_SECONDS

EVENT_FIELDS = {f.name for f in dataclasses.fields(Inbound)} - {"callback_id"}  # a button's answer is long stale


def merged(files: list) -> tuple[list, dict]:
    """Every entry of the files (entry, file), each once: a later line of an entry written into another file (whom
    its alert reached, after a replay that broke had sealed the file holding it) is merged into it, never an entry of
    its own whose replay would mark the cry done before it was stored. And the files such lines are in: {its path:
    the paths of the files their entries are in} (kept while those are)."""
    first: dict[str, dict] = {}
    where: dict[str, object] = {}
    for file in files:
        for e in file.entries:
            if ("v" in e or "ev" in e) and str(e.get("id")) not in first:  # (not a later line of one)
                first[str(e["id"])], where[str(e["id"])] = e, file
    out, follows = [], {}
    for file in files:
        for e in file.entries:
            key = str(e.get("id"))
            if first.get(key) is e:
                out.append((e, file))
            elif key in first:  # a later line of an entry in another file (or its own, read apart)
                first[key].update({k: v for k, v in e.items() if k != "id"})
                follows.setdefault(file.path, set()).add(where[key].path)
    return out, follows


def before_cries(items: list) -> list:
    """One person's entries in the order they came, except that a text typed shortly before one of their cries (no
    call of theirs to join yet) is taken as said after it: it follows that cry, and joins the call the cry becomes."""
    cries = [entry for entry, _ in items if entry.get("cried")]
    out: list = []
    held: dict[str, list] = {}  # a cry's id: the texts typed just before it
    for entry, file in items:
        at = float(entry.get("at") or 0)
        if entry.get("loose") and (cry := next((c for c in cries
                                                if at <= float(c.get("at") or 0) <= at + BEFORE_CRY_SECONDS), None)):
            said = {k: v for k, v in entry.items() if k != "loose"}
            held.setdefault(cry["id"], []).append(({**said, "said": cry["id"]}, file))
            continue
        out += [(entry, file), *held.pop(entry.get("id"), [])]
    return out


def event_of(entry: dict) -> tuple[Inbound | None, str]:
    """The journaled event as the engine takes it (a group's as if written in private, as urgency.in_group passes
    it on), and the source of its cry ("" for none, and for words a cry only in context: read in it, as if just
    typed)."""
    try:
        ev = Inbound(**{k: v for k, v in entry["ev"].items() if k in EVENT_FIELDS})
    except (KeyError, TypeError):
        return None, ""
    if ev.is_group:
        kept = {"group_id": ev.chat_id} if ev.kind in MEDIA else {"kind": "text", "message_id": None}
        ev = dataclasses.replace(ev, chat_id=ev.user_id, is_group=False, **kept)
    return ev, "" if entry.get("context") else str(entry.get("cried") or "")
