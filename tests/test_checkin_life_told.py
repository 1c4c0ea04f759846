"""Check-in answers that tell of her life, not of an emergency (session 16's probes): "老伴住院了" was asked "您需要马上有
人来吗？" and raised 🆘 — she is well, her carer is away; "今天不想说话" was read as ill ("听到您不舒服"); "安眠药吃了" (her
nightly pill taken) was asked whether someone must come. Too many pills stays a poisoning emergency."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up


async def _answers(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    return zhang, rid, people("李社工")


@pytest.mark.parametrize("words", ["老伴住院了", "老头子住院了", "我老伴昨天住进医院了", "保姆回老家了", "老伴去医院开刀了",
                                   "保姆今天请假了", "护工今天没来"])  # (these two were "没太明白")
async def test_her_carer_away_is_no_emergency_staff_hear_it_and_she_reads_a_kind_line(people, app, clock, words):
    zhang, rid, li = await _answers(people, app, clock, words)
    said = "\n".join(zhang.texts())
    assert "需要马上有人来吗" not in said and "120" not in said
    assert "一个人" in zhang.last().text and "社工" in zhang.last().text
    request = li.last("求助 #1").text
    assert words in request and "紧急求助" not in request
    assert (await app.svc.checkins.state(rid)).answer not in ("help", "unwell")


@pytest.mark.parametrize("words", ["今天不想说话", "不想说话", "今朝勿想讲话", "心情不好", "今天心情不太好",
                                   # the first three were "听到您不舒服", the last two "这个我答不上来" and "没太明白"
                                   "今天不想出门", "心里有点烦", "不想说", "没什么想说的", "我今天不想讲"])
async def test_a_low_mood_gets_a_gentle_line_and_staff_note_it_without_an_alarm(people, app, clock, words):
    zhang, rid, li = await _answers(people, app, clock, words)
    said = "\n".join(zhang.texts())
    assert "不舒服" not in said and "需要马上有人来吗" not in said and "要不要请社工来看看您" not in said
    assert "没关系" in zhang.last().text
    request = li.last("求助 #1").text
    assert words in request and "紧急求助" not in request


@pytest.mark.parametrize("words", ["安眠药吃了", "安眠药吃过了", "晚上的安眠药吃了"])
async def test_her_sleeping_pill_taken_is_her_routine(people, app, clock, words):
    zhang, rid, li = await _answers(people, app, clock, words)
    assert (await app.svc.checkins.state(rid)).answer == "ok"
    assert "平安" in zhang.last().text and li.texts() == []


@pytest.mark.parametrize("words", ["我吃了好多安眠药", "安眠药吃多了", "安眠药吃了一整瓶", "老伴住院了 我摔倒了起不来",
                                   "今天不想说话 不想活了"])
async def test_too_many_pills_or_a_danger_beside_it_is_still_an_emergency(people, app, clock, words):
    zhang, rid, li = await _answers(people, app, clock, words)
    assert words in li.last("紧急求助 #1").text


@pytest.mark.parametrize("words", ["老伴住院了", "今天不想说话"])
async def test_the_same_words_with_no_check_in_waiting_are_no_alarm_either(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert "需要马上有人来吗" not in "\n".join(wang.texts()) and "不舒服" not in "\n".join(wang.texts())
    assert not any("紧急求助" in t for t in people("李社工").texts())
    assert words in people("李社工").last("求助 #1").text


@pytest.mark.parametrize("words", ["今天不想说话 头好晕", "老伴住院了 我头晕得很", "心情不好 胸口闷"])
async def test_an_ailment_beside_it_is_read_as_the_ailment_not_as_her_mood(people, app, clock, words):
    """"不想说话" beside dizziness may be more than a mood: the ailment is read (the model, the red flags), never only
    "没关系，不想说话就歇一歇"."""
    zhang, rid, li = await _answers(people, app, clock, words)
    assert not any("没关系" in t or "要多保重" in t for t in zhang.texts())
    assert any(words in t for t in li.texts())


async def test_a_long_happy_voice_message_is_fine_not_unclear(people, app, clock):
    """Voice input with no marks, all of it well: it was "没太明白您的意思"."""
    words = "今天天气蛮好的我早上吃了一碗粥然后看了一会电视孙子打电话来说周末要来看我我很开心"
    zhang, rid, li = await _answers(people, app, clock, words)
    assert (await app.svc.checkins.state(rid)).answer == "ok"
    assert "平安" in zhang.last().text and li.texts() == []


@pytest.mark.parametrize("words", ["我跟你讲我今朝早上起来头有点昏然后我就坐在沙发上休息了一歇现在好一点了",
                                   "早上头有点晕 现在好多了"])
async def test_an_ailment_told_as_better_now_is_unwell_not_an_emergency(people, app, clock, words):
    """The first raised 🆘 and asked "您需要马上有人来吗？": she said she was dizzy this morning and is better now."""
    zhang, rid, li = await _answers(people, app, clock, words)
    assert (await app.svc.checkins.state(rid)).answer == "unwell"
    assert not any("紧急求助" in t for t in li.texts()) and words in li.last("求助 #1").text
    assert not any("需要马上有人来吗" in t for t in zhang.texts())
