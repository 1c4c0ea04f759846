""""换个时间问候我" → "您希望每天几点收到问候？" → "不用了": the same question again — she had changed her mind and was
asked what she had just declined (probe, session 26). Now her greeting time stays as it was, and she is told so."""
import pytest
from conftest import TUESDAY_9, at, enrolled


@pytest.mark.parametrize("words", ["不用了", "算了", "不改了", "还是原来的时间吧"])
async def test_changing_her_mind_about_the_greeting_time_keeps_it(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9.replace(hour=11))
    await zhang.send("换个时间问候我")
    assert "几点收到问候" in zhang.last().text
    await zhang.send(words)
    said = "\n".join(zhang.texts()[-2:])
    assert "几点收到问候" not in zhang.last().text, said
    assert "09:00" in said, said
    assert (await app.svc.checkins.state(rid)).times == ["09:00"]
