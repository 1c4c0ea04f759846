"""Minutes of voice input, typed out: chatter about the weather, the grandchildren, the market and the pension, and
the need said somewhere in the middle. The bot read a long message by its first and last clauses only, so a request
or a question told in the middle got "这个我答不上来" or "没太明白", and "我想不开" even alone was "没太明白"."""
import pytest
from conftest import signed_up

BEFORE = ["你好啊小同志", "今天天气不太好", "一直在下雨", "我孙子昨天打电话来了", "他说在北京读书很忙", "我女儿在苏州",
          "她说过年回来", "早上我去菜场买了点青菜", "菜价又涨了", "鸡蛋也贵了", "隔壁老李说养老金要涨了"]
AFTER = ["不知道是不是真的", "楼下的桂花开了", "很香", "我孙女给我寄了一件毛衣", "颜色蛮好看的", "小区门口在修路",
         "走路不方便", "上次小王还来看过我", "好了不多说了", "谢谢你们"]
FALL_LINES = ("侧身", "不要勉强起来")


def rambling(need: str) -> str:
    return "，".join(BEFORE + [need] + AFTER)


def no_dead_end(resident) -> None:
    said = "\n".join(resident.texts())
    assert "没太明白" not in said and "答不上来" not in said, said


async def told(people, need: str):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(rambling(need))
    return wang, people("李社工")


async def test_a_fall_in_the_middle_is_an_emergency_with_the_fall_s_advice(people, app):
    wang, staff = await told(people, "我刚才在厨房摔了一跤，起不来")
    alert = staff.last("紧急求助 #1").text
    assert "摔了一跤" in alert and "起不来" in alert
    assert "不要勉强起来" in wang.last("已通知值班社工").text
    no_dead_end(wang)


async def test_chest_pain_in_the_middle_means_sit_still(people, app):
    wang, staff = await told(people, "我胸口很痛，喘不过气")
    assert "胸口很痛" in staff.last("紧急求助 #1").text
    advice = wang.last("已通知值班社工").text
    assert "不要走动" in advice and not any(w in advice for w in FALL_LINES)


async def test_gas_in_the_middle_means_touch_no_switch_and_leave(people, app):
    wang, staff = await told(people, "煤气味很大")
    assert "煤气" in staff.last("紧急求助 #1").text
    advice = wang.last("已通知值班社工").text
    assert "119" in advice and "离开" in advice and not any(w in advice for w in FALL_LINES)


async def test_days_without_food_in_the_middle_reach_staff(people, app):
    wang, staff = await told(people, "我好几天没吃饭了")
    assert "好几天没吃饭" in staff.last("求助 #1").text
    assert "社工" in wang.last().text
    no_dead_end(wang)


@pytest.mark.parametrize("words", ["我想不开，活着没意思", "我最近老是想不开", "活着真没意思"])
async def test_not_wanting_to_live_in_the_middle_reaches_staff_as_urgent_and_kindly(people, app, words):
    wang, staff = await told(people, words)
    assert words.split("，")[0] in staff.last("紧急求助 #1").text
    advice = wang.last("已通知值班社工").text
    assert "不是一个人" in advice and not any(w in advice for w in FALL_LINES)
    no_dead_end(wang)


@pytest.mark.parametrize("words", ["我想不开", "活着没意思", "我觉得活着没什么意思"])
async def test_not_wanting_to_live_said_alone_is_urgent_too(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert words in people("李社工").last("紧急求助 #1").text
    assert "不是一个人" in wang.last("已通知值班社工").text
    no_dead_end(wang)


async def test_a_request_in_the_middle_reaches_staff_as_a_request(people, app):
    wang, staff = await told(people, "能不能帮我叫个人来修水管")
    request = staff.last("求助 #1").text
    assert "修水管" in request and "紧急求助" not in request
    assert "已经告诉居委会社工" in wang.last().text
    no_dead_end(wang)


async def test_a_pension_question_in_the_middle_is_answered(people, app):
    wang, staff = await told(people, "我的养老金什么时候发")
    answer = wang.last().text
    assert "12333" in answer and "来源" in answer, answer
    no_dead_end(wang)


async def test_chatter_with_a_need_at_the_start_still_reaches_staff(people, app):
    """(what the head clauses already caught stays caught)"""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("，".join(["能不能帮我叫个人来修水管", *BEFORE, *AFTER]))
    assert "修水管" in people("李社工").last("求助 #1").text


@pytest.mark.parametrize("need", ["麻烦你们帮我爸配一下降压药", "我爸好几天没吃饭了", "我爸的养老金什么时候发"])
async def test_a_daughters_long_message_with_a_need_in_the_middle_reaches_staff(people, app, need):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(rambling(need))
    assert need in people("李社工").last("求助 #1").text
    no_dead_end(wangli)


@pytest.mark.parametrize("need,staff_sees,advice", [
    ("我刚才在厨房摔了一跤起不来", "紧急求助 #1", "不要勉强起来"),
    ("我胸口很痛喘不过气", "紧急求助 #1", "不要走动"),
    ("我想不开", "紧急求助 #1", "不是一个人"),
])
async def test_voice_input_with_no_punctuation_at_all_still_calls(people, app, need, staff_sees, advice):
    """Voice input often comes as one run of characters: "昨天" said about the grandson and "上次" about a visit,
    far before and after, made the fall "yesterday's" and "last time's" (no clause marks to end their reach)."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("".join(BEFORE + [need] + AFTER))
    assert need in people("李社工").last(staff_sees).text
    assert advice in wang.last("已通知值班社工").text


@pytest.mark.parametrize("need", ["能不能帮我叫个人来修水管", "我好几天没吃饭了"])
async def test_voice_input_with_no_punctuation_still_reaches_staff_with_a_need(people, app, need):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("".join(BEFORE + [need] + AFTER))
    assert need in people("李社工").last("求助 #1").text
    no_dead_end(wang)


@pytest.mark.parametrize("story", [
    "电视里说，一个独居老人在家里洗澡的时候不小心滑倒了，起不来，在地上躺了两天才被邻居发现",
    "我昨天晚上在家里洗完澡出来的时候在卫生间门口摔了一跤现在已经没事了就是想跟你们说一声",
])
async def test_a_long_story_or_a_fall_told_as_over_is_still_no_emergency(people, app, story):
    """(the reach of "昨天" or "电视里说" is cut only in one long unmarked run, and "没事了" still ends a fall)"""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(story)
    assert not any("紧急求助" in t for t in people("李社工").texts())


@pytest.mark.parametrize("answer", ["button", "我没事，不用来"])
async def test_not_wanting_to_live_then_no_need_is_never_a_false_alarm(people, app, answer):
    """Someone who said "我想不开" and then "不用，我没事" is not a false alarm: staff read that she said no, and that her
    words were of not wanting to live; her daughter is not told she says she is fine."""
    wangli = await signed_up(people("王丽"), "13911110002")
    wang, li = await signed_up(people("王老伯"), "13900000002"), people("李社工")
    await wang.send("我想不开，活着没意思")
    if answer == "button":
        await wang.click(wang.last("需要马上有人来吗"), "不用")
    else:
        await wang.send(answer)
    packet = li.last("紧急求助 #1").text
    assert "可能是误报" not in packet and "想轻生" in packet, packet
    assert not any("没事" in t for t in wangli.texts())
