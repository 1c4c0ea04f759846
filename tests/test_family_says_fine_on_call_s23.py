"""王老伯 missed his 09:00 check-in; at 10:15 staff read "⏰ 签到无回复 #1" and someone will go. His daughter writes "我已经到
我爸家了 他没事" or "我刚给我爸打过电话 他没事": she read "您好！有紧急情况时，居委会会通知您。" and staff heard nothing —
they still went, and her word was lost (probe, session 23). Now the staff on his open call read her words (they still
decide whether to go), and she reads that they have them. With no call open it stays the kind greeting (guard)."""
from datetime import timedelta

import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

FINE = ["我已经到我爸家了 他没事", "我刚给我爸打过电话 他没事", "我爸挺好的", "他没事"]


async def _daughter(people, app, clock, minutes):
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    wangli = await signed_up(people("王丽"), "13911110002")
    await at(app, clock, TUESDAY_9 + timedelta(minutes=minutes))
    return wangli, people("李社工")


@pytest.mark.parametrize("words", FINE)
async def test_her_word_that_he_is_fine_reaches_the_staff_on_his_missed_check_in(people, app, clock, words):
    wangli, li = await _daughter(people, app, clock, 75)
    assert any("签到无回复 #1" in t for t in li.texts())
    n = len(wangli.texts())
    await wangli.send(words)
    assert any("#1" in t and words in t and "王丽" in t for t in li.texts()), li.texts()
    said = "\n".join(wangli.texts()[n:])
    assert "社工" in said and "王老伯" in said and "有紧急情况时" not in said, said


async def test_with_nothing_open_her_fine_word_troubles_nobody(people, app, clock):
    wangli, li = await _daughter(people, app, clock, 1)
    before = len(li.texts())
    await wangli.send("我爸挺好的")
    assert len(li.texts()) == before, li.texts()
