"""Held-out check: each knowledge-base example question asked of an index built without it.

The question set is written by the same people who write the keywords, so its accuracy is
optimistic. Asking every example with that example removed from its topic estimates how
the matcher does on phrasings nobody anticipated. Slow (one index per example): a
command-line report, not a test.
"""
from __future__ import annotations

import dataclasses
from typing import Sequence

from .qa_entry import KbEntry
from .qa_index import TopicIndex
from .qa_text import Segmenter


def held_out_misses(entries: Sequence[KbEntry], threshold: float) -> tuple[int, list[dict]]:
    """(number of examples asked, the ones answered wrongly or handed off)."""
    segmenter = Segmenter()
    asked, misses = 0, []
    for i, entry in enumerate(entries):
        for j, example in enumerate(entry.examples):
            rest = tuple(e for k, e in enumerate(entry.examples) if k != j)
            others = [*entries[:i], dataclasses.replace(entry, examples=rest), *entries[i + 1:]]
            ranked = TopicIndex(others, segmenter).rank(example)
            asked += 1
            best = ranked[0] if ranked else None
            if best is None or best.topic != entry.id or best.confidence < threshold:
                misses.append({"q": example, "expected": entry.id, "got": best.topic if best else None,
                               "confidence": round(best.confidence, 3) if best else 0.0})
    return asked, misses
