"""Words as 75–95-year-olds in Shanghai type them, probed in session 25 (words15), typed by 张阿姨 with nothing open.
Before: a bleed she played down ("就流了一点点血 没事") was a full 🆘 with 120; "差点没气了" reached staff as "眼前发黑或头晕
…请上门看看"; "I almost fell" was a 🆘; "心跳停了一下" a 🆘 with 120 (a skipped beat felt, and passed); "刚才胸口痛 现在好了"
was "听到您很好，真高兴！" and "胸口闷 吃了药好一点了" "没太明白" (nobody heard of a chest); "头婚" (头昏 mistyped) was
"没太明白"; a dizzy spell told as passed in one run of voice input ("…早上起来头有点晕然后就坐了一会儿现在好多了") was
"真高兴"; "气急" (Shanghainese: out of breath) "没太明白"; "老样子", "马马虎虎" (her "fine") "没太明白"; a carer's
"she is not eating", "Dad seems confused today" "没太明白"."""
import pytest
from test_words_probed_s21 import _answer as _checkin_answer  # the morning check-in answered: (answer, she, staff)
from test_words_probed_s21 import _wangli_says
from test_words_s24_harder import NEED_NOW, NOT_UNDERSTOOD, SOS, _request, _sos, _zhang_says

SPELL_LINE = "眼前发黑或头晕"  # the staff line of a blackout told as passed


# --- 1. known misreads -----------------------------------------------------------------------------------------------

BLEED_PLAYED_DOWN = ["就流了一点点血 没事", "手指割了个小口子 流了点血 没事", "流血了一点点 贴了创口贴", "流了点血 不要紧",
                     "出了点血 没关系"]


