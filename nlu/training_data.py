"""Reads Rasa 3 NLU training data (`version: "3.1"`, `nlu:` list of intent + examples).

Only intents and their examples matter to the built-in model; entity annotations in the
Rasa markup (`[建新路](road)` or `[27]{"entity": "lane"}`) are reduced to their plain text
so the same file can train a Rasa server and this model.

`read_yaml` reads every YAML data file of the package (training rows, red flags, short words, Q&A topics) with
libyaml where PyYAML has it: the same documents, ten times faster than its pure-Python parser (~0.5 s a start).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: str | Path):
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)


_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    tags: tuple[str, ...] = ()  # phenomenon tags from Rasa's long form: metadata: {tags: [...]}


class TrainingDataError(ValueError):
    """The file is not Rasa NLU data we can read; the message names the entry."""


def plain_text(example: str) -> str:
    return _ANNOTATION.sub(r"\1", example).strip()


def _tags(item: object) -> tuple[str, ...]:
    meta = item.get("metadata") if isinstance(item, dict) else None
    tags = meta.get("tags") if isinstance(meta, dict) else None
    return tuple(str(t) for t in tags) if isinstance(tags, list) else ()


def _examples_block(block: object, where: str) -> list[tuple[str, tuple[str, ...]]]:
    if isinstance(block, list):  # Rasa also allows a list of {text: ..., metadata: ...} mappings
        items = [(item["text"] if isinstance(item, dict) else str(item), _tags(item)) for item in block]
        return [(plain_text(x), tags) for x, tags in items if plain_text(x)]
    if not isinstance(block, str):
        raise TrainingDataError(f"{where}: 'examples' must be a block of '- ' lines")
    out = []
    for line in block.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("- "):
            raise TrainingDataError(f"{where}: example line does not start with '- ': {line[:30]!r}")
        text = plain_text(line[2:])
        if text:
            out.append((text, ()))
    return out


def load_examples(path: str | Path) -> list[Example]:
    """All (text, intent) pairs in file order; synonyms, regexes and lookups are ignored."""
    doc = read_yaml(path) or {}
    if not isinstance(doc, dict) or not isinstance(doc.get("nlu"), list):
        raise TrainingDataError(f"{path}: expected a top-level 'nlu:' list")
    examples: list[Example] = []
    for i, entry in enumerate(doc["nlu"]):
        if not isinstance(entry, dict) or "intent" not in entry:
            continue
        where = f"{path}: nlu[{i}] ({entry['intent']})"
        examples.extend(Example(t, str(entry["intent"]), tags) for t, tags in _examples_block(entry.get("examples"), where))
    if not examples:
        raise TrainingDataError(f"{path}: no intent examples found")
    return examples
