"""The first lines a family contact reads of a call an escalation brings him: in his words, for what happened.

A cry: his relative asked for help. A missed check-in: she did not answer today's greeting, staff are going to see.
A chat she blocked (bot/checkins/blocked.py): the assistant cannot reach her any more, so he is asked to phone her.
Neither of the last two is "您的家人发出求助", nor the staff's "⏰ 签到无回复" title."""
from __future__ import annotations

UNREACHABLE = "unreachable"  # bot/checkins/blocked.py's CATEGORY (imported there from the check-ins would loop)


def family_heading(inc: dict, person: dict, title: str, t, committee: str) -> list[str]:
    """`title`: the staff packet's; `t(key, **kw)`: the catalogue in his language."""
    kw = dict(n=inc["id"], name=person.get("name") or "", committee=committee)
    if inc.get("kind") == "checkin" and inc.get("category") == UNREACHABLE:
        return [t("alert.family_intro_unreachable", **kw)]
    if inc.get("kind") == "checkin":
        return [t("alert.family_intro_checkin", **kw)]
    return [t("alert.family_intro", **kw), title]
