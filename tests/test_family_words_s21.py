"""Words left open in session 21 (words10). From a daughter: "我爸生我的气了", "我爸手抖得厉害", "我爸口渴" raised a full 🆘
(the family side trusted the model's leaning to a cry, where the resident's front door had learnt to read the same words
calmly: a quarrel, a tremor, thirst); "我爸在医院" was a plain request with his check-in left running. From a resident:
"体温39度正常吗" (a question) raised the heat-stroke red flag as a 🆘; "半夜肚子饿了" in the night asked "需要马上有人来吗？".
Now each is read as what it is, and a danger said beside them still alerts."""
import pytest
from conftest import TUESDAY_9, enrolled, signed_up
from test_family_words_s18 import wangli_says
from test_words_probed_s21 import _answer

SOS, REQ = "紧急求助 #1", "求助 #1"
NIGHT = TUESDAY_9.replace(hour=2)


def _no_sos(told, staff):
    assert not any(SOS in t or "🆘 紧急" in t for t in staff), staff
    assert "已通知值班社工" not in told and "120" not in told.split("\n")[0], told


# --- a daughter ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["我爸生我的气了", "我爸跟我吵架了", "我妈跟我怄气 不理我", "我爸在跟我发脾气"])
async def test_a_quarrel_with_her_father_reaches_staff_as_a_request_not_a_sos(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    _no_sos(told, staff)
    assert any(words in t and "吵架" in t for t in staff if REQ in t), staff
    assert "吵" in told and "社工" in told and "没太明白" not in told, told


@pytest.mark.parametrize("words", ["我爸手抖得厉害", "我爸手一直在抖", "我妈手发抖", "他手抖得厉害"])
async def test_her_fathers_tremor_is_unwell_and_staff_go_to_see_him(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    _no_sos(told, staff)
    assert any(words in t and "身体不舒服" in t for t in staff if REQ in t), staff
    assert "王老伯" in told and "社工" in told, told


@pytest.mark.parametrize("words", ["我爸口渴", "我爸口干想喝水", "我妈说她口渴", "我爸口渴得厉害"])
async def test_her_fathers_thirst_is_a_drink_of_water_with_staff_one_tap_away(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    _no_sos(told, staff)
    assert staff == [], staff
    assert "喝" in told and "水" in told and "没太明白" not in told, told
    wangli = people("王丽")
    await wangli.click(wangli.last("转给社工"), "转给社工")
    assert any(words in t for t in people("李社工").texts() if REQ in t), people("李社工").texts()


@pytest.mark.parametrize("words", ["我爸在医院", "我爸现在在医院", "我爸还在医院里"])
async def test_her_father_in_hospital_pauses_his_check_in_and_staff_hear_it(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    _no_sos(told, staff)
    assert any(words in t for t in staff if REQ in t), staff
    assert "暂停" in told and "王老伯" in told, told


@pytest.mark.parametrize("words", ["我爸生我的气 打我", "我爸跟我吵架 突然说不出话", "我爸手抖得厉害 说话不清楚",
                                   "我爸手抖 出冷汗 心慌", "我爸口渴 头晕 站不住", "我爸在医院门口摔倒了"])
async def test_guard_a_danger_said_beside_them_still_alerts(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    got = [t for t in staff if SOS in t]
    assert got and words in got[0], staff


# --- a resident -----------------------------------------------------------------------------------------------------

async def _wang_says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["体温39度正常吗", "体温39度 正常吗", "体温39.5度要紧吗", "体温三十九度正常吗"])
async def test_a_question_about_a_temperature_is_no_sos(people, app, words):
    told, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "已通知值班社工" not in told, told
    assert "听到您很好" not in told and "平安" not in told, told  # never taken for "I am fine"


async def test_a_temperature_asked_about_at_the_check_in_is_never_fine(people, app, clock):
    """The same question to "今天身体好吗？": she may be the one with the fever — unwell, staff follow up (was a 🆘 while
    the red flag fired; with it scoped, the model read "fine")."""
    answer, she, staff = await _answer(people, app, clock, "体温39度正常吗")
    assert answer == "unwell", she
    assert "平安" not in she and "不舒服" in she, she
    assert any("体温39度正常吗" in t for t in staff if REQ in t) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我发烧39度", "体温39度", "体温40度了"])
async def test_guard_a_fever_told_still_alerts(people, app, words):
    told, staff = await _wang_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff


async def _at_night(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    clock.set(NIGHT)
    seen = len(zhang.texts())
    await zhang.send(words)
    return zhang, "\n".join(zhang.texts()[seen:]), [t for st in app.settings.staff for t in people(st.name).texts()]


@pytest.mark.parametrize("words", ["半夜肚子饿了", "夜里肚子好饿", "晚上肚子饿了", "饿得睡不着", "半夜饿醒了想吃东西",
                                   "I'm hungry tonight"])
async def test_hunger_in_the_night_is_something_light_to_eat_not_an_emergency(people, app, clock, words):
    zhang, said, staff = await _at_night(people, app, clock, words)
    assert "需要马上有人来吗" not in said and "没太明白" not in said and "听到您不舒服" not in said, said
    assert not any(SOS in t for t in staff), staff
    assert "吃" in said, said


@pytest.mark.parametrize("words", ["肚子饿了 手抖 出冷汗 头晕", "饿得头晕 站不住"])
async def test_guard_hunger_with_a_danger_still_alerts(people, app, clock, words):
    zhang, said, staff = await _at_night(people, app, clock, words)
    assert any(SOS in t and words in t for t in staff), staff


@pytest.mark.parametrize("words", ["楼上小孩跑来跑去 睡不着 帮我去说说", "楼上装修 吵得睡不着 麻烦你们管管"])
async def test_guard_noise_that_keeps_her_awake_with_a_request_reaches_staff(people, app, clock, words):
    """"楼上小孩跑来跑去 睡不着" is the neighbours' line again (the model had moved it to a request, 0.53); asked to act,
    staff hear it."""
    zhang, said, staff = await _at_night(people, app, clock, words)
    assert any(words in t for t in staff if REQ in t), staff
