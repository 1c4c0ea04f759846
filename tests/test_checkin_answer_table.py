"""Typed answers to the morning's "今天身体还好吗？" from session 12's probes, as they are read now — kept so that a change to
the model cannot quietly turn "不太好" into "fine" or "知道了" into an emergency again."""
import pytest
from conftest import TUESDAY_9, at, enrolled

FINE = ["好", "好的", "蛮好", "老好额", "还可以", "我很好 谢谢关心", "好着呢", "没事没事", "👍", "🙏", "👌", "😊", "ok", "fine",
        "在的", "活着呢", "嗯", "嗯嗯", "在", "我在", "早上好", "早", "知道了", "谢谢",
        # the morning's pills taken (session 15: read as "unwell", staff told and she asked why)
        "药吃了", "吃了药了", "药已经吃了", "早上的药吃过了", "降压药吃了", "I took my pills"]
NOT_WELL = ["马马虎虎", "一般般", "还行吧 就是腿疼", "不太好", "勿好", "挺好的 就是有点咳嗽", "昨晚没睡好", "头有点晕",
            "好什么好 一个人闷死了", "今天不太舒服 不用来"]
HELP = ["腰疼得起不来", "我摔了", "我跌了一跤",
        "我吃了很多药", "刚才吃了好多药"]  # maybe too many pills (session 15: "知道您平安就放心了")


async def _answer(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    return (await app.svc.checkins.state(rid)).answer, people("李社工")


@pytest.mark.parametrize("words", FINE)
async def test_fine_is_fine(people, app, clock, words):
    answer, li = await _answer(people, app, clock, words)
    assert answer == "ok" and li.texts() == []


@pytest.mark.parametrize("words", NOT_WELL)
async def test_not_well_is_unwell_and_staff_hear(people, app, clock, words):
    answer, li = await _answer(people, app, clock, words)
    assert answer == "unwell" and any(words in t for t in li.texts() if "求助 #1" in t)


@pytest.mark.parametrize("words", HELP)
async def test_a_fall_or_pain_that_keeps_them_down_is_an_emergency(people, app, clock, words):
    answer, li = await _answer(people, app, clock, words)
    assert answer == "help" and words in li.last("紧急求助 #1").text
