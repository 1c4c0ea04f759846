"""The knowledge-base files: complete, sourced, dated, and picked up live when staff edit them."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from nlu.qa import DEFAULT_KB_DIR, KnowledgeBase
from nlu.qa_entry import CHANNELS, KbError, load_entry, topic_files

TOPIC_FILES = topic_files(DEFAULT_KB_DIR)
DOMAIN_TOPICS = 17


def _raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_one_file_per_domain_topic():
    assert len(TOPIC_FILES) == DOMAIN_TOPICS
    assert {load_entry(p).kind for p in TOPIC_FILES if p.name.startswith("pension.")} == {"pension"}
    assert {load_entry(p).kind for p in TOPIC_FILES if not p.name.startswith("pension.")} == {"subsidy"}


@pytest.mark.parametrize("path", TOPIC_FILES, ids=lambda p: p.stem)
def test_every_file_has_source_reviewed_channel_and_its_answer_names_the_channel(path):
    raw = _raw(path)
    entry = load_entry(path)
    assert raw["source"].strip()
    assert raw["reviewed"] == dt.date(2026, 11, 23)
    assert str(raw["channel"]) in CHANNELS
    last_sentence = [s for s in entry.answer.zh.split("。") if s.strip()][-1]
    assert entry.channel in last_sentence
    assert len(entry.examples) >= 4 and entry.keywords


def test_a_broken_file_is_reported_with_its_name_and_field(tmp_path):
    bad = tmp_path / "service.meals.yaml"
    raw = _raw(DEFAULT_KB_DIR / "service.meals.yaml")
    del raw["reviewed"]
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KbError, match=r"service\.meals\.yaml: 'reviewed'"):
        load_entry(bad)


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(DEFAULT_KB_DIR, folder)
    return folder


def test_an_edited_answer_is_used_without_a_restart(kb_copy):
    kb = KnowledgeBase(kb_copy, reload_interval=0)
    assert "周二" not in kb.answer("附近有老年食堂伐").answer
    path = kb_copy / "service.meals.yaml"
    raw = _raw(path)
    raw["answer"] = "社区食堂周二到周六中午开门。有事请问居委会。"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    got = kb.answer("附近有老年食堂伐")
    assert got.topic == "service.meals" and "周二到周六" in got.answer


def test_an_added_topic_file_is_matched_without_a_restart(kb_copy):
    kb = KnowledgeBase(kb_copy, reload_interval=0)
    question = "社区合唱团哪天排练"
    assert kb.answer(question).handoff
    raw = _raw(kb_copy / "service.meals.yaml")
    raw.update(id="service.choir", keywords=["合唱团", "唱歌", "排练"], synonyms=[["合唱团", "合唱队"]],
               examples=["合唱团在哪里活动", "我想参加合唱队", "唱歌的活动几点开始", "排练时间"],
               answer="合唱团每周活动一次，具体时间请问居委会。")
    (kb_copy / "service.choir.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    got = kb.answer(question)
    assert got.topic == "service.choir" and not got.handoff


def test_files_are_checked_at_most_once_per_interval(kb_copy):
    now = [0.0]
    kb = KnowledgeBase(kb_copy, reload_interval=1.0, clock=lambda: now[0])
    path = kb_copy / "service.meals.yaml"
    raw = _raw(path)
    raw["answer"] = "食堂今天休息。有事请问居委会。"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    now[0] = 0.5
    assert "休息" not in kb.answer("附近有老年食堂伐").answer
    now[0] = 1.6
    assert "休息" in kb.answer("附近有老年食堂伐").answer


def test_a_broken_edit_keeps_the_last_good_answers_and_is_logged(kb_copy, caplog):
    kb = KnowledgeBase(kb_copy, reload_interval=0)
    (kb_copy / "service.meals.yaml").write_text("id: service.meals\nanswer: [unfinished", encoding="utf-8")
    got = kb.answer("附近有老年食堂伐")
    assert got.topic == "service.meals" and "社区食堂" in got.answer
    assert "knowledge base edit not loaded" in caplog.text
