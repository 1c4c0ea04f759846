"""Smoke in the stairwell and a fall, told without saying where she is: "楼道里有烟 我摔倒了起不来". Before (session 20
probe) it was read as at home: she read "楼道里有烟就别出门，把门关紧" (she may be lying on those stairs) and the fall's
lines were ruled out, and staff read her words with nothing saying she cannot get out by herself. She may be at home
or on the stairs: she now reads lines that fit both (119 now saying she cannot get up, keep low and cover her mouth;
at home keep the door shut, on the stairs call out and move away from the smoke), and staff read that she cannot get
out alone and to ask where she is."""
import pytest
from test_advice_together import FALL, _cry

WHERE_UNSAID = ["楼道里有烟 我摔倒了起不来", "楼道里好多烟 我跌倒了", "走廊里有烟，我摔了一跤起不来"]


@pytest.mark.parametrize("words", WHERE_UNSAID)
async def test_corridor_smoke_and_a_fall_where_unsaid_get_lines_for_home_and_stairs_and_staff_read_she_cannot_get_out(
        people, app, words):
    alerts, advice = await _cry(people, words)
    assert all(w in advice for w in ("119", "捂住口鼻", "在家里", "在楼道")), advice
    assert not any(w in advice for w in ("别出门", "马上离开家", "门锁") + FALL), advice
    assert "出不去" in alerts[0] and "在哪里" in alerts[0], alerts[0]


async def test_corridor_smoke_alone_still_means_stay_in(people, app):
    alerts, advice = await _cry(people, "楼道里都是烟")
    assert "别出门" in advice and "在哪里" not in alerts[0], (advice, alerts[0])
