"""Typed answers to the morning's "今天身体好吗？" probed in session 16 (Shanghainese, no marks, pains named), kept as a
table: "昨天夜里没困好" (困 is Shanghainese for sleep: did not sleep well) was "知道您平安就放心了"."""
import pytest
from conftest import TUESDAY_9, at, enrolled

FINE = ["好额", "蛮好额", "老样子", "还是老样子", "一切正常", "好好的", "身体还可以 谢谢", "今朝蛮好", "挺好 刚买菜回来",
        "血压正常", "都好", "吃过早饭了", "我很好啊你们放心", "好的很", "还好还好", "精神蛮好", "好 谢谢关心", "身体蛮好额 谢谢侬"]
NOT_WELL = ["腰有点酸", "昨天夜里没困好", "有点咳嗽", "头有点昏", "老毛病又犯了", "膝盖痛", "吃不消", "不大舒服",
            "人没力气", "浑身酸痛", "今朝有点勿适意", "感冒了", "喉咙痛", "牙齿痛", "胃口不好", "夜里困勿着", "我困不着"]
HELP = ["我跌跤了", "起不来", "快来", "救命", "我起不赖", "就命", "我掉床底下了", "胸口痛得厉害", "透不过气"]


async def _answer(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    return (await app.svc.checkins.state(rid)).answer, zhang, people("李社工")


@pytest.mark.parametrize("words", FINE)
async def test_an_everyday_fine_is_fine_and_troubles_nobody(people, app, clock, words):
    answer, zhang, li = await _answer(people, app, clock, words)
    assert answer in ("ok", "activity") and li.texts() == [], (answer, zhang.texts()[-1:])


@pytest.mark.parametrize("words", NOT_WELL)
async def test_a_pain_or_a_bad_night_is_unwell_never_an_alarm(people, app, clock, words):
    answer, zhang, li = await _answer(people, app, clock, words)
    assert answer == "unwell" and not any("紧急" in t for t in li.texts()), (answer, zhang.texts()[-1:])


@pytest.mark.parametrize("words", HELP)
async def test_a_cry_with_typos_is_an_emergency(people, app, clock, words):
    answer, zhang, li = await _answer(people, app, clock, words)
    assert answer == "help" and any("紧急求助" in t for t in li.texts()), (answer, zhang.texts()[-1:])
