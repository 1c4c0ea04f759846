"""Whether the names in a resident's own words are hers: "我是王老伯，我摔倒了", "张阿姨帮我看看…" from 张阿姨 (or from
张美华, whom people call 张阿姨), "王老伯摔倒了 快来" from 王老伯 speaking of himself — or someone else's, though the
surname be hers: "隔壁张阿姨摔倒了" from 张美华 is 张桂芳 next door, "5号401张阿婆" a door not hers, and "我是王老伯，
楼下李阿姨摔倒了" is about 李阿姨 once he has said who he is (bot/incidents/family_asks.py `maybe_someone_else`).

    others_named("我是王老伯，楼下李阿姨摔倒了", 王老伯)  # ("，楼下李阿姨摔倒了", True): his introduction dropped
    others_named("隔壁张阿姨摔倒了", 张美华)             # (…, True)
    others_named("张阿姨帮我看看", 张美华)               # (…, False): herself
    others_named("我摔倒了", 张美华)                     # (…, None): nobody named
"""
from __future__ import annotations

import re

from ..residents import CALLED, hints, lives_at

# who she is, said before her name: "我是王老伯", "我是3号楼602的张阿姨", "我叫王建国" (not "我是李阿姨的邻居")
INTRO = re.compile(r"我(?:就)?(?:是|叫)[^，,。！!？?\s]{0,12}$")
# a name placed beside her is a neighbour, whatever the surname: "隔壁张阿姨", "楼上的老王", "对门那个王阿婆"
BESIDE = re.compile(r"(?:隔壁|对门|对面|楼上|楼下|邻居|同楼|我们楼|这栋楼)(?:家)?(?:的)?(?:那个|那位|这个)?\s*$")
CLAUSE = re.compile(r"[，,。！!？?；;\s]")


def others_named(words: str, person: dict) -> tuple[str, bool | None]:
    """Her words without her own introduction ("我是王老伯"), and whether they name someone other than her: True
    (a name not hers, or hers placed beside her or at a door not hers), False (only her own names), None (none)."""
    name = person.get("name") or ""
    # each name said, by its surname ("小王" too, as before: 王老伯's "小王快来" calls for the young worker)
    spans = [(m.start(), m.end(), m["surname"] or m["short"]) for m in CALLED.finditer(words)]
    if len(name) >= 2:
        spans += [(m.start(), m.end(), name[:1]) for m in re.finditer(re.escape(name), words)
                  if not any(s <= m.start() < e for s, e, _ in spans)]
    other, intros = None, []
    for start, end, surname in sorted(spans):
        clause = CLAUSE.split(words[:start])[-1]
        intro = INTRO.search(clause)
        hers = surname == name[:1] and not BESIDE.search(clause) \
            and not ((place := hints(clause)) and not lives_at(person, place)) \
            and not (intro and words[end:end + 1] == "的")  # "我是张阿姨的邻居": not her
        other = bool(other) or not hers
        if hers and intro:
            intros.append((start - len(clause) + intro.start(), end))
    for start, end in reversed(intros):
        words = words[:start] + words[end:]
    return words, other
