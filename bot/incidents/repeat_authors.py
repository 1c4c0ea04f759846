"""Who made a call's further cries when it was not the one the call is about — his daughter ("👪 女儿 王丽"), a
neighbour who reported her or gave her door as their own ("📣 楼下小陈") — so staff read each as its writer's: the
line at once (repeats.py) and the minute's count, counted apart per writer ("又有 3 次求助：本人 1 次、👪 女儿 王丽 2 次")."""
from __future__ import annotations

import json


def kind_of(by: dict | None) -> str:
    """"": the one the call is about; "family": his family contact; "reporter": someone who reported him."""
    return "" if not by else "reporter" if by.get("reporter") else "family"


def author(by: dict | None) -> str:
    """The writer as the repeats count keeps it ("" for the one the call is about)."""
    return json.dumps([kind_of(by), by.get("relation", ""), by.get("name", "")], ensure_ascii=False) if by else ""


def again_keys(by: dict | None) -> tuple[str, str]:
    """The line at once and the renewal's line (his call claimed meanwhile), as the writer is."""
    kind = kind_of(by)
    return (f"alert.{kind}_again", f"alert.renewed_{kind}") if kind else ("alert.resident_again", "alert.renewed")


def who_cried(cat, count: int, authors: dict[str, int], loc: str | None = None) -> str:
    """"本人 1 次、👪 女儿 王丽 2 次": of `count` cries, those `authors` made, the rest his own."""
    parts = [cat.t("again.by_self", loc, count=count - sum(authors.values()))] if count > sum(authors.values()) else []
    for token, k in authors.items():
        kind, relation, name = json.loads(token)
        parts.append(cat.t(f"again.by_{kind or 'family'}", loc, relation=relation, name=name, count=k))
    return cat.t("again.sep", loc).join(parts)
