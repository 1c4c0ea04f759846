"""A resident's own call whose words say someone else is in danger ("隔壁老太太摔倒了", "楼上王老伯摔倒了"): stored at
once as hers (the fast lane never waits to read the words), so her packet says loudly that the one in danger may be
someone else, and to call her back to ask who and where. Her own cry ("我摔倒了", "我在楼下摔倒了", "我头晕 隔壁没人")
is not flagged. Whom the words name: `family_asks.names_someone_else`, as for a family contact's cry.
"""
from __future__ import annotations

import re

# she speaks of herself: "我摔倒了", "我头晕"; not "我们楼…", "我邻居家…", "我楼下的…"
SELF = re.compile(r"我(?!们|家|的?(?:邻居|楼|隔壁|对门|对面))")


def maybe_someone_else(inc: dict, person: dict) -> bool:
    """Whether a resident's own call (no reporter, no staff member's) has words about someone else."""
    words = inc.get("words") or ""
    if not person.get("id") or inc.get("reporter") or inc.get("staff_caller") or SELF.search(words):
        return False
    from .family_asks import names_someone_else  # (it reads the flows; the packet is read by them)

    return names_someone_else(words, [person])