@pytest.mark.parametrize("words", BLEED_PLAYED_DOWN)
async def test_a_bleed_she_plays_down_reaches_staff_without_an_alarm(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff
    assert NEED_NOW not in said and "马上会有人联系您" not in said, said
    assert "按住" in said and "止不住" in said and "🆘" in said, said  # the wound pressed; what to press if it goes on


@pytest.mark.parametrize("words", BLEED_PLAYED_DOWN[:2])
async def test_a_bleed_she_plays_down_at_the_check_in_is_not_fine(people, app, clock, words):
    answer, said, staff = await _checkin_answer(people, app, clock, words)
    assert answer == "unwell" and _request(staff, words), (said, staff)


@pytest.mark.parametrize("words", ["流了好多血 没事", "流了点血 止不住", "我流血了", "流了点血 没事吧"])
async def test_guard_a_bleed_not_played_down_is_still_asked(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words) and NEED_NOW in said, (said, staff)


@pytest.mark.parametrize("words", ["差点没气了", "咳嗽咳得差点没气了", "差点没气了 现在好了"])
async def test_a_breath_that_nearly_stopped_is_asked_at_once(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words) and NEED_NOW in said, (said, staff)
    assert not any(SPELL_LINE in t for t in staff), staff


@pytest.mark.parametrize("words", ["I almost fell", "I nearly fell in the bathroom", "she fell but she's fine",
                                   "我刚才在卫生间滑了一下没摔倒扶住了"])
async def test_a_near_fall_or_a_fall_played_down_is_a_visit_not_an_alarm(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words) and any("🤕" in t for t in staff), staff
    assert "来看看您" in said and NEED_NOW not in said and "真高兴" not in said, said


SKIPPED_BEAT = ["心跳停了一下", "我心跳漏了一拍", "心跳停了一下 现在好了", "心脏停了一下", "心跳好像停了几下"]


@pytest.mark.parametrize("words", SKIPPED_BEAT)
async def test_a_skipped_beat_felt_is_a_visit_not_an_ambulance(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words) and any("心跳" in t for t in staff if "求助 #1" in t), staff
    assert "来看看您" in said and "🆘" in said and NEED_NOW not in said and "真高兴" not in said, said


async def test_a_skipped_beat_at_the_check_in_is_not_fine(people, app, clock):
    answer, said, staff = await _checkin_answer(people, app, clock, "心跳停了一下")
    assert answer == "unwell" and _request(staff, "心跳停了一下"), (said, staff)


@pytest.mark.parametrize("words", ["他心跳停了", "心跳停了一下 头晕", "心跳停了一下 胸口痛", "心跳停了 叫不醒"])
async def test_guard_a_heart_stopped_or_a_skip_with_more_is_still_asked(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff


@pytest.mark.parametrize("words", ["刚才胸口痛 现在好了", "胸口闷 吃了药好一点了", "我胸口有点闷闷的已经吃了药好一点了",
                                   "刚才喘不上气 现在好了", "刚才嘴歪了一下 现在好了"])
async def test_a_chest_a_breath_or_a_stroke_sign_told_as_passed_is_still_asked(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words) and NEED_NOW in said, (said, staff)


# --- 2. the battery: typos, Shanghainese, voice runs, short replies, carers' English --------------------------------

@pytest.mark.parametrize("words", ["头婚", "我头婚", "头婚的"])
async def test_头婚_is_头昏(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff
    assert "原地坐下或躺下" in said, said


@pytest.mark.parametrize("words", ["我今天早上起来头有点晕然后就坐了一会儿现在好多了", "今早起床头晕了一阵现在没事了"])
async def test_a_dizzy_spell_passed_in_one_voice_run_is_a_visit(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff
    assert "来看看您" in said and "真高兴" not in said, said


@pytest.mark.parametrize("words", ["气急", "我气急", "气急了"])
async def test_气急_out_of_breath_in_shanghainese_is_asked(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words) and NEED_NOW in said, (said, staff)


@pytest.mark.parametrize("words", ["老样子", "还是老样子", "老样子额"])
async def test_same_as_ever_is_fine(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert staff == [] and NOT_UNDERSTOOD not in said, (said, staff)


async def test_same_as_ever_at_the_check_in_is_fine(people, app, clock):
    answer, said, staff = await _checkin_answer(people, app, clock, "老样子")
    assert answer == "ok" and staff == [], (said, staff)


@pytest.mark.parametrize("words", ["马马虎虎", "马马虎虎吧"])
async def test_so_so_is_unwell_as_at_the_check_in(people, app, words):
    """"马马虎虎" is "unwell" at the check-in (bot/checkins/answer.py UNWELL): at the front door too, never "没太明白"."""
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words) and NOT_UNDERSTOOD not in said, (said, staff)


@pytest.mark.parametrize("words", ["she is not eating", "Dad seems confused today", "she has not eaten for two days"])
async def test_a_carers_english_about_her_reaches_staff(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert any(words in t for t in staff), staff
    assert NOT_UNDERSTOOD not in said, said


@pytest.mark.parametrize("words", ["水龙头坏脱了", "侬好 我是三楼额王阿婆 我屋里厢水龙头坏脱了", "电视机坏脱了"])
async def test_a_thing_broken_in_shanghainese_is_a_request(people, app, words):
    """坏脱 (Shanghainese 坏掉): before, the greeting and her name in front made it "没太明白"."""
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words) and NOT_UNDERSTOOD not in said, (said, staff)


@pytest.mark.parametrize("words", ["血压一百六十五", "高压一百七", "血压一百七十"])
async def test_a_blood_pressure_of_160_to_179_in_words_gets_the_blood_pressure_line(people, app, words):
    """"血压170" gets the kind line with the family doctor; written in words it was only "听到您不舒服"."""
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words), staff
    assert "家庭医生" in said and NEED_NOW not in said, said


@pytest.mark.parametrize("words", ["剃头师傅啥辰光来", "今朝有啥活动伐", "外头好冷"])
async def test_a_daytime_question_or_a_word_about_the_weather_is_no_alarm(people, app, words):
    """Before: "剃头师傅啥辰光来" (when does the barber come) and "外头好冷" were a 🆘; "今朝有啥活动伐" "听到您不舒服"."""
    said, staff = await _zhang_says(people, app, words)
    assert not any(SOS in t for t in staff) and NEED_NOW not in said, (said, staff)
    assert "不舒服" not in said, said


@pytest.mark.parametrize("words", ["儿子三个月没打电话了", "女儿好久不打电话来了", "伊老久勿打电话来了"])
async def test_a_child_who_never_phones_is_company(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert "陪您说说话" in said and NOT_UNDERSTOOD not in said, said
    assert any("想找人说说话" in t and words in t for t in staff), staff


@pytest.mark.parametrize("words", ["我一个人怕", "一个人怕"])
async def test_afraid_alone_is_asked_as_我好怕_is(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words) and NEED_NOW in said, (said, staff)


# --- the same told by his daughter (王丽, of 王老伯): before, "✏️ 其他" or "🤒 身体不舒服", and no word on what to do ------

@pytest.mark.parametrize("words, line, advice", [("我爸心跳停了一下", "💓", "家庭医生"), ("我爸流了点血 没事", "🩹", "按住")])
async def test_a_skipped_beat_or_a_small_bleed_told_by_his_daughter_reaches_staff_with_its_line(people, app, words,
                                                                                              line, advice):
    said, staff = await _wangli_says(people, words)
    assert any("求助 #1" in t and line in t and words in t for t in staff) and not any(SOS in t for t in staff), staff
    assert "王老伯" in said and advice in said and NEED_NOW not in said, said


@pytest.mark.parametrize("words", ["困醒了", "我困醒了", "刚困醒", "睡醒了"])
async def test_woken_up_in_shanghainese_at_the_check_in_is_fine(people, app, clock, words):
    """困 is Shanghainese for sleep: "困醒了" (I've woken up) to the morning check-in was a 🆘 (the model heard 被困)."""
    answer, said, staff = await _checkin_answer(people, app, clock, words)
    assert answer == "ok" and staff == [], (said, staff)
