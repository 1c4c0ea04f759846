"""A sigh about age (session 22 probe): "哎 老了", "老了老了" raised a 🆘 with an ambulance's advice (the model's
emergency 0.20, "ask"), at the front door and as the morning check-in's answer; "年纪大了" got "没太明白". Now a
warm word, nobody alarmed; at the check-in she is well (she answered). A danger beside the sigh is read first."""
import pytest
from conftest import signed_up
from test_short_words_s22 import checkin_says

SIGHS = ["哎 老了", "老了老了", "年纪大了", "唉 人老了", "岁数大了呀", "哎呀 上了年纪了"]


@pytest.mark.parametrize("words", SIGHS)
async def test_a_sigh_about_age_gets_a_warm_word_and_no_alarm(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    said = "\n".join(wang.texts()[n:])
    assert people("李社工").texts() == [], people("李社工").texts()
    assert "慢慢来" in said and "没太明白" not in said and "120" not in said.split("021")[0], said


@pytest.mark.parametrize("words", ["哎 老了", "老了老了"])
async def test_a_sigh_about_age_answers_the_check_in_as_well(people, app, clock, words):
    said = await checkin_says(people, app, clock, words)
    assert not any("紧急求助" in t for t in people("李社工").texts()), people("李社工").texts()
    assert "需要马上有人来吗" not in said and "放心" in said, said


async def test_a_fall_beside_the_sigh_alarms(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("哎 老了 摔了一跤起不来")
    assert any("紧急求助 #1" in t for t in people("李社工").texts())
