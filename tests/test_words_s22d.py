"""What a resident alone types at 2 a.m., probed in session 22 (words11). "我怕黑", "我好冷 被子太薄", "外面在下雨 雷好响",
"我刚做了个梦", "我听到有人哭" were "没太明白"; "我去倒杯水" and "有人敲门" became a daytime request to staff; "我想吐"
was a plain request, not "unwell"."""
import pytest
from test_family_words_s21 import _at_night  # 张阿姨 at 02:00: (her chat, what she read, what all staff read)

SOS = "紧急求助 #1"


def _calm(said, staff):
    assert "没太明白" not in said and "需要马上有人来吗" not in said and "听到您不舒服" not in said, said
    assert staff == [], staff


@pytest.mark.parametrize("words, line", [("我怕黑", "夜灯"), ("我有点怕黑", "夜灯"), ("我好冷 被子太薄", "被子"),
                                         ("被子太薄了 冷", "被子"), ("晚上冷得睡不着", "被子")])
async def test_afraid_of_the_dark_or_cold_in_bed_gets_what_to_do_and_a_call_one_tap_away(people, app, clock, words,
                                                                                          line):
    zhang, said, staff = await _at_night(people, app, clock, words)
    _calm(said, staff)
    assert line in said, said
    assert zhang.last(line).data("请社工给我回电话")


@pytest.mark.parametrize("words, line", [("外面在下雨 雷好响", "打雷"), ("我刚做了个梦", "梦"), ("我去倒杯水", "温水"),
                                         ("起来倒点水喝", "温水"), ("有人敲门", "别开门"), ("我听到有人哭", "别开门")])
async def test_night_words_get_a_line_that_fits(people, app, clock, words, line):
    zhang, said, staff = await _at_night(people, app, clock, words)
    _calm(said, staff)
    assert line in said, said


@pytest.mark.parametrize("words", ["我想吐", "好想吐", "我恶心想吐"])
async def test_feeling_sick_is_unwell(people, app, clock, words):
    zhang, said, staff = await _at_night(people, app, clock, words)
    assert "听到您不舒服" in said, said
    assert not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["有人在撬门", "有人敲门 说要进来", "冷得浑身发抖"])
async def test_guard_a_break_in_or_shivering_still_alerts(people, app, clock, words):
    zhang, said, staff = await _at_night(people, app, clock, words)
    assert any(SOS in t for t in staff), staff
