"""🔁 转交 is the claimer's: 王老伯's call reached everyone (its level 2) and 王社工 took it. The packets on 李社工's and
陈书记's phones showed 🔁 转交 too, and a tap on it asked "转交给谁？" only to end in "转交没有成功" (probe, session 16).
Now only 王社工's packet has it (and the head's: test_head_hands_over.py); a colleague who taps an old or forged one reads who holds the call (and her phone),
and nothing moves."""
from datetime import datetime

from conftest import signed_up
from test_incident_followups import SH


async def _claimed_by_wang_after_everyone_was_alerted(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    clock.set(datetime(2026, 11, 23, 10, 3, 10, tzinfo=SH))
    await app.engine.tick()  # level 2: all staff and the head have its packet
    wa = people("王社工")
    await wa.click(wa.last("紧急求助 #1"), "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"
    return wang


def labels(seen) -> list[str]:
    return [label for label, _ in seen.buttons]


async def test_only_the_claimers_packet_offers_hand_over(people, app, clock):
    await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    assert any("转交" in b for b in labels(people("王社工").last("紧急求助 #1")))
    packet = people("李社工").last("紧急求助 #1")
    assert "王社工" in packet.text  # who has it, as before
    assert not any("转交" in b for b in labels(packet))
    # (陈书记's has it too: the head may move a colleague's call — test_head_hands_over.py)


async def test_a_colleague_tapping_an_old_hand_over_reads_who_holds_the_call_and_nothing_moves(people, app, clock):
    await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    li, chen = people("李社工"), people("陈书记")
    for data in ("inc:handover:1", "inc:handto:1:chen"):
        await li.press_data(li.last("紧急求助 #1").message_id, data)
        said = li.last().text
        assert "王社工" in said and "13800000002" in said and "接手" in said, data
        assert "转交给谁" not in said and "没有成功" not in said
    inc = await app.svc.store.incident(1)
    assert inc["claimed_by"] == "wang" and inc["status"] == "claimed"
    assert not any("转交给您" in t for t in chen.texts())
