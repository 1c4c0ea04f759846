"""Harder words probed in session 24 (words14), typed by 张阿姨 with nothing open (and to the morning check-in). Before:
"我流血了" got the generic lines, never "press on the wound"; "刚才眼前一黑 现在好了" was "听到您很好，真高兴！" (a blackout,
even passed, is a visit); "血压170/100" reached nobody (only 180 and over did); "我晕车" and "门打不开了" were a 🆘 with
120; "头老晕的" (Shanghainese 老: very) missed the dizzy lines "我头晕" gets; "伊勿来看我" was "没太明白" (at the check-in
"unwell"); "帮助" alone was a plain request, not the 救命 it is; "还活着" was "听到您不舒服"."""
import pytest
from conftest import enrolled, signed_up
from test_words_probed_s21 import _answer as _checkin_answer  # the morning check-in answered: (answer, she, staff)

SOS, REQ = "紧急求助 #1", "求助 #1"
NEED_NOW = "需要马上有人来吗"
PRESS = "按住伤口"
NOT_UNDERSTOOD = "没太明白"


async def _zhang_says(people, app, words):
    zhang, _ = await enrolled(people, app)
    n = len(zhang.texts())
    await zhang.send(words)
    return "\n".join(zhang.texts()[n:]), people("李社工").texts()


def _sos(staff, words):
    return any(SOS in t and words in t for t in staff)


def _request(staff, words):
    return any(REQ in t and SOS not in t and words in t for t in staff) and not any(SOS in t for t in staff)


# --- 1. bleeding: a call for help, with the wound pressed; a lot of it surely one ----------------------------------

