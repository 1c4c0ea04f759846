"""Someone at the door: a stranger claiming to be from the gas company, the water board or the community who wants
to come in or wants money (a common way old people living alone are robbed or cheated), or a knocking she dare not
answer. Each reached nobody ("没太明白") or got the fall's advice — "把门锁打开" — in a console probe (session 16).
Now staff are alerted at once (someone phones her while the person is still there) and she reads: keep the door
shut, ask through it, phone the committee to check."""
import pytest
from conftest import signed_up

AT_THE_DOOR = ["有人敲门说是燃气公司的要进来检查", "有人敲门说是查水表的", "外面有人一直按门铃我不敢开",
               "有人上门说免费体检要我交钱", "门口有个陌生人一直敲门", "两个男的在门口说是社区的，要我开门",
               "有人按门铃讲是煤气公司来检查的", "someone is knocking at my door, I don't know them"]


async def _wang(people):
    return await signed_up(people("王老伯"), "13900000002")


@pytest.mark.parametrize("words", AT_THE_DOOR)
async def test_a_stranger_at_the_door_reaches_staff_at_once_and_she_keeps_it_shut(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert words in people("李社工").last("紧急求助 #1").text
    said = "\n".join(wang.texts())
    assert "不要开门" in said or "don't open" in said.lower()
    assert "把门锁打开" not in said and "没太明白" not in said


@pytest.mark.parametrize("words", ["燃气公司什么时候上门检查", "昨天有人敲门说是燃气公司的，我没开", "社工小王上门来看我了",
                                   "女儿敲门我去开一下", "天太冷了不敢开门窗"])
async def test_asking_about_a_visit_or_telling_of_one_that_is_over_alarms_nobody(people, app, words):
    wang = await _wang(people)
    await wang.send(words)
    assert not any("紧急求助" in t for t in people("李社工").texts())
