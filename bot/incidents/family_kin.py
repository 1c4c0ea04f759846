"""A family contact's cry naming a relative of hers the register says is not the resident: "我妈摔倒了" from 王老伯's
daughter. The register has no gender field (bot/residents/called.py), but it may say one all the same: a title in the
registered name ("王老伯", "张阿姨") or a spouse among his contacts ("妻子 李桂英": he is the husband). When the
relative she names ("我妈": a woman) is plainly not him, the call stays his (his home may be where she is, his family
hers), but staff read that loudly, with the spouse the register has, and to phone her first; and she reads that staff
will phone her to ask who and where, never "他们会马上联系王老伯". Where the register says nothing, nothing is guessed."""
from __future__ import annotations

import re

# whom she names, as kin of hers: "我妈", "我的母亲", "老妈", "我奶奶"
KIN = re.compile(r"(?:我的?|老|家)(?P<kin>妈妈?|母亲|奶奶|外婆|姥姥|婆婆|岳母|丈母娘|娘|爸爸?|父亲|爷爷|外公|姥爷|公公|岳父|爹)")
FEMALE_KIN = re.compile(r"妈|母|奶奶|外婆|姥姥|婆婆|娘")
# a title in a registered name, and a spouse's relation among the contacts, that say which the resident is
MAN_TITLE = re.compile(r"老伯|伯伯|爷爷|大爷|老先生|爷叔|老爷子|老头|阿公")
WOMAN_TITLE = re.compile(r"阿姨|阿婆|奶奶|大妈|老太|婆婆|阿奶|老奶奶")
HIS_WIFE = re.compile(r"^(?:妻子|老婆|太太|夫人|妻)$")
HER_HUSBAND = re.compile(r"^(?:丈夫|老公|先生|夫)$")
SPOUSE = re.compile(r"^(?:妻子|老婆|太太|夫人|妻|丈夫|老公|先生|夫|老伴|爱人|配偶)$")


def _is_woman(person: dict) -> bool | None:
    """What the register says of the resident: a woman (True), a man (False), or nothing (None)."""
    relations = [c.get("relation", "").strip() for c in person.get("contacts") or ()]
    if any(HIS_WIFE.match(r) for r in relations):
        return False
    if any(HER_HUSBAND.match(r) for r in relations):
        return True
    name = person.get("name") or ""
    return False if MAN_TITLE.search(name) else True if WOMAN_TITLE.search(name) else None


def not_him(words: str, person: dict) -> str:
    """The relative she names ("我妈") when the register says the resident is not that one; else "" (also when she
    names him too: "我妈说我爸摔倒了")."""
    said, woman = list(KIN.finditer(words or "")), _is_woman(person)
    if not said or woman is None or any(bool(FEMALE_KIN.search(m["kin"])) == woman for m in said):
        return ""
    return said[0].group(0)


def staff_line(t, inc: dict, person: dict, tappable) -> str:
    """"⚠️ 王丽说的是“我妈”，不是王老伯本人…": for a family contact's call only; "" when nothing conflicts."""
    reporter = inc.get("reporter") or {}
    if inc.get("source") != "family" or reporter.get("other") or not (said := not_him(inc.get("words", ""), person)):
        return ""
    spouse = next((c for c in person.get("contacts") or () if SPOUSE.match(c.get("relation", "").strip())), None)
    line = t("packet.kin_not_him", by=reporter.get("name", ""), said=said, name=person.get("name", ""),
             phone=tappable(reporter.get("phone", "")))
    if spouse:
        line += t("packet.kin_spouse", name=spouse["name"], relation=spouse["relation"],
                  phone=tappable(spouse["phone"]))
    return line
