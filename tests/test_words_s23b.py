"""A battery of everyday words probed in session 23 (words12), in areas the session-22 tables do not cover: small
hurts, sleep, weight, the e-bike charging, festivals, a card's use, a low blood pressure, boredom. "我摔了个屁股墩 还好
没事" and "切菜切到手了" were "听到您很好，真高兴！" (a fall, a cut, read as fine); "体重掉了好多", "脚崴了" raised a 🆘 with
120; "我一晚上没睡着", "今天是重阳节", "楼下电瓶车在充电", "我血压低 90/60" were "没太明白"; "医保卡怎么用" showed what the
bot can do; "我一个人好无聊" was "听到您不舒服"."""
import pytest
from test_words_s22 import _wang_says

SOS, REQ = "紧急求助 #1", "求助 #1"


def _no_alarm(said, staff):
    assert "需要马上有人来吗" not in said and "🆘 已通知" not in said, said
    assert not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["我摔了个屁股墩 还好没事", "刚才坐了个屁股墩，不要紧", "摔了个屁股蹲儿 没事了"])
async def test_a_fall_on_the_bottom_told_as_over_reaches_staff_for_a_visit(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_alarm(said, staff)
    note = next((t for t in staff if REQ in t), "")
    assert words in note and "摔" in note.split("\n")[0], staff
    assert "真高兴" not in said and "来看看您" in said, said


@pytest.mark.parametrize("words", ["我摔了个屁股墩 起不来了", "摔了个屁股墩"])
async def test_guard_a_fall_on_the_bottom_not_over_is_asked_as_an_emergency(people, app, words):
    _, said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["切菜切到手了", "脚崴了", "体重掉了好多", "我一晚上没睡着", "最近瘦了好多",
                                   "走路把脚扭了", "削苹果削到手了", "昨晚一夜没困着"])
async def test_a_small_hurt_or_a_bad_night_is_unwell_for_staff_not_fine_nor_a_sos(people, app, words):
    _, said, staff = await _wang_says(people, words)
    _no_alarm(said, staff)
    assert "听到您不舒服" in said and "真高兴" not in said, said
    assert any(words in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", ["切菜切到手了 血止不住", "脚崴了 站不起来"])
async def test_guard_bleeding_that_does_not_stop_or_not_getting_up_still_alerts(people, app, words):
    _, said, staff = await _wang_says(people, words)
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["楼下电瓶车在充电", "有人把电瓶车推到楼道里充电", "邻居在家里给电动车充电"])
async def test_an_e_bike_charging_indoors_reaches_staff_as_a_request(people, app, words):
    _, said, staff = await _wang_says(people, words)
    _no_alarm(said, staff)
    assert "没太明白" not in said, said
    assert any(words in t for t in staff if REQ in t), staff


@pytest.mark.parametrize("words", ["今天是重阳节", "今朝是中秋节", "今天过年了"])
async def test_a_festival_told_gets_a_warm_word(people, app, words):
    _, said, staff = await _wang_says(people, words)
    assert "没太明白" not in said and "节日" in said, said
    assert staff == [], staff


async def test_a_cards_use_asked_is_not_the_bots_own_menu(people, app):
    _, said, _ = await _wang_says(people, "医保卡怎么用")
    assert "我可以帮您" not in said and "没太明白" not in said, said


async def test_guard_how_to_use_the_bot_still_shows_what_it_does(people, app):
    _, said, _ = await _wang_says(people, "这个怎么用")
    assert "我可以帮您" in said, said


@pytest.mark.parametrize("words", ["我血压低 90/60", "血压有点低 95", "血压偏低 100/60"])
async def test_a_low_blood_pressure_number_gets_the_kind_line_and_a_person(people, app, words):
    wang, said, staff = await _wang_says(people, words)
    _no_alarm(said, staff)
    assert "家庭医生" in said and "没太明白" not in said, said
    assert wang.last("家庭医生").data("请社工给我回电话")


@pytest.mark.parametrize("words", ["我一个人好无聊", "一个人在家无聊死了"])
async def test_boredom_alone_is_company_not_illness(people, app, words):
    _, said, staff = await _wang_says(people, words)
    assert "说说话" in said and "听到您不舒服" not in said, said
