"""The built-in intent model as the bot sees it: goals on held-out data and the hard cases."""
import re
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin

from nlu import NLU, SUSPECT_THRESHOLD
from nlu.evaluate import evaluate
from nlu import features
from nlu.features import normalise, pinyin_tokens
from nlu.model import load_or_train
from nlu.training_data import load_examples

HELDOUT = Path(__file__).resolve().parents[1] / "nlu" / "data" / "heldout.yml"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    # Shared across the NLU test modules of one session: the model trains once.
    return tmp_path_factory.getbasetemp() / "nlu-cache"


@pytest.fixture(scope="module")
def nlu(cache_dir):
    return NLU.builtin(cache_dir=cache_dir)


@pytest.fixture(scope="module")
def model(cache_dir):
    return load_or_train(cache_dir=cache_dir)[0]


def intent(nlu, text):
    return nlu.parse(text)["intent"]["name"]


def test_heldout_goals(nlu):
    report = evaluate(nlu.parse, load_examples(HELDOUT))
    assert report["emergency"]["recall"] >= 0.98, report["emergency"]["missed"]
    assert report["emergency"]["precision"] >= 0.95, report["emergency"]["false_alarms"]
    assert report["macro_f1"] >= 0.95, report["confusions"]


def test_homophone_slips_read_like_the_intended_words():
    assert pinyin_tokens("救名") == pinyin_tokens("救命")
    assert pinyin_tokens("摔到了起布来") == pinyin_tokens("摔倒了起不来")
    # Southern fuzzy pinyin: sh/s and n/l merge.
    assert pinyin_tokens("摔") == pinyin_tokens("衰")


def _whole_run_reading(text):
    """The reading before the per-word memo: lazy_pinyin over each whole run of Chinese."""
    out = []
    for run in re.findall(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+", normalise(text)):
        if re.match(r"[\u3400-\u9fff]", run):
            out.extend(features._fuzzy(s) for s in lazy_pinyin(run, style=Style.NORMAL))
        else:
            out.extend(re.findall(r"[a-z0-9]+|[^\sa-z0-9\w]", run))
    return out


# A character read alone first, then inside a word that reads it otherwise
# (行 xing / 银行 hang, 重 zhong / 重新 chong, 还 huan / 还是 hai, 觉 jue / 睡觉 jiao, 了 le / 了解 liao).
POLYPHONES = ["行", "我在银行门口摔倒了", "长", "长护险怎么办", "长大了", "重", "重新摔了一跤", "还", "还是起不来",
              "觉", "睡觉时胸口痛", "血", "流了好多血", "差", "差点摔倒", "了", "了解一下养老金"]


def test_memoised_pinyin_reads_like_lazy_pinyin_over_the_whole_run():
    texts = POLYPHONES + [e.text for e in load_examples(HELDOUT)]
    features._word_syllables.cache_clear()
    cold = [pinyin_tokens(t) for t in texts]
    warm = [pinyin_tokens(t) for t in reversed(texts)][::-1]  # every word already memoised
    expected = [_whole_run_reading(t) for t in texts]
    assert cold == expected
    assert warm == expected


def test_homophone_slip_still_heard_after_the_intended_words_were_memoised(nlu):
    for text in ["救命", "我摔倒了，起不来", "胸口痛，喘不上气", "就是", "名字", "布"]:
        nlu.parse(text)
    for slip in ["救名啊快来", "奶奶摔到在地上起布来", "胸口通，喘不上器"]:
        result = nlu.parse(slip)
        assert result["intent"]["name"] == "emergency", result["intent_ranking"][:3]


@pytest.mark.parametrize("text", ["我在阳台摔到了", "奶奶摔到在地上起布来", "就名啊快来", "胸口通，喘不上器"])
def test_model_alone_catches_homophone_slips(model, text):
    # The model itself, before the rule layer, must see the emergency.
    assert model.rank(text)[0][0] == "emergency"


@pytest.mark.parametrize("text, expected", [
    ("我跌倒了，起不來", "emergency"),
    ("快來人，廚房著火了", "emergency"),
    ("送我去醫院，我胸口好痛", "emergency"),
    ("能幫忙買點菜嗎", "request_help"),
    ("養老金幾號發", "ask_pension"),
    ("謝謝你們", "thank"),
])
def test_traditional_characters(nlu, text, expected):
    assert intent(nlu, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("help", "emergency"),
    ("I fell in the bathroom", "emergency"),
    ("can't breathe", "emergency"),
    ("thank you", "thank"),
    ("I'm fine", "checkin_ok"),
    ("bye", "goodbye"),
])
def test_short_english(nlu, text, expected):
    assert intent(nlu, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("阿拉屋里厢爷叔跌了一跤，爬不起来", "emergency"),
    ("🆘🆘", "emergency"),
    ("我的腿摔断了😭", "emergency"),
    ("阿拉今朝老好额，侬放心", "checkin_ok"),
])
def test_shanghainese_and_emoji(nlu, text, expected):
    assert intent(nlu, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我没摔倒，好着呢", "checkin_ok"),
    ("昨天摔了一跤，现在已经好了", "checkin_ok"),
    ("我很好不用担心", "checkin_ok"),
    ("我二十年前在厂里摔过一跤，那时候还年轻", "out_of_scope"),
    ("煤气灶打不着火了，能找人修吗", "request_help"),
])
def test_hard_negatives_are_not_emergencies(nlu, text, expected):
    assert intent(nlu, text) == expected


