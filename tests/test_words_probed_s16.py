"""Session 16's probes: what residents type (typos, homophones, Shanghainese, voice input without marks) in each state —
nothing asked, after a pension answer, at the address read-back after 🆘 — and what must not alarm. Each list keeps
what was read wrongly before (marked) beside what was already right, so that no change to the model or the red flags
quietly moves any of them."""
import pytest
from conftest import allowance_answered, signed_up

CRIES = [  # emergency at once, whatever the state
    "就命", "就命啊", "救明", "摔到了起不赖", "我起不赖了", "我跌跤了", "阿拉跌跤了", "我跌了一跤爬勿起来", "我跌倒勒",
    "透勿过气", "我心口痛", "胸闷气急", "我在浴室滑到了", "手机快没电了我摔倒了", "从床上摔下来了", "我滑了一跤",
    "揪命",            # was the model's alone (0.78): now a red flag
    "我掉床底下了",     # was request_help, no alarm: a fall from bed
    "摔了一个跟头",     # was the model's alone (0.31, asked): now a red flag
    "说话说不清楚",     # was feeling_unwell: slurred speech is a stroke sign
    "我倒在厕所里了",   # was the model's alone (0.61, one retrain from a miss)
    "勿来赛了",         # Shanghainese 我不行了: was "deny" (0.37, asked), now pinned as "不行了" is
    "我老头子跌了一跤 头上出血了", "我老伴倒在卫生间里叫不应",
    "叫伊伊勿应", "我屋里厢老头子叫勿应", "my husband fell",   # were the model's alone (asked, or 0.72): now red flags
    "我找不到我老伴了", "老伴从昨天出门到现在还没回来", "老头子不见了", "我老伴呢 找不到他了",  # a husband missing: were asked
    "我跟你说我今天早上起来去买菜然后在菜场门口碰到老王聊了一会天回来的时候楼梯上一脚踩空摔下去了现在腰疼得动不了",
]
ASKED = ["头昏", "我头昏", "我头昏眼花的", "地上好冷", "我手机快没电了 我在地上", "头晕想吐"]  # uncertain: staff told, one tap
HARMLESS = [  # no alarm, no "需要马上有人来吗"
    "我摔了一个碗", "碗摔碎了", "我把杯子摔了",          # were "需要马上有人来吗" (the last an emergency, 0.55)
    "楼下的狗摔倒了", "我家猫从柜子上跌下来了",           # were emergencies (a fall red flag)
    "手机摔了一下屏幕碎了",                             # was an emergency ("摔了一下")
    "电视里有人摔倒了", "新闻里说有老人跌倒了", "我梦见自己摔倒了", "怎么防止摔倒", "老人摔倒了怎么办",
    "我孙女学走路老是摔跤", "刚才洗碗的时候不小心把碗摔了", "我今天去公园走路没有摔跤",
    "今天天气蛮好的我早上吃了一碗粥然后看了一会电视孙子打电话来说周末要来看我我很开心",
    "老伴的眼镜不见了",
]


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    return wang, people("李社工")


@pytest.mark.parametrize("words", CRIES)
async def test_a_cry_with_typos_or_in_shanghainese_reaches_staff_at_once(people, app, words):
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text
    assert "已通知值班社工" in "\n".join(wang.texts())


@pytest.mark.parametrize("words", ASKED)
async def test_words_that_may_be_a_cry_reach_staff_and_ask_one_tap(people, app, words):
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text


@pytest.mark.parametrize("words", HARMLESS)
async def test_a_dropped_bowl_a_pets_fall_or_the_news_alarms_nobody(people, app, words):
    wang, li = await _says(people, words)
    assert not any("紧急求助" in t for t in li.texts())
    assert not any("需要马上有人来吗" in t or "已通知值班社工" in t for t in wang.texts())


async def test_where_is_my_husband_with_nothing_asked_before_is_one_tap_from_an_emergency(people, app):
    """Not taken by the fast lane any more (after a pension answer it is most often his allowance). With nothing asked
    before it was a full 🆘 at once; session 20 asks what about him instead, the missing husband one tap away (and a
    person phones if no reply comes: tests/test_spouse_asked_alone.py)."""
    wang, li = await _says(people, "我老头子呢")
    assert not any("紧急求助" in t for t in li.texts())
    await wang.click(wang.last(), "找不到老伴了")
    assert "我老头子呢" in li.last("紧急求助 #1").text




@pytest.mark.parametrize("words", ["我跌跤了 起不来", "伊跌跤了 爬勿起来", "养老金几号发 我头昏得站不住了",
                                   "等一下 我胸口好痛", "那我老伴呢 伊倒在地上了", "阿拉老头子叫不醒了"])
async def test_a_cry_inside_a_pension_follow_up_reaches_staff_at_once(people, app, words):
    liu = await allowance_answered(people)
    await liu.send(words)
    assert words in people("李社工").last("紧急求助 #1").text
    assert "来源" not in liu.last().text


async def _after_sos(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    assert "请确认您现在的地址" in wang.last().text
    return wang, len(wang.texts())


@pytest.mark.parametrize("words, place", [("不对 我在5号楼 我起不来", "5号"), ("不对我在厨房地上爬不起来", "厨房"),
                                          ("对的 快点来 我起不来", ""), ("是的 我跌跤了 头在流血", "")])
async def test_a_cry_inside_the_address_answer_reaches_the_staff_holding_the_call(people, app, words, place):
    wang, n = await _after_sos(people)
    await wang.send(words)
    staff = "\n".join(people("李社工").texts())
    assert words in staff or all(w in staff for w in words.split()[1:]), staff[-600:]
    if place:
        assert place in staff
    assert not any("没太明白" in t for t in wang.texts()[n:])


@pytest.mark.parametrize("words, state", [("对的 快点来 我起不来", "confirmed"), ("是的 我跌跤了 头在流血", "confirmed"),
                                          ("对对对 快点 我爬不起来", "confirmed"), ("对不起 我摔倒了起不来", "pending")])
async def test_a_yes_said_with_the_cry_at_the_address_read_back_is_kept(people, app, words, state):
    """"对的 快点来 我起不来" to "请确认您现在的地址…对吗？" went as the cry it is, but its "对的" was lost: staff read the
    address as unconfirmed and she was never asked again. "对不起" is no yes."""
    wang, n = await _after_sos(people)
    await wang.send(words)
    assert (await app.svc.store.incident(1))["address_state"] == state
    assert words in "\n".join(people("李社工").texts())


@pytest.mark.parametrize("words, place", [("不在家 在菜场摔的", "菜场"), ("不在屋里 在公园", "公园"),
                                          ("我不在家，在女儿家", "女儿家")])
async def test_not_at_home_but_somewhere_else_at_the_address_read_back_reaches_staff(people, app, words, place):
    """"不在家 在菜场摔的" to "请确认您现在的地址…对吗？" was answered "听到您很好，真高兴！" and where she is lost."""
    wang, n = await _after_sos(people)
    await wang.send(words)
    assert place in people("李社工").last("紧急求助 #1").text
    assert (await app.svc.store.incident(1))["address_state"] in ("unparsed", "corrected")  # beside the register
    assert not any("真高兴" in t or "没太明白" in t for t in wang.texts()[n:])
