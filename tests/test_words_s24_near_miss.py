"""差点 / 险些 / almost before a danger that may still be going on (session 24, words14). Before: "差点喘不上气",
"险些喘不过气", "差点中风", "差点憋死", "我差点晕过去 现在还是晕" were read as a near miss and taken out of the present —
no 🆘, staff never heard of a breath or a chest that may still be failing, while the same words without 差点 were a
call. A near miss of a fall ("差点摔了") stays calm: nothing happened, staff hear of it for a visit."""
import pytest
from test_words_s24_harder import SOS, _sos, _zhang_says

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
