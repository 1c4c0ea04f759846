"""Their family doctor, who looks after several residents, wrote "张阿姨住院了": staff got a request "✏️ 其他", but her
daily greeting went on — tomorrow's missed check-in would send a social worker to an empty flat and alarm her son
(a daughter's "我爸住院了" pauses it). Her name says whom he means: now her greeting pauses, as for family, and
"张阿姨出院回家了" starts it again (probe, session 25)."""
from conftest import TUESDAY_9, at, enrolled, signed_up

WED_9 = TUESDAY_9.replace(day=25)


async def test_the_doctor_naming_a_patient_in_hospital_pauses_her_greeting(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    clock.set(TUESDAY_9.replace(minute=10))
    doc = await signed_up(people("赵医生"), "13922220001")
    await doc.send("张阿姨住院了")
    assert "张阿姨" in doc.last("暂停").text
    assert any("张阿姨住院了" in t and "张阿姨" in t for t in people("李社工").texts())
    for hour in (10, 11):
        await at(app, clock, TUESDAY_9.replace(hour=hour))
    assert not any("还没收到您今天的回复" in t for t in zhang.texts())
    await doc.send("张阿姨出院回家了")
    assert "继续问候张阿姨" in doc.last().text
    await at(app, clock, WED_9)
    assert len([t for t in zhang.texts() if "身体好吗" in t]) == 2  # Tuesday's, and Wednesday's again


async def test_in_hospital_naming_nobody_pauses_no_one(people, app, clock):
    """Guard: of several patients, which one is asked, nobody's greeting guessed away."""
    zhang, _ = await enrolled(people, app)
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    doc = await signed_up(people("赵医生"), "13922220001")
    await doc.send("病人住院了")
    assert not any("暂停" in t for t in doc.texts())
