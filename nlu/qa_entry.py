"""One knowledge-base topic as read from its YAML file, checked on load.

The files are edited by committee staff, not programmers, so a mistake must name the
file and the field rather than surface later as a wrong answer.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .training_data import read_yaml

CHANNELS = ("12333", "12345", "社区事务受理服务中心", "居委会")
KINDS = ("pension", "subsidy")
_TEXT_FIELDS = ("answer", "answer_en", "source")
_BILINGUAL_FIELDS = ("title", "how_to_apply", "where")


class KbError(ValueError):
    """A knowledge-base file that cannot be used; the message names file and field."""


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def pick(self, locale: str) -> str:
        return self.en if locale == "en" else self.zh


@dataclass(frozen=True)
class KbEntry:
    id: str
    kind: str
    title: Bilingual
    keywords: tuple[str, ...]
    synonyms: tuple[tuple[str, ...], ...]
    examples: tuple[str, ...]
    answer: Bilingual
    how_to_apply: Bilingual
    where: Bilingual
    source: str
    reviewed: dt.date
    channel: str
    who: Bilingual | None = None  # who may have it, when the rule turns on it ("外地户口能领吗"): optional

    def matching_texts(self) -> list[str]:
        """What the matcher indexes; keywords and synonyms count twice since they were chosen."""
        terms = list(self.keywords) + [t for group in self.synonyms for t in group]
        return [self.title.zh, self.title.en, *terms, *terms, *self.examples]

    def term_texts(self) -> list[str]:
        """The topic's own names for itself: keywords and synonyms."""
        return [*self.keywords, *(t for group in self.synonyms for t in group)]


def _bilingual(path: Path, name: str, value: Any) -> Bilingual:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value[k].strip() for k in ("zh", "en")):
        raise KbError(f"{path.name}: '{name}' needs non-empty 'zh' and 'en' texts")
    return Bilingual(value["zh"].strip(), value["en"].strip())


def _strings(path: Path, name: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, (str, int)) for v in value):
        raise KbError(f"{path.name}: '{name}' must be a non-empty list of texts")
    return tuple(str(v) for v in value)


def load_entry(path: Path) -> KbEntry:
    """Read and check one topic file; raises KbError naming the bad field."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise KbError(f"{path.name}: expected a mapping of fields")
    if data.get("id") != path.name.removesuffix(".yaml"):
        raise KbError(f"{path.name}: 'id' must equal the file name ({data.get('id')!r})")
    if data.get("kind") not in KINDS:
        raise KbError(f"{path.name}: 'kind' must be one of {KINDS}")
    if str(data.get("channel")) not in CHANNELS:
        raise KbError(f"{path.name}: 'channel' must be one of {CHANNELS}")
    if not isinstance(data.get("reviewed"), dt.date):
        raise KbError(f"{path.name}: 'reviewed' must be a date like 2026-11-23")
    for name in _TEXT_FIELDS:
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise KbError(f"{path.name}: '{name}' must be a non-empty text")
    bilingual = {name: _bilingual(path, name, data.get(name)) for name in _BILINGUAL_FIELDS}
    synonyms = data.get("synonyms") or []
    if not isinstance(synonyms, list):
        raise KbError(f"{path.name}: 'synonyms' must be a list of lists")
    return KbEntry(
        id=data["id"],
        kind=data["kind"],
        keywords=_strings(path, "keywords", data.get("keywords")),
        synonyms=tuple(_strings(path, "synonyms", group) for group in synonyms),
        examples=_strings(path, "examples", data.get("examples")),
        answer=Bilingual(data["answer"].strip(), data["answer_en"].strip()),
        source=data["source"].strip(),
        reviewed=data["reviewed"],
        channel=str(data["channel"]),
        who=_bilingual(path, "who", data["who"]) if data.get("who") is not None else None,
        **bilingual,
    )


def topic_files(folder: Path) -> list[Path]:
    """Topic files only; names starting with '_' hold shared wording."""
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))


def load_wording(folder: Path) -> dict[str, Any]:
    path = folder / "_wording.yaml"
    data = read_yaml(path)
    if not isinstance(data, dict) or "handoff" not in data or "closing" not in data:
        raise KbError(f"{path.name}: needs 'handoff' and 'closing'")
    return data


def load_out_of_scope(folder: Path) -> tuple[str, ...]:
    """Subjects the knowledge base does not cover (absent file: none)."""
    path = folder / "_out_of_scope.yaml"
    if not path.exists():
        return ()
    data = read_yaml(path) or {}
    return _strings(path, "subjects", data.get("subjects"))
