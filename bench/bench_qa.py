"""Latency of the pension & subsidy Q&A over the question set, against a dict-lookup baseline.

    .venv/bin/python bench/bench_qa.py [--rounds 20]

The baseline (an exact-text dict lookup of the expected topic) is measured in the same run on
the same questions, so the ratio says how much the matching costs on this machine today,
whatever the machine's speed.
"""
from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlu.qa import KnowledgeBase  # noqa: E402
from nlu.qa_cli import DEFAULT_QUESTIONS, load_questions  # noqa: E402


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _time_each(call, texts: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            call(text)
            samples.append(time.perf_counter() - start)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="times the question set is repeated")
    args = parser.parse_args()
    logging.getLogger("jieba").setLevel(logging.WARNING)

    questions = load_questions(DEFAULT_QUESTIONS)
    texts = [q["q"] for q in questions]
    start = time.perf_counter()
    kb = KnowledgeBase()
    load_seconds = time.perf_counter() - start
    kb.answer(texts[0])  # first call pays jieba's lazy start-up; not what a resident waits for

    lookup = {q["q"]: q["topic"] for q in questions}
    baseline = _time_each(lookup.get, texts, args.rounds)
    qa = _time_each(kb.answer, texts, args.rounds)

    p50, p99 = _percentile(qa, 0.5), _percentile(qa, 0.99)
    b50, b99 = _percentile(baseline, 0.5), _percentile(baseline, 0.99)
    print(f"questions: {len(texts)} x {args.rounds} rounds = {len(qa)} answers; KB load {load_seconds:.2f} s")
    print(f"answer      p50 {p50 * 1e3:8.3f} ms   p99 {p99 * 1e3:8.3f} ms   mean {statistics.mean(qa) * 1e3:.3f} ms")
    print(f"dict lookup p50 {b50 * 1e6:8.3f} us   p99 {b99 * 1e6:8.3f} us")
    print(f"ratio answer/dict: p50 {p50 / b50:,.0f}x   p99 {p99 / b99:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
