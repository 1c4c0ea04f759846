"""Short messages pinned: "我腿疼", "懂了", "😭" mean the same thing after every retrain of the model.

The table (nlu/data/short_words.yml) is read before the statistical model; what it pins goes through the same
decision layer (nlu.rules) as the model's ranking, so the red flags still lift a cry. A message it does not list
(or one longer than MAX_CHARS) is the model's, as before.

    pinned("我腿疼 ")   # [("feeling_unwell", 0.9), ...]: a full ranking over INTENTS
    pinned("我想问问养老金的事")  # None: the model reads it
    pinned("🫠")               # out_of_scope: an emoji the table does not list is read by its name (emoji_reading)
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .emoji_reading import JOINERS, only_emoji, reading as emoji_reading
from .features import normalise
from .training_data import load_examples, read_yaml

DATA = Path(__file__).resolve().parent / "data" / "short_words.yml"
TRAINING = DATA.parent / "nlu.yml"  # the emoji the model learnt alone are its to read (emoji_reading)
MAX_CHARS = 8       # longer messages carry enough words for the model (and are no longer "short")
MAX_ASCII = 16      # the same for English: "thank you", "i'm scared"
PINNED = 0.9        # the pinned intent's confidence, as sure as a red flag makes an emergency
UNCERTAIN = "uncertain"
# "could be a cry": leaning to nothing known, with an emergency probability the decision layer asks about
UNCERTAIN_RANKING = (("out_of_scope", 0.6), ("emergency", 0.35))
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"(?<=.)[。.!！~～]+$")
_PARTICLE = re.compile(r"(?<=..)[了啊呀啦哦呢嘛]$")
_PINYIN = re.compile(r"[a-z]+(?: [a-z]+)+|[a-z]{4,}")  # letters only: a sound typed, never a word the table lists
_EDGE_MARKS = re.compile(r"[\s。.!！~～,，、…?？]+")


class ShortWordsError(ValueError):
    """The table names an unknown intent, or an entry YAML did not read as text (an unquoted yes/no)."""


def key(text: str) -> str:
    """The message as the table reads it: normalised, spaces and trailing 。！.!~ dropped ("救命！！" → "救命")."""
    said = _SPACES.sub(" ", normalise(text).strip())
    said = said if said.isascii() else _SPACES.sub("", said)
    return said if _EDGE_MARKS.fullmatch(said or " ") else _TRAILING.sub("", said)


def _candidates(said: str) -> list[str]:
    """The key, the unit of a word said again and again ("嗯嗯", "😭😭😭"), then without one trailing particle."""
    out = [said]
    for size in range(1, len(said) // 2 + 1):
        if len(said) % size == 0 and said[:size] * (len(said) // size) == said:
            out.append(said[:size])
    out += [_PARTICLE.sub("", c) for c in list(out) if _PARTICLE.search(c)]
    return out


class ShortWords:
    def __init__(self, doc: dict, intents: tuple[str, ...], learnt: dict[str, str] | None = None) -> None:
        known = set(intents) | {UNCERTAIN}
        self.intents = intents
        # an emoji the training data gives alone → its label ("👋" greet, "👎" deny); None: nlu.yml's
        self.learnt = learnt_emoji() if learnt is None else learnt
        self.phrases: dict[str, str] = {}
        for intent, words in (doc.get("phrases") or {}).items():
            if intent not in known:
                raise ShortWordsError(f"short_words.yml: unknown intent {intent!r}")
            for w in words:
                if isinstance(w, bool) or not isinstance(w, (str, int)):
                    raise ShortWordsError(f"short_words.yml: {intent}: {w!r} is not text (quote it)")
                self.phrases.setdefault(key(str(w)), intent)
        self.patterns = [(intent, re.compile(p)) for intent, ps in (doc.get("patterns") or {}).items() for p in ps]
        self.pinyin = typed_in_pinyin(self.phrases)
        for intent, _ in self.patterns:
            if intent not in known:
                raise ShortWordsError(f"short_words.yml: unknown intent {intent!r} in patterns")

    def intent_of(self, text: str) -> str | None:
        """The pinned intent (or "uncertain") of a short message; None when the model should read it."""
        said = key(text)
        if said not in self.phrases and _PINYIN.fullmatch(said) and said.replace(" ", "") in self.pinyin:  # "shou dou": 手抖 typed unconverted
            return self.pinyin[said.replace(" ", "")]
        if not said or len(said) > (MAX_ASCII if said.isascii() else MAX_CHARS):
            return emoji_reading(said, self._emoji) if said else None
        candidates = _candidates(said)
        for c in candidates:
            if c in self.phrases:
                return self.phrases[c]
        pattern = next((intent for c in candidates for intent, p in self.patterns if p.fullmatch(c)), None)
        return pattern or emoji_reading(said, self._emoji)  # an emoji neither knows: never "fine"

    def _emoji(self, emoji: str) -> str | None:
        return self.phrases.get(emoji) or self.learnt.get(emoji)

    def ranking(self, text: str) -> list[tuple[str, float]] | None:
        """A full ranking over the intents for a pinned message, best first; None when not pinned."""
        intent = self.intent_of(text)
        if intent is None:
            return None
        top = dict(UNCERTAIN_RANKING) if intent == UNCERTAIN else {intent: PINNED}
        rest = [i for i in self.intents if i not in top]
        share = (1.0 - sum(top.values())) / len(rest)
        return sorted(top.items(), key=lambda r: -r[1]) + [(i, share) for i in rest]


# most urgent first: a pinyin read two ways is read the more urgent way
URGENCY = ("emergency", UNCERTAIN, "feeling_unwell", "request_help", "contact_staff")


def typed_in_pinyin(phrases: dict[str, str]) -> dict[str, str]:
    """Each Chinese phrase of two or more characters by its toneless pinyin run together ("手抖" → "shoudou"): an old
    hand whose input method sent the letters, not the characters. A sound two phrases share reads the more urgent."""
    from pypinyin import Style, lazy_pinyin

    out: dict[str, str] = {}
    rank = lambda intent: URGENCY.index(intent) if intent in URGENCY else len(URGENCY)  # noqa: E731
    for phrase, intent in phrases.items():
        sound = "".join(lazy_pinyin(phrase, style=Style.NORMAL, errors="ignore"))
        if len(phrase) >= 2 and not phrase.isascii() and sound.isascii() and sound.isalpha() \
                and (sound not in out or rank(intent) < rank(out[sound])):
            out[sound] = intent
    return out


def learnt_emoji(path: Path = TRAINING) -> dict[str, str]:
    """Each emoji the training data gives alone ("👋", "👎👎"), with its label."""
    return {ch: ex.intent for ex in load_examples(path) if only_emoji(ex.text) for ch in normalise(ex.text)
            if not ch.isspace() and ch not in JOINERS}  # "❤️" teaches ❤, never its selector


@lru_cache(maxsize=4)
def default(intents: tuple[str, ...]) -> ShortWords:
    return ShortWords(read_yaml(DATA), intents)
