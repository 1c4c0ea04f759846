"""Rank knowledge-base topics for a question, and say how much of the question they explain.

Ranking is BM25 over two channels: jieba words (with synonyms folded onto one id, so 退休金
meets 养老金) and fuzzy-pinyin character pairs (so 常护险 meets 长护险). BM25 scores are
not comparable between questions, so confidence is a separate, bounded measure: the
IDF-weighted share of the question's words and sounds that the best topic knows. Words
the knowledge base has never seen weigh most, which is what sends 公积金 or 股票 to staff.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from rank_bm25 import BM25Okapi

from .qa_entry import KbEntry
from .qa_text import Segmenter, normalize, pinyin_pairs

_WORD_WEIGHT = 0.6  # words are the stronger clue; sounds rescue typos and homophones
_MIN_IDF = 0.05
# Added to every question's weight, so a question of only generic words ("怎么申请")
# cannot look fully explained by whichever topic happens to contain them.
_PRIOR_WEIGHT = 1.0
# IDF mass of the topic's own terms (keywords, synonyms, title) that makes evidence certain:
# about one term that only this topic uses, or two shared ones.
_CERTAIN_EVIDENCE = 2.5
# A piece of a term counts for less than the term: 社区 (from 社区食堂) does not make
# "社区合唱团" a question about canteens, though 吃药 + 提醒 (from 吃药提醒) should count.
_PART_OF_TERM = 0.5


@dataclass(frozen=True)
class Match:
    topic: str
    score: float  # for ranking only
    coverage: float  # 0..1, how much of the question the topic explains
    evidence: float  # 0..1, how strongly the question names one of the topic's own terms

    @property
    def confidence(self) -> float:
        return (self.coverage + self.evidence) / 2


@dataclass(frozen=True)
class _Query:
    words: list[str]
    pairs: list[tuple[str, ...]]


class TopicIndex:
    def __init__(self, entries: Sequence[KbEntry], segmenter: Segmenter) -> None:
        self._segmenter = segmenter
        self.topics = [e.id for e in entries]
        self._synonym = _synonym_ids(entries)
        segmenter.add_terms(t for e in entries for t in (*e.keywords, *(s for g in e.synonyms for s in g)))
        word_docs, pair_docs, self._term_sets, self._term_parts = [], [], [], []
        for entry in entries:
            texts = [normalize(t) for t in entry.matching_texts()]
            word_docs.append([w for t in texts for w in self._expand(segmenter.words(t))])
            pair_docs.append([c for t in texts for p in pinyin_pairs(t) for c in p])
            terms = [normalize(t) for t in entry.term_texts()]
            self._term_sets.append({w for t in terms for w in self._expand(segmenter.words(t, parts=False))})
            titles = [normalize(entry.title.zh), normalize(entry.title.en)]
            self._term_parts.append({w for t in terms + titles for w in self._expand(segmenter.words(t))})
        self._words = BM25Okapi(word_docs)
        self._pairs = BM25Okapi(pair_docs)
        self._word_sets = [set(d) for d in word_docs]
        self._pair_sets = [set(d) for d in pair_docs]
        # A token no topic has ever seen weighs like one in no document at all.
        self._unseen = math.log((2 * len(entries) + 1))

    def _expand(self, words: list[str]) -> list[str]:
        return words + [self._synonym[w] for w in words if w in self._synonym]

    def query(self, text: str) -> _Query:
        fixed = self._segmenter.correct(normalize(text))
        return _Query(self._segmenter.words(fixed), pinyin_pairs(fixed))

    def rank(self, text: str) -> list[Match]:
        """Topics best first; empty when the question has nothing to match on."""
        q = self.query(text)
        if not q.words and not q.pairs:
            return []
        word_scores = _scaled(self._words.get_scores(self._expand(q.words))) if q.words else None
        pair_scores = _scaled(self._pairs.get_scores([c for p in q.pairs for c in p])) if q.pairs else None
        matches = []
        for i, topic in enumerate(self.topics):
            parts = []
            if word_scores is not None:
                parts.append((_WORD_WEIGHT, word_scores[i], self._word_coverage(q.words, i)))
            if pair_scores is not None:
                parts.append((1 - _WORD_WEIGHT, pair_scores[i], self._pair_coverage(q.pairs, i)))
            total = sum(w for w, _, _ in parts)
            matches.append(Match(
                topic,
                sum(w * s for w, s, _ in parts) / total,
                sum(w * c for w, _, c in parts) / total,
                self._evidence(q.words, i),
            ))
        return sorted(matches, key=lambda m: m.score, reverse=True)

    def _idf(self, model: BM25Okapi, token: str) -> float:
        return max(model.idf[token], _MIN_IDF) if token in model.idf else self._unseen

    def _word_coverage(self, words: list[str], doc: int) -> float:
        known, total = 0.0, 0.0
        for w in words:
            weight = self._idf(self._words, w)
            total += weight
            if w in self._word_sets[doc] or self._synonym.get(w) in self._word_sets[doc]:
                known += weight
        return known / (total + _PRIOR_WEIGHT)

    def _evidence(self, words: list[str], doc: int) -> float:
        mass = 0.0
        for w in set(words):
            if w in self._term_sets[doc] or self._synonym.get(w) in self._term_sets[doc]:
                mass += self._idf(self._words, w)
            elif w in self._term_parts[doc] or self._synonym.get(w) in self._term_parts[doc]:
                mass += _PART_OF_TERM * self._idf(self._words, w)
        return min(mass / _CERTAIN_EVIDENCE, 1.0)

    def _pair_coverage(self, pairs: list[tuple[str, ...]], doc: int) -> float:
        known, total = 0.0, 0.0
        for combos in pairs:
            weight = max(self._idf(self._pairs, c) for c in combos)
            total += weight
            if any(c in self._pair_sets[doc] for c in combos):
                known += weight
        return known / (total + _PRIOR_WEIGHT)


def _scaled(scores) -> list[float]:
    top = max(scores)
    return [s / top if top > 0 else 0.0 for s in scores]


def _synonym_ids(entries: Sequence[KbEntry]) -> dict[str, str]:
    """Term -> group id; groups from different files that share a term become one."""
    group_of: dict[str, int] = {}
    parent: list[int] = []

    def root(g: int) -> int:
        while parent[g] != g:
            g = parent[g]
        return g

    for entry in entries:
        for group in entry.synonyms:
            gid = len(parent)
            parent.append(gid)
            for term in (normalize(t) for t in group):
                if term in group_of:
                    parent[root(group_of[term])] = gid
                group_of[term] = gid
    return {term: f"≡{root(g)}" for term, g in group_of.items()}
