"""Command line: `python -m nlu parse "TEXT"`, `parse --jsonl`, `evaluate FILE.yml [--json]`, `answer ...`."""
from __future__ import annotations

import argparse
import json
import sys

from . import NLU
from .evaluate import evaluate, format_report
from .training_data import TrainingDataError, load_examples


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _parse(args: argparse.Namespace) -> int:
    if args.jsonl == (args.text is not None):
        print("give either TEXT or --jsonl (texts on standard input), not both", file=sys.stderr)
        return 2
    nlu = NLU.builtin(cache_dir=args.cache_dir)
    if args.text is not None:
        print(_dump(nlu.parse(args.text, explain=args.explain)))
        return 0
    for line in sys.stdin:
        print(_dump(nlu.parse(line.rstrip("\r\n"), explain=args.explain)), flush=True)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    try:
        examples = load_examples(args.file)
    except (OSError, TrainingDataError) as exc:
        print(f"cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    report = evaluate(NLU.builtin(cache_dir=args.cache_dir).parse, examples)
    print(_dump(report) if args.json else format_report(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["answer"]:
        from . import qa_cli  # written separately; imported only when asked for

        return qa_cli.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m nlu", description="Intent and entity parser of the bot.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="print the Rasa /model/parse JSON for a text")
    p.add_argument("text", nargs="?", help="the message to parse")
    p.add_argument("--jsonl", action="store_true", help="read one text per line, print one JSON per line")
    p.add_argument("--explain", action="store_true",
                   help='add the red flags, their context modifiers, the "decision" and "why"')
    p.set_defaults(run=_parse)
    e = sub.add_parser("evaluate", help="score the built-in model on Rasa NLU test data")
    e.add_argument("file", help="Rasa-format NLU YAML (version 3.1)")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.set_defaults(run=_evaluate)
    for command in (p, e):
        command.add_argument("--cache-dir", help="where the trained model is cached (default var/nlu-cache)")
    sub.add_parser("answer", help="answer a pension/subsidy question (see nlu.qa_cli)")
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
