"""The rule layer lifts emergencies on unmistakable words and never lowers one."""
import pytest

from nlu import build_result
from nlu.features import normalise
from nlu.rules import RULE_CONFIDENCE, fired_rules, raise_emergency


def fired(text):
    return fired_rules(normalise(text))


@pytest.mark.parametrize("text", [
    "救命", "救名啊", "SOS", "🆘", "help", "我摔倒了起不来", "跌跤了，起布来", "老伴叫不醒", "厨房著火了",
    "一股煤气味", "胸口好痛", "我喘不上气", "I can't breathe", "被困在电梯里", "有人在撬门", "我不小心摔倒了",
    "昨天摔倒了，到现在还起不来", "my chest hurts", "肚子痛得打滚", "老头子一下子晕过去了",
    "他昏过去了，以前从来没有过", "报警器响了，屋里有烟",
])
def test_danger_words_fire(text):
    assert fired(text)


@pytest.mark.parametrize("text", [
    "我没摔倒", "还好没有摔跤", "上次摔倒现在好了", "昨天摔了一跤，现在没事了", "我年轻时候摔过一跤",
    "十年前着过一次火", "怎么防止跌倒", "万一着火怎么办", "煤气灶打不着火", "养老金是我的救命钱", "help me buy some rice",
    "新闻里说有个老人摔倒了没人扶", "我没有烟瘾",
])
def test_negated_or_past_mentions_do_not_fire(text):
    assert fired(text) == []


def test_rule_lifts_a_missed_emergency():
    ranking = [("greet", 0.7), ("emergency", 0.2), ("thank", 0.1)]
    result = build_result("救命", ranking, [])
    assert result["intent"] == {"name": "emergency", "confidence": RULE_CONFIDENCE}
    assert abs(sum(r["confidence"] for r in result["intent_ranking"]) - 1.0) < 1e-3


@pytest.mark.parametrize("text", ["救命", "你好", "我摔倒了起不来"])
@pytest.mark.parametrize("emergency_p", [0.3, 0.6, 0.95])
def test_present_flags_and_plain_text_never_lower_the_model(text, emergency_p):
    ranking = [("emergency", emergency_p), ("checkin_ok", 1 - emergency_p)]
    ranking.sort(key=lambda r: -r[1])
    after = dict(raise_emergency(ranking, fired(text)))
    assert after["emergency"] >= emergency_p
    result = build_result(text, ranking, [])
    probs = {r["name"]: r["confidence"] for r in result["intent_ranking"]}
    assert probs["emergency"] >= round(emergency_p, 4)
    if emergency_p > 0.5:
        assert result["intent"]["name"] == "emergency"


@pytest.mark.parametrize("text", ["我没摔倒", "上次摔倒现在好了", "我年轻时候摔过一跤", "新闻里说有个老人摔倒了"])
@pytest.mark.parametrize("emergency_p", [0.3, 0.6, 0.9])
def test_a_flag_only_talked_about_lowers_the_model(text, emergency_p):
    # The model was fooled by the danger word itself: the context takes the alarm back.
    ranking = sorted([("emergency", emergency_p), ("checkin_ok", 1 - emergency_p)], key=lambda r: -r[1])
    result = build_result(text, ranking, [], explain=True)
    assert result["intent"]["name"] == "checkin_ok"
    assert result["emergency_suspected"] is False
    assert result["decision"] == "not_emergency"
    assert [f["counts"] for f in result["flags"]] == [False] * len(result["flags"]) and result["flags"]


def test_a_model_all_but_certain_still_gets_the_one_tap_question():
    result = build_result("我没摔倒", [("emergency", 0.99), ("checkin_ok", 0.01)], [], explain=True)
    assert result["decision"] == "uncertain"
    assert result["intent"]["name"] == "emergency" or result["emergency_suspected"]
