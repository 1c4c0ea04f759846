"""The kind of request a packet's title names after "求助 #n ·" — and for a death, who reported it.

A death report read "🕯 家属报告老人去世" whoever made it: a colleague who registered it herself ([🕯 为王老伯登记去世
报告], staff_death.py) or his family doctor too, so staff phoned his daughter believing she had told them, when she may
not know yet. The label names who reported it: a staff member by name, his family doctor, else his family. Told on his
open call (death_told), the one who told it is kept beside it (death_by); an older call without it reads as before."""
from __future__ import annotations

DOCTOR = "家庭医生"  # the relation a family doctor's link has (bot/residents/register.py)


def category_label(t, inc: dict) -> str:
    """The title's category; a scam told as over, raised since ("他又打来了"): never "没有上当、已挂断"."""
    if inc["category"] == "death":
        return death_label(t, inc)
    raised = inc["kind"] == "emergency" and inc["category"] == "scam_told"
    return t(f"help.cat_{inc['category']}" + ("_raised" if raised else ""))


def death_label(t, inc: dict) -> str:
    """"🕯 …报告老人去世", by whom: a death report's reporter, or whoever told it on his open call."""
    by = (inc.get("reporter") if inc.get("category") == "death" else inc.get("death_by")) or {}
    if by.get("staff"):
        return t("help.cat_death_staff", who=by.get("name", ""))
    if DOCTOR in (by.get("relation") or ""):
        return t("help.cat_death_doctor", who=by.get("name", ""))
    return t("help.cat_death")


def death_told_label(t, inc: dict) -> str:
    """The 🕯 line under the title of his open call (a missed check-in, a request) a death was told on; else ""."""
    if not inc.get("death_told") or inc.get("category") == "death":
        return ""
    return death_label(t, inc)
