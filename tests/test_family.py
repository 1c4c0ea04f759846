"""Family and the family doctor are part of the chain: their cry for help reaches staff, they hear every repeat,
and who they are comes from the register as it is now."""
from pathlib import Path

from conftest import signed_up

from bot.residents import import_file

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_residents.csv"


async def reimport(app, tmp_path, *replace: tuple[str, str], extra_row: str = ""):
    """The register imported again (as `python -m bot residents import` does), with some text changed."""
    text = SAMPLE.read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "register.csv"
    path.write_text(text.rstrip("\n") + "\n" + extra_row, encoding="utf-8")
    await import_file(app.svc.store, path)


async def wang_calls_and_nobody_claims(people, app, clock, minutes: float = 8.1):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    clock.advance(minutes=minutes)
    await app.engine.tick()
    await app.engine.tick()
    return wang


def family_alerts(person) -> int:
    return sum("您的家人发出求助" in t for t in person.texts())


async def test_a_daughters_cry_for_help_opens_an_incident_for_her_father(people, app, clock):
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.send("我爸爸摔倒了起不来")
    li, chen = people("李社工"), people("陈书记")
    alert = li.last("紧急求助 #1")
    assert "王老伯" in alert.text and "建新路27弄5号302室" in alert.text and "13900000002" in alert.text
    assert "紧急联系人报告：王丽（女儿）" in alert.text and "我爸爸摔倒了起不来" in alert.text
    assert "🙋 我来处理" in [b[0] for b in alert.buttons]
    told = daughter.last("已通知值班社工")
    assert "王老伯" in told.text and "120" in told.text
    inc = await app.svc.store.incident(1)
    assert inc["resident"] == await app.svc.store.resident_id_by_phone("13900000002")
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert "紧急求助 #1" in chen.last().text  # it escalates like any call
    await li.send("/incident 1")
    assert "创建（王丽，紧急联系人报告）" in li.last().text


async def test_a_family_members_sos_button_opens_an_incident(people, app):
    daughter = await signed_up(people("王丽"), "13911110002")
    assert "🆘 紧急求助" in daughter.last().keyboard
    await daughter.send("🆘 紧急求助")
    assert "王老伯" in people("李社工").last("紧急求助 #1").text
    await daughter.send("🆘 紧急求助")  # pressed again: the same call, staff reminded
    assert await app.svc.store.open_incident_ids() == [1]
    assert "已经收到" in daughter.last().text


async def test_a_doctor_of_two_residents_alerts_staff_at_once_and_is_asked_which(people, app):
    doctor = await signed_up(people("赵医生"), "13922220001")
    await doctor.send("我的病人摔倒了起不来")
    li = people("李社工")
    alert = li.last("紧急求助 #1")  # before anyone knows which: both are on it
    assert "张阿姨" in alert.text and "王老伯" in alert.text and "赵医生" in alert.text
    assert "🙋 我来处理" in [b[0] for b in alert.buttons]
    await li.send("/open")
    assert "#1 🆘紧急 张阿姨/王老伯" in li.last().text
    ask = doctor.last("哪一位")
    assert sorted(b[0] for b in ask.buttons) == ["张阿姨", "王老伯"]
    await doctor.click(ask, "王老伯")
    assert "王老伯" in doctor.last().text
    edited = li.last("紧急求助 #1")
    assert "建新路27弄5号302室" in edited.text and "张阿姨" not in edited.text
    inc = await app.svc.store.incident(1)
    assert inc["resident"] == await app.svc.store.resident_id_by_phone("13900000002")


async def test_family_and_the_doctor_hear_every_repeat_round(people, app, clock):
    daughter = await signed_up(people("王丽"), "13911110002")
    doctor = await signed_up(people("赵医生"), "13922220001")
    await wang_calls_and_nobody_claims(people, app, clock)
    assert family_alerts(daughter) == 1 and family_alerts(doctor) == 1
    clock.advance(minutes=5.1)
    await app.engine.tick()
    assert family_alerts(daughter) == 2 and family_alerts(doctor) == 2


async def test_a_registered_resident_who_is_an_emergency_contact_hears_family_alerts(people, app, clock, tmp_path):
    await reimport(app, tmp_path, extra_row="王秀英,13911110012,天平路,120,3,201,yes,1941-05-01,,,,,,,,,\n")
    sister = await signed_up(people("王秀英"), "13911110012")
    assert "已经认出您了" in sister.texts()[-1]  # she is a resident herself
    await wang_calls_and_nobody_claims(people, app, clock)
    assert family_alerts(sister) == 1


async def test_a_contact_removed_from_the_register_hears_nothing_more(people, app, clock, tmp_path):
    daughter = await signed_up(people("王丽"), "13911110002")
    await reimport(app, tmp_path, ("王丽,女儿,13911110002", "王强,儿子,13911110022"))
    await wang_calls_and_nobody_claims(people, app, clock)
    assert family_alerts(daughter) == 0
    assert not any("13900000002" in t for t in daughter.texts())


async def test_a_removed_contacts_cry_for_help_still_reaches_staff_without_the_former_link(people, app, tmp_path):
    daughter = await signed_up(people("王丽"), "13911110002")
    await reimport(app, tmp_path, ("王丽,女儿,13911110002", "王强,儿子,13911110022"))
    await daughter.send("救命，我爸爸摔倒了")
    assert "120" in daughter.last().text
    alert = people("李社工").last("紧急求助 #1").text  # a call, as anyone unknown's cry is
    assert "王丽" in alert and "未登记" in alert and "我爸爸摔倒了" in alert
    assert (await app.svc.store.incident(1))["resident"] == ""  # nothing of her former link


async def test_a_daughter_whose_call_reaches_no_staff_is_told_the_truth_and_the_numbers(people, app):
    for st in app.settings.staff:
        app.svc.outbox.messenger.blocked.add(st.telegram_id)  # nobody has the bot open (or all blocked it)
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.send("我爸爸摔倒了起不来")
    assert not any("已通知值班社工" in t for t in daughter.texts())
    truth = daughter.last("暂时没联系上社工")
    assert "021-64370000" in truth.text and "120" in truth.text
    assert await app.svc.store.open_incident_ids() == [1]  # it goes on escalating


async def test_a_daughters_voice_that_reaches_no_staff_is_not_called_passed_on(people, app):
    for st in app.settings.staff:
        app.svc.outbox.messenger.blocked.add(st.telegram_id)
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.send_kind("voice")
    assert not any("已经转给值班社工" in t for t in daughter.texts())
    truth = daughter.last("暂时没联系上社工")
    assert "021-64370000" in truth.text and "120" in truth.text


async def test_a_daughters_edited_message_is_read_for_her_cry_for_help(people, app):
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter._do(kind="edited", text="救命 我爸爸摔倒了起不来")
    alert = people("李社工").last("紧急求助 #1")
    assert "王老伯" in alert.text and "王丽（女儿）" in alert.text
    assert not any("修改过的消息" in t for t in daughter.texts())
    assert "已通知值班社工" in daughter.last().text


async def test_a_daughters_over_long_cry_for_help_is_still_a_cry_for_help(people, app):
    daughter = await signed_up(people("王丽"), "13911110002")
    await daughter.send("救命！我爸爸摔倒了" + "我" * 1000)
    assert "王丽（女儿）" in people("李社工").last("紧急求助 #1").text
    assert not any("消息太长了" in t for t in daughter.texts())
