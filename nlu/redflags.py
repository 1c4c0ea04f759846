"""Red flags with context: which danger concepts a message names, and whether each counts now.

The concepts and the context modifiers are data (nlu/data/red_flags.yml), so a committee
member or a nurse can read and extend them. Matching follows the ConText algorithm
(Harkema et al., 2009, the basis of pyConText and medspaCy): every modifier trigger
scopes the flags in its direction up to a clause or sentence boundary, and a termination
word (但是, 不过, 就是 …) ends its scope early — so "没事，就是流了好多血" keeps its flag.

    flags = find("我没摔倒，就是胸口好痛")       # text already normalised (features.normalise)
    [f.concept for f in flags if f.counts]     # ['chest_pain']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .training_data import read_yaml

DATA = Path(__file__).resolve().parent / "data" / "red_flags.yml"
FORMS = ("everyday", "dialect", "homophone", "english")
# Modifiers that take a flag out of the present; experiencer only describes it.
SCOPING = ("negated", "near_miss", "hypothetical", "asked_about", "historical", "recent_past", "resolved", "reported",
           "figurative", "animal", "experiencer:self")  # the last only for concepts about someone else (welfare)
FIGURE = "figure_of_speech"  # an idiom with no flag inside ("热死了"): still a reason to doubt the model

# typing slips the patterns are not written for, read as meant (same length, so spans keep their places): "的" for
# "得" before a degree ("疼的厉害", "痛的要命"), "舒付"/"书服" for "舒服" ("心脏不舒付")
_DE = re.compile(r"的(?=(?:厉害|历害|利害|要命|要死|受不了|吃不消|不行|不得了|站不住|站不稳|睡不着|说不出|打滚|直冒|喘不|发抖|发慌))")
_SHUFU = re.compile(r"(?<=不)(?:舒付|书服|舒胡|输服|书付)")


def _as_meant(text: str) -> str:
    return _SHUFU.sub("舒服", _DE.sub("得", text))


_SENTENCE = re.compile(r"[^。!！?？\n]+[。!！?？\n]*|[。!！?？\n]+")
# Voice input often comes as one run with no mark at all: "…我孙子昨天打电话来了…我刚才在厨房摔了一跤起不来…上次小王还来
# 看过我…" is then one "clause", and "昨天" and "上次" far from the fall took it out of the present. A clause or sentence
# this long is no clause: a modifier reaches a flag only from this near (a spoken clause's length).
LONG_RUN, REACH = 40, 16
# where she is, not who: "我在女儿家", "在隔壁王阿姨家", "去楼下", "到楼上" name a place, not the one the flag happened
# to ("我在楼下摔倒了" is her fall); blanked (same length) before the experiencer's "other" words are looked for
_PLACE = re.compile(r"(?:在|去|到|从|回)(?:了)?[^\s，,。！!？?他她伊]{0,6}?家(?:里)?|(?:在|去|到|从)(?:了)?(?:楼下|楼上|隔壁|对门)")
# a door knocked at and nobody answering ("去王老伯家送饭 敲门没人应"): the one behind it, never the one knocking, even
# where the words name him only as a place ("王老伯家", blanked above)
_KNOCKED = re.compile(r"(?:敲门|按门铃|敲了)[^，,。！!？?]{0,10}没(?:有)?人")
_CLAUSE_END = re.compile(r"[，,、;；:：]|(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])|\.(?!\d)")


@dataclass
class Flag:
    concept: str
    span: str
    start: int
    end: int
    modifiers: list[str] = field(default_factory=list)
    experiencer: str = "self"
    strength: str = "strong"  # "weak" (red_flags.yml `strength: weak`): alone, it only makes the bot ask

    @property
    def counts(self) -> bool:
        return not any(m in SCOPING for m in self.modifiers)

    @property
    def alarms(self) -> bool:
        """Counts, and is a strong flag: an emergency by itself."""
        return self.counts and self.strength != "weak"

    def as_dict(self) -> dict:
        return {"concept": self.concept, "span": self.span, "start": self.start, "end": self.end,
                "modifiers": self.modifiers, "experiencer": self.experiencer, "counts": self.counts,
                "strength": self.strength}


def _alt(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@dataclass
class _Rule:
    category: str
    direction: str
    scope: str
    window: int | None
    terminate: re.Pattern | None
    needs_any: tuple[str, ...]
    events_only: bool
    spans: re.Pattern | None  # the rule scopes only flags whose words match this (a fall, not what it left)
    trigger: re.Pattern
    leaves: frozenset[str] = frozenset()  # concepts the rule never scopes (a near miss of breath may not be over)
    unless_after: re.Pattern | None = None  # words after the flag that undo the rule ("…现在还是晕": still going on)
    only: frozenset[str] = frozenset()  # when given, the only concepts the rule scopes (a spell passed, not a chest)


class RedFlags:
    def __init__(self, doc: dict) -> None:
        self.concepts = {name: _alt([p for form in FORMS for p in (spec.get(form) or [])])
                         for name, spec in doc["concepts"].items()}
        self.labels = {name: spec.get("label", name) for name, spec in doc["concepts"].items()}
        self.weak = frozenset(n for n, spec in doc["concepts"].items() if spec.get("strength") == "weak")
        terms = {name: _alt(words) for name, words in doc["terminations"].items()}
        self.rules = [_Rule(m["category"], m["direction"], m.get("scope", "sentence"), m.get("window"),
                            terms.get(m.get("terminate", "")), tuple(m.get("needs_any", ())),
                            bool(m.get("events_only")), re.compile(m["spans"]) if m.get("spans") else None,
                            _alt(m["triggers"]), frozenset(m.get("leaves", ())), _alt(m.get("unless_after", [])),
                            frozenset(m.get("only", ())))
                      for m in doc["modifiers"]]
        self.other = _alt(doc["experiencer"]["other"])
        self.generic = _alt(doc["experiencer"]["generic"])
        self.about = _alt(doc["about"])
        self.conditional = _alt(doc["conditional"])
        self.events = frozenset(doc["events"])
        self.about_others = frozenset(n for n, spec in doc["concepts"].items() if spec.get("about_someone_else"))
        self.figures = _alt([p for m in doc["modifiers"] if m["category"] == "figurative" for p in m["triggers"]])

    def find(self, text: str) -> list[Flag]:
        """Every red-flag match in normalised `text`, with the modifiers that scope it."""
        flags: list[Flag] = []
        text = _as_meant(text)
        for name, pattern in self.concepts.items():
            last_end = -1
            for m in pattern.finditer(text):
                if m.end() > m.start() and m.start() >= last_end:
                    flags.append(Flag(name, m.group(), m.start(), m.end(),
                                      strength="weak" if name in self.weak else "strong"))
                    last_end = m.end()
        if flags:
            self._scope(text, flags)
        for m in self.figures.finditer(text):
            if m.end() > m.start() and not any(f.start < m.end() and f.end > m.start() for f in flags):
                flags.append(Flag(FIGURE, m.group(), m.start(), m.end(), ["figurative"]))
        flags.sort(key=lambda f: (f.start, f.concept))
        return flags

    def _scope(self, text: str, flags: list[Flag]) -> None:
        sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        triggers: dict[int, list[tuple[int, int]]] = {}  # each rule's trigger spans, found once per text
        in_sentence: dict[tuple[str, int], bool] = {}
        units: dict[tuple[int, str], tuple[int, int]] = {}  # a flag's clause or sentence, found once, not per rule

        def unit(pos: int, scope: str) -> tuple[int, int]:
            if (pos, scope) not in units:
                units[pos, scope] = _unit(pos, scope)
            return units[pos, scope]

        def _unit(pos: int, scope: str) -> tuple[int, int]:
            if scope == "message":
                return 0, len(text)
            s0, s1 = next(((a, b) for a, b in sentences if a <= pos < b), (0, len(text)))
            if scope == "sentence":  # (one with clause marks in it is a sentence, however long)
                return (s0, s1) if any(s0 < e < s1 for e in clause_ends) else _near(pos, s0, s1)
            c0 = max((e for e in clause_ends if s0 <= e <= pos), default=s0)
            c1 = min((e for e in clause_ends if pos < e <= s1), default=s1)
            return _near(pos, c0, c1)

        placeless = _PLACE.sub(lambda m: "\u3000" * len(m.group()), text)  # for "other" only: who, not where

        def present(name: str, s0: int, s1: int) -> bool:
            if (name, s0, s1) not in in_sentence:
                pattern = {"about": self.about, "generic": self.generic, "other": self.other,
                           "conditional": self.conditional}[name]
                in_sentence[(name, s0, s1)] = pattern.search(placeless if name == "other" else text, s0, s1) is not None
            return in_sentence[(name, s0, s1)]

        for flag in flags:
            s0, s1 = unit(flag.start, "sentence")
            if present("generic", s0, s1):
                flag.experiencer = "generic"
            elif present("other", s0, s1) or flag.concept in self.about_others and _KNOCKED.search(flag.span):
                flag.experiencer = "other"
            for i, rule in enumerate(self.rules):
                if rule.category in flag.modifiers:
                    continue
                if rule.events_only and flag.concept not in self.events:
                    continue
                if rule.spans is not None and not rule.spans.search(flag.span):
                    continue
                if rule.only and flag.concept not in rule.only:
                    continue
                if flag.concept in rule.leaves or (rule.unless_after and rule.unless_after.search(text, flag.end)):
                    continue
                bounds = unit(flag.start, rule.scope)
                if rule.needs_any and not any(present(need, *bounds) for need in rule.needs_any):
                    continue  # the words that make a question ABOUT danger must share its scope
                if i not in triggers:
                    triggers[i] = [(m.start(), m.end()) for m in rule.trigger.finditer(text) if m.end() > m.start()]
                if triggers[i] and self._applies(text, rule, flag, bounds, triggers[i]):
                    flag.modifiers.append(rule.category)
            if flag.experiencer != "self" or flag.concept in self.about_others:
                flag.modifiers.append(f"experiencer:{flag.experiencer}")

    @staticmethod
    def _applies(text: str, rule: _Rule, flag: Flag, bounds: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        u0, u1 = (0, len(text)) if rule.direction == "overlap" else bounds
        for start, end in spans:
            if start < u0 or end > u1:
                continue
            if rule.direction == "overlap":
                if start < flag.end and end > flag.start:
                    return True
                continue
            if rule.direction in ("forward", "both") and end <= flag.start:
                gap = (end, flag.start)
            elif rule.direction in ("backward", "both") and start >= flag.end:
                gap = (flag.end, start)
            else:
                continue
            if rule.window is not None and gap[1] - gap[0] > rule.window:
                continue
            if rule.terminate is not None and rule.terminate.search(text, *gap):
                continue
            return True
        return False


def _near(pos: int, u0: int, u1: int) -> tuple[int, int]:
    """A clause or sentence, cut to REACH either side of `pos` when it is one long unmarked run (LONG_RUN)."""
    return (max(u0, pos - REACH), min(u1, pos + REACH)) if u1 - u0 > LONG_RUN else (u0, u1)


@lru_cache(maxsize=1)
def default() -> RedFlags:
    return RedFlags(read_yaml(DATA))


def find(text: str) -> list[Flag]:
    return default().find(text)
