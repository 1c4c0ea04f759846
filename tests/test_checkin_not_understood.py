"""Not understanding the morning's "今天身体好吗？" (session 22's probe of what an 85-year-old types): "听不懂", "啥意思",
"我眼睛不好" were read as being unwell — staff paged with a request "🤒 身体不舒服" and she was asked "听到您不舒服…要不要
请社工来看看您？"; "你说什么", "什么" got "这个我答不上来，不想说错" (the pension answers' fallback); "看不懂" got "没太明白".
Now she reads the question again, simpler, with what to type (好 / 不好) beside the buttons, and nobody is paged;
asked twice, she is not asked a third time: a staff member will phone her, and staff read her words."""
import pytest
from conftest import TUESDAY_9, at, enrolled

CONFUSED = ["你说什么", "听不懂", "看不懂", "啥意思", "什么", "我眼睛不好", "字太小了看不清", "what?"]


async def _asked(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    return zhang, rid, people("李社工")


async def _says(zhang, li, words):
    seen, staff_seen = len(zhang.texts()), len(li.texts())
    await zhang.send(words)
    return zhang.inbox[seen:], li.texts()[staff_seen:]


@pytest.mark.parametrize("words", CONFUSED)
async def test_not_understood_is_asked_again_simpler_and_nobody_is_paged(people, app, clock, words):
    zhang, rid, li = await _asked(people, app, clock)
    she, staff = await _says(zhang, li, words)
    assert staff == [], staff
    assert len(she) == 1 and "简单" in she[0].text and "打：好" in she[0].text, [m.text for m in she]
    assert she[0].buttons  # the big buttons still there for one who can press
    assert (await app.svc.checkins.state(rid)).answer not in ("unwell", "help")


async def test_twice_not_understood_is_no_loop_a_person_phones(people, app, clock):
    zhang, rid, li = await _asked(people, app, clock)
    await _says(zhang, li, "你说什么")
    she, staff = await _says(zhang, li, "听不懂")
    assert any("打电话" in m.text for m in she) and not any("打：好" in m.text for m in she), [m.text for m in she]
    assert any("听不懂" in t for t in staff), staff


@pytest.mark.parametrize("words", ["好", "不好"])
async def test_the_typed_answers_it_names_are_read(people, app, clock, words):
    zhang, rid, li = await _asked(people, app, clock)
    await _says(zhang, li, "听不懂")
    await _says(zhang, li, words)
    assert (await app.svc.checkins.state(rid)).answer == ("ok" if words == "好" else "unwell")


@pytest.mark.parametrize("words", ["听不懂 我胸口疼", "你说什么 我摔倒了起不来"])
async def test_guard_a_danger_beside_it_is_a_cry_first(people, app, clock, words):
    zhang, rid, li = await _asked(people, app, clock)
    _, staff = await _says(zhang, li, words)
    assert any("紧急求助 #1" in t and words in t for t in staff), staff
