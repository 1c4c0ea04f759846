"""Harder words probed in session 22. A stranger's "my father lives alone here, can you check on him" raised a 🆘 (in
Chinese it reached nobody); "I fell asleep on the sofa" paged staff with "需要马上有人来吗？"; "体温39度8" was read as heat
stroke (cool down, fan on) while "发烧39度" was a fever; "口渴" to the check-in was "unwell"; "我开了灯" became a request
to staff; "外面下雨了", "我刚上完厕所", "我梦到老伴了", "11", "字太小了看不清" were "没太明白" (a dead end for an old
person); "shou dou" (pinyin for 手抖) raised a 🆘; "我饿了" at 2 a.m. was a daytime request."""
import pytest
from conftest import TUESDAY_9, enrolled, signed_up
from test_words_probed_s21 import _answer  # the morning check-in answered in words

SOS, REQ = "紧急求助 #1", "求助 #1"
NOT_UNDERSTOOD = ("没太明白", "did not quite understand")
NIGHT = TUESDAY_9.replace(hour=2)


async def _wang_says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return wang, "\n".join(wang.texts()[n:]), people("李社工").texts()


# --- 1. a stranger worried about a parent -----------------------------------------------------------------------

@pytest.mark.parametrize("words", ["my father lives alone here, can you check on him", "can someone check on my mother",
                                   "我爸一个人住在你们小区 能不能去看看他", "我妈一个人在家 麻烦你们去看看她",
                                   "我父亲独居在这里 请帮忙照看一下"])
async def test_a_strangers_worry_about_a_parent_reaches_staff_as_a_request_not_a_call(people, app, words):
    sun = people("孙阿婆")
    await sun.send(words)
    staff = people("李社工").texts()
    assert not any("紧急求助" in t for t in staff), staff
    assert any(words in t and "未登记" in t for t in staff), staff
    told = "\n".join(sun.texts())
    assert "120" not in told and "社工" in told and "021-64370000" in told, told


@pytest.mark.parametrize("words", ["my father fell and can't get up", "我爸摔倒了起不来"])
async def test_guard_a_strangers_parent_fallen_is_still_a_call(people, app, words):
    sun = people("孙阿婆")
    await sun.send(words)
    assert any("紧急求助" in t and words in t for t in people("李社工").texts())


# --- 2. asleep on the sofa ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["I fell asleep on the sofa", "I fell asleep in my chair", "I dozed off on the sofa",
                                   "fell asleep watching TV"])
