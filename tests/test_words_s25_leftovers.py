"""Short words probed in session 25 (words15), second round. Before: a lone time typed with nothing asked ("八点",
"8点") was "听到您不舒服…要不要请社工来看看您？" with a request to staff; "好额" (Shanghainese 好的) "没太明白"; "hlep",
"hepl me" (help mistyped) "没太明白"; a daughter's "我爸老样子" (same as ever: he is fine) "没太明白"."""
import pytest
from test_family_words_s18 import wangli_says
from test_words_s24_harder import NEED_NOW, NOT_UNDERSTOOD, SOS, _sos, _zhang_says


# --- 2. a bare time, nothing asked -------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["八点", "8点", "8点钟", "早上八点", "下午三点半", "七点半"])
async def test_a_lone_time_is_no_ailment(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert "不舒服" not in said and "🆘" not in said.split("\n")[0], said
    assert not any("求助 #1" in t for t in staff), staff


# --- 3. leftovers ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["好额", "好额好额"])
async def test_shanghainese_ok_at_the_front_door_is_understood(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert NOT_UNDERSTOOD not in said and not staff, (said, staff)


@pytest.mark.parametrize("words", ["hlep", "hepl me", "helpp", "hlep me", "HELP!!"])
async def test_help_mistyped_is_a_cry(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words) and NEED_NOW in said, (said, staff)


@pytest.mark.parametrize("words", ["我爸老样子", "我爸还是老样子", "我妈老样子"])
async def test_same_as_ever_from_his_daughter_is_him_fine(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words)
    assert NOT_UNDERSTOOD not in told and not any(SOS in t for t in staff), (told, staff)


@pytest.mark.parametrize("words", ["勿晓得", "我勿晓得", "不晓得"])
async def test_i_dont_know_from_his_daughter_pages_nobody(people, app, clock, words):
    """"勿晓得" (Shanghainese 不知道) with nothing asked paged staff with a request ("✏️ 其他"); "不知道" did not."""
    told, staff = await wangli_says(people, app, clock, words)
    assert not any("求助 #1" in t for t in staff), staff


@pytest.mark.parametrize("words", ["我爸有点头婚", "我妈有点头婚", "我有点头婚"])
async def test_a_little_dizzy_mistyped_is_unwell_as_typed_right(people, app, clock, words):
    """"我爸有点头婚" (头昏 mistyped) reached staff as "✏️ 其他"; "我爸有点头晕" is "🤒 身体不舒服"."""
    if words.startswith("我有"):
        said, staff = await _zhang_says(people, app, words)
    else:
        said, staff = await wangli_says(people, app, clock, words)
    assert any("求助 #1" in t and "身体不舒服" in t for t in staff) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我爸头婚", "我爸头婚了"])
async def test_guard_his_dizziness_mistyped_alerts_as_typed_right(people, app, clock, words):
    """As "我爸头昏" does (tests/test_family_dizzy_s23.py): staff alerted at once, on his call."""
    told, staff = await wangli_says(people, app, clock, words)
    assert any(SOS in t and "王老伯" in t and words in t for t in staff), staff
