"""李社工 holds 张阿姨's 🆘; 王社工, nearer, got there first and pressed 📍 已到达 on his packet. Before: the arrival was
recorded, yet he read only "#1 已由 李社工 接手…", every packet then said "📍 李社工 已到达" (she was still on her way)
and nobody told 李社工 (probe, session 21). Now the packets name who arrived, the holder is told, and he reads that
his arrival is noted and whom to phone."""
from conftest import signed_up


async def _li_holds_and_wang_arrives(people, app, clock):
    li, wa = people("李社工"), people("王社工")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    clock.advance(minutes=3.1)  # nobody took it at once: all staff alerted
    await app.engine.tick()
    await app.engine.tick()
    await li.click(li.last("紧急求助 #1"), "我来处理")
    seen_li = len(li.inbox)
    await wa.click(wa.last("紧急求助 #1"), "已到达")
    return li, wa, li.texts()[seen_li:]


async def test_the_holder_hears_a_colleague_arrived_on_her_call(people, app, clock):
    li, wa, told = await _li_holds_and_wang_arrives(people, app, clock)
    assert any("王社工" in t and "到达" in t and "#1" in t for t in told), told
    packet = li.last("紧急求助 #1").text
    assert "王社工 已到达" in packet and "李社工 已到达" not in packet, packet


async def test_the_colleague_reads_his_arrival_is_noted_and_whom_to_phone(people, app, clock):
    li, wa, _ = await _li_holds_and_wang_arrives(people, app, clock)
    said = wa.last("#1").text
    assert "已记下" in said and "+8613800000001" in said, said
