"""The trained model is cached by data and code; unchanged setups load instead of retraining."""
import pytest

import nlu.model as model_module
from nlu import NLU

SMALL = """version: "3.1"
nlu:
- intent: emergency
  examples: |
    - 救命
    - 我摔倒了起不来
    - 着火了
    - 老伴叫不醒
- intent: greet
  examples: |
    - 你好
    - 早上好
    - 侬好
    - hello
- intent: thank
  examples: |
    - 谢谢
    - 多谢侬
    - 太感谢了
    - thank you
"""


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "nlu.yml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def training_calls(monkeypatch):
    calls = []
    real_train = model_module.train
    monkeypatch.setattr(model_module, "train", lambda examples: calls.append(len(examples)) or real_train(examples))
    return calls


def test_second_load_does_not_retrain(data, tmp_path, training_calls):
    first = NLU.builtin(data, tmp_path / "cache")
    second = NLU.builtin(data, tmp_path / "cache")
    assert (first.trained_now, second.trained_now) == (True, False)
    assert training_calls == [12]
    assert second.parse("你好呀")["intent"]["name"] == first.parse("你好呀")["intent"]["name"] == "greet"


def test_changed_data_retrains(data, tmp_path, training_calls):
    NLU.builtin(data, tmp_path / "cache")
    data.write_text(SMALL + "- intent: goodbye\n  examples: |\n    - 再见\n    - 拜拜\n", encoding="utf-8")
    again = NLU.builtin(data, tmp_path / "cache")
    assert again.trained_now
    assert training_calls == [12, 14]
    assert again.parse("拜拜")["intent"]["name"] == "goodbye"
    assert len(list((tmp_path / "cache").glob("intent-*.joblib"))) == 1  # the stale model is gone


def test_unreadable_cache_is_rebuilt(data, tmp_path, training_calls):
    NLU.builtin(data, tmp_path / "cache")
    for f in (tmp_path / "cache").glob("intent-*.joblib"):
        f.write_bytes(b"torn write")
    assert NLU.builtin(data, tmp_path / "cache").trained_now
    assert NLU.builtin(data, tmp_path / "cache").trained_now is False
