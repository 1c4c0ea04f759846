"""张阿姨 missed her check-in; 李社工 got the call. Before she could go, 张阿姨 answered and the call closed by itself.
李社工 then tapped ✅ 已解决 on the packet still on her screen and read "#1 已经结束了：居民已回复签到（）。" — an empty
bracket where a colleague's name goes, as if someone unnamed had closed it. Now the line says how it ended, and that
it closed by itself."""
from datetime import timedelta

from conftest import TUESDAY_9, at, enrolled


async def test_a_button_of_a_call_that_closed_by_itself_says_so_without_an_empty_name(people, app, clock):
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    when = TUESDAY_9
    while not [t for t in li.texts() if "签到无回复 #1" in t]:  # the check-in, its reminder, missed: a call
        await at(app, clock, when)
        await app.engine.tick()
        when += timedelta(minutes=10)
        assert when < TUESDAY_9 + timedelta(hours=3)
    await zhang.send("我很好")
    await li.press_data(0, "inc:resolve:1")
    told = li.inbox[-1].text
    assert "居民已回复签到" in told and "（）" not in told and "自动" in told, told
