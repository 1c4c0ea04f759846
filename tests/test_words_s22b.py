"""More everyday words probed in session 22 (words11). "我困了" (sleepy) paged staff with a 🆘; "我梦见老伴叫我" too;
"今朝天气老好额", "我吃药了", "女儿打电话来了", "电视机没声音了", "今天是老伴的忌日", "我要洗澡 怕滑" were "没太明白";
"我孤零零一个人" was "听到您不舒服"; "水开了" became a request to staff."""
import pytest
from conftest import TUESDAY_9, at, enrolled
from test_words_s22 import _wang_says

SOS, REQ = "紧急求助 #1", "求助 #1"


def _no_dead_end(said):
    assert "没太明白" not in said and "需要马上有人来吗" not in said, said


@pytest.mark.parametrize("words", ["我困了", "困了", "好困", "我有点困"])
async def test_sleepy_is_no_emergency(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_dead_end(said)
    assert staff == [], staff


@pytest.mark.parametrize("words", ["我被困住了", "困在电梯里了"])
async def test_guard_trapped_is_still_a_cry(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我梦见老伴叫我", "梦到老头子来接我"])
async def test_a_dream_of_her_late_husband_calling_is_company_not_a_cry(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_dead_end(said)
    assert "陪您" in said, said
    assert any(words in t for t in staff if REQ in t) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["今天是老伴的忌日", "今朝是阿拉老头子的忌日"])
async def test_her_husbands_death_anniversary_is_grief(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_dead_end(said)
    assert "120" not in said and "老伴" in said, said
    assert any(words in t for t in staff if REQ in t) and not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["今朝天气老好额", "今天天气不错", "天气真好"])
async def test_fine_weather_told_is_a_kind_word(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_dead_end(said)
    assert staff == [], staff


@pytest.mark.parametrize("words", ["我吃药了", "吃药了", "女儿打电话来了", "儿子刚给我打了电话", "水开了", "饭烧好了"])
async def test_everyday_news_is_a_chat(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_dead_end(said)
    assert staff == [], staff


@pytest.mark.parametrize("words", ["我孤零零一个人", "屋里冷冷清清的"])
async def test_all_alone_is_company_not_a_doctor(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert "不舒服" not in said and "陪您" in said, said
    assert any("想找人说说话" in t and words in t for t in staff), staff


@pytest.mark.parametrize("words", ["电视机没声音了", "收音机没声音了"])
async def test_a_set_gone_silent_is_a_repair_request(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_dead_end(said)
    assert any(words in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", ["我要洗澡 怕滑", "洗澡怕滑倒", "我想洗澡 又怕摔"])
async def test_afraid_of_slipping_in_the_bath_gets_how_to_be_safe_and_a_call_one_tap_away(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_dead_end(said)
    assert "防滑" in said and "门别反锁" in said, said
    assert not any(SOS in t for t in staff), staff
    assert wang.last("防滑").data("请社工给我回电话")


@pytest.mark.parametrize("words", ["洗澡摔倒了", "洗澡滑倒了 起不来"])
async def test_guard_a_fall_in_the_bath_is_still_a_cry(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我困了", "我吃药了", "我梦到老伴了"])
async def test_at_the_check_in_these_are_alive_and_no_alarm(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    assert (await app.svc.checkins.state(rid)).answer in ("ok", "activity")
    assert not any(SOS in t for t in people("李社工").texts())
