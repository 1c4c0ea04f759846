"""Her call's question is not asked a third time (session 22's probe). To "您需要马上有人来吗？" words that answer
nothing ("谢谢", "哦", "你是谁", "😢") were passed to staff and the same question came again with its buttons — as often
as she typed; the address read back the same. Now, answered by neither of two messages, "您需要马上有人来吗？" is taken as
a yes (unsure means yes: where she is is asked next), and the read-back is not asked again: staff will phone her to
confirm it. Her words still reach staff each time."""
import pytest
from test_cant_press_buttons import _asked, _says

OTHER = [("谢谢", "哦"), ("你是谁", "😢"), ("钥匙在门口地垫下面", "等一下")]


@pytest.mark.parametrize("first, second", OTHER)
async def test_need_now_unanswered_twice_is_a_yes(people, app, first, second):
    wang, li = await _asked(people, "🆘")
    she, staff = await _says(wang, li, first)
    assert "您需要马上有人来吗" in she[-1].text  # asked once more
    she, staff = await _says(wang, li, second)
    assert any(second in t for t in staff), staff
    assert not any("您需要马上有人来吗" in m.text for m in she), [m.text for m in she]
    assert "请确认您现在的地址" in she[-1].text, [m.text for m in she]
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm")


@pytest.mark.parametrize("first, second", [("你是谁", "钥匙在门口地垫下面"), ("钥匙在门口地垫下面", "门没锁")])
async def test_the_read_back_unanswered_twice_is_not_asked_again_staff_phone(people, app, first, second):
    wang, li = await _asked(people, "🆘 紧急求助")
    she, _ = await _says(wang, li, first)
    assert "请确认您现在的地址" in she[-1].text  # asked once more
    she, staff = await _says(wang, li, second)
    assert any(second in t for t in staff), staff
    assert not any("请确认您现在的地址" in m.text for m in she), [m.text for m in she]
    assert "打电话" in she[-1].text and "地址" in she[-1].text, [m.text for m in she]
    await _says(wang, li, "好的")  # nothing is waiting now: no question again
    assert "请确认您现在的地址" not in wang.last().text
