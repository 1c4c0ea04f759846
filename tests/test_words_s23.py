"""Everyday words read wrong (session 23 probe, words12). "药吃了两年了" (a medicine taken for years) and "我被门夹了手" (a
hand caught in a door) raised a 🆘 with "情况危急请马上拨打120" — one is a chat, the other a small hurt staff should hear
of as a request; "我血压140" was "没太明白". Now the years of medicine get a kind line with the family doctor and a call
one tap away, the door a "不舒服" request to staff, and a blood-pressure number a short kind line (the doctor reads it,
a care worker can take it at home) with a person one tap away — while a dose taken twice, a pan burning dry, a fire,
"血压180" and "高压200" still alert staff at once."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

SOS = "紧急求助 #1"


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return wang, "\n".join(wang.texts()[n:]), people("李社工").texts()


def _no_alarm(said, staff):
    assert "需要马上有人来吗" not in said and "120" not in said and "🆘 已通知" not in said, said
    assert not any(SOS in t or "🆘" in t for t in staff), staff


@pytest.mark.parametrize("words", ["药吃了两年了", "这个药我吃了两年了", "降压药吃了好几年了", "这药都吃了十几年了",
                                   "降压药我吃了三年多了"])
async def test_a_medicine_taken_for_years_is_a_chat_with_the_doctor_one_tap_away(people, app, words):
    wang, said, staff = await _says(people, words)
    _no_alarm(said, staff)
    assert "没太明白" not in said and "家庭医生" in said, said
    assert wang.last("家庭医生").data("请社工给我回电话")


@pytest.mark.parametrize("words", ["药吃了两遍", "降压药又吃了一遍", "早上的药吃了两回"])
async def test_guard_a_dose_taken_twice_still_alerts(people, app, words):
    _, said, staff = await _says(people, words)
    assert any(SOS in t and words in t for t in staff), staff
    assert "需要马上有人来吗" in said, said


@pytest.mark.parametrize("words", ["我被门夹了手", "手被门夹了", "手指被门夹了 好痛", "开门的时候夹到手了"])
async def test_a_hand_caught_in_a_door_is_a_request_for_staff_not_a_sos(people, app, words):
    _, said, staff = await _says(people, words)
    _no_alarm(said, staff)
    assert any("求助 #1" in t and words in t for t in staff), staff
    assert "听到您不舒服" in said, said


@pytest.mark.parametrize("words", ["汤烧开了", "水烧开了"])
async def test_the_soup_boiling_is_no_alarm(people, app, words):
    _, said, staff = await _says(people, words)
    _no_alarm(said, staff)
    assert staff == [] and "没太明白" not in said, (said, staff)


@pytest.mark.parametrize("words", ["锅烧干了 冒烟了", "着火了", "汤烧干了 锅冒烟了"])
async def test_guard_a_pan_burning_dry_or_a_fire_is_a_sos(people, app, words):
    _, said, staff = await _says(people, words)
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我血压140", "血压150", "今天量了血压 135", "血压130/80", "我的血压是145"])
async def test_a_blood_pressure_number_gets_a_short_kind_line_and_a_person_one_tap_away(people, app, words):
    wang, said, staff = await _says(people, words)
    _no_alarm(said, staff)
    assert "没太明白" not in said and "血压" in said and "家庭医生" in said, said
    assert wang.last("家庭医生").data("请社工给我回电话")


@pytest.mark.parametrize("words", ["血压180", "高压200", "我血压190", "血压量了一下 200"])
async def test_guard_a_high_blood_pressure_reaches_staff_at_once(people, app, words):
    _, said, staff = await _says(people, words)
    assert any(SOS in t and words in t for t in staff), staff


@pytest.mark.parametrize("words", ["I fell yesterday but I'm ok now", "I had a fall last week", "I fell last night, I'm fine",
                                   "I had a fall yesterday"])
async def test_guard_a_past_fall_in_english_reaches_staff_as_a_request_without_120(people, app, words):
    wang, said, staff = await _says(people, words)
    note = [t for t in staff if "求助 #1" in t]
    assert note and words in note[0] and SOS not in note[0], staff
    assert "120" not in said.split("\n")[0] and "需要马上有人来吗" not in said and "🆘 已通知" not in said, said
