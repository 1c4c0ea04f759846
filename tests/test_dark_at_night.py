"""A power cut at night: an old woman alone in the dark is one step from a fall (she gets up to find a torch, the
stairs, the bathroom). Before (session 20 probe, Monday 23:00): "停电了 家里黑乎乎的" was a plain request ("✏️ 其他")
at the day's pace — the on-duty phone only, the next staff member after half an hour, her family never — while a
lock-out at night (night_pace.py) reached every colleague and the head within minutes. Now, at night, her call goes at
that stuck pace: staff read that she is alone in the dark and to phone her to sit still; she reads that someone will
phone her tonight, and not to walk about in the dark. By day, and a power cut told with no dark at night, as before."""
import pytest
from conftest import signed_up
from test_escalation_stuck_at_night import NIGHT, _after, _asks, _has_call

DARK = ["停电了 家里黑乎乎的", "家里停电了", "跳闸了 屋里没电", "电灯不亮了"]


@pytest.mark.parametrize("words", DARK)
async def test_in_the_dark_at_night_reaches_every_colleague_the_head_and_her_family_within_minutes(people, app,
                                                                                                   clock, words):
    wang, daughter = await _asks(people, app, clock, words)
    on_duty, li, head = people("王社工"), people("李社工"), people("陈书记")
    assert any("夜里" in t and "摸黑" in t for t in _has_call(on_duty)), on_duty.texts()
    assert not _has_call(li)
    told = wang.texts()[-1]
    assert "夜里" in told and "别摸黑" in told, told
    await _after(app, clock, 6)
    assert _has_call(li) and _has_call(head), (li.texts(), head.texts())
    await _after(app, clock, 10)
    assert _has_call(daughter), daughter.texts()


async def test_in_the_dark_by_day_keeps_the_requests_pace(people, app, clock):
    wang, daughter = await _asks(people, app, clock, "停电了 家里黑乎乎的", when=NIGHT.replace(hour=10))
    await _after(app, clock, 16)
    assert not _has_call(people("王社工")) and not _has_call(daughter)


async def test_her_daughter_telling_his_power_is_out_at_night_gets_the_same_pace(people, app, clock):
    clock.set(NIGHT)
    daughter = await signed_up(people("王丽"), "13911110002")
    await signed_up(people("王老伯"), "13900000002")
    await daughter.send("我爸家停电了 黑乎乎的")
    assert any("摸黑" in t for t in _has_call(people("王社工"))), people("王社工").texts()
    await _after(app, clock, 6)
    assert _has_call(people("李社工")) and _has_call(people("陈书记"))


async def test_a_death_told_at_night_with_the_power_out_stays_a_death(people, app, clock):
    """Only a plain request becomes one about the dark: "我爸去世了 家里停电了" is still his death told, for staff."""
    clock.set(NIGHT)
    daughter = await signed_up(people("王丽"), "13911110002")
    await signed_up(people("王老伯"), "13900000002")
    await daughter.send("我爸去世了 家里停电了")
    assert (await app.svc.store.incident(1))["category"] == "death"
