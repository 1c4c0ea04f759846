"""李社工 on duty took 张阿姨's 🆘 and handed it over (🔁 转交) to 王社工, off duty and never alerted about it. He read
"李社工 把 #1 转交给您，请查看上面的求助信息" — with nothing above: no address, no phone, no buttons. And when 李社工
then closed it from her old packet, he heard nothing, on his way to a door for a call that was over (probe, session 20).
Now the one it is handed to gets the call's packet first, with its buttons, and hears when it is closed."""
from conftest import signed_up


async def _handed_to_wang(people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li, wa = people("李社工"), people("王社工")
    old = li.last("#1")
    await li.click(old, "我来处理")
    await li.click(li.last("#1"), "转交")
    await li.click(li.last(), "王社工")
    return zhang, li, wa, old


async def test_the_one_it_is_handed_to_gets_the_packet_with_its_buttons(people, app):
    zhang, li, wa, _ = await _handed_to_wang(people)
    packet = wa.last("紧急求助 #1")
    assert "建新路27弄3号602室" in packet.text and "+8613900000001" in packet.text, packet.text
    labels = [label for label, _ in packet.buttons]
    assert any("已到达" in b for b in labels) and any("已解决" in b for b in labels), labels
    assert wa.texts()[-1].startswith("🔁 李社工 把 #1 转交给您")  # after the packet: "above" is true
    await wa.click(packet, "已到达")
    assert "已到达" in wa.last("紧急求助 #1").text


async def test_closed_from_the_old_packet_the_one_it_was_handed_to_hears_it(people, app):
    zhang, li, wa, old = await _handed_to_wang(people)
    await li.press_data(old.message_id, "inc:resolve:1")
    await li.click(li.last("结果是"), "已处理")
    assert any("已解决" in t and "李社工" in t for t in wa.texts()[-2:]), wa.texts()


async def test_an_old_or_forged_hand_over_of_a_call_nobody_has_taken_names_no_one(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li = people("李社工")
    for data in ("inc:handover:1", "inc:handto:1:wang"):
        await li.press_data(li.last("#1").message_id, data)
        said = li.last()
        assert "?" not in said.text and "还没有人接手" in said.text, said.text
        assert any("我来处理" in label for label, _ in said.buttons), said.buttons
    assert (await app.svc.store.incident(1))["status"] == "open"
