"""王丽 told the bot her father is in hospital; his greetings paused and she read "提前回家了，告诉我“王老伯回家了”就行".
Days later she wrote "我爸回来了": the model leant to an emergency it could not place, and the bot raised a 🆘 on him —
"🆘 已通知值班社工…情况危急请马上拨打120", every staff member paged "升级为紧急：“我爸回来了”" — and his greetings stayed
paused. "我爸旅游回来了" (nothing paused) raised a 🆘 too. Now home again starts his greetings again (or, with nothing
paused, she reads a kind line); a danger told with it is still a cry (probe, session 25)."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

WED_9 = TUESDAY_9.replace(day=25)


async def _daughter(people, app, clock):
    wang, _ = await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    clock.set(TUESDAY_9.replace(minute=10))
    return wang, await signed_up(people("王丽"), "13911110002")


def _paged(people) -> list[str]:
    return [t for t in people("李社工").texts() if "紧急求助" in t or "升级为紧急" in t]


@pytest.mark.parametrize("words", ["我爸回来了", "我爸回家了", "他回来了", "王老伯回家了"])
async def test_home_again_after_a_hospital_stay_starts_his_greetings_and_pages_nobody(people, app, clock, words):
    wang, wangli = await _daughter(people, app, clock)
    await wangli.send("我爸住院了 这几天别发问候了")
    assert "暂停" in wangli.last().text
    clock.set(TUESDAY_9.replace(hour=15))
    seen = len(wangli.texts())
    await wangli.send(words)
    after = wangli.texts()[seen:]
    assert any("继续问候王老伯" in t for t in after), after
    assert not any("120" in t and "已通知值班社工" in t for t in after), after
    assert not _paged(people), _paged(people)
    await at(app, clock, WED_9)
    assert len([t for t in wang.texts() if "身体好吗" in t]) == 2  # Tuesday's, and Wednesday's again


@pytest.mark.parametrize("words", ["我爸旅游回来了", "我爸回来了"])
async def test_home_again_with_nothing_paused_is_no_cry(people, app, clock, words):
    _, wangli = await _daughter(people, app, clock)
    seen = len(wangli.texts())
    await wangli.send(words)
    after = wangli.texts()[seen:]
    assert after and not any("120" in t for t in after), after
    assert not _paged(people), _paged(people)


@pytest.mark.parametrize("words", ["我爸回来了 摔了一跤起不来", "我爸回家了 又喘不上气了"])
async def test_a_danger_told_with_home_again_is_still_a_cry(people, app, clock, words):
    """Guard."""
    _, wangli = await _daughter(people, app, clock)
    await wangli.send("我爸住院了 这几天别发问候了")
    await wangli.send(words)
    assert _paged(people), people("李社工").texts()
    assert any("已通知值班社工" in t for t in wangli.texts())
