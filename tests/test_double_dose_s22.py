"""Medicine taken twice (session 22 probe): "药吃了两遍", "降压药又吃了一遍", "降糖药吃了两次", "我把药重复吃了" were read
as "身体不舒服" or a request — a double dose of a blood-pressure or sugar pill in an 85-year-old can bring her down
within the hour, while "多吃了一片降压药" was already an emergency. Now a dose taken twice alerts staff and asks
"需要马上有人来吗？", with what to do (sit down, keep the box); how a pill is prescribed ("一天吃两次") is no call."""
import pytest
from conftest import signed_up

TWICE = ["药吃了两遍", "降压药又吃了一遍", "降糖药吃了两次", "我把药重复吃了", "降压药吃重了", "早上的药吃了两回",
         "不记得吃没吃 又吃了一次降压药", "I took my pills twice"]
PRESCRIBED = ["这个药一天吃两次", "医生说药一天吃两遍", "降压药一天吃两次 早晚各一次"]


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", TWICE)
async def test_a_dose_taken_twice_alerts_staff_and_asks(people, app, words):
    said, staff = await _says(people, words)
    assert any("紧急求助 #1" in t and words in t for t in staff), staff
    assert "需要马上有人来吗" in said and "药盒" in said, said


@pytest.mark.parametrize("words", PRESCRIBED)
async def test_how_a_pill_is_prescribed_is_no_call(people, app, words):
    said, staff = await _says(people, words)
    assert not any("紧急求助" in t for t in staff), staff
