"""A family doctor linked to two residents cries for help; staff hear it with both names, and she is asked which. When
she names one who already has a call open, her call was given him as well: two calls about one man, each escalating,
two staff who could each take one. Now naming joins her call to his open one: its timeline keeps both, the staff
alerted about hers are told once which resident it is and which call it joined, and she hears how his call ends."""
from conftest import signed_up


async def doctor_names(people, app, his_first: str, her_words: str = "我的病人摔倒了起不来"):
    """王老伯 sends `his_first` (#1); 赵医生, linked to him and 张阿姨, sends `her_words` (#2) and names 王老伯."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(his_first)
    doctor = await signed_up(people("赵医生"), "13922220001")
    await doctor.send(her_words)
    assert (await app.svc.store.incident(2))["candidates"]
    await doctor.click(doctor.last("哪一位"), "王老伯")
    return wang, doctor


async def test_naming_a_resident_whose_call_is_open_joins_that_call(people, app):
    store, li = app.svc.store, people("李社工")
    wang, doctor = await doctor_names(people, app, "🆘 紧急求助")
    assert await store.open_incident_ids() == [1]  # one call about him, not two
    first, second = await store.incident(1), await store.incident(2)
    assert first["status"] == "open" and first["kind"] == "emergency"
    assert second["status"] == "resolved" and second["merged_into"] == 1
    assert any("摔倒了起不来" in (e.get("words") or "") and e.get("by") == "赵医生" for e in await store.timeline(1))
    assert any(e["event"] == "merged_into" for e in await store.timeline(2))  # the timeline keeps both
    joined = [t for t in li.texts() if t.startswith("🔗")]  # one notice, besides #2's packet saying it too
    assert len(joined) == 1 and "#2" in joined[0] and "#1" in joined[0] and "王老伯" in joined[0]
    assert "并入" in li.last("紧急求助 #2").text and "王老伯" in li.last("紧急求助 #2").text
    assert "王老伯" in doctor.last().text
    assert doctor.id in first["family_chats"]  # she hears how his call ends
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    assert sum("王老伯的求助已处理完毕" in t for t in doctor.texts()) == 1
    assert await store.open_incident_ids() == []


async def test_naming_a_resident_whose_request_is_open_raises_it_to_an_emergency(people, app):
    store, li = app.svc.store, people("李社工")
    await doctor_names(people, app, "马桶堵了")
    assert await store.open_incident_ids() == [1]
    first = await store.incident(1)
    assert first["kind"] == "emergency"  # her cry raised his request
    assert "升级为紧急" in li.last("升级为紧急").text and "#1" in li.last("升级为紧急").text


async def test_naming_a_resident_with_no_call_open_gives_her_call_to_him(people, app):
    store = app.svc.store
    doctor = await signed_up(people("赵医生"), "13922220001")
    await doctor.send("我的病人摔倒了起不来")
    await doctor.click(doctor.last("哪一位"), "王老伯")
    assert await store.open_incident_ids() == [1]
    rid = await store.resident_id_by_phone("13900000002")
    assert (await store.incident(1))["resident"] == rid and await store.active_incident(rid) == 1
    assert not any("并入" in t for t in people("李社工").texts())
    assert "王老伯" in people("李社工").last("紧急求助 #1").text