async def test_asleep_on_the_sofa_is_a_chat(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "需要马上有人来吗" not in said and not any(w in said for w in NOT_UNDERSTOOD), said


@pytest.mark.parametrize("words", ["I fell asleep on the sofa", "口渴", "有点口渴", "我口渴了想喝水"])
async def test_asleep_or_thirsty_at_the_check_in_is_alive_and_well(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer in ("ok", "activity"), she
    assert staff == [], staff
    assert "不舒服" not in she and "需要马上有人来吗" not in she, she


@pytest.mark.parametrize("words", ["I fell and can't get up", "口渴 头晕"])
async def test_guard_a_fall_or_thirst_with_dizziness_at_the_check_in_still_alerts(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer == "help", she
    assert any(SOS in t for t in staff), staff


# --- 3. a fever of 39 or more, however written ---------------------------------------------------------------------

@pytest.mark.parametrize("words", ["体温39度8", "体温39.5", "体温40度了", "量了体温39度"])
async def test_a_temperature_of_39_is_a_fever_asked_about_as_发烧39度_is(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t and words in t for t in staff), staff
    assert "需要马上有人来吗" in said and "坐下或躺下" in said, said  # as for "发烧39度"
    assert "阴凉" not in said and "空调" not in said, said  # not heat stroke's "cool down"


@pytest.mark.parametrize("words", ["空调坏了 热得头晕 体温39度", "中暑了 体温39度"])
async def test_guard_heat_and_a_temperature_is_still_heat_stroke(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff
    assert "阴凉" in said or "空调" in said, said


# --- 5, 6. everyday words that were a request or "没太明白" ---------------------------------------------------------

@pytest.mark.parametrize("words", ["我开了灯", "灯开了", "我把灯打开了", "我刚上完厕所", "上好厕所了"])
async def test_a_light_on_or_back_from_the_toilet_is_a_kind_word(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert staff == [], staff
    assert not any(w in said for w in NOT_UNDERSTOOD) and "慢" in said, said


@pytest.mark.parametrize("words", ["外面下雨了", "下雨了", "外头落雨了", "今天下雪了", "it's raining"])
async def test_the_weather_told_is_a_kind_word(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert staff == [], staff
    assert not any(w in said for w in NOT_UNDERSTOOD) and ("路" in said or "slow" in said), said


@pytest.mark.parametrize("words", ["我梦到老伴了", "昨天夜里梦见老头子了", "又梦到我妈了"])
async def test_a_dream_of_someone_missed_is_company_offered(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert not any(w in said for w in NOT_UNDERSTOOD) and "120" not in said, said
    assert "陪您" in said, said
    assert any(words in t for t in staff if REQ in t) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["11", "12", "99"])
async def test_a_bare_number_points_to_the_big_buttons(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert staff == [] and "大按钮" in said and "没太明白" not in said, said


@pytest.mark.parametrize("words", ["字太小了看不清", "字太小", "字看不清", "字太小了 我看不清楚", "the text is too small"])
async def test_text_too_small_says_how_to_make_it_bigger_or_to_send_a_voice(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert staff == [] and not any(w in said for w in NOT_UNDERSTOOD), said
    assert ("文字大小" in said or "text size" in said.lower()) and ("语音" in said or "voice" in said), said
    assert "021-64370000" in said, said


@pytest.mark.parametrize("words", ["我眼睛突然看不见了", "突然看不清了"])
async def test_guard_sight_lost_suddenly_still_alerts(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["shou dou", "shoudou", "shou dou de li hai"])
async def test_pinyin_for_a_tremor_is_read_as_the_tremor(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "听到您不舒服" in said, said
    assert any(words in t and "身体不舒服" in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", ["jiu ming", "jiuming", "shuai dao le"])
async def test_guard_pinyin_for_a_cry_is_a_cry(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff


# --- 7. a daughter, hunger at night, a haircut at home ---------------------------------------------------------------

@pytest.mark.parametrize("words", ["我爸在医院 没人照顾", "我爸住院了 没人照顾他"])
async def test_a_daughters_father_in_hospital_alone_is_a_request(people, app, words):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    staff = people("李社工").texts()
    assert any(words in t for t in staff if REQ in t) and not any(SOS in t for t in staff), staff
    sun = people("孙阿婆")  # the same from a daughter the bot does not know yet
    await sun.send(words)
    staff = people("李社工").texts()
    assert any(words in t and "未登记" in t for t in staff) and not any("紧急求助" in t for t in staff), staff


@pytest.mark.parametrize("words", ["我饿了", "饿了", "肚子饿了", "好饿"])
async def test_hungry_at_night_is_something_light_to_eat_with_staff_one_tap_away(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    clock.set(NIGHT)
    seen = len(zhang.texts())
    await zhang.send(words)
    said = "\n".join(zhang.texts()[seen:])
    assert "饼干" in said and "需要马上有人来吗" not in said, said
    assert [t for st in app.settings.staff for t in people(st.name).texts()] == []
    assert zhang.last("饼干").data("请社工给我回电话")


async def test_guard_hungry_by_day_is_still_a_request(people, app):
    wang, said, staff = await _wang_says(people, "我饿了")
    assert any("我饿了" in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", ["上门理发", "能不能上门理发", "想请人上门理发"])
async def test_a_haircut_at_home_reaches_staff_as_a_request(people, app, words):
    """The knowledge base has no entry for it (上门义剪 is a volunteer service the committee arranges): staff hear it."""
    wang, said, staff = await _wang_says(people, words)
    assert any(words in t for t in staff if REQ in t) and not any(SOS in t for t in staff), staff
    assert "已经告诉居委会社工" in said, said
