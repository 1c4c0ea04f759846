"""张阿姨 asked for another check-in time ("您希望每天几点收到问候？") and, before answering, cries "救命". Staff were
alerted, but between "已通知值班社工" and "您需要马上有人来吗？" she read the time question again: two questions at
once, one of them about greetings. Now the cry ends that step; an answer that is no time is still asked once more."""
import pytest
from conftest import enrolled

TIME_ASKED = "几点收到问候"


@pytest.mark.parametrize("cry", ["救命", "我摔倒了", "我胸口痛 喘不上气", "🆘 紧急求助"])
async def test_a_cry_while_asked_the_greeting_time_is_never_followed_by_that_question(people, app, cry):
    zhang, _ = await enrolled(people, app)
    await zhang.send("换个时间问候我")
    assert TIME_ASKED in zhang.last().text
    seen = len(zhang.texts())
    await zhang.send(cry)
    after = zhang.texts()[seen:]
    assert any("已通知值班社工" in t for t in after), after
    assert not any(TIME_ASKED in t for t in after), after
    assert "紧急求助 #1" in people("李社工").last("#1").text


async def test_an_answer_that_is_no_time_is_still_asked_once_more(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("换个时间问候我")
    await zhang.send("随便吧")
    assert TIME_ASKED in zhang.last().text
    await zhang.send("下午三点")
    assert "15:00" in zhang.last().text or "下午3" in zhang.last().text or "三点" in zhang.last().text, zhang.last().text


@pytest.mark.parametrize("words", ["我头好晕 站不稳", "我今天不舒服", "腰疼得厉害"])
async def test_an_ailment_the_model_is_unsure_of_is_read_never_met_with_the_time_question(people, app, words):
    """Session 20: "我头好晕 站不稳" (no red flag; the model unsure) was met with "您希望每天几点收到问候？" again, and
    nobody was told."""
    zhang, _ = await enrolled(people, app)
    await zhang.send("换个时间问候我")
    seen = len(zhang.texts())
    await zhang.send(words)
    after = zhang.texts()[seen:]
    assert not any(TIME_ASKED in t for t in after), after
    assert any(words in t for t in people("李社工").texts() if "#1" in t)
