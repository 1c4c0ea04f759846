"""🆘 pressed by mistake: "我按错了" was taken as "the address is wrong" and asked where they are; "误按了" as another
cry; "没事没事，手滑了" as small talk — and staff, rushing over, never heard it may be a false alarm. Now it is the
one-tap "🙂 不用，我没事": the call stays open (staff decide, never a silent cancel), staff see "可能是误报"."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我按错了", "不好意思按错了", "误按了", "刚才按错了不是紧急", "没事没事，手滑了"])
async def test_pressed_by_mistake_tells_staff_it_may_be_a_false_alarm_and_keeps_the_call_open(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.send(words)
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "open" and inc.get("maybe_false_alarm")
    assert "可能是误报" in people("李社工").last("紧急求助 #1").text
    assert not any("现在在哪里" in t or "又发来求助" in t for t in wang.texts() + people("李社工").texts())


async def test_pressed_by_mistake_but_fallen_after_all_is_still_a_cry(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.send("刚才按错了，不过现在真的摔倒了起不来")
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm")
    assert any("又发来求助" in t for t in people("李社工").texts())
