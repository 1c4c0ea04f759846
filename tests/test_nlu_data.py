"""The training and held-out files: Rasa 3.1 format, enough varied examples, never overlapping."""
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pypinyin import Style, lazy_pinyin

from nlu import INTENTS
from nlu.features import normalise
from nlu.training_data import TrainingDataError, load_examples
from nlu.zh_variants import pairs

DATA = Path(__file__).resolve().parents[1] / "nlu" / "data"


def counts(name):
    return Counter(e.intent for e in load_examples(DATA / name))


def test_training_file_is_rasa_3_1_with_every_intent():
    doc = yaml.safe_load((DATA / "nlu.yml").read_text(encoding="utf-8"))
    assert doc["version"] == "3.1"
    n = counts("nlu.yml")
    assert set(n) == set(INTENTS)
    assert n["emergency"] >= 150
    assert min(n.values()) >= 40, n


def test_heldout_covers_every_intent_and_never_repeats_training():
    n = counts("heldout.yml")
    assert set(n) == set(INTENTS)
    assert n["emergency"] >= 60 and min(n.values()) >= 15, n
    trained = {normalise(e.text) for e in load_examples(DATA / "nlu.yml")}
    assert [e.text for e in load_examples(DATA / "heldout.yml") if normalise(e.text) in trained] == []


def test_rasa_entity_markup_is_read_as_plain_text(tmp_path):
    f = tmp_path / "x.yml"
    f.write_text('version: "3.1"\nnlu:\n- intent: provide_address\n  examples: |\n'
                 '    - 我住[建新路](road)[27]{"entity": "lane"}弄\n- synonym: 阿拉\n  examples: |\n    - 我们\n',
                 encoding="utf-8")
    assert [(e.text, e.intent) for e in load_examples(f)] == [("我住建新路27弄", "provide_address")]


def test_bad_file_names_the_problem(tmp_path):
    f = tmp_path / "bad.yml"
    f.write_text("nlu:\n- intent: greet\n  examples: |\n    你好\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match="greet"):
        load_examples(f)


def test_traditional_table_pairs_read_alike():
    # A wrong pair would silently corrupt features; both forms must sound the same.
    known_heteronyms = {("著", "着")}
    wrong = [(t, s) for t, s in pairs()
             if (t, s) not in known_heteronyms and lazy_pinyin(t, style=Style.NORMAL) != lazy_pinyin(s, style=Style.NORMAL)]
    assert wrong == []
    # Simplified, half-width, lower-case — and the same length, so entity offsets hold.
    assert normalise("醫院幫忙，跌倒了 ＨＥＬＰ") == "医院帮忙,跌倒了 help"