@pytest.mark.parametrize("text", ["我儿子摔倒了", "老伴叫不醒", "隔壁阿婆家里冒烟了", "电梯卡住了，我出不去", "有人撬我家的锁"])
def test_hard_positives_are_emergencies(nlu, text):
    assert intent(nlu, text) == "emergency"


def test_result_has_rasa_shape(nlu):
    result = nlu.parse("我住建新路27弄3号602")
    assert set(result) >= {"text", "intent", "intent_ranking", "entities", "emergency_suspected"}
    ranking = result["intent_ranking"]
    assert ranking[0] == result["intent"]
    assert [r["confidence"] for r in ranking] == sorted((r["confidence"] for r in ranking), reverse=True)
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 0.01
    assert {e["entity"]: e["value"] for e in result["entities"]} == {"road": "建新路", "lane": "27", "building": "3", "room": "602"}


def test_emergency_suspected_flags_a_possible_emergency(nlu):
    # Scan varied texts: the flag must agree with the ranking wherever it appears.
    texts = [e.text for e in load_examples(HELDOUT)] + ["头晕，眼睛看不清楚", "心里慌慌的", "腿没力气"]
    flagged = 0
    for text in texts:
        result = nlu.parse(text)
        emergency_p = {r["name"]: r["confidence"] for r in result["intent_ranking"]}["emergency"]
        expected = result["intent"]["name"] != "emergency" and emergency_p >= SUSPECT_THRESHOLD
        assert result["emergency_suspected"] is expected, text
        flagged += expected
    assert flagged >= 1  # the threshold is reached on realistic borderline input


def test_empty_text_is_out_of_scope(nlu):
    assert intent(nlu, "   ") == "out_of_scope"


async def test_aparse_matches_parse(nlu):
    assert await nlu.aparse("救命") == nlu.parse("救命")


def test_fast_scorer_gives_the_pipelines_probabilities(model):
    texts = [e.text for e in load_examples(HELDOUT)][:80] + ["", "🆘", "qqq zzz"]
    fast = [dict(model.rank(t)) for t in texts]
    slow = model.pipeline.predict_proba(texts)
    for probs, row in zip(fast, slow):
        assert max(abs(probs[label] - p) for label, p in zip(model.labels, row)) < 1e-9
