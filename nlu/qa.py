"""Answer residents' pension and subsidy questions from the reviewed knowledge base.

    kb = KnowledgeBase()
    kb.answer("阿拉姆妈今年八十三，老年卡一个月几钿？").answer   # states 180 元
    kb.answer("在哪里办？", context_topic="allowance.senior")   # the where-part

When no topic explains the question well enough the answer hands off to staff rather than
guess: a wrong rule told confidently to an 85-year-old costs more than a short wait.
Edited or added files in the folder are picked up without a restart.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from .qa_compose import RESIDENCE, compose, detect_aspect, detect_aspects, gives_figure_for, is_follow_up
from .qa_compute import band_asked, extract_age, extract_grade
from .qa_entry import KbEntry, KbError, load_entry, load_out_of_scope, load_wording, topic_files
from .qa_index import TopicIndex
from .qa_text import Segmenter, normalize

log = logging.getLogger(__name__)

DEFAULT_KB_DIR = Path(__file__).with_name("kb")
CONFIDENCE_THRESHOLD = 0.35  # question set: in-scope 0.42+, unrelated 0.3-; see `evaluate`
FOLLOW_UP_CONFIDENCE = 0.8  # "怎么申请？" right after a topic is about that topic
NAMED_EVIDENCE = 0.5  # "那低保怎么申请" names a new topic, so it is no longer a follow-up
_STAFF_CHANNEL = "居委会"
# "A和B哪个好": one topic's answer would be a confident wrong answer; a person compares.
_COMPARISON = re.compile(r"哪个(?:好|更|划算|合算|便宜|多)|哪一个好|有什么区别|有啥区别|区别是|有什么不同|有啥不一样|"
                         r"which (?:is|one) (?:better|more)|difference between")

# "我老伴能拿多少": someone else's figure, never worked out from the asker's own age in the register.
_SOMEONE_ELSE = re.compile(r"老伴|老头子|老太婆|老头|老太|我妈|我爸|姆妈|妈妈|爸爸|老公|老婆|丈夫|爱人|婆婆|公公|(?<!其)他|她|伊")
# "养老金什么时候到账还有老年卡的钱什么时候打进来": two questions, each answered with its own source.
_NEXT_QUESTION = re.compile(r"[。？?！!；;\n]|还有|另外|顺便问?一?下?|再问一?下?")
_RESIDENCE = RESIDENCE
_ASKS = re.compile(r"吗|伐|呢|什么|啥|怎么|哪能|多少|几|哪|有没有|能不能|可不可以|要不要|是不是|[？?]")


@dataclass(frozen=True)
class Answer:
    topic: str | None
    confidence: float
    answer: str
    source: str
    reviewed: dt.date | None
    channel: str
    handoff: bool
    needs_age: bool = False  # the bot should ask "您今年多大年纪？" and ask again with age

    def to_json(self) -> dict:
        return {
            "topic": self.topic,
            "confidence": round(self.confidence, 3),
            "answer": self.answer,
            "source": self.source,
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
            "handoff": self.handoff,
        }


@dataclass(frozen=True)
class _Loaded:
    signature: tuple
    entries: dict[str, KbEntry]
    wording: dict
    index: TopicIndex
    out_of_scope: tuple[str, ...]

    def not_covered(self, question: str) -> bool:
        text = normalize(question)
        return any(re.search(subject, text) for subject in self.out_of_scope)


class KnowledgeBase:
    def __init__(self, folder: Path | str = DEFAULT_KB_DIR, *, threshold: float = CONFIDENCE_THRESHOLD,
                 reload_interval: float = 1.0, clock: Callable[[], float] = time.monotonic,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.folder = Path(folder)
        self._today = today  # for ages told as a birth year ("我1941年生的")
        self.threshold = threshold
        self._reload_interval = reload_interval
        self._clock = clock
        self._segmenter = Segmenter()
        self._lock = threading.Lock()
        self._checked_at = clock()
        self._loaded = self._load(self._signature())
        self._rejected: tuple | None = None

    @property
    def entries(self) -> dict[str, KbEntry]:
        return self._current().entries

    def _signature(self) -> tuple:
        stats = ((p.name, p.stat()) for p in sorted(self.folder.glob("*.yaml")))
        return tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)

    def _load(self, signature: tuple) -> _Loaded:
        entries = {e.id: e for e in map(load_entry, topic_files(self.folder))}
        index = TopicIndex(list(entries.values()), self._segmenter)
        return _Loaded(signature, entries, load_wording(self.folder), index, load_out_of_scope(self.folder))

    def _current(self) -> _Loaded:
        """The loaded folder, rebuilt if a file changed; stat()s at most once per interval."""
        now = self._clock()
        if now - self._checked_at < self._reload_interval:
            return self._loaded
        with self._lock:
            self._checked_at = now
            try:
                signature = self._signature()
            except OSError:  # a file renamed or removed while we looked; look again next time
                return self._loaded
            if signature not in (self._loaded.signature, self._rejected):
                try:
                    self._loaded = self._load(signature)
                except (KbError, yaml.YAMLError) as exc:
                    # A half-saved or mistyped file must not silence the Q&A: keep answering
                    # from the last good version and tell the operator once.
                    self._rejected = signature
                    log.error("knowledge base edit not loaded, still using the previous version: %s", exc)
            return self._loaded

    def answer(self, question: str, age: int | None = None, context_topic: str | None = None,
               locale: str = "zh", today: dt.date | None = None) -> Answer:
        """`today`: the caller's date, for a birth year in the question (else the knowledge base's own)."""
        kb = self._current()
        locale = "en" if locale.lower().startswith("en") else "zh"
        # "我是外地户口" right after a topic whose rule is the household registration: that rule, not a hand-off
        residence = context_topic in kb.entries and bool(_RESIDENCE.search(question)) \
            and "户籍" in kb.entries[context_topic].answer.pick("zh")
        if not residence and (kb.not_covered(question) or _COMPARISON.search(question.lower())):
            return self._handoff(kb, 0.0, locale)
        if (both := self._two_questions(question, age, locale, today)) is not None:
            return both
        ranked = kb.index.rank(question)
        best = ranked[0] if ranked else None
        names_other_topic = (not residence and best is not None and best.topic != context_topic
                             and best.confidence >= self.threshold and best.evidence >= NAMED_EVIDENCE)
        follows = is_follow_up(question) or gives_figure_for(context_topic, question) or residence  # "评了3级…"
        if context_topic in kb.entries and follows and not names_other_topic:
            coverage = next((m.confidence for m in ranked if m.topic == context_topic), 0.0)
            topic, confidence, follow_up = context_topic, max(coverage, FOLLOW_UP_CONFIDENCE), True
        elif best is not None and best.confidence >= self.threshold and (best.evidence > 0 or not is_follow_up(question)):
            # ("去哪里办" with no topic before it names nothing: not the disability subsidy's office)
            topic, confidence, follow_up = best.topic, best.confidence, False
        else:
            return self._handoff(kb, best.confidence if best else 0.0, locale)
        entry = kb.entries[topic]
        stated = extract_age(question, today or self._today())  # "我妈九十出头": the question's age wins over the register's
        if stated is None and follow_up and topic == "allowance.senior":
            stated = band_asked(question)  # "九十岁以上有多少" after the answer: that band's figure, not hers again
        other = _SOMEONE_ELSE.search(question) is not None  # "我老伴能拿多少": not the asker's age, and not asked for
        composed = compose(
            entry, aspect=detect_aspect(question), follow_up=follow_up, also=detect_aspects(question)[1:],
            age=stated if stated is not None or other else age, grade=extract_grade(question),
            wording=kb.wording, locale=locale, question=question,
        )
        return Answer(topic, confidence, composed.text, entry.source, entry.reviewed, entry.channel,
                      handoff=False, needs_age=composed.needs_age and not other)

    def names_topic(self, question: str) -> bool:
        """The question names one topic's own term and would be answered ("社区食堂在哪里"), not handed off."""
        kb = self._current()
        ranked = kb.index.rank(question)
        return bool(ranked) and ranked[0].evidence >= NAMED_EVIDENCE and not self.answer(question).handoff

    def _two_questions(self, question: str, age: int | None, locale: str, today: dt.date | None) -> Answer | None:
        """Both answers when the message asks two questions on two topics, else None (answered as one)."""
        parts = [p for p in _NEXT_QUESTION.split(question) if len(p.strip()) >= 3]
        if len(parts) != 2 or not all(_ASKS.search(p) for p in parts):
            return None
        first = self.answer(parts[0], age=age, locale=locale, today=today)
        second = self.answer(parts[1], age=age, context_topic=first.topic, locale=locale, today=today)  # "…还有去哪里办"
        if first.handoff or second.handoff or first.topic == second.topic:
            return None
        reviewed = min(d for d in (first.reviewed, second.reviewed) if d) if first.reviewed or second.reviewed else None
        return Answer(first.topic, min(first.confidence, second.confidence), f"{first.answer}\n\n{second.answer}",
                      f"{first.source}；{second.source}", reviewed, first.channel, handoff=False,
                      needs_age=first.needs_age or second.needs_age)

    @staticmethod
    def _handoff(kb: _Loaded, confidence: float, locale: str) -> Answer:
        return Answer(None, confidence, kb.wording["handoff"][locale], "", None, _STAFF_CHANNEL, handoff=True)
