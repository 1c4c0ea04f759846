"""Harder words from residents and family, probed in session 21. A quarrel with her husband ("老头子生我的气 叫他不理我")
raised a full 🆘; a fever of 39.8 written "39度8" was only "unwell"; at the morning check-in "我在医院" was a request of
no kind and "my husband is sick" a full 🆘; a daughter's "我爸在厨房" alerted; a resident's "我手抖得厉害" raised a full 🆘;
a bare "1" at the front door was "没太明白"."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

SOS, REQ = "紧急求助 #1", "求助 #1"


async def _wang_says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return wang, "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["老头子生我的气 叫他不理我", "老头子生气了", "我跟老伴吵架了 他不理我", "老伴跟我怄气 不睬我",
                                   "老头子跟我发脾气", "阿拉老头子跟我寻相骂"])
async def test_a_quarrel_with_her_husband_is_low_spirits_not_an_emergency(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "120" not in said and "需要马上有人来吗" not in said and "没太明白" not in said, said
    assert any(words in t for t in staff if REQ in t), staff  # a call in a day or two: staff hear it


@pytest.mark.parametrize("words", ["发烧39度8", "烧到39.8度", "发烧39度", "体温39.5", "发高烧三十九度八", "发骚39度",
                                   "发烧了 39.2", "fever 39.5"])
async def test_a_fever_of_39_at_this_age_alerts_and_asks_whether_someone_should_come(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff
    assert "需要马上有人来吗" in said, said


@pytest.mark.parametrize("words", ["发烧37度8", "发烧38度5", "有点发烧 38度"])
async def test_a_lower_fever_is_unwell_without_an_alarm(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "不舒服" in said, said


@pytest.mark.parametrize("words", ["我手抖得厉害", "手一直在抖", "我的手抖个不停", "手抖的厉害", "手抖得历害", "我手发抖"])
async def test_a_tremor_is_unwell_and_staff_asked_to_check(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "听到您不舒服" in said, said
    assert any(words in t and "身体不舒服" in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", [
    "老头子叫不醒", "老伴叫他不答应 倒在地上", "老头子生气了 突然说不出话",  # a husband who cannot answer
    "老头子生我气 打我", "老头子跟我吵架 推了我一把", "老伴跟我吵架 动手了",  # a quarrel that turns to blows
    "发烧40度", "高烧40度 人迷迷糊糊",  # a fever of 40, as before
    "我手抖 出冷汗 心慌", "手抖得厉害 拿不住东西 说话不清楚"])  # a tremor with more said
async def test_guard_these_still_alert(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff


@pytest.mark.parametrize("digit", ["1", "3", "１"])
async def test_a_bare_digit_at_the_front_door_points_to_the_big_buttons(people, app, digit):
    wang, said, staff = await _wang_says(people, digit)
    assert "没太明白" not in said and "大按钮" in said, said
    assert "🆘 紧急求助" in [k for s in wang.inbox[-2:] for k in s.keyboard] or any(
        "🆘" in k for k in wang.last().keyboard), wang.last()
    assert staff == [], staff


# --- a family member ---------------------------------------------------------------------------------------------

async def _wangli_says(people, words):
    wangli = await signed_up(people("王丽"), "13911110002")
    n = len(wangli.texts())
    await wangli.send(words)
    return "\n".join(wangli.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["我爸在厨房", "我爸现在在客厅", "我妈在家呢", "我妈在厨房做饭", "我爸在楼下散步", "他在睡觉"])
async def test_where_her_father_is_alarms_nobody(people, app, words):
    told, staff = await _wangli_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "120" not in told and "已通知值班社工" not in told, told


@pytest.mark.parametrize("words", ["我爸在厨房摔倒了", "我爸在厨房 煤气味好重", "我爸在卫生间 半小时没出来了", "我爸在地上"])
async def test_guard_where_he_is_with_a_danger_still_alerts(people, app, words):
    told, staff = await _wangli_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff


# --- the morning check-in ----------------------------------------------------------------------------------------

async def _answer(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    before = len(zhang.texts())
    await zhang.send(words)
    return (await app.svc.checkins.state(rid)).answer, "\n".join(zhang.texts()[before:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["我在医院", "我现在在医院", "在医院看病呢", "我在医院排队"])
async def test_in_hospital_at_the_check_in_is_fine_today_and_staff_told_quietly(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer == "ok", she
    assert "没太明白" not in she and "社工" in she, she
    assert any(words in t for t in staff if REQ in t) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我在医院 头好晕", "我在医院 没人陪我"])
async def test_guard_in_hospital_with_an_ailment_or_a_need_is_not_fine(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert "看得怎么样" not in she and "平安" not in she, she
    assert any(words in t for t in staff if "#1" in t), staff


@pytest.mark.parametrize("words", ["my husband is sick", "My wife is unwell", "my husband is not well today",
                                   "my husband has a fever", "老伴生病了", "我老头子感冒了"])
async def test_her_husband_sick_is_told_as_his(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert not any(SOS in t for t in staff), staff
    assert "120" not in she.split("\n")[0] and "需要马上有人来吗" not in she, she
    assert any("不是她本人" in t for t in staff), staff


async def test_a_bare_digit_at_the_check_in_asks_again_with_its_buttons(people, app, clock):
    """"1" to "今天身体还好吗？" says nothing of how she is: asked again, one tap to answer (as "？？？" is)."""
    answer, she, staff = await _answer(people, app, clock, "1")
    assert "没太明白" not in she and staff == [], she
    zhang = people("张阿姨")
    assert any("我很好" in label for label, _ in zhang.last().buttons), zhang.last()
