"""Residents from Hong Kong or Taiwan, and older people with an old input method, write 繁體. The folding table knew
only ~290 characters, so "濃煙", "電視", "厲害", "噁心" stayed unread: smoke downstairs or a stranger in the flat
was not heard as a danger, a story seen on television ("我看電視，有個老人摔倒了") paged staff, and "我頭暈得厲害" got
the generic "walk to the door" instead of "sit down where you are". Each is now read as its simplified words are."""
import pytest
from test_words_dialect_cries import _says


@pytest.mark.parametrize("words, advice", [
    ("樓下在冒濃煙", "119"),                                   # smoke downstairs
    ("有個陌生男人闖進我家", "110"),                            # a stranger broke in
    ("我頭暈得厲害", "原地坐下"),                               # dizzy: sit down where you are
    ("空調壞了兩天了，屋裡像火爐，我頭昏腦脹還噁心", "阴凉"),      # heat: a cool place
])
async def test_a_danger_written_in_traditional_characters_alerts_staff_with_its_own_advice(people, words, advice):
    said, alerts = await _says(people, words)
    assert alerts and words in alerts[0], alerts
    assert advice in said, said


@pytest.mark.parametrize("words", [
    "我看電視，有個老人摔倒了沒人扶",
    "電視劇裡那個老太太摔倒了半天沒人管，看得我難過",
    "萬一煤氣漏了，是先開窗還是先關閥門",
])
async def test_a_story_or_a_question_in_traditional_characters_pages_nobody(people, words):
    said, alerts = await _says(people, words)
    assert not alerts, alerts
    assert "需要马上有人来吗" not in said, said
