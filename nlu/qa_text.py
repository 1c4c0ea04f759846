"""Turn a resident's question into tokens that survive how residents actually type.

Residents write by ear: homophone slips (养劳金), traditional characters (養老金),
Shanghainese (几钿, 哪能) and a lot of spoken filler. Two kinds of token come out of here:
jieba words (with the knowledge base's own terms kept whole) and fuzzy-pinyin character
pairs, which match whichever character of the same sound was picked.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import cn2an
import jieba
from pypinyin import Style, pinyin

# Shanghainese and spoken forms folded onto the Mandarin the knowledge base is written in.
_DIALECT = {
    "啥辰光": "什么时候", "辰光": "时候", "几钿": "多少钱", "多少铜钿": "多少钱", "铜钿": "钱",
    "哪能": "怎么", "哪能办": "怎么办", "啥地方": "哪里", "啥": "什么", "阿拉": "我们",
    "侬": "你", "屋里厢": "家里", "里厢": "里", "屋里": "家里", "今朝": "今天", "晓得": "知道",
    "伐": "吗", "覅": "不要", "勿": "不", "拿勿到": "拿不到", "老头子": "老伴",
    "老太婆": "老伴", "姆妈": "妈妈", "一眼眼": "一点", "交关": "很", "寻": "找",
}
_DIALECT_RE = re.compile("|".join(sorted(map(re.escape, _DIALECT), key=len, reverse=True)))

# Filler that says nothing about the topic; dropping it keeps chatty questions confident.
STOPWORDS = frozenset(
    "我 我们 你 您 他 她 它 他们 的 地 得 了 着 过 吗 呢 啊 呀 吧 哦 噢 嗯 哈 么 嘛 啦 咯 喔 "
    "是 在 就 也 都 还 又 和 跟 与 及 或 把 被 给 让 对 从 这 那 这个 那个 这种 一个 个 些 "
    "请问 问问 问 一下 想 想要 知道 听说 听 讲 说 老师 阿姨 爷叔 同志 师傅 你好 您好 谢谢 麻烦 "
    "帮 帮忙 帮帮 请 好 好的 哪位 有人 现在 今天 已经 自己 人家 家里 不 没 没有 "
    "the a an is are am to of for my me i you do does can could how what when where and or in on it "
    "please be was with about".split()
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_KEEP = re.compile(r"[\u4e00-\u9fff]|[a-z]{2}|\d{4}")
# Ages, grades and amounts ("八十三岁", "三级", "75元") are read by nlu.qa_compute, not matched.
_FIGURE = re.compile(r"(?:[零〇一二两三四五六七八九十百千万]+|\d{1,3})(?:周岁|岁|级|元|块)?")


# an age in Chinese numerals ("八十五岁"): in digits, as the examples mostly write it ("85岁有什么补贴")
_CN_AGE = re.compile(r"[零〇一二两三四五六七八九十百]{2,5}(?=周?岁)")


def _age_in_digits(match: re.Match) -> str:
    try:
        return str(int(cn2an.cn2an(match.group(0), "smart")))
    except ValueError:
        return match.group(0)


def normalize(text: str) -> str:
    """Full-width to half-width, lower case, dialect folded, an age in digits."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _CN_AGE.sub(_age_in_digits, _DIALECT_RE.sub(lambda m: _DIALECT[m.group(0)], text))


def _fuzzy(syllable: str) -> str:
    # The confusions of southern speakers: zh/z, ch/c, sh/s, n/l, -ng/-n.
    for retroflex in ("zh", "ch", "sh"):
        if syllable.startswith(retroflex):
            syllable = syllable[0] + syllable[2:]
    if syllable.startswith("n"):
        syllable = "l" + syllable[1:]
    return syllable[:-1] if syllable.endswith("ng") else syllable


@lru_cache(maxsize=16384)
def readings(char: str) -> frozenset[str]:
    """Every fuzzy reading of one character (长 reads both chang and zhang)."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(_fuzzy(s) for s in (found[0] if found else ()) if s.isalpha())


def pinyin_pairs(text: str) -> list[tuple[str, ...]]:
    """Adjacent-character sound pairs; each pair lists every reading combination."""
    pairs = []
    for run in _CJK_RUN.findall(text):
        for a, b in zip(run, run[1:]):
            combos = tuple(sorted(f"{x}_{y}" for x in readings(a) for y in readings(b)))
            if combos:
                pairs.append(combos)
    return pairs


@lru_cache(maxsize=1)
def _base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's word frequencies, loaded once per process (about a second) and copied per Segmenter."""
    base = jieba.Tokenizer()
    base.check_initialized()
    return base.FREQ, base.total


class Segmenter:
    """A private jieba instance that knows the knowledge base's terms.

    Private so that adding 老年综合津贴 as a word never changes how the intent model,
    which uses jieba's shared instance, cuts its text.
    """

    def __init__(self) -> None:
        self._jieba = jieba.Tokenizer()
        # A copy, not a reload: each knowledge base adds its own terms, and reloading the
        # dictionary would cost each of them a second.
        freq, total = _base_dictionary()
        self._jieba.FREQ, self._jieba.total, self._jieba.initialized = dict(freq), total, True
        self._known: set[str] = set()
        self._by_sound: dict[tuple[int, str], list[str]] = {}

    def add_terms(self, terms: Iterable[str]) -> None:
        for term in terms:
            term = normalize(term)
            if term in self._known or not _CJK_RUN.fullmatch(term) or len(term) < 2:
                continue
            self._known.add(term)
            self._jieba.add_word(term)
            for first in readings(term[0]):
                self._by_sound.setdefault((len(term), first), []).append(term)

    def _is_word(self, text: str) -> bool:
        return bool(self._jieba.FREQ.get(text))

    def _sounds_like(self, text: str) -> str | None:
        for first in readings(text[0]):
            for term in self._by_sound.get((len(text), first), ()):
                if all(readings(a) & readings(b) for a, b in zip(text[1:], term[1:])):
                    return term
        return None

    def correct(self, text: str) -> str:
        """Replace non-words that sound like a known term: 養老金/养劳金 -> 养老金.

        A real word (事业 next to the term 失业) is never replaced.
        """
        out, i = [], 0
        longest = max((n for n, _ in self._by_sound), default=0)
        while i < len(text):
            for size in range(min(longest, len(text) - i), 1, -1):
                piece = text[i:i + size]
                if not _CJK_RUN.fullmatch(piece):
                    continue
                if piece in self._known:
                    out.append(piece)
                    break
                term = None if self._is_word(piece) else self._sounds_like(piece)
                if term and size == 2 and not set(piece) & set(term):
                    term = None  # two sounds alone are too weak a clue
                if term:
                    out.append(term)
                    break
            else:
                out.append(text[i])
                size = 1
            i += size
        return "".join(out)

    def words(self, text: str, *, parts: bool = True) -> list[str]:
        """Content words, filler dropped; with parts, long words also yield their pieces (老年卡 -> 老年)."""
        cut = self._jieba.cut_for_search(text) if parts else self._jieba.cut(text)
        tokens = [t.strip() for t in cut]
        return [t for t in tokens if t and t not in STOPWORDS and _KEEP.search(t) and not _FIGURE.fullmatch(t)]
