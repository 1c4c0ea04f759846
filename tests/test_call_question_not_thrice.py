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


@pytest.mark.parametrize("words", ["哦", "谢谢", "你好"])
async def test_small_talk_to_the_read_back_keeps_it_asked(people, app, words):
    """"哦" to "请确认您现在的地址…对吗？" read "听到您很好，真高兴！" in the middle of her emergency, "谢谢" read "不客气！有事随时
    找我们。", "你好" read "有什么可以帮您？" — and the read-back was left above, out of sight. Now it is asked again (once)."""
    wang, li = await _asked(people, "🆘 紧急求助")
    she, _ = await _says(wang, li, words)
    assert not any(t in m.text for m in she for t in ("听到您很好", "有事随时找我们", "有什么可以帮您")), [m.text for m in she]
    assert "请确认您现在的地址" in she[-1].text and she[-1].buttons, [m.text for m in she]
