"""张阿姨 asked for another greeting time ("您希望每天几点收到问候？") or how many days she is away, then sent a voice
(or a photo) before answering. The voice reached staff, but her answer after it, "八点", was read as words on the
voice's call: "听到您不舒服…要不要请社工来看看您？" and staff read "又说：八点"; "三天" went to staff too, and her
greetings were neither moved nor paused. Now the step she was in still takes its answer after the voice; words that
answer nothing are read as usual (never the greeting question again after a voice that may have been a cry)."""
import pytest
from conftest import enrolled

TIME_ASKED = "几点收到问候"


@pytest.mark.parametrize("kind", ["voice", "photo"])
async def test_a_time_typed_after_a_voice_still_sets_her_greeting_time(people, app, kind):
    zhang, _ = await enrolled(people, app)
    await zhang.send("换个时间问候我")
    assert TIME_ASKED in zhang.last().text
    await zhang.send_kind(kind)
    li = people("李社工")
    assert any("求助 #1" in t for t in li.texts()), li.texts()  # the voice reached staff
    seen, staff_seen = len(zhang.texts()), len(li.texts())
    await zhang.send("八点")
    after = zhang.texts()[seen:]
    assert any("08:00" in t for t in after), after
    assert not any("不舒服" in t for t in after), after
    assert not any("八点" in t for t in li.texts()[staff_seen:]), li.texts()[staff_seen:]


async def test_days_typed_after_a_voice_still_pause_her_greetings(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我要出门几天")
    await zhang.send_kind("voice")
    li = people("李社工")
    seen, staff_seen = len(zhang.texts()), len(li.texts())
    await zhang.send("三天")
    after = zhang.texts()[seen:]
    assert any("暂停" in t or "不发" in t or "回来" in t for t in after), after
    assert not any("三天" in t for t in li.texts()[staff_seen:]), li.texts()[staff_seen:]


@pytest.mark.parametrize("words", ["你们听到了吗", "快来人啊"])
async def test_words_after_a_voice_that_answer_nothing_never_bring_the_greeting_question_back(people, app, words):
    """The voice may have been a cry: after it, her words are read as words, to the voice's staff."""
    zhang, _ = await enrolled(people, app)
    await zhang.send("换个时间问候我")
    await zhang.send_kind("voice")
    seen = len(zhang.texts())
    await zhang.send(words)
    after = zhang.texts()[seen:]
    assert after and not any(TIME_ASKED in t for t in after), after
    assert any(words in t for t in people("李社工").texts() if "#1" in t), people("李社工").texts()
