"""What a resident alone types in the night (02:00, session 20's probes): "腿抽筋了" was "没太明白"; "楼上好吵" was
answered "您好！有什么可以帮您？" (now the neighbour-nuisance line, staff one tap away); "天亮了吗" was "答不上来"."""
import pytest
from conftest import TUESDAY_9, enrolled

NIGHT = TUESDAY_9.replace(hour=2)


async def _says(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    clock.set(NIGHT)
    seen = len(zhang.texts())
    await zhang.send(words)
    return zhang.texts()[seen:], await app.svc.store.incident(1)


@pytest.mark.parametrize("words", ["腿抽筋了", "半夜脚抽筋 好疼"])
async def test_a_cramp_is_heard_as_feeling_unwell(people, app, clock, words):
    she, inc = await _says(people, app, clock, words)
    assert not any("没太明白" in t for t in she), she
    assert inc is not None and words in (inc.get("words") or ""), inc


@pytest.mark.parametrize("words", ["楼上好吵", "隔壁好吵啊"])
async def test_noise_from_upstairs_is_understood_and_staff_are_one_tap_away(people, app, clock, words):
    she, inc = await _says(people, app, clock, words)
    assert not any("您好！有什么可以帮您" in t or "没太明白" in t for t in she), she
    assert any("邻居" in t for t in she), she
    zhang = people("张阿姨")
    await zhang.click(zhang.last(), "转给社工")
    assert (await app.svc.store.incident(1))["kind"] == "help"


async def test_is_it_morning_yet_tells_the_time(people, app, clock):
    she, inc = await _says(people, app, clock, "天亮了吗")
    assert any("02:00" in t for t in she), she
