"""A resident's "要不要请社工来看看您？" buttons stay in the chat. Pressed late — after he cried "救命" and his request
became an emergency, or on a call that was about something else — the choice overwrote what staff read on the
packet: "📋 居民说先休息，请电话问候" on an emergency, and he was told "社工会打电话问候您". Now the choice reaches the staff
holding the call as his added words, the packet keeps the raise and his words, and he hears his emergency is
still being handled."""
from conftest import signed_up


async def _raised_after_unwell(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我有点不舒服")
    ask = wang.last("要不要请社工来看看您")
    await wang.send("救命")
    return wang, ask, people("李社工")


async def test_a_late_rest_press_on_a_raised_call_keeps_the_emergency_for_staff_and_him(people, app):
    wang, ask, li = await _raised_after_unwell(people)
    await wang.click(ask, "不用，我先休息")
    packet = li.last("紧急求助 #1")
    assert "救命" in packet.text and "我有点不舒服" in packet.text
    assert "请电话问候" not in packet.text
    assert "先休息" in li.last("又说").text  # what he pressed still reaches the staff holding it
    told = wang.texts()[-2:]
    assert not any("打电话问候" in t for t in told) and any("紧急求助" in t for t in told)


async def test_the_raise_stays_on_the_packet_once_someone_has_claimed_it(people, app):
    wang, ask, li = await _raised_after_unwell(people)
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await wang.click(ask, "要，请人来看看")
    packet = li.last("紧急求助 #1")
    assert "救命" in packet.text and "我有点不舒服" in packet.text and "李社工" in packet.text


async def test_a_press_on_a_call_about_something_else_keeps_what_he_asked_for(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("家里水管漏水了 帮我叫个人来修")
    li = people("李社工")
    assert "水管" in li.last("#1").text
    await wang.send("我有点不舒服")
    await wang.click(wang.last("要不要请社工来看看您"), "要，请人来看看")
    packet = li.last("原话")
    assert "📋 家里水管漏水了 帮我叫个人来修" in packet.text
    assert "上门看看" in li.last("又说").text
