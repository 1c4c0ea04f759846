"""Numbers an 80-year-old writes in words, and Shanghainese for lying on the floor. Before: "我吃了十几片安眠药" (an
overdose) got "这个我答不上来" and "我吃了二十片安眠药" "没太明白" — nobody told; "血糖只有二点八 手抖出汗" (low
blood sugar) was only "unwell", with no word to eat sugar; "伊倒勒地上了" (he is down on the floor) got the generic
"walk to the door". Two pills, or a sugar of seven, stay calm."""
import pytest
from test_words_dialect_cries import _says


@pytest.mark.parametrize("words, advice", [
    ("我吃了十几片安眠药", "药盒"),          # was "这个我答不上来"
    ("我吃了二十片安眠药", "药盒"),          # was "没太明白"
    ("安眠药吃了三十几粒", "药盒"),
    ("血糖只有二点八 手抖出汗", "吃几颗糖"),  # was "unwell"
    ("血糖2.5 人发抖", "吃几颗糖"),
    ("我老伴倒勒地上了", "不要硬把人拉起来"),
])
async def test_a_danger_told_with_a_number_in_words_alerts_staff_with_its_advice(people, words, advice):
    said, alerts = await _says(people, words)
    assert alerts and words in alerts[0], alerts
    assert advice in said, said


@pytest.mark.parametrize("words", ["我吃了两片安眠药", "血糖七点二", "今天血糖12.5", "血糖二十年了"])
async def test_a_usual_dose_or_reading_pages_nobody(people, words):
    said, alerts = await _says(people, words)
    assert not alerts, alerts
