"""What a resident enrolled in the daily check-in types about it (session 21's probes): "明天不用问了 我出门" and "周末不要
问" read "没太明白"; "问候的时间能改吗" read "这个我答不上来"; "不要问了 我很好" read "听到您很好，真高兴！" and nobody heard
she wants it stopped."""
from datetime import timedelta

import pytest
from conftest import TUESDAY_9, at, enrolled


async def _says(people, app, words):
    zhang, rid = await enrolled(people, app)
    n = len(zhang.texts())
    await zhang.send(words)
    return " ".join(zhang.texts()[n:]), await app.svc.checkins.state(rid), people("李社工").texts()


@pytest.mark.parametrize("words", ["明天不用问了 我出门", "明天别问了", "明天不用问我了 要去医院"])
async def test_not_tomorrow_skips_tomorrow_only(people, app, clock, words):
    she, st, staff = await _says(people, app, words)
    assert "没太明白" not in she, she
    assert st.paused_until, she
    assert "不发每日问候" in she, she
    zhang = people("张阿姨")
    n = len(zhang.texts())
    await at(app, clock, TUESDAY_9)  # tomorrow: not asked
    assert not any("今天身体好吗" in t for t in zhang.texts()[n:]), zhang.texts()[n:]
    await at(app, clock, TUESDAY_9 + timedelta(days=1))  # the day after: asked again
    assert any("今天身体好吗" in t for t in zhang.texts()[n:]), zhang.texts()[n:]


@pytest.mark.parametrize("words", ["不要问了 我很好", "别问了 我没事", "周末不要问", "礼拜天别问了"])
async def test_wanting_it_stopped_is_talked_over_with_staff(people, app, words):
    she, st, staff = await _says(people, app, words)
    assert "停掉每日问候之前" in she, she
    assert any(words in t for t in staff), staff


@pytest.mark.parametrize("words", ["问候的时间能改吗", "签到时间可以换吗"])
async def test_asking_to_change_the_time_asks_the_time(people, app, words):
    she, st, staff = await _says(people, app, words)
    assert "几点收到问候" in she, she
