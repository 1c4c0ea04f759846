"""差点 / 险些 / almost before a danger that may still be going on (session 24, words14). Before: "差点喘不上气",
"险些喘不过气", "差点中风", "差点憋死", "我差点晕过去 现在还是晕" were read as a near miss and taken out of the present —
no 🆘, staff never heard of a breath or a chest that may still be failing, while the same words without 差点 were a
call. A near miss of a fall ("差点摔了") stays calm. Below: a spell passed after "but"; a daughter's words as his."""
import pytest
from test_words_probed_s21 import _answer as _checkin_answer  # (answer, she, staff)
from test_words_probed_s21 import _wangli_says
from test_words_s24_harder import NEED_NOW, SOS, _request, _sos, _zhang_says

STILL_DANGER = ["差点喘不上气", "险些喘不过气", "差一点透不过气", "差点憋死", "差点中风", "胸口痛得差点昏过去",
                "差点心脏停了", "差点流血不止", "我差点晕过去 现在还是晕", "差点晕倒 现在头还晕",
                "I almost passed out and I'm still dizzy"]


@pytest.mark.parametrize("words", STILL_DANGER)
async def test_a_lasting_danger_after_chadian_is_still_a_call(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), (said, staff)


@pytest.mark.parametrize("words", ["差点摔了", "险些摔倒", "我差点晕倒"])
async def test_guard_a_near_fall_or_faint_that_passed_is_no_call(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert not any(SOS in t for t in staff), staff


# --- a dizzy spell or a faint told as passed after 但是/不过/but: a visit, as "刚才眼前一黑 现在好了" -----------------
# Before: "刚才头晕 但是现在好了" was "真高兴" (nobody told), "刚才眼前一黑 但是现在好了" a 🆘 question: the "but" cut
# the passing words off from the spell.

SPELL_OVER_BUT = ["刚才头晕 但是现在好了", "刚才头晕 不过现在好了", "刚才头晕 现在好了", "刚才眼前一黑 但是现在好了",
                  "刚才晕了一下 不过现在没事了", "I felt dizzy but I'm ok now", "I felt faint but I'm ok now"]


@pytest.mark.parametrize("words", SPELL_OVER_BUT)
async def test_a_spell_told_as_passed_after_but_reaches_staff_for_a_visit(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert "真高兴" not in said and NEED_NOW not in said, said
    assert "来看看您" in said and "🆘" in said, said
    assert _request(staff, words), staff


@pytest.mark.parametrize("words", ["刚才胸口痛 但是现在好了", "刚才喘不上气 不过现在好了", "chest pain earlier but I'm ok now"])
async def test_guard_chest_or_breath_told_as_passed_is_still_a_call(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff


@pytest.mark.parametrize("words", SPELL_OVER_BUT[:2] + SPELL_OVER_BUT[5:6])
async def test_a_spell_told_as_passed_after_but_at_the_check_in_is_not_fine(people, app, clock, words):
    answer, said, staff = await _checkin_answer(people, app, clock, words)
    assert answer == "unwell", said
    assert "平安" not in said and "真高兴" not in said, said


# --- a daughter's words read as his own: "我爸血压170", "我爸家门打不开了" -----------------------------------------
# Before: a 🆘 (the model leans to a cry on any "我爸…"), while his own "血压170", "门打不开了" are unwell / a request.

@pytest.mark.parametrize("words", ["我爸血压170", "我爸高压170", "我爸血压170/100", "我爸家门打不开了", "我爸家里门打不开了",
                                   "我爸的门打不开了"])
async def test_his_daughter_telling_his_high_blood_pressure_or_stuck_door_is_a_request_not_a_call(people, app, words):
    said, staff = await _wangli_says(people, words)
    assert _request(staff, words), staff
    assert NEED_NOW not in said and "社工" in said, said


@pytest.mark.parametrize("words", ["我爸血压190", "我爸家门打不开了 他出不来", "我爸血压170 胸口痛"])
async def test_guard_his_daughter_telling_a_red_flag_with_it_is_still_a_call(people, app, words):
    said, staff = await _wangli_says(people, words)
    assert _sos(staff, words), staff


@pytest.mark.parametrize("words", ["刚才晕了一下 现在好了 又晕了", "刚才眼前一黑 现在好了 又来了", "刚才头晕 但是现在好了 又晕了",
                                   "I felt faint, I'm ok now, but it's back again"])
async def test_a_spell_passed_and_back_again_is_not_over(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert "来看看您" not in said and NEED_NOW in said, (said, staff)
