"""A family contact's location: the bot cannot tell what it means, so a person on duty sees it at once, marked as
hers and beside the resident's registered address (a difference is for staff to check); she is told 120 and the
committee's phone."""
from conftest import signed_up

COMMITTEE = "021-64370000"


async def test_a_daughters_location_reaches_staff_beside_her_fathers_registered_address(people, app, clock):
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.share_location(31.21001, 121.44002)
    li = people("李社工")
    assert any(s.forwarded for s in li.inbox)  # the location itself, as a map
    packet = li.last("紧急联系人发来位置")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text
    assert "王丽（女儿）" in packet.text and "31.21001, 121.44002" in packet.text
    assert [b[0] for b in packet.buttons] == ["🆘 按紧急处理", "✅ 已听，不紧急"]
    told = daughter.last("值班社工")
    assert "120" in told.text and COMMITTEE in told.text
    assert "建新路" not in told.text  # the register's address is for staff
    assert await app.svc.store.open_incident_ids() == [1]
    clock.advance(minutes=30.5)  # nobody looks: it escalates, as her voice does
    await app.engine.tick()
    assert any(s.forwarded for s in people("王社工").inbox)
    assert "31.21001, 121.44002" in people("王社工").last("紧急联系人发来位置").text
    await li.send("/incident 1")
    assert "王丽 发来位置" in li.last().text


async def test_a_daughters_location_during_her_fathers_call_is_attached_to_it(people, app):
    from test_family_media import during_her_fathers_call

    daughter, li, before = await during_her_fathers_call(people)
    await daughter.share_location(31.21001, 121.44002)
    assert await app.svc.store.open_incident_ids() == [1]
    new = li.inbox[before:]
    assert any(s.forwarded for s in new)
    intro = next(s for s in new if "#1" in s.text and "王丽（女儿）" in s.text)
    assert "王老伯" in intro.text and "建新路27弄5号302室" in intro.text
    assert "31.21001, 121.44002" in li.last("紧急求助 #1").text  # the packet shows it beside the address
    assert "120" in daughter.last().text and COMMITTEE in daughter.last().text
    await li.send("/incident 1")
    assert "王丽 发来位置" in li.last().text


async def test_a_doctors_location_about_two_patients_names_both(people, app):
    doctor = await signed_up(people("赵医生"), "13922220001")
    await doctor.share_location(31.2, 121.4)
    packet = people("李社工").last("紧急联系人发来位置")
    assert "张阿姨" in packet.text and "王老伯" in packet.text and "赵医生" in packet.text
    assert "120" in doctor.last().text


async def test_a_removed_contacts_location_still_reaches_staff_without_the_former_link(people, app, tmp_path):
    from test_family import reimport

    daughter = await signed_up(people("王丽"), "13911110002")
    await reimport(app, tmp_path, ("王丽,女儿,13911110002", "王强,儿子,13911110022"))
    await daughter.share_location(31.21001, 121.44002)
    li = people("李社工")
    assert any(s.forwarded for s in li.inbox)
    assert "未登记的用户（王丽）发来位置" in li.last("发来位置").text
    assert not any("王老伯" in t or "建新路" in t for t in li.texts())
    assert "120" in daughter.last().text and COMMITTEE in daughter.last().text
