"""More of what a resident alone types in the night (02:00, session 21's probes). "外面有声音" and "做噩梦了" were
"没太明白"; "口渴" was "听到您不舒服" (thirst, not illness); "楼上太吵了 睡不着" was read as unwell instead of the
neighbour-noise line; "老伴打呼噜好响 睡不着", "我在地上捡东西" (no fall), "我从楼上下来了" paged the duty worker with 🆘
and "需要马上有人来吗？". Now each gets a kind word that fits, and nobody is paged; a real danger said with them still
alerts."""
import pytest
from conftest import TUESDAY_9, enrolled

NIGHT = TUESDAY_9.replace(hour=2)
SOS = "紧急求助 #1"


async def _says(people, app, clock, words):
    zhang, _ = await enrolled(people, app)
    clock.set(NIGHT)
    seen = len(zhang.texts())
    await zhang.send(words)
    staff = [t for st in app.settings.staff for t in people(st.name).texts()]
    return zhang, "\n".join(zhang.texts()[seen:]), staff


def _calm(said, staff):
    assert "没太明白" not in said and "需要马上有人来吗" not in said and "听到您不舒服" not in said, said
    assert not any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["外面有声音", "门外有动静", "外头有响声", "外头有啥声音", "外边有声音", "有声音", "屋里厢外头有声音", "外面有脚步声",
                                   "there is a noise outside"])
async def test_a_noise_outside_asks_if_she_is_safe_with_staff_one_tap_away(people, app, clock, words):
    zhang, said, staff = await _says(people, app, clock, words)
    _calm(said, staff)
    assert "门" in said and "110" in said, said
    await zhang.click(zhang.last("社工"), "请社工给我回电话")
    assert any("#1" in t for st in app.settings.staff for t in people(st.name).texts())


@pytest.mark.parametrize("words", ["做噩梦了", "我做了个噩梦", "刚才做恶梦了 好怕", "做了个恶梦 吓醒了", "做噩梦 睡不着了", "阿拉做了个噩梦", "I had a nightmare"])
async def test_a_nightmare_gets_calm_words_and_company_offered(people, app, clock, words):
    zhang, said, staff = await _says(people, app, clock, words)
    _calm(said, staff)
    assert "梦" in said and "说说话" in said, said
    assert zhang.last("说说话").data("请社工给我回电话")


@pytest.mark.parametrize("words", ["口渴", "我好口渴", "口干想喝水", "我渴了", "嘴巴好干", "喉咙干 想喝水", "口好干", "I'm thirsty"])
async def test_thirst_is_a_drink_of_water_not_illness(people, app, clock, words):
    zhang, said, staff = await _says(people, app, clock, words)
    _calm(said, staff)
    assert "喝" in said and "水" in said, said


async def test_thirst_with_an_ailment_is_still_unwell(people, app, clock):
    zhang, said, staff = await _says(people, app, clock, "口渴 头晕 没力气")
    assert "喝点水" not in said, said
    assert any("#1" in t for t in staff), staff


@pytest.mark.parametrize("words", ["楼上太吵了 睡不着", "隔壁好吵 睡不着觉", "楼上小孩跑来跑去 睡不着", "楼上在跳 吵死了",
                                   "楼上装修 吵得睡不着"])
async def test_noise_upstairs_that_keeps_her_awake_is_the_neighbours_not_her_health(people, app, clock, words):
    zhang, said, staff = await _says(people, app, clock, words)
    _calm(said, staff)
    assert "邻居" in said, said


@pytest.mark.parametrize("words", ["老伴打呼噜好响 睡不着", "老头子打呼噜太响了", "老伴呼噜打得震天响 我睡不着",
                                   "老伴打鼾 吵得我困不着", "老头子在打呼噜", "打呼噜打得好响"])
async def test_a_snoring_husband_is_no_alarm_but_she_knows_the_signs(people, app, clock, words):
    zhang, said, staff = await _says(people, app, clock, words)
    _calm(said, staff)
    assert "呼噜" in said and "叫不醒" in said, said  # what would make it a danger: press 🆘


@pytest.mark.parametrize("words", ["我在地上捡东西", "我蹲在地上找东西", "我从楼上下来了", "我刚从楼上下来",
                                   "我在地板上找眼镜", "我弯腰捡东西"])
async def test_picking_something_up_or_coming_downstairs_is_no_fall(people, app, clock, words):
    zhang, said, staff = await _says(people, app, clock, words)
    _calm(said, staff)
    assert "慢" in said, said


async def test_thunder_outside_is_the_thunder_line(people, app, clock):
    zhang, said, staff = await _says(people, app, clock, "外面打雷了")
    _calm(said, staff)
    assert "打雷" in said, said


@pytest.mark.parametrize("words", ["外面有声音 有人在撬门", "我在地上捡东西 起不来了", "老伴打呼噜 现在叫不醒", "老头子打呼噜 突然没声音了",
                                   "我从楼上摔下来了"])
async def test_guard_a_danger_said_with_them_still_alerts(people, app, clock, words):
    zhang, said, staff = await _says(people, app, clock, words)
    assert any(SOS in t and words in t for t in staff), staff
