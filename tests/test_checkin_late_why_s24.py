"""Why she answered the check-in late, said after staff were already told she had not (session 24 probe): "睡过头了"
raised a 🆘 with 120 and a new emergency for staff (the model heard a cry in it, 0.22); "起晚了", "没听到手机响",
"手机在充电", "在午睡" were read as requests or greetings. Each is her "I'm fine": she reads that staff were told she is
safe, and staff read that she answered, safe."""
from datetime import timedelta

import pytest
from conftest import TUESDAY_9, at, enrolled

WHY = ["睡过头了", "我睡过头了", "起晚了", "今天起晚了", "没听到手机响", "手机静音了", "手机在充电", "在午睡", "刚才在睡觉",
       "睡着了没看到"]


@pytest.mark.parametrize("words", WHY)
async def test_why_she_answered_late_is_her_fine(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await at(app, clock, TUESDAY_9 + timedelta(minutes=75))  # staff already told she has not answered
    li = people("李社工")
    m = len(li.texts())
    await zhang.send(words)
    assert "120" not in zhang.last().text and "平安" in zhang.last().text, zhang.last().text
    assert (await app.svc.checkins.state(rid)).answer == "ok"
    assert [t for t in li.texts()[m:] if "紧急" in t or "求助" in t] == [] and "平安" in li.texts()[-1]


@pytest.mark.parametrize("words", ["overslept", "sorry I overslept", "phone was charging", "didn't hear the phone",
                                   "I was in the shower", "I was out shopping"])
async def test_why_he_answered_late_in_english_is_his_fine(people, app, clock, words):
    from bot.testing.tools import Person
    from conftest import signed_up
    wang = await signed_up(Person(app, 5001, "Wang", language="en"), "13900000002")
    rid = (await app.svc.store.resident_by_tg(wang.id))["id"]
    await app.svc.checkins.enrol(rid)
    await at(app, clock, TUESDAY_9)
    await at(app, clock, TUESDAY_9 + timedelta(minutes=75))
    await wang.send(words)
    assert "120" not in wang.last().text and "not quite understand" not in wang.last().text, wang.last().text
    assert (await app.svc.checkins.state(rid)).answer == "ok"
    assert [t for t in people("李社工").texts() if "紧急" in t or "求助" in t] == []
