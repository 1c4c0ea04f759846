"""The door she names after the read-back is done (session 24 probe; the real case was a wrong door number). She
tapped ❌ 不对 and typed "5号602"; staff's packet showed ⚠️⚠️ 居民说：5号602室. Then she corrected herself, "不对 是3号602",
and read "收到。如果要修改登记的地址，请打居委会电话" — and no staff heard it: the packet still sent them to 5号. Now
staff read her new words at once, the packet shows the door she said last, and she is told it reached them."""
from conftest import enrolled


async def _said_five(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.send("要")
    await zhang.click(zhang.last(), "不对")
    await zhang.send("5号602")
    li = people("李社工")
    assert "5号602" in li.last("紧急求助 #1").text
    return zhang, li


async def test_her_correction_back_to_the_registered_door_reaches_staff_and_the_packet(people, app):
    zhang, li = await _said_five(people, app)
    await zhang.send("不对 是3号602")
    assert "不对 是3号602" in li.last("又说").text  # a message they notice, not only an edit
    packet = li.last("紧急求助 #1").text
    assert "3号602" in packet.split("居民说")[-1] and "5号602" not in packet, packet
    assert "不一样" not in packet and "后来说的和登记的一样" in packet, packet  # never "different" beside the same door
    told = zhang.last().text
    assert "社工" in told and "修改登记" not in told, told


async def test_a_second_different_door_reaches_staff_too(people, app):
    zhang, li = await _said_five(people, app)
    await zhang.send("说错了 是7号602")
    assert "7号602" in li.last("不一样").text  # (one message: the address-differs one, session 26)
    assert "7号602" in li.last("紧急求助 #1").text.split("居民说")[-1]


async def test_guard_with_no_call_open_her_registered_door_is_only_acknowledged(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我住3号602")
    assert people("李社工").texts() == []
