"""张阿姨 cried "救命", then — unable to type more — sent a sticker. She read "收到您的表情😊。有事请按下面的大按钮。" and
staff never saw it: on an open emergency a sticker may be all she can send. Now it reaches whoever has her call, as a
voice message does, and she reads that it did. With no call open, a sticker is still the kind "收到您的表情"."""
from conftest import enrolled


async def test_a_sticker_on_her_open_emergency_reaches_staff(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("救命")
    li = people("李社工")
    seen, told = len(zhang.texts()), len(li.texts())
    await zhang.send_kind("sticker")
    assert any("#1 张阿姨" in t for t in li.texts()[told:]), li.texts()[told:]
    assert any("已转给社工" in t for t in zhang.texts()[seen:])  # (then her call's question again: test_readback_emoji…)


async def test_guard_a_sticker_with_no_call_open_is_only_thanked(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send_kind("sticker")
    assert "收到您的表情" in zhang.last().text
    assert people("李社工").texts() == []
