"""Words on her open, claimed emergency that say help has come (session 21's probe): "120来了", "救护车来了", "他们来了",
"我打了120" renewed the call to every staff member ("🆘🆘 又发来紧急求助… 情况可能有变，请马上联系！") and she read "我又提醒了
他们一次"; "谢谢 人到了" read "不客气！" and the staff holding the call never heard that someone had come (it may be a
neighbour, not them). Now the staff holding the call read her words at once (📝 又说) and she reads that they were
passed on; a danger told with them is still a new urgent call."""
import pytest
from conftest import enrolled

ARRIVED = ["120来了", "救护车来了", "他们来了", "我打了120", "谢谢 人到了", "社工到了", "邻居来了 在我这"]


async def _claimed(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘 紧急求助")
    await zhang.send("对")
    li = people("李社工")
    await li.click(li.last("#1"), "我来处理")
    return zhang, li, len(zhang.texts()), len(li.texts())


@pytest.mark.parametrize("words", ARRIVED)
async def test_help_came_is_told_to_her_staff_not_a_new_alarm(people, app, words):
    zhang, li, seen, staff_seen = await _claimed(people, app)
    await zhang.send(words)
    she, staff = " ".join(zhang.texts()[seen:]), li.texts()[staff_seen:]
    assert any(words in t and "又说" in t for t in staff), staff
    assert not any("又发来紧急求助" in t for t in staff), staff
    assert "又提醒了他们一次" not in she and "不客气" not in she, she
    assert "转告" in she, she
    inc = await app.svc.store.incident(1)
    assert not inc.get("renewed")


@pytest.mark.parametrize("words", ["他们来了 但我起不来开门", "120来了 我又摔了一跤"])
async def test_guard_a_danger_with_it_is_still_a_new_urgent_call(people, app, words):
    zhang, li, seen, staff_seen = await _claimed(people, app)
    await zhang.send(words)
    assert any("又发来紧急求助" in t for t in li.texts()[staff_seen:])
