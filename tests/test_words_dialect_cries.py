"""A cry said in Cantonese or Sichuanese, or in one breath from a lift, as an 80-year-old types it. Before: "我唔得了"
(Cantonese "I can't go on") was read as fine ("听到您很好，真高兴！"); "我瞓喺地下起唔到身" (lying on the floor, can't
get up) was "没太明白"; "我跌低咗 起唔到身", "我跌親 起唔到身" alerted with the generic "walk to the door", not the
fall's "don't force yourself up"; "透唔到气" was not the breathing advice; "电梯坏了我在里面" was a calm request."""
import pytest
from conftest import signed_up


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    alerts = [t for t in people("李社工").texts() if "紧急求助 #1" in t]
    return "\n".join(wang.texts()[n:]), alerts


@pytest.mark.parametrize("words, advice", [
    ("我瞓喺地下起唔到身", "侧身"),          # was "没太明白"
    ("我跌低咗 起唔到身", "侧身"),
    ("我跌親 起唔到身", "侧身"),
    ("我冇力 企唔起身", "侧身"),
    ("我跌咗一跤 好痛", "侧身"),
    ("我好辛苦 透唔到气", "坐起来"),
    ("电梯坏了我在里面", "警铃"),            # was a calm request
    ("电梯停了 我关在里面出不来", "警铃"),
    ("我頭很痛 要裂開了", "止痛药"), ("我头痛到爆", "止痛药"),   # a worst headache with a space: only the model's doubt
    ("我摔刀了", "侧身"), ("我昏到在地上", "侧身"), ("我中凤了", "坐下或躺下"),   # pinyin slips: were the generic lines
])
async def test_a_cry_in_dialect_alerts_staff_with_the_advice_for_what_happened(people, words, advice):
    said, alerts = await _says(people, words)
    assert alerts and words in alerts[0], alerts
    assert advice in said, said


@pytest.mark.parametrize("words", ["我唔得了", "我唔得喇", "我顶唔顺了", "我遭不住了"])
async def test_i_cannot_go_on_in_dialect_reaches_staff_and_is_never_fine(people, words):
    said, alerts = await _says(people, words)   # "我唔得了" was "听到您很好，真高兴！"; "我遭不住了" a calm request
    assert alerts and words in alerts[0], alerts
    assert "需要马上有人来吗" in said and "很好" not in said, said


@pytest.mark.parametrize("words", ["我跌咗部手机", "我跌咗银包", "电梯坏了 我走楼梯下去的", "呢个电梯坏咗好耐"])
async def test_a_dropped_phone_or_a_broken_lift_told_in_passing_pages_nobody(people, words):
    said, alerts = await _says(people, words)
    assert not alerts, alerts
