"""To the morning's "今天身体好吗？" a question that mentions a doctor visit ("看病能报销多少", "去医院看病能报销吗",
"看病要带什么") was read as her being unwell: staff read "🙋 求助 #1 · 🤒 身体不舒服" and she read "听到您不舒服…要不要请
社工来看看您？". "养老金什么时候发" at the same moment was answered. A question is a question: she reads what the front
door would tell her (the knowledge base's answer, or its hand-off to a person), her check-in counts (she wrote, she is
there), and nobody is paged as if she were unwell. Going to see a doctor today, and unwell and going, stay as they were."""
import uuid

import pytest
from bot.testing.tools import Person
from conftest import TUESDAY_9, at, enrolled, signed_up

QUESTIONS = ["看病能报销多少", "去医院看病能报销吗", "看病要带什么", "养老金什么时候发", "今天去医院看病能报销吗",
             "看病要带医保卡吗"]


async def _front_door(make_app, words):
    """What she reads when she asks it with nothing asked of her (another app, no check-in out)."""
    other = await make_app(prefix_=f"fd{uuid.uuid4().hex[:8]}:")
    zhang = await signed_up(Person(other, 7001, "张阿姨"), "13900000001")
    n = len(zhang.texts())
    await zhang.send(words)
    return zhang.texts()[n:]


@pytest.mark.parametrize("words", QUESTIONS)
async def test_a_question_at_the_check_in_is_answered_as_a_question_and_counts_as_her_check_in(
        people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    told, li = zhang.texts()[n:], people("李社工")
    st = await app.svc.checkins.state(rid)
    assert st.answer in ("ok", "activity"), st.answer  # counted: she is there
    assert not any("不舒服" in t for t in told), told
    assert not any("🤒" in t or "身体不舒服" in t or "🆘" in t for t in li.texts()), li.texts()
    assert not any("没太明白" in t for t in told), told


@pytest.mark.parametrize("words", QUESTIONS)
async def test_she_reads_what_the_front_door_would_say(people, app, clock, make_app, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    told = zhang.texts()[n:]
    expected = await _front_door(make_app, words)
    assert told and expected and told[-1] == expected[-1], (told, expected)


@pytest.mark.parametrize("words", ["今天去医院看病", "今天女儿要带我去看病"])
async def test_going_to_see_a_doctor_today_is_still_her_quiet_check_in(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    assert (await app.svc.checkins.state(rid)).answer == "ok"
    assert any("路上慢点" in t for t in zhang.texts()[n:])


async def test_unwell_and_going_to_see_a_doctor_is_still_unwell(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("我不舒服 要去看病")
    assert (await app.svc.checkins.state(rid)).answer in ("unwell", "help")
    assert any("我不舒服 要去看病" in t for t in people("李社工").texts() if "求助 #1" in t)
