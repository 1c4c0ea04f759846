"""Everyday answers to the morning's "今天身体还好吗？" that were misread (session 20's probes): a fine morning with the
weather in it was "没太明白", "就那样吧" was a goodbye, loneliness was "听到您不舒服", "别再问了烦死了" was not understood,
a stiff leg was not understood, and her husband unwell was told to staff as her own illness."""
import pytest
from conftest import TUESDAY_9, at, enrolled


async def _answer(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    before = len(zhang.texts())
    await zhang.send(words)
    return (await app.svc.checkins.state(rid)).answer, zhang.texts()[before:], people("李社工").texts()


@pytest.mark.parametrize("words", ["好的呀 今天天气不错", "好啊，太阳出来了", "好的 刚吃过早饭"])
async def test_fine_with_the_weather_or_breakfast_is_fine(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer == "ok" and staff == []
    assert "没太明白" not in "".join(she) and "平安" in "".join(she)


@pytest.mark.parametrize("words", ["就那样吧", "还是那样", "腿脚不灵便 别的还好"])
async def test_so_so_or_a_stiff_leg_is_not_a_goodbye_and_staff_hear(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer == "unwell", she
    assert not any("再见" in t or "没太明白" in t for t in she)
    assert any(words in t for t in staff if "求助 #1" in t)


@pytest.mark.parametrize("words", ["好 就是一个人有点闷", "还行 就是一个人有点冷清"])
async def test_lonely_is_company_not_a_doctor(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert not any("不舒服" in t for t in she), she
    assert any("陪您说说话" in t for t in she)
    assert any("想找人说说话" in t and words in t for t in staff)


async def test_lonely_and_fine_keeps_her_fine_in_the_record(people, app, clock):
    answer, she, staff = await _answer(people, app, clock, "好 就是一个人有点闷")
    assert answer == "ok"


async def test_annoyed_at_being_asked_is_heard_as_wanting_it_stopped(people, app, clock):
    answer, she, staff = await _answer(people, app, clock, "别再问了烦死了")
    assert not any("没太明白" in t for t in she), she
    assert any("停掉每日问候之前" in t for t in she)


@pytest.mark.parametrize("words", ["我老伴今天不太好", "老头子这两天不大好"])
async def test_her_husband_unwell_is_told_as_his(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert not any("听到您不舒服" in t for t in she), she
    assert any("老伴不舒服" in t for t in she)
    assert any("不是她本人" in t for t in staff)


async def test_front_door_lonely_with_a_little(people, app, clock):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("一个人有点闷")
    assert "陪您说说话" in wang.texts()[-1] or any("陪您说说话" in t for t in wang.texts()[-2:])


@pytest.mark.parametrize("words", ["胸口有点闷", "一个人在家 胸口闷得慌", "一个人在家好害怕"])
async def test_guard_chest_or_fear_is_still_asked_or_alerted(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer == "help"


@pytest.mark.parametrize("words", ["so-so", "so so", "Meh, so-so"])
async def test_so_so_in_english_is_unwell_not_an_sos(people, app, clock, words):
    """"so-so" read as "SOS" by its letters: a full 🆘 and "情况危急请马上拨打120" for a so-so morning."""
    answer, she, staff = await _answer(people, app, clock, words)
    assert answer == "unwell", she
    assert not any("紧急求助" in t for t in staff), staff
    assert not any("120" in t for t in she), she


@pytest.mark.parametrize("words", ["can you ask later", "ask me later please", "too early, ask me later"])
async def test_ask_me_later_in_english_changes_the_time_not_goodbye(people, app, clock, words):
    answer, she, staff = await _answer(people, app, clock, words)
    assert any("几点收到问候" in t for t in she), she
