"""Stroke signs told in other words (session 22 probe). One-sided weakness ("左边手脚没力气"), a hand that cannot hold
a bowl ("手没力气 拿不住碗"), sight gone all at once with 突然 said after it ("我眼睛看不清了 突然的"), leaning to one side
when walking: each reached staff only as "🤒 身体不舒服" (a call in a day or two) and she read "要不要请社工来看看您？" —
a stroke's hour lost. Bare double vision ("看东西重影了") got "没太明白". Now the first ones alarm as a stroke does, and
double vision asks "需要马上有人来吗？" with staff alerted (as sight gone does). Long-standing weakness stays calm."""
import pytest
from conftest import signed_up

SOS = "紧急求助 #1"

STROKE = ["左边手脚没力气", "右边手脚突然麻了", "一边手脚都没力气", "左边身子没力气", "右边的手突然没力气了",
          "手没力气 拿不住碗", "拿不住筷子了", "我眼睛看不清了 突然的", "眼睛看不见了 一下子的", "走路往一边倒",
          "走路老是往右边歪", "左半边身子麻了"]
ASKS = ["看东西重影了", "看东西有重影", "眼睛看东西重影"]
CALM = ["我右腿没力气好几年了", "我左边膝盖疼", "眼睛看不清 老花了", "字太小了我看不清"]


async def _wang_says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", STROKE)
async def test_a_stroke_sign_in_other_words_alarms_at_once(people, app, words):
    said, staff = await _wang_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff
    assert "120" in said and "马上" in said, said


@pytest.mark.parametrize("words", ASKS)
async def test_double_vision_alerts_staff_and_asks_whether_someone_should_come(people, app, words):
    said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff
    assert "需要马上有人来吗" in said, said


@pytest.mark.parametrize("words", CALM)
async def test_long_standing_weakness_or_small_print_is_no_alarm(people, app, words):
    said, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "120" not in said.split("居委会")[0], said