@pytest.mark.parametrize("words", ["我流血了", "手流血了", "膝盖磕破了 出血了", "切菜切到手了 流血", "手指在流血"])
async def test_bleeding_told_is_a_call_asked_with_the_wound_pressed(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff
    assert PRESS in said and NEED_NOW in said and "120" in said, said


@pytest.mark.parametrize("words", ["流了好多血", "流血流了好多", "血流了一大摊"])
async def test_a_lot_of_blood_is_a_call_with_120_and_the_wound_pressed(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff
    assert PRESS in said and "120" in said, said


@pytest.mark.parametrize("words", ["我流鼻血了", "鼻子流血了"])
async def test_a_nosebleed_is_asked_about_with_the_nose_pinched_not_a_wound_pressed(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff
    assert "捏住鼻子" in said and PRESS not in said, said


@pytest.mark.parametrize("words", ["昨天流了点血 现在好了", "没流血"])
async def test_guard_bleeding_over_or_denied_is_no_call(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert not any(SOS in t for t in staff), staff


# --- 2. a blackout told as passed: staff visit ---------------------------------------------------------------------

BLACKOUT_OVER = ["刚才眼前一黑 现在好了", "刚刚眼前发黑 现在没事了", "刚才晕了一下 现在好了", "刚才头一晕 坐了一会好了"]


@pytest.mark.parametrize("words", BLACKOUT_OVER)
async def test_a_blackout_told_as_passed_reaches_staff_for_a_visit(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert "真高兴" not in said and NEED_NOW not in said, said
    assert "来看看您" in said and "🆘" in said, said  # a visit, and what to press if it comes back
    assert _request(staff, words), staff


@pytest.mark.parametrize("words", BLACKOUT_OVER[:3])
async def test_a_blackout_told_as_passed_at_the_check_in_is_not_fine(people, app, clock, words):
    answer, said, staff = await _checkin_answer(people, app, clock, words)
    assert answer == "unwell", said
    assert "平安" not in said and "真高兴" not in said, said
    assert _request(staff, words), staff


async def test_guard_a_blackout_now_is_still_asked_at_once(people, app):
    said, staff = await _zhang_says(people, app, "眼前一黑 站不稳")
    assert _sos(staff, "眼前一黑 站不稳") and NEED_NOW in said, (said, staff)


# --- 3. a blood pressure of 160–179: a kind line, and staff told ---------------------------------------------------

@pytest.mark.parametrize("words", ["血压170/100", "高压170", "血压165", "今天血压175/95", "量了血压 高压168",
                                   "my blood pressure is 170", "bp 165"])
async def test_a_blood_pressure_of_160_to_179_reaches_staff_as_unwell(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff
    assert "家庭医生" in said and "社工" in said and NEED_NOW not in said and NOT_UNDERSTOOD not in said, said


async def test_a_blood_pressure_of_170_at_the_check_in_is_unwell(people, app, clock):
    answer, said, staff = await _checkin_answer(people, app, clock, "血压170/100")
    assert answer == "unwell" and _request(staff, "血压170/100"), (said, staff)


@pytest.mark.parametrize("words", ["血压150/90", "高压140"])
async def test_guard_a_blood_pressure_under_160_bothers_nobody(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert staff == [] and "家庭医生" in said, (said, staff)


@pytest.mark.parametrize("words", ["血压185/100", "高压190"])
async def test_guard_a_blood_pressure_of_180_is_still_asked_at_once(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words) and NEED_NOW in said, (said, staff)


# --- 4. car sickness, a door that won't open -----------------------------------------------------------------------

@pytest.mark.parametrize("words", ["我晕车", "晕车了", "我晕船", "坐公交车晕车 想吐", "I get carsick"])
async def test_car_sickness_is_a_kind_line_not_a_call(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert not any(SOS in t for t in staff), staff
    assert "🆘" not in said.splitlines()[0] and NEED_NOW not in said and NOT_UNDERSTOOD not in said, said
    assert "歇" in said or "rest" in said, said


@pytest.mark.parametrize("words", ["门打不开了", "门打勿开了", "家里的门打不开了", "门锁打不开了", "防盗门开不了了"])
async def test_a_door_that_wont_open_is_a_request_for_a_hand(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff
    assert NEED_NOW not in said and "社工" in said, said


@pytest.mark.parametrize("words", ["我被锁在家里出不来了 头好晕", "卫生间门打不开了 我出不来"])
async def test_guard_locked_in_is_still_a_call(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff


# --- 5. dizzy, however typed ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["头老晕的", "头交关晕", "我头运", "头运"])
async def test_dizzy_however_typed_gets_what_我头晕_gets(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff
    assert "原地坐下或躺下" in said and "如果摔倒了" not in said, said


# --- 6. nobody visits, in Shanghainese -----------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["伊勿来看我", "伊老久勿来看我了", "儿子勿来看我", "女儿好久没来看我了"])
async def test_nobody_visiting_in_shanghainese_is_company_not_illness(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert "陪您说说话" in said and "不舒服" not in said and NOT_UNDERSTOOD not in said, said
    assert any("想找人说说话" in t and words in t for t in staff), staff


async def test_nobody_visiting_at_the_check_in_is_company_not_illness(people, app, clock):
    answer, said, staff = await _checkin_answer(people, app, clock, "伊勿来看我")
    assert "不舒服" not in said, said
    assert any("想找人说说话" in t for t in staff), staff


# --- 7. "帮助" alone is 救命 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["帮助", "帮帮我", "帮帮我吧", "救命"])
async def test_a_lone_cry_for_help_is_read_as_救命(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff
    assert NEED_NOW in said and "如果摔倒了" in said, said


# --- 8. "still alive": her joke for "I'm fine" ---------------------------------------------------------------------

@pytest.mark.parametrize("words", ["还活着", "我还活着", "还活着呢", "still alive", "I'm still alive"])
async def test_still_alive_is_fine(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert staff == [] and "不舒服" not in said and NOT_UNDERSTOOD not in said, (said, staff)


@pytest.mark.parametrize("words", ["还活着", "我还活着", "still alive"])
async def test_still_alive_at_the_check_in_is_fine(people, app, clock, words):
    answer, said, staff = await _checkin_answer(people, app, clock, words)
    assert answer == "ok" and staff == [], (said, staff)


async def test_guard_帮助_from_a_stranger_or_staff_is_no_call(people, app):
    await people("孙阿婆").send("帮助")
    li = people("李社工")
    await li.send("帮助")
    assert "/incident" in li.inbox[-1].text  # how the bot works, for staff
    assert not any("紧急求助" in t for t in li.texts()), li.texts()


# --- a battery of the same families (typos, dialect, English): the worst misreadings -------------------------------

@pytest.mark.parametrize("words", ["牙龈出血", "刷牙出血了"])
async def test_gums_that_bleed_are_unwell_not_a_wound(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff
    assert PRESS not in said and NEED_NOW not in said, said


async def test_a_nosebleed_that_will_not_stop_is_a_call_with_the_nose_pinched(people, app):
    said, staff = await _zhang_says(people, app, "我鼻子出血了 止不住")
    assert _sos(staff, "我鼻子出血了 止不住"), staff
    assert "捏住鼻子" in said and PRESS not in said, said


@pytest.mark.parametrize("words", ["眼前一黑 人晕了一下 现在没事", "I nearly fainted", "I felt faint earlier, I'm ok now"])
async def test_a_faint_spell_passed_in_other_words_is_a_visit(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff
    assert "来看看您" in said and "真高兴" not in said, said


async def test_a_blackout_in_english_reaches_staff(people, app):
    said, staff = await _zhang_says(people, app, "I blacked out")
    assert _sos(staff, "I blacked out") and NOT_UNDERSTOOD not in said, (said, staff)


async def test_a_diastolic_of_110_reaches_staff_as_unwell(people, app):
    said, staff = await _zhang_says(people, app, "低压110")
    assert _request(staff, "低压110") and "家庭医生" in said, (said, staff)


@pytest.mark.parametrize("words", ["开门开勿开", "门卡住了 打不开", "钥匙断在锁里了"])
async def test_more_doors_that_wont_open_are_requests(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff
    assert NEED_NOW not in said and NOT_UNDERSTOOD not in said, said


@pytest.mark.parametrize("words", ["头昏昏沉沉", "头晕乎乎的"])
async def test_a_muzzy_head_is_unwell_not_a_call(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff


async def test_not_dead_yet_is_her_fine(people, app):
    said, staff = await _zhang_says(people, app, "not dead yet")
    assert staff == [] and NOT_UNDERSTOOD not in said, (said, staff)


@pytest.mark.parametrize("words", ["我爸刚才眼前一黑 现在好了", "我妈刚才晕了一下 现在没事了"])
async def test_a_blackout_passed_told_by_his_daughter_reaches_staff_for_a_visit(people, app, words):
    """王丽 (王老伯's daughter): before, "您好！有紧急情况时，居委会会通知您。" and nobody heard."""
    wangli = await signed_up(people("王丽"), "13911110002")
    n = len(wangli.texts())
    await wangli.send(words)
    said = "\n".join(wangli.texts()[n:])
    assert "去看看王老伯" in said and "120" in said, said
    assert _request(people("李社工").texts(), words), people("李社工").texts()


@pytest.mark.parametrize("words", ["帮助", "帮帮我"])
async def test_a_lone_cry_for_help_at_the_check_in_is_asked_once_not_reminded_twice(people, app, clock, words):
    answer, said, staff = await _checkin_answer(people, app, clock, words)
    assert answer == "help" and _sos(staff, words), staff
    assert NEED_NOW in said and "又提醒了他们一次" not in said, said
