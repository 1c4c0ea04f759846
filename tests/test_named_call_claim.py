"""A family doctor's call that staff had already taken, joined to the resident's open call when she names him: the
claim went with her call — 王社工 was on his way, and the resident's call, still unclaimed, went on escalating as if
nobody was. Now the claim is kept: if his call is unclaimed, the one who took hers takes his (the timeline says so,
the packets show it); if both were taken, each of the two is told who holds the resident's call."""
from conftest import signed_up


async def doctor_cries(people, app):
    """王老伯's 🆘 (#1); 赵医生, linked to him and 张阿姨, cries (#2). Her."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    doctor = await signed_up(people("赵医生"), "13922220001")
    await doctor.send("我的病人摔倒了起不来")
    assert (await app.svc.store.incident(2))["candidates"]
    return doctor

async def test_the_claim_on_her_call_goes_to_his_unclaimed_call(people, app):
    store, wa, li = app.svc.store, people("王社工"), people("李社工")
    doctor = await doctor_cries(people, app)
    await wa.press_data(2, "inc:claim:2")
    await doctor.click(doctor.last("哪一位"), "王老伯")
    first = await store.incident(1)
    assert first["status"] == "claimed"
    assert [s.name for s in app.settings.staff if s.id == first["claimed_by"]] == ["王社工"]
    kept = [e for e in await store.timeline(1) if e["event"] == "claim_kept"]
    assert kept and kept[-1]["by"] == "王社工" and kept[-1].get("merged_from") == 2
    packet = li.last("紧急求助 #1")  # staff's packet of his call shows who has it, and no 我来处理 any more
    assert "王社工" in packet.text and "我来处理" not in [b[0] for b in packet.buttons]

async def test_both_claimers_are_told_who_holds_his_call(people, app):
    store, wa, li = app.svc.store, people("王社工"), people("李社工")
    doctor = await doctor_cries(people, app)
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await wa.press_data(2, "inc:claim:2")
    await doctor.click(doctor.last("哪一位"), "王老伯")
    first = await store.incident(1)
    assert [s.name for s in app.settings.staff if s.id == first["claimed_by"]] == ["李社工"]
    told_wa = [t for t in wa.texts() if "#1" in t and "李社工" in t and "#2" in t]
    told_li = [t for t in li.texts() if "#2" in t and "王社工" in t and "#1" in t]
    assert len(told_wa) == 1 and len(told_li) == 1
