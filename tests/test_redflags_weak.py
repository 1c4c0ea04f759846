"""`strength: weak` in nlu/data/red_flags.yml: words that alone only make the bot ask "需要马上有人来吗？" (NLU.md: the safe
error is an emergency followed by a one-tap confirmation). Dizziness with unsteadiness ("头有点晕站不稳", "天旋地转")
was read by the model alone — "feeling unwell", a request she was asked about later; now staff are alerted and she is
asked at once. Beside a strong flag ("站都站不住") it is an emergency; told as past or over it alarms nobody."""
import pytest
from conftest import signed_up

from nlu import NLU


@pytest.fixture(scope="module")
def nlu(tmp_path_factory):
    return NLU.builtin(cache_dir=tmp_path_factory.getbasetemp() / "nlu-cache")


@pytest.mark.parametrize("words", ["头有点晕站不稳", "天旋地转", "我天旋地转的", "头晕得要命", "我头晕走不稳",
                                   "我头昏眼花的", "人晕乎乎的 走路摇摇晃晃"])
def test_weak_words_alone_make_the_bot_ask(nlu, words):
    result = nlu.parse(words, explain=True)
    assert result["decision"] == "uncertain" or result["intent"]["name"] == "emergency", result["why"]
    weak = [f for f in result["flags"] if f["counts"] and f["strength"] == "weak"]
    assert weak and weak[0]["concept"] == "dizzy"


@pytest.mark.parametrize("words", ["头晕得厉害，站都站不住", "头晕 我摔倒了起不来"])
def test_a_strong_flag_beside_a_weak_one_is_an_emergency(nlu, words):
    result = nlu.parse(words, explain=True)
    assert result["decision"] == "emergency" and result["intent"]["name"] == "emergency"


@pytest.mark.parametrize("words", ["头有点晕", "最近老是头晕，血压高", "我头昏脑涨的，养老金认证怎么弄",
                                   "昨天头晕得站不稳，今天好了", "我头不晕了 好多了", "以前天旋地转过一次"])
def test_mild_past_or_over_dizziness_is_not_asked(nlu, words):
    result = nlu.parse(words, explain=True)
    assert not any(f["counts"] and f["concept"] == "dizzy" for f in result["flags"]), result["flags"]


def test_weak_words_are_not_shown_to_staff_as_danger_words(nlu):
    assert nlu.red_flag_words("头有点晕站不稳") == ""
    assert nlu.red_flag_words("头晕得厉害，站都站不住") == "站不住"


@pytest.mark.parametrize("words", ["头有点晕站不稳", "天旋地转"])
async def test_a_dizzy_resident_is_asked_at_once_and_staff_alerted(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert "需要马上有人来吗" in wang.last().text
    assert words in people("李社工").last("紧急求助 #1").text
