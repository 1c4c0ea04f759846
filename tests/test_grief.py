"""A widow or widower telling of a spouse gone ("老伴不在了", "我老伴走了三年了") was taken for a cry for help: staff got
"紧急求助" as if she had fallen, and she read what to do after a fall and 120 — or, when the model was unsure, was asked
about an emergency that was never there. Now it reaches staff as someone grieving who would like a visit and
company (never an ambulance's advice), and she reads a kind word that someone will come. A spouse lying on the floor
now ("老伴倒在地上不动了") is still an emergency."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["老伴不在了", "我老伴走了三年了", "我老伴去世好几年了", "老伴过世了", "我老伴不在了好多年了",
                                   "老头子走了以后我一个人", "老伴走了三年了，现在一个人住", "我老公去年过世了"])
async def test_a_spouse_gone_long_ago_reaches_staff_as_grief_not_as_an_emergency(people, app, words):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send(words)
    assert not any("紧急求助" in t for t in li.texts()), li.texts()
    request = li.last("求助 #1").text
    assert words in request and "老伴" in request and "陪" in request
    told = "\n".join(zhang.texts()[-2:])
    assert "陪" in told and "120" not in told and "不要勉强" not in told and "起来" not in told
    assert not any("没太明白" in t or "需要马上有人来" in t for t in zhang.texts())


@pytest.mark.parametrize("words", ["老伴倒在地上不动了", "老伴叫不醒了 好像没气了", "老伴不在了 我摔倒了起不来"])
async def test_a_spouse_in_danger_now_is_still_an_emergency(people, app, words):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send(words)
    assert "紧急求助 #1" in li.last("紧急求助").text


@pytest.mark.parametrize("words", ["老伴不在了", "我老伴走了三年了"])
async def test_said_as_the_mornings_check_in_answer_it_is_not_fine_and_staff_hear_grief_not_an_emergency(
        people, app, clock, words):
    from conftest import TUESDAY_9, at, enrolled

    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    li = people("李社工")
    assert (await app.svc.checkins.state(rid)).answer == "unwell"
    assert not any("紧急求助" in t for t in li.texts()), li.texts()
    assert words in li.last("求助 #1").text and "陪" in li.last("求助 #1").text
    assert "120" not in "\n".join(zhang.texts()[-2:])
