"""A stranger's cry that is a worry for someone else not seen ("隔壁老太太好几天没出门了", "楼上老伯敲门没人应",
"my neighbour hasn't been seen for days"): the one writing is well, the one in trouble is behind a door she names
nowhere. She reads that staff will go and look (110 or 120 should she hear a cry or smell something), and one
question: where that person lives. Someone gone from home ("我爸走丢了", "我爸手机关机了 人也找不到"): 110, the police
search (never "120！"), and the same question — never "您在哪里" with a location button, as if she needed help herself.

Her answer ("5号楼302") reaches the staff on her call as any words after a cry do (stranger_words.after_cry). One who
writes of someone down in front of her ("5号楼有个老人倒在楼道里") is where the trouble is: she is still asked where
she is, with the button, and reads 120 first. Her own "我好几天没出门了" names no welfare concern (nlu red flags:
about someone else only), so it never comes here."""
from __future__ import annotations

import re

DOOR = re.compile(r"\d+\s*(?:号楼?|幢|栋|弄)\s*\d{2,4}|\d{3,4}\s*室|\b(?:building|block|flat|room)\s*\d+", re.I)
# someone gone from home and not back ("我爸走丢了", "我爸手机关机了 人也找不到"): a person missing — the police search
# (110), not an ambulance; read beside the welfare concern, so a phone off or unanswered alone is not one (120 stays).
# A family contact's words too (incidents/family_told.py), as the resident's own "我老伴走丢了" (advice.py)
GONE_FROM_HOME = re.compile(
    r"走丢|走失|走脱|跑丢|寻勿着|寻不着|不见了|勿见了|找不到(?:我|阿拉)?(?:爸|妈|父亲|母亲|老人|人了)"
    r"|找不到(?:他|她|伊|人)?了?$|(?:没|没有|还没)回(?:家|来)"
    r"|missing|wander|(?:hasn'?t|has not|didn'?t|did not|never) (?:come|came|got) (?:back|home)")


def unseen_only(text: str) -> bool:
    """The welfare concern (someone else not seen, not answering) and no other danger in `text`."""
    from nlu.features import normalise
    from nlu.rules import fired_rules

    return fired_rules(normalise(text or "")) == ["welfare"]


def someone_gone(text: str) -> bool:
    """Whether `text` tells of someone else missing and of no other danger (her own "我迷路了" is not: no welfare)."""
    from nlu.features import normalise
    from nlu.rules import fired_rules

    words = normalise(text or "")
    dangers = set(fired_rules(words))
    return "welfare" in dangers and dangers <= {"welfare", "lost"} and bool(GONE_FROM_HOME.search(words))


FOUND = re.compile(r"捡到|found\b", re.I)  # "I found an elderly lady": the finder speaks, of someone else


def someone_found(text: str) -> bool:
    """Whether `text` tells of someone else lost in front of her ("路上有个老人迷路了 说不清住哪里", "我捡到一个老人") and
    of no other danger: she is with them (never her own "我迷路了")."""
    from nlu import redflags
    from nlu.features import normalise

    flags = [f for f in redflags.find(normalise(text or "")) if f.counts]
    return bool(flags) and all(f.concept == "lost" and (f.experiencer != "self" or FOUND.match(f.span)) for f in flags)


def for_someone(text: str) -> str:
    """"lost" for someone gone from home ("我爸走丢了", "我爸手机关机了 人也找不到": 110, the police search), "1" for
    someone not seen behind a door, "found" for someone lost whom she is with (stay, 110, where are you?), else ""
    (she is where the trouble is)."""
    return ("lost" if someone_gone(text) else "1" if unseen_only(text) else "found" if someone_found(text)
            else "")


def away(text: str) -> bool:
    """Whether the one in trouble is not where she is (gone, or behind a door): she is asked where they live."""
    return for_someone(text) in ("lost", "1")


def urgent_key(text: str) -> str:
    """The catalogue key of what she reads first, once staff have her call."""
    return {"lost": "stranger.urgent_lost", "1": "stranger.urgent_unseen",
            "found": "stranger.urgent_found"}.get(for_someone(text), "stranger.urgent")


def ask_where(ctx, text: str) -> None:
    """The one question after her cry: where the one not seen or gone lives (unless she said: "她住在3号楼402"), or
    where she is (with the 📍 button)."""
    if away(text):
        if not DOOR.search(text):
            ctx.say(ctx.t("stranger.unseen_where"))
    else:
        ctx.say(ctx.t("stranger.where"), keyboard=((ctx.t("help.location_button"),),), request="location")
