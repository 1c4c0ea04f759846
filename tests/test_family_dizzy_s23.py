"""A daughter's "我爸头晕" (session 23 probe, words12): the model alone read her father's dizziness, so the same words
went two ways — "我爸说他头晕" a 🆘 for him, "我爸头晕了", "我妈说头昏" only a request with a question to her. Now a bare
dizziness told of the parent is read as the resident's own "我头晕" is: staff alerted at once on HIS call (her line as
the family's report), never as the daughter's own need; "我爸有点头晕" stays a request, as "我有点头晕" does."""
import pytest
from test_family_words_s18 import wangli_says

SOS, REQ = "紧急求助 #1", "求助 #1"


@pytest.mark.parametrize("words", ["我爸说他头晕", "我爸头晕", "我爸头晕了", "我爸讲伊头昏", "老爸说头晕", "阿拉爸爸讲伊头昏", "我爸说他头好晕"])
async def test_a_fathers_dizziness_told_by_his_daughter_alerts_staff_on_his_call(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    alert = next((t for t in staff if SOS in t), "")
    assert "王老伯" in alert and "王丽（女儿）" in alert and words in alert, staff
    assert "王老伯" in told and "🆘" in told, told


@pytest.mark.parametrize("words", ["我爸有点头晕", "我爸说他最近老是头晕"])
async def test_guard_a_little_dizziness_of_his_is_a_request_as_hers_would_be(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert any(REQ in t and "王老伯" in t for t in staff) and not any(SOS in t for t in staff), staff


async def test_guard_the_residents_own_dizziness_alerts_staff_as_his(people, app, clock):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我头晕")
    assert any(SOS in t and "我头晕" in t for t in people("李社工").texts())
    assert "需要马上有人来吗" in "\n".join(wang.texts())
