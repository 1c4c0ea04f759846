"""The Q&A command line: one JSON object per question, and the evaluation report."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlu import qa_cli

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"topic", "confidence", "answer", "source", "reviewed", "handoff"}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nlu.qa_cli", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def test_answer_prints_one_json_object_with_the_agreed_keys():
    done = _run("answer", "老年卡一个月多少钱", "--age", "85")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and "老年" in lines[0]  # Chinese is printed as is, not \u-escaped
    data = json.loads(lines[0])
    assert set(data) == KEYS
    assert data["topic"] == "allowance.senior" and data["handoff"] is False
    assert "180元" in data["answer"] and data["reviewed"] == "2026-11-23"
    assert 0 < data["confidence"] <= 1


def test_out_of_scope_question_prints_null_topic_and_handoff(capsys):
    assert qa_cli.main(["answer", "公积金哪能提取"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == KEYS and data["topic"] is None and data["handoff"] is True


@pytest.mark.parametrize("argv", [["低保怎么申请"], ["answer", "低保怎么申请"]])
def test_main_accepts_argv_with_or_without_the_answer_word(capsys, argv):
    # `python -m nlu answer ...` hands over its argv after "answer".
    assert qa_cli.main(argv) == 0
    assert json.loads(capsys.readouterr().out)["topic"] == "assistance.minimum_living"


def test_follow_up_with_context_on_the_command_line(capsys):
    assert qa_cli.main(["answer", "在哪里办？", "--context", "assistance.disability"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["topic"] == "assistance.disability" and "社区事务受理服务中心" in data["answer"]


def test_evaluate_reports_accuracy_handoff_rate_and_misses(tmp_path, capsys):
    questions = tmp_path / "q.yml"
    questions.write_text(
        "version: 1\nquestions:\n"
        "  - {q: 失业金哪能领, topic: benefit.unemployment}\n"
        "  - {q: 失业金哪能领, topic: service.meals}\n"          # deliberately wrong label
        "  - {q: 明朝落雨伐, topic: null}\n",
        encoding="utf-8",
    )
    assert qa_cli.main(["evaluate", str(questions)]) == 1  # 0.5 accuracy is below the goal
    out = capsys.readouterr().out
    assert "top-1 topic accuracy: 0.500 (1/2)" in out
    assert "out-of-scope hand-off rate: 1.000 (1/1)" in out
    assert "expected=service.meals  got=benefit.unemployment" in out

