"""A family contact's or family doctor's voice or photo: the bot cannot read it, so a person on duty hears it at
once, marked as from them and about the resident they look out for (and attached to that resident's open call)."""
from conftest import signed_up

COMMITTEE = "021-64370000"


async def test_a_daughters_voice_reaches_staff_at_once_with_who_she_is_and_where_her_father_lives(people, app, clock):
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.send_kind("voice")
    li = people("李社工")
    assert any(s.forwarded for s in li.inbox)  # the voice itself
    packet = li.last("紧急联系人发来语音")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text
    assert "王丽（女儿）" in packet.text
    assert [b[0] for b in packet.buttons] == ["🆘 按紧急处理", "✅ 已听，不紧急"]
    told = daughter.last("值班社工")
    assert "120" in told.text and COMMITTEE in told.text
    assert "建新路" not in told.text  # the register's address is for staff
    inc = await app.svc.store.incident(1)
    assert inc["resident"] == await app.svc.store.resident_id_by_phone("13900000002")
    clock.advance(minutes=30.5)  # nobody listens: it escalates, as a resident's own voice does
    await app.engine.tick()
    assert any(s.forwarded for s in people("王社工").inbox)
    assert "王丽（女儿）" in people("王社工").last("紧急联系人发来语音").text


async def test_a_daughters_photo_reaches_staff_too(people, app):
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.send_kind("photo")
    li = people("李社工")
    assert any(s.forwarded for s in li.inbox)
    assert "王丽（女儿）" in li.last("紧急联系人发来照片").text


async def during_her_fathers_call(people):
    """王老伯 pressed 🆘 (incident #1, unclaimed); his daughter has signed up. Returns her, 李社工 and how many
    messages he had by then."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    daughter = await signed_up(people("王丽"), "13911110002")
    li = people("李社工")
    return daughter, li, len(li.inbox)


async def test_a_daughters_voice_during_her_fathers_call_is_attached_to_it(people, app):
    daughter, li, before = await during_her_fathers_call(people)
    await daughter.send_kind("voice")
    assert await app.svc.store.open_incident_ids() == [1]
    new = li.inbox[before:]
    assert any(s.forwarded for s in new)
    assert any("#1" in s.text and "王丽（女儿）" in s.text and "王老伯" in s.text for s in new)
    assert "120" in daughter.last().text
    await li.send("/incident 1")
    assert "王丽 发来语音" in li.last().text


async def test_a_photo_captioned_with_a_cry_goes_the_family_cry_path_and_the_photo_follows(people, app):
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.send_kind("photo", caption="救命，我爸爸摔倒了")
    li = people("李社工")
    alert = li.last("紧急求助 #1")
    assert "王老伯" in alert.text and "王丽（女儿）" in alert.text and "我爸爸摔倒了" in alert.text
    assert any(s.forwarded for s in li.inbox)
    assert "已通知值班社工" in daughter.last("已通知").text


async def test_a_doctors_voice_about_two_patients_reaches_staff_with_both(people, app):
    doctor = await signed_up(people("赵医生"), "13922220001")
    await doctor.send_kind("voice")
    li = people("李社工")
    assert any(s.forwarded for s in li.inbox)
    packet = li.last("紧急联系人发来语音")
    assert "张阿姨" in packet.text and "王老伯" in packet.text and "赵医生" in packet.text
    assert "120" in doctor.last().text


async def test_a_removed_contacts_voice_still_reaches_staff_without_the_former_link(people, app, tmp_path):
    from test_family import reimport

    daughter = await signed_up(people("王丽"), "13911110002")
    await reimport(app, tmp_path, ("王丽,女儿,13911110002", "王强,儿子,13911110022"))
    await daughter.send_kind("voice")
    li = people("李社工")
    assert any(s.forwarded for s in li.inbox)
    assert "未登记的用户（王丽）发来语音" in li.last("发来语音").text
    assert not any("王老伯" in t or "建新路" in t for t in li.texts())
    assert "120" in daughter.last().text
    assert await app.svc.store.open_incident_ids() == []


async def test_a_removed_contacts_held_back_voices_follow_with_her_name_and_the_latest_of_them(people, app, clock,
                                                                                               tmp_path):
    from test_family import reimport

    daughter = people("王丽")
    await daughter._do(kind="voice", message_id=501)  # before she signed up: an unregistered person's voice
    await signed_up(daughter, "13911110002")
    await reimport(app, tmp_path, ("王丽,女儿,13911110002", "王强,儿子,13911110022"))  # then removed
    clock.advance(minutes=10.1)
    await app.engine.tick()
    li = people("李社工")
    before = len(li.inbox)
    for message_id in (601, 602, 603):
        await daughter._do(kind="voice", message_id=message_id)
    assert "未登记的用户（王丽）发来语音" in li.last("发来语音").text
    clock.advance(minutes=10.1)
    await app.engine.tick()
    assert "未登记的用户（王丽）又发来 2 条语音" in li.last("又发来").text
    forwards = [m.forward.message_id for m in app.svc.outbox.messenger.log if m.forward and m.chat_id == li.id]
    assert forwards[-2:] == [601, 603]  # the first at once, the latest held back after it
    assert sum(s.forwarded for s in li.inbox[before:]) == 2


async def test_a_removed_contacts_photo_captioned_with_a_cry_reaches_staff_with_the_photo(people, app, tmp_path):
    from test_family import reimport

    daughter = await signed_up(people("王丽"), "13911110002")
    await reimport(app, tmp_path, ("王丽,女儿,13911110002", "王强,儿子,13911110022"))
    await daughter.send_kind("photo", caption="救命，我爸爸摔倒了")
    li = people("李社工")
    assert "我爸爸摔倒了" in li.last("紧急求助 #1").text
    assert any(s.forwarded for s in li.inbox)  # the photo is not lost with the link
    assert "120" in daughter.texts()[-1] and COMMITTEE in daughter.texts()[-1]


async def test_a_removed_contact_never_written_down_as_a_stranger_is_not_a_question_mark(people, app, clock):
    """An account from before every stranger's message was written down (or signed up elsewhere): its log is empty."""
    daughter = people("王丽")
    await app.svc.store.save_contact_account(daughter.id, {"phone": "13911119999", "name": "王丽", "links": []})
    li = people("李社工")
    for message_id in (701, 702):
        await daughter._do(kind="voice", message_id=message_id)
    clock.advance(minutes=10.1)
    await app.engine.tick()
    assert "未登记的用户（王丽）又发来 1 条语音" in li.last("又发来").text
    forwards = [m.forward.message_id for m in app.svc.outbox.messenger.log if m.forward and m.chat_id == li.id]
    assert forwards == [701, 702]
