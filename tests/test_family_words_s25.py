"""How daughters, sons and carers write about the resident, probed in session 25 (words15). Before: "我爸说话有点不清楚"
(slurred speech, a stroke's sign, 有点 said with it) reached staff as a plain request "✏️ 其他" — no 🆘, while
"我爸说话不清楚" raised one; "Dad's been coughing all week" was "没太明白" and nobody was told."""
import pytest
from test_family_words_s18 import wangli_says
from test_words_s24_harder import NOT_UNDERSTOOD, SOS, _zhang_says


@pytest.mark.parametrize("words", ["我爸说话有点不清楚", "我妈讲话有点含糊", "我爸说话突然不清楚了"])
async def test_slurred_speech_of_his_said_as_a_little_is_still_a_stroke_sign(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert any(SOS in t and "王老伯" in t and words in t for t in staff), staff


async def test_her_own_slurred_speech_said_as_a_little_is_asked_at_once(people, app):
    said, staff = await _zhang_says(people, app, "我说话有点不清楚")
    assert any(SOS in t for t in staff) and "需要马上有人来吗" in said, (said, staff)


@pytest.mark.parametrize("words", ["Dad's been coughing all week", "my dad keeps coughing", "dad has a fever",
                                   "my father is not eating"])
async def test_an_ailment_of_his_in_english_reaches_staff(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert NOT_UNDERSTOOD not in told, told
    assert any("求助 #1" in t and "王老伯" in t and words in t for t in staff), staff


@pytest.mark.parametrize("words", ["我爸老是说腰酸", "我爸今天不想吃饭", "护工说我爸今天没吃早饭", "my father has a cold"])
async def test_his_ache_or_not_eating_reaches_staff_as_unwell_not_other(people, app, clock, words):
    """Each reached staff as "✏️ 其他", as if she asked for a chore."""
    told, staff = await wangli_says(people, app, clock, words)
    assert any("求助 #1" in t and "身体不舒服" in t and words in t for t in staff), staff


@pytest.mark.parametrize("words", ["我刚下班 还没吃饭", "我感冒了 这周不回去了"])
async def test_guard_the_daughters_own_meal_or_cold_is_not_his_ailment(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert not any("身体不舒服" in t for t in staff), staff
