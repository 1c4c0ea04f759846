"""Command line for the pension & subsidy Q&A.

    python -m nlu answer "老年卡一个月多少钱" --age 72      (through nlu/__main__.py)
    python -m nlu.qa_cli answer "QUESTION" [--age N] [--context TOPIC] [--locale en]
    python -m nlu.qa_cli evaluate [FILE.yml] [--json]
    python -m nlu.qa_cli evaluate --held-out      (each KB example asked with itself removed)

`answer` prints one JSON object {"topic","confidence","answer","source","reviewed","handoff"}.
`evaluate` prints top-1 topic accuracy, the out-of-scope hand-off rate and every miss, and
exits 1 when either falls below the goal, so CI notices a knowledge-base edit that hurts.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import yaml

from .qa import KnowledgeBase
from .qa_heldout import held_out_misses

DEFAULT_QUESTIONS = Path(__file__).with_name("data") / "qa_questions.yml"
ACCURACY_GOAL = 0.9
HANDOFF_GOAL = 1.0


@dataclass
class Evaluation:
    in_scope: int = 0
    correct: int = 0
    out_of_scope: int = 0
    handed_off: int = 0
    misses: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.in_scope if self.in_scope else 0.0

    @property
    def handoff_rate(self) -> float:
        return self.handed_off / self.out_of_scope if self.out_of_scope else 0.0

    @property
    def meets_goals(self) -> bool:
        return self.accuracy >= ACCURACY_GOAL and self.handoff_rate >= HANDOFF_GOAL


def load_questions(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["questions"])


def evaluate(kb: KnowledgeBase, questions: Sequence[dict]) -> Evaluation:
    result = Evaluation()
    for item in questions:
        got = kb.answer(item["q"], age=item.get("age"), context_topic=item.get("context"))
        expected = item.get("topic")
        if expected is None:
            result.out_of_scope += 1
            result.handed_off += got.handoff
            ok = got.handoff
        else:
            result.in_scope += 1
            ok = got.topic == expected
            result.correct += ok
        if not ok:
            result.misses.append({"q": item["q"], "expected": expected, "got": got.topic,
                                  "confidence": round(got.confidence, 3)})
    return result


def _print_evaluation(result: Evaluation, as_json: bool) -> None:
    summary = {"top1_accuracy": round(result.accuracy, 3), "in_scope": result.in_scope,
               "out_of_scope_handoff_rate": round(result.handoff_rate, 3),
               "out_of_scope": result.out_of_scope, "misses": result.misses}
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    print(f"top-1 topic accuracy: {result.accuracy:.3f} ({result.correct}/{result.in_scope}), goal {ACCURACY_GOAL}")
    print(f"out-of-scope hand-off rate: {result.handoff_rate:.3f} ({result.handed_off}/{result.out_of_scope}),"
          f" goal {HANDOFF_GOAL}")
    print(f"misses: {len(result.misses)}")
    for miss in result.misses:
        print(f"  {miss['q']}  expected={miss['expected']}  got={miss['got']}  confidence={miss['confidence']}")


def _print_held_out(kb: KnowledgeBase) -> int:
    asked, misses = held_out_misses(list(kb.entries.values()), kb.threshold)
    print(f"held-out accuracy on KB examples: {(asked - len(misses)) / asked:.3f} ({asked - len(misses)}/{asked})")
    for miss in misses:
        print(f"  {miss['q']}  expected={miss['expected']}  got={miss['got']}  confidence={miss['confidence']}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m nlu.qa_cli", description="Pension & subsidy Q&A")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("answer", help="answer one question, print JSON")
    ask.add_argument("question")
    ask.add_argument("--age", type=int, default=None)
    ask.add_argument("--context", default=None, help="topic id of the previous answer, for follow-ups")
    ask.add_argument("--locale", choices=("zh", "en"), default="zh")
    ask.add_argument("--kb", type=Path, default=None, help="knowledge-base folder")
    ev = sub.add_parser("evaluate", help="accuracy on a question set")
    ev.add_argument("file", nargs="?", type=Path, default=DEFAULT_QUESTIONS)
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--held-out", action="store_true", help="report leave-one-out accuracy on the KB's examples")
    ev.add_argument("--kb", type=Path, default=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; `python -m nlu answer ...` may pass its argv with or without "answer"."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in ("answer", "evaluate", "-h", "--help"):
        argv.insert(0, "answer")
    args = _parser().parse_args(argv)
    logging.getLogger("jieba").setLevel(logging.WARNING)  # its start-up chatter is not output
    kb = KnowledgeBase(args.kb) if args.kb else KnowledgeBase()
    if args.command == "evaluate" and args.held_out:
        return _print_held_out(kb)
    if args.command == "evaluate":
        result = evaluate(kb, load_questions(args.file))
        _print_evaluation(result, args.json)
        return 0 if result.meets_goals else 1
    got = kb.answer(args.question, age=args.age, context_topic=args.context, locale=args.locale)
    print(json.dumps(got.to_json(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
