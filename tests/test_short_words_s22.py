"""Short everyday words read as a cry (session 22 probe): "起来了", "早上起来了", "午睡起来了" — the most natural
answer to the morning check-in — raised a 🆘 with an ambulance's advice (the model heard "起不来" in "起来", 0.59);
"猫不见了" did too (0.21, "ask"), and "胖了". Now getting up is her fine, a lost cat a request for staff, and
"起不来" is the cry it always was."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

UP = ["起来了", "早上起来了", "午睡起来了", "我起来了", "刚起来了", "睡醒起来了", "我早就起来了"]


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


async def checkin_says(people, app, clock, words):
    """Tuesday 09:00, 张阿姨 (enrolled) answers the morning's greeting with `words`: what she reads."""
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    return "\n".join(zhang.texts()[n:])


@pytest.mark.parametrize("words", UP)
async def test_getting_up_answers_the_check_in_as_fine(people, app, clock, words):
    said = await checkin_says(people, app, clock, words)
    assert people("李社工").texts() == [], people("李社工").texts()
    assert "放心" in said and "120" not in said, said


@pytest.mark.parametrize("words", ["起来了", "午睡起来了", "胖了"])
async def test_getting_up_told_at_the_front_door_alarms_nobody(people, app, words):
    said, staff = await _says(people, words)
    assert not any("紧急求助" in t for t in staff), staff
    assert "120" not in said, said


@pytest.mark.parametrize("words", ["猫不见了", "我的猫跑丢了", "小狗找不到了"])
async def test_a_lost_pet_is_a_request_for_staff_not_a_cry(people, app, words):
    said, staff = await _says(people, words)
    assert any("求助 #1" in t and words in t for t in staff) and not any("紧急求助" in t for t in staff), staff


@pytest.mark.parametrize("words", ["起不来", "我爬不起来了", "起不来了"])
async def test_cannot_get_up_is_still_a_cry(people, app, words):
    said, staff = await _says(people, words)
    assert any("紧急求助 #1" in t for t in staff), staff


IN_BED = ["懒得起来", "还没起", "还没起床", "还在床上躺着", "在沙发上躺一会", "床上靠一会儿"]
ASKS_STAFF = ["我怕摔跤", "我出不了门", "我不敢出门", "暖气不热", "指甲长了剪不动", "不想起来"]


@pytest.mark.parametrize("words", IN_BED)
async def test_still_in_bed_answers_the_check_in_as_fine(people, app, clock, words):
    said = await checkin_says(people, app, clock, words)
    assert not any("紧急求助" in t for t in people("李社工").texts()), people("李社工").texts()
    assert "120" not in said and "需要马上有人来吗" not in said, said


@pytest.mark.parametrize("words", ASKS_STAFF)
async def test_an_everyday_need_reaches_staff_without_an_ambulance(people, app, words):
    said, staff = await _says(people, words)
    assert any("求助 #1" in t and words in t for t in staff) and not any("紧急求助" in t for t in staff), staff
    assert "情况危急" not in said, said
