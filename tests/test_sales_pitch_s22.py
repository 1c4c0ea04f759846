"""A salesman's pitch or a prize call, told (session 22 probe): "有人推销保健品", "楼下有人免费送鸡蛋 要我去听讲座",
"有人打电话说我中奖了", "我买了一万块的保健品" got "没太明白" — the commonest trap for old people living alone, and
nobody heard of it. Now she reads a short warning (don't pay, don't buy, don't let strangers in), staff get it as a
request to phone her, and no ambulance's advice. A pitch with money already moving ("要我打钱") stays the 🆘 it was."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

SOS, REQ = "紧急求助 #1", "求助 #1"

PITCH = ["有人推销保健品", "有人上门卖保健品 说能治百病", "楼下有人免费送鸡蛋 要我去听讲座", "有人打电话说我中奖了",
         "我买了一万块的保健品", "小区门口有人发传单 免费领大米", "有个人说我中了大奖 要我去领", "a man is selling me health supplements",
         "someone phoned and said I won a prize"]


async def _wang_says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", PITCH)
async def test_a_pitch_told_warns_her_and_staff_phone_her(people, app, words):
    said, staff = await _wang_says(people, words)
    got = [t for t in staff if REQ in t]
    assert got and words in got[0] and not any(SOS in t for t in staff), staff
    assert "没太明白" not in said and "didn't quite" not in said.lower(), said
    assert ("别交钱" in said and "陌生人" in said) or ("pay" in said and "stranger" in said), said
    assert "120" not in said.split("021")[0], said


@pytest.mark.parametrize("words", ["有个小伙子说是我孙子 要我打钱", "有人上门推销保健品 非要进我家",
                                   "推销的人赖在我家不走", "卖保健品的坐在我家里不肯走"])
async def test_money_asked_for_now_or_a_salesman_in_her_home_is_an_emergency(people, app, words):
    said, staff = await _wang_says(people, words)  # (the last three were the pitch's warning, a request)
    assert any(SOS in t for t in staff), staff


async def test_a_pitch_told_as_the_check_in_answer_is_no_illness(people, app, clock):
    wang, _ = await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    n = len(wang.texts())
    await wang.send("我很好 就是今天有人上门推销保健品")
    said = "\n".join(wang.texts()[n:])
    staff = people("李社工").texts()
    assert "别交钱" in said and "不舒服" not in said, said
    assert any(REQ in t for t in staff) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我孙子中奖了", "保健品能报销吗"])
async def test_good_news_or_a_question_is_not_warned_of(people, app, words):
    said, staff = await _wang_says(people, words)
    assert "别交钱" not in said, said
