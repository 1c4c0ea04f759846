"""`python -m nlu` as NLU.md fixes it: parse TEXT, parse --jsonl, evaluate FILE [--json], answer."""
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import nlu
from nlu import NLU
from nlu.__main__ import main

from bot.testing import warm_process

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "nlu" / "data" / "heldout.yml"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    path = tmp_path_factory.getbasetemp() / "nlu-cache"
    NLU.builtin(cache_dir=path)  # trained here once, so the subprocesses only load
    return path


def run_cli(*args, stdin=None, warm=True):
    """`python -m nlu args` as a process, forked from one that has imported nlu (bot/testing/warm_process.py: seconds
    less a start); `warm=False`: a fresh interpreter, whose whole output is checked once."""
    if warm:
        proc = warm_process.run("nlu", list(args), env=dict(os.environ), cwd=ROOT, input=stdin or "", timeout=120)
    else:
        proc = subprocess.run([sys.executable, "-m", "nlu", *args], input=stdin, capture_output=True,
                              text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_parse_prints_one_rasa_json_object(cache_dir):
    out = run_cli("parse", "我摔到了，起布来", "--cache-dir", str(cache_dir), warm=False)  # as an operator runs it
    result = json.loads(out)
    assert result["text"] == "我摔到了，起布来"
    assert result["intent"]["name"] == "emergency"
    assert {"name", "confidence"} == set(result["intent"])
    assert result["intent_ranking"][0]["name"] == "emergency"
    assert isinstance(result["entities"], list)


def test_parse_jsonl_answers_each_line_in_order(cache_dir):
    out = run_cli("parse", "--jsonl", "--cache-dir", str(cache_dir), stdin="你好\n养老金几号到账\n\n谢谢侬\n")
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in results] == ["你好", "养老金几号到账", "", "谢谢侬"]
    assert [r["intent"]["name"] for r in results] == ["greet", "ask_pension", "out_of_scope", "thank"]


def test_evaluate_json(cache_dir, capsys):
    assert main(["evaluate", str(HELDOUT), "--json", "--cache-dir", str(cache_dir)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["per_intent"]) == set(nlu.INTENTS)
    for m in report["per_intent"].values():
        assert set(m) == {"precision", "recall", "f1", "support"}
    assert {"recall", "precision"} <= set(report["emergency"])
    assert 0 < report["macro_f1"] <= 1
    assert all(set(c) == {"gold", "predicted", "count"} for c in report["confusions"])


def test_evaluate_text_report(cache_dir, capsys):
    assert main(["evaluate", str(HELDOUT), "--cache-dir", str(cache_dir)]) == 0
    out = capsys.readouterr().out
    assert "emergency recall" in out and "macro-F1" in out and "confusion pairs" in out
    assert out.count("\n") > len(nlu.INTENTS)


def test_evaluate_unreadable_file_fails_cleanly(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "missing.yml")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_answer_is_handed_to_the_qa_cli(monkeypatch):
    calls = []
    fake = types.ModuleType("nlu.qa_cli")
    fake.main = lambda argv: calls.append(argv) or 7
    monkeypatch.setitem(sys.modules, "nlu.qa_cli", fake)
    monkeypatch.setattr(nlu, "qa_cli", fake, raising=False)
    assert main(["answer", "老年津贴怎么领", "--json"]) == 7
    assert calls == [["老年津贴怎么领", "--json"]]


PHENOMENA = {"long_message", "no_keyword", "third_party", "dialect", "homophone", "question_about", "news", "past",
             "figurative", "negated"}


def test_evaluate_reports_each_phenomenon_of_the_tagged_heldout(cache_dir, capsys):
    assert main(["evaluate", str(HELDOUT), "--json", "--cache-dir", str(cache_dir)]) == 0
    per_tag = json.loads(capsys.readouterr().out)["per_tag"]
    assert PHENOMENA <= set(per_tag)
    for tag, m in per_tag.items():
        if m["emergencies"]:
            assert m["emergency_recall"] >= 0.95, (tag, m)
        assert m["false_alarms"] <= 1, (tag, m)
    assert main(["evaluate", str(HELDOUT), "--cache-dir", str(cache_dir)]) == 0
    out = capsys.readouterr().out
    assert "phenomenon" in out and all(tag in out for tag in PHENOMENA)


def test_parse_explain_prints_flags_modifiers_and_why(cache_dir):
    result = json.loads(run_cli("parse", "--explain", "没事，就是流了好多血，我妈说昨天梦见摔倒", "--cache-dir", str(cache_dir)))
    flags = {f["span"]: f for f in result["flags"]}
    assert flags["流了好多血"]["counts"] and flags["流了好多血"]["concept"] == "bleeding"
    assert not flags["摔倒"]["counts"] and "reported" in flags["摔倒"]["modifiers"]
    assert result["decision"] == "emergency" and "流了好多血" in result["why"]
    plain = json.loads(run_cli("parse", "--jsonl", "--cache-dir", str(cache_dir), stdin="没事，就是流了好多血\n"))
    assert "flags" not in plain and "decision" not in plain
