"""A third battery probed in session 23 (words12): kitchen hurts, numbers, English. "my bp is 200" was no red flag
(only "blood pressure 200" was), "高压160 低压95" and "开水溅到手上了", "I cut myself cooking" were "没太明白"."""
import pytest
from test_words_s22 import _wang_says

SOS, REQ = "紧急求助 #1", "求助 #1"


@pytest.mark.parametrize("words", ["my bp is 200", "bp 190 today", "my BP is over 180"])
async def test_a_high_blood_pressure_in_english_shorthand_reaches_staff_at_once(people, app, words):
    _, said, staff = await _wang_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff


@pytest.mark.parametrize("words", ["高压160 低压95", "血压150 低压90"])
async def test_both_blood_pressure_numbers_get_the_kind_line(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert "家庭医生" in said and "没太明白" not in said, said
    assert not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["开水溅到手上了", "我的手烫红了", "I cut myself cooking", "I sprained my ankle"])
async def test_a_small_kitchen_hurt_is_unwell_for_staff(people, app, words):
    _, said, staff = await _wang_says(people, words)
    assert "没太明白" not in said and "需要马上有人来吗" not in said, said
    assert any(words in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", ["我今天量了体温 37度5", "体温37.8", "量了体温 38度"])
async def test_a_raised_temperature_told_is_unwell_not_fine(people, app, words):
    _, said, staff = await _wang_says(people, words)
    assert "听到您不舒服" in said and "真高兴" not in said and "没太明白" not in said, said
    assert any(words in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", ["体温36度8", "量了体温 36度5 正常"])
async def test_guard_a_normal_temperature_is_not_unwell(people, app, words):
    _, said, staff = await _wang_says(people, words)
    assert "听到您不舒服" not in said and staff == [], (said, staff)
