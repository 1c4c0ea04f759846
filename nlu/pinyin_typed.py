"""Pinyin typed for want of characters: "wo ba zou diu le" read as 我爸走丢了, "woshuaidaole" as 我摔倒了.

Some residents cannot pick characters on a phone and send the letters their input method shows. The red flags and the
model are written for characters, so these messages reached staff as "✏️ 其他" (a lost husband) or raised a 🆘 whose
advice named no danger. `characters(text)` gives the characters such a message spells, or None when it is not pinyin:
every word of it must cut into toneless pinyin syllables (with or without spaces, "xi'an" too), two syllables at least,
and the reading must find a word of two or more characters that residents use. English ("help me", "I fell") has
words no pinyin syllable makes, so it is never read this way.

The words are those of the training rows, the short-words table and the red flags' own literal words, each with the
pinyin it has in its sentence (so 着火 is zhao huo): the longest words that fit the sounds win, then the commoner.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from .features import normalise
from .training_data import load_examples, read_yaml

DATA = Path(__file__).resolve().parent / "data"
MAX_WORD = 6  # characters in one word of the lexicon
DANGER = 1000  # a red flag's own word outweighs any count of everyday words that sound the same
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_TYPED = re.compile(r"[a-z0-9' ,.!?~/，。！？、]+")
_WORDS = re.compile(r"[a-z']+|[0-9/]+")  # a figure ("xue ya 180") is kept as typed
_NOT_SYLLABLES = {"m", "n", "ng", "hm", "hng", "r", "ê"}  # interjections: "n" alone is no syllable typed


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    readings = set(",".join(pinyin_dict.values()).split(","))
    plain = {unicodedata.normalize("NFD", r.replace("ü", "v")).encode("ascii", "ignore").decode() for r in readings}
    return frozenset(s for s in plain if s.isalpha() and s not in _NOT_SYLLABLES)


def syllabify(word: str) -> list[str] | None:
    """The word cut into pinyin syllables (fewest, the longest first), or None when it cannot be cut."""
    known, best = syllables(), {0: []}
    for end in range(1, len(word) + 1):
        cuts = [best[start] + [word[start:end]] for start in range(max(0, end - 6), end)
                if start in best and word[start:end] in known]
        if cuts:
            best[end] = min(cuts, key=len)
    return best.get(len(word))


def _corpus() -> tuple[list[str], list[str]]:
    """The everyday texts (training rows, short words), and the red flags' own words."""
    texts = [e.text for e in load_examples(DATA / "nlu.yml")]
    short = read_yaml(DATA / "short_words.yml") or {}
    texts += [str(w) for words in (short.get("phrases") or {}).values() for w in words]
    flags = read_yaml(DATA / "red_flags.yml") or {}
    danger = [p for concept in (flags.get("concepts") or {}).values() for form in ("everyday", "dialect")
              for p in concept.get(form) or ()]
    return texts, danger


def _runs(text: str):
    """Each run of characters in `text` with the pinyin it has there (so 着火 is zhao huo)."""
    for run in _HAN.findall(normalise(text)):
        sounds = lazy_pinyin(run, style=Style.NORMAL, v_to_u=False)
        if len(sounds) == len(run):
            yield run, tuple(s.replace("ü", "v") for s in sounds)


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, ...], tuple[str, float]]:
    """Each run of sounds → the characters that make it, and their weight: how often they came in the corpus, and far
    more for a red flag's own words — a sound read two ways is read the more urgent way ("bu xiang huo" 不想活, never
    不想火), as the short-words table does."""
    texts, danger = _corpus()
    counts: Counter = Counter()
    for text in texts + danger:
        for run, sounds in _runs(text):
            for i in range(len(run)):
                for n in range(1, min(MAX_WORD, len(run) - i) + 1):
                    counts[(sounds[i:i + n], run[i:i + n])] += 1
    for text in danger:
        for run, sounds in _runs(text):
            if len(run) >= 2:
                counts[(sounds, run)] += DANGER
    best: dict[tuple[str, ...], tuple[str, float]] = {}
    for (sound, word), c in counts.items():
        if sound not in best or c > best[sound][1]:
            best[sound] = (word, c)
    return best


# a message spelled out (`spelled`): the characters, then the letters as typed, in full-width brackets
_SPELLED = re.compile(r"(.*[\u4e00-\u9fff])（[a-z0-9' ,.!?~/]+）", re.S | re.I)


def spelled(text: str) -> str | None:
    """The message as the bot reads it on: "我爸走丢了（wo ba zou diu le）" — staff see what she typed beside it."""
    read = characters(text)
    return f"{read}（{text.strip()}）" if read else None


def read_part(text: str) -> str:
    """What the model reads of a spelled-out message: its characters (the letters would only blur them)."""
    m = _SPELLED.fullmatch(text)
    return m.group(1) if m else text


def as_typed(read: str, typed: str) -> str:
    """Words for staff: "我摔倒了（wo shuai dao le）" — what was read, and what she typed, should it be misread."""
    return f"{read}（{typed}）" if typed and read and typed not in read else read


# English words that cut into pinyin syllables ("name" na·me, "age" a·ge, "medicine" me·di·ci·ne), beside those of the
# English rows of the training data and the short-words table (`english_words`)
ENGLISH = {"age", "name", "language", "medicine", "mode", "module", "change", "china", "machine", "guide", "bake",
           "sure", "tune", "cute", "same", "game", "come", "home", "time", "line", "fine", "nine", "done", "gone", "one"}


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Words of two syllables or more a resident writing English may type, never read as pinyin."""
    texts = [e.text for e in load_examples(DATA / "nlu.yml") if e.text.isascii()]
    short = read_yaml(DATA / "short_words.yml") or {}
    texts += [str(w) for words in (short.get("phrases") or {}).values() for w in words if str(w).isascii()]
    return frozenset(ENGLISH | {w for t in texts for w in _WORDS.findall(t.lower())})


def characters(text: str) -> str | None:
    """The characters this pinyin spells, or None: not pinyin, or no word residents use read in it."""
    said = text.strip().lower()
    if not said or not _TYPED.fullmatch(said) or not re.search(r"[a-z]", said):
        return None
    parts: list[str | list[str]] = [[]]  # runs of sounds, with the figures between them
    for word in _WORDS.findall(said):
        if word[0].isdigit():
            parts += [word, []]
            continue
        for piece in filter(None, word.split("'")):
            cut = syllabify(piece)
            if cut is None or len(cut) > 1 and piece in english_words():  # "name", "age": English
                return None
            parts[-1] += cut
    if sum(len(p) for p in parts if isinstance(p, list)) < 2:
        return None
    read = [p if isinstance(p, str) else _read(tuple(p)) if p else "" for p in parts]
    return None if any(r is None for r in read) else "".join(read)  # (each run read with a word of its own)


def _read(sounds: tuple[str, ...]) -> str | None:
    """The best reading: words as long as possible, then as common as possible; None if a sound has no character,
    or no word of two characters or more is read in it."""
    words = lexicon()
    best: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
    for end in range(1, len(sounds) + 1):
        options = []
        for start in range(max(0, end - MAX_WORD), end):
            if start in best and (hit := words.get(sounds[start:end])):
                n = end - start
                bonus = n * n * (3 if hit[1] >= DANGER else 1)  # long words first, a danger's above all
                options.append((best[start][0] + bonus + math.log1p(hit[1]) / 100, best[start][1] + [hit[0]]))
        if options:
            best[end] = max(options, key=lambda o: o[0])
    if len(sounds) not in best:
        return None
    read = best[len(sounds)][1]
    return "".join(read) if any(len(w) >= 2 for w in read) else None
