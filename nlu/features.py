"""Text normalisation and the features of the built-in intent model.

Two views of a message feed one linear model:
- character n-grams of the normalised text (simplified, half-width, lower-case), which
  carry the words themselves, typos included;
- toneless pinyin syllable n-grams, with the usual southern "fuzzy" merges (zh/z, ch/c,
  sh/s, n/l, -ing/-in, -eng/-en), so a homophone slip (摔到/摔倒, 救名/救命,
  起布来/起不来) lands on the same features as the intended word.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.core import Pinyin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from .zh_variants import TABLE

_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z0-9]+|[^\sa-z0-9\w]")
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n"))
_FUZZY_FINALS = (("ing", "in"), ("eng", "en"))
# pypinyin's own segmenter (longest match in its phrase dictionary), used by lazy_pinyin itself.
_SEGMENTER = Pinyin()


@lru_cache(maxsize=8192)
def _width_fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    # Keep offsets stable: only one-to-one folds (full-width digits/letters, ideographic space).
    return folded if len(folded) == 1 else ch


# An emoji's variation selectors (U+FE0F "as emoji", U+FE0E "as text") are a keyboard's choice, not the sender's:
# "🌧️" and "🌧" are one emoji. normalise reads them as a space (the length kept, for offsets), which the short-words
# table drops; the model's character view drops them outright (a space would part "☎️下雨了" into two words), so it
# no longer learns U+FE0F from "❤️" and leans every emoji carrying it to thanks.
_SELECTORS = {0xFE0F: " ", 0xFE0E: " "}
_NO_SELECTORS = dict.fromkeys(_SELECTORS)


@lru_cache(maxsize=64)  # four readers of one message ask: both analyzers, the red flags, the entities
def normalise(text: str) -> str:
    """Same length as `text`, so entity offsets found on it hold for the original."""
    return "".join(map(_width_fold, text)).translate(TABLE).translate(_SELECTORS).lower()


def char_view(text: str) -> str:
    """The text the character n-grams are taken from: normalised, with no variation selector."""
    return normalise(text.translate(_NO_SELECTORS))


@lru_cache(maxsize=2048)
def _fuzzy(syllable: str) -> str:
    for full, short in _FUZZY_INITIALS:
        if syllable.startswith(full):
            syllable = short + syllable[len(full):]
            break
    for full, short in _FUZZY_FINALS:
        if syllable.endswith(full):
            return syllable[: -len(full)] + short
    return syllable


@lru_cache(maxsize=16384)
def _word_syllables(word: str) -> tuple[str, ...]:
    """Fuzzy syllables of one word of pypinyin's segmentation.

    lazy_pinyin reads a run of Chinese as the words its segmenter cuts, each word on its
    own (a phrase's reading, else each character's), so reading word by word gives the
    same syllables — and the few thousand words residents use are looked up once per
    process instead of once per message (pypinyin's style conversion was most of a parse).
    """
    return tuple(_fuzzy(s) for s in lazy_pinyin(word, style=Style.NORMAL))


def pinyin_tokens(text: str) -> list[str]:
    """Fuzzy toneless syllables for Chinese runs, whole words for the rest (English, digits)."""
    tokens: list[str] = []
    for run in _HAN_RUN.findall(normalise(text)):
        if _HAN.match(run):
            for word in _SEGMENTER.seg(run):
                tokens.extend(_word_syllables(word))
        else:
            tokens.extend(_WORD.findall(run))
    return tokens


def pinyin_analyzer(text: str) -> list[str]:
    """Syllable 1-3 grams, joined with '_' so 'jiu_ming' differs from the word 'jiuming'."""
    toks = pinyin_tokens(text)
    grams = list(toks)
    for n in (2, 3):
        grams.extend("_".join(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return grams


def build_features() -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(1, 3), preprocessor=char_view,
                    sublinear_tf=True, min_df=1,
                ),
            ),
            (
                "pinyin",
                TfidfVectorizer(analyzer=pinyin_analyzer, sublinear_tf=True, min_df=1),
            ),
        ]
    )
