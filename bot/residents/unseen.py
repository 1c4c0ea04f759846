"""A stranger's cry that is a worry for someone else not seen ("隔壁老太太好几天没出门了", "楼上老伯敲门没人应",
"my neighbour hasn't been seen for days"): the one writing is well, the one in trouble is behind a door she names
nowhere. She reads that staff will go and look (110 or 120 should she hear a cry or smell something), and one
question: where that person lives — never "您在哪里" with a location button, as if she needed help herself.

Her answer ("5号楼302") reaches the staff on her call as any words after a cry do (stranger_words.after_cry). One who
writes of someone down in front of her ("5号楼有个老人倒在楼道里") is where the trouble is: she is still asked where
she is, with the button, and reads 120 first. Her own "我好几天没出门了" names no welfare concern (nlu red flags:
about someone else only), so it never comes here."""
from __future__ import annotations

import re

DOOR = re.compile(r"\d+\s*(?:号楼?|幢|栋|弄)\s*\d{2,4}|\d{3,4}\s*室|\b(?:building|block|flat|room)\s*\d+", re.I)


def unseen_only(text: str) -> bool:
    """The welfare concern (someone else not seen, not answering) and no other danger in `text`."""
    from nlu.features import normalise
    from nlu.rules import fired_rules

    return fired_rules(normalise(text or "")) == ["welfare"]


def urgent_key(text: str) -> str:
    """The catalogue key of what she reads first, once staff have her call."""
    return "stranger.urgent_unseen" if unseen_only(text) else "stranger.urgent"


def ask_where(ctx, text: str) -> None:
    """The one question after her cry: where the one not seen lives (unless she said: "她住在3号楼402"), or where she
    is (with the 📍 button)."""
    if unseen_only(text):
        if not DOOR.search(text):
            ctx.say(ctx.t("stranger.unseen_where"))
    else:
        ctx.say(ctx.t("stranger.where"), keyboard=((ctx.t("help.location_button"),),), request="location")
