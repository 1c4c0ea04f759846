"""Shanghainese, typos and English probed in session 22 (words11). "我脚骨痛" (my leg hurts), "我拉不出来" (constipated),
"起夜了三次" and "I miss my husband" paged staff with a 🆘; "屋里厢冷煞了", "我出去白相了", "我要去社区食堂吃饭",
"今天去医院复查了 医生说没事" were "没太明白"."""
import pytest
from test_words_s22 import _wang_says

SOS, REQ = "紧急求助 #1", "求助 #1"


@pytest.mark.parametrize("words", ["我脚骨痛", "脚骨有点痛", "脚馒头痛", "我拉不出来", "大便拉不出来", "起夜了三次",
                                   "昨晚起夜好几次", "屋里厢冷煞了", "家里好冷"])
async def test_an_everyday_ailment_in_dialect_is_unwell_not_an_emergency(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert "听到您不舒服" in said, said
    assert any(words in t and "身体不舒服" in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", ["我脚骨断脱了", "脚骨痛得起不来", "冷煞了 浑身发抖"])
async def test_guard_a_broken_leg_or_shivering_still_alerts(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我出去白相了", "出去白相一歇", "我要去社区食堂吃饭", "去食堂吃饭了"])
async def test_going_out_is_a_safe_journey(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert staff == [] and "没太明白" not in said and "路上" in said, said


@pytest.mark.parametrize("words", ["今天去医院复查了 医生说没事", "复查过了 医生说没问题"])
async def test_a_check_up_that_went_well_is_fine(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert staff == [] and "没太明白" not in said and "需要马上有人来吗" not in said, said


@pytest.mark.parametrize("words", ["I miss my husband", "I miss my wife so much", "I miss my daughter"])
async def test_missing_someone_in_english_is_company(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert any("想找人说说话" in t and words in t for t in staff), staff


@pytest.mark.parametrize("words", ["我是志愿者 想帮忙", "我想做志愿者", "我想当义工", "I'd like to volunteer"])
async def test_a_stranger_offering_to_volunteer_reaches_staff(people, app, words):
    """It was only the sign-up prompt: the committee runs volunteer services (上门义剪, meals) and wants to hear."""
    sun = people("孙阿婆")
    await sun.send(words)
    assert any(words in t and "未登记" in t for t in people("李社工").texts())
    assert "021-64370000" in sun.last().text


@pytest.mark.parametrize("words", ["not too bad", "not bad", "can't complain", "not bad at all"])
async def test_not_too_bad_to_the_check_in_is_fine(people, app, clock, words):
    """English understatement: "not too bad" was read as unwell (staff asked to check on her)."""
    from test_words_probed_s21 import _answer
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer == "ok" and staff == [], she


@pytest.mark.parametrize("words", ["I'm cold", "I am so cold", "I'm freezing"])
async def test_cold_in_english_is_not_good_news(people, app, words):
    """"I'm cold" read "听到您很好，真高兴！": now as "好冷" is, unwell (staff asked to check)."""
    wang, said, staff = await _wang_says(people, words)
    assert "很好" not in said and "听到您不舒服" in said, said


@pytest.mark.parametrize("words", ["I feel a bit down today", "I'm feeling low", "feeling a bit blue"])
async def test_low_spirits_in_english_are_a_gentle_word_not_a_doctor(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert "听到您不舒服" not in said and "120" not in said, said
    assert any(words in t for t in staff if REQ in t) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["my daughter is visiting today", "my son is coming tomorrow"])
async def test_family_visiting_in_english_is_good_news(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert staff == [] and "did not quite understand" not in said and "没太明白" not in said, said


@pytest.mark.parametrize("words", ["I'm ok, just a bit dizzy", "I'm fine, my knee hurts a bit", "fine but a bit dizzy"])
async def test_fine_but_an_ailment_at_the_check_in_is_never_fine(people, app, clock, words):
    """"I'm ok, just a bit dizzy" read 'fine' (平安 to staff and family): the ailment beside it is heard."""
    from test_words_probed_s21 import _answer
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer != "ok" and "平安" not in she, she
    assert any(words in t for t in staff if "#1" in t), staff


@pytest.mark.parametrize("words", ["我很好 腿不疼", "好的 没有头晕", "fine, no pain"])
async def test_guard_fine_with_an_ache_said_absent_stays_fine(people, app, clock, words):
    from test_words_probed_s21 import _answer
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer == "ok" and staff == [], she
