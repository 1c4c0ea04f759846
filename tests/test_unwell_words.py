"""Typed answers to "要不要请社工来看看您？" (after "我好难受") were never read: "要", "好的", "来看看吧" and "不用", "算了"
were all "没太明白", "我先躺一会" was "再见，保重身体！". Staff never learnt whether to come."""
import pytest
from test_need_now_words import answered


async def _answers(people, words):
    return await answered(people, words, said="我好难受", asked="要不要请社工来看看您")


@pytest.mark.parametrize("words", ["要", "好的", "来看看吧", "不知道", "要的，快点"])
async def test_yes_or_unsure_asks_staff_to_come(people, app, words):
    wang, said = await _answers(people, words)
    assert (await app.svc.store.incident(1))["detail"] == "居民希望有人上门看看"
    assert not any("没太明白" in t or "再见" in t for t in said)


@pytest.mark.parametrize("words", ["不用", "算了", "我先躺一会", "不用了，休息一下就好"])
async def test_no_means_resting_and_staff_are_told(people, app, words):
    wang, said = await _answers(people, words)
    inc = await app.svc.store.incident(1)
    assert inc["detail"] == "居民说先休息，请电话问候"
    assert not any("没太明白" in t or "再见" in t for t in said)
