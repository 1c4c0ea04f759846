"""A daughter ASKS whether her father is in hospital (session 25 probe): "我爸是不是住院了 你们知道吗" was read as her
telling it — his daily check-in paused for days ("每日问候先暂停") and staff read "家属说老人不在家（住院）". A man who
may be at home lost the check-in that would notice him fallen. A question pauses nothing; told plainly it still does."""
import pytest
from test_family_words_s18 import wangli_says

ASKED = ["我爸是不是住院了 你们知道吗", "我爸住院了吗", "我爸是不是回老家了？", "我爸住院了没有"]


@pytest.mark.parametrize("words", ASKED)
async def test_asking_if_he_is_in_hospital_pauses_nothing(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert "暂停" not in told, told
    assert not any("每日问候已暂停" in t for t in staff), staff


@pytest.mark.parametrize("words", ["我爸住院了 这几天不用签到", "我爸住院了，你们知道吗"])
async def test_guard_told_plainly_it_still_pauses(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert "暂停" in told, told
