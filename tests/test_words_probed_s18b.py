"""Session 18's second probe of what a resident types when something may be wrong. Before: a fever of forty with
confusion was only "unwell"; a cold flat with hands and feet like ice, or shivering and cold all over, was a request
or "unwell"; "我看不见了" (without 突然) a plain request — none reached staff as 🆘, though for a 90-year-old living
alone each may be a danger now. Fear alone at night ("晚上一个人好害怕") was a calm request and "I'm scared, I'm alone
at home" nothing, while "我一个人在家好怕" was a 🆘 with "需要马上有人来吗？". A stolen wallet or being locked out
alarmed with 120 and a fall's advice; "我热得不行" was "没太明白"."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person

FALL = ("侧身", "如果摔倒了")


async def _cry(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    told = wang.texts()[n:]
    alerts = [t for t in people("李社工").texts() if "紧急求助 #1" in t]
    return told, alerts, people("李社工").texts()


@pytest.mark.parametrize("words", [
    "我发烧四十度 人糊涂了", "发高烧 人迷迷糊糊的", "烧到40度了 说胡话",                   # were "unwell" only
    "家里好冷 暖气坏了 手脚冰凉", "冻得发抖 浑身冰凉", "空调坏了 冷得直发抖",               # were a request / unwell
    "我看不见了", "我什么都看不见了", "我看不见了 怎么办",                               # were a plain request
])
async def test_a_possible_danger_alerts_staff_and_asks_if_someone_should_come(people, words):
    told, alerts, _ = await _cry(people, words)
    assert alerts and words in alerts[0], alerts
    said = "\n".join(told)
    assert "需要马上有人来吗" in said, told
    assert not any(w in said for w in FALL), told


@pytest.mark.parametrize("words, advice", [("家里好冷 暖气坏了 手脚冰凉", "保暖"), ("冻得发抖 浑身冰凉", "保暖")])
async def test_cold_at_home_is_told_to_keep_warm(people, words, advice):
    told, alerts, _ = await _cry(people, words)
    assert advice in "\n".join(told), told


@pytest.mark.parametrize("words", ["我发烧了 37度8", "天冷了 手脚冰凉", "我怕冷", "字太小了 我看不见", "今天有点冷",
                                   "发烧会糊涂吗"])
async def test_an_everyday_cold_a_mild_fever_or_small_print_alarm_nobody(people, words):
    told, alerts, _ = await _cry(people, words)
    assert not alerts, alerts


@pytest.mark.parametrize("words", ["晚上一个人好害怕", "我一个人在家好怕", "一个人在屋里 好害怕", "我好害怕",
                                   "我屋里一个人 好怕"])  # the last: s17's test had it a calm request
async def test_fear_alone_is_always_a_question_whether_someone_should_come(people, words):
    told, alerts, _ = await _cry(people, words)   # the first and last were a calm request to staff
    assert alerts and words in alerts[0], alerts
    said = "\n".join(told)
    assert "需要马上有人来吗" in said and "不是一个人" in said, told
    assert not any(w in said for w in FALL), told


@pytest.mark.parametrize("words", ["I'm scared, I'm alone at home", "I am scared", "I'm so afraid, I'm alone"])
async def test_fear_alone_in_english_is_asked_the_same(people, app, words):
    wang = await signed_up(Person(app, 5081, "王老伯", language="en"), "13900000002")
    await wang.send(words)    # the first got nothing: no alert, no question
    assert any(words in t for t in people("李社工").texts() if "#1" in t and "🆘" in t), people("李社工").texts()
    said = "\n".join(wang.texts())
    assert "someone to come right now" in said and "not alone" in said, wang.texts()
@pytest.mark.parametrize("words", ["我钱包被偷了", "我的钱包被人偷了", "皮夹子被偷了"])
async def test_a_stolen_wallet_reaches_staff_with_110_not_an_ambulance_and_a_fall(people, words):
    told, alerts, staff = await _cry(people, words)   # was a 🆘 with 120 and the fall's advice
    assert any(words in t for t in staff if "#1" in t), staff
    said = "\n".join(told)
    assert "110" in said and "120" not in said and "挂失" in said, told
    assert not any("紧急求助" in t for t in staff), staff
    assert not any(w in said for w in FALL), told


@pytest.mark.parametrize("words", ["被关在门外了", "我被关在门外了 进不去", "钥匙忘带了 进不了家门",
                                   "我被锁在门外了 进不去"])  # the last: test_advice_fits had it a 🆘 "trapped"
async def test_locked_out_reaches_staff_with_locked_out_advice_not_a_fall(people, words):
    told, alerts, staff = await _cry(people, words)   # the first two were a 🆘 with 120 and the fall's advice
    assert any(words in t and "门外" in t for t in staff if "求助 #1" in t), staff
    said = "\n".join(told)
    assert "120" not in said and not any(w in said for w in FALL), told
    assert "邻居" in said and "开门" in said, told


@pytest.mark.parametrize("words", ["我热得不行", "热得受不了", "家里热得不得了"])
async def test_too_hot_is_heard_not_misunderstood(people, words):
    told, alerts, staff = await _cry(people, words)   # the first was "没太明白"
    said = "\n".join(told)
    assert "没太明白" not in said, told
    assert any(words in t for t in staff if "#1" in t), staff


@pytest.mark.parametrize("words, must", [("my wallet was stolen", "110"), ("I'm locked out of my flat", "neighbour")])
async def test_a_theft_or_being_locked_out_in_english_reaches_staff_calmly(people, app, words, must):
    wang = await signed_up(Person(app, 5082, "王老伯", language="en"), "13900000002")
    await wang.send(words)
    said = "\n".join(wang.texts())
    assert must in said and "120" not in said, wang.texts()
    assert any(words in t for t in people("李社工").texts() if "#1" in t), people("李社工").texts()
    assert not any("紧急求助" in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["被关在门外了 冻得发抖", "钱包被偷了 我一个人好害怕"])
async def test_a_theft_or_locked_out_with_a_possible_danger_is_asked_if_someone_should_come(people, words):
    told, alerts, _ = await _cry(people, words)
    assert alerts and words in alerts[0], alerts
    assert "需要马上有人来吗" in "\n".join(told), told


@pytest.mark.parametrize("words", ["钱包被抢了", "我的包被人抢走了", "有人把我手机抢走了", "小偷抢了我的包"])
async def test_robbed_just_now_alerts_staff_with_110_and_a_safe_place(people, words):
    told, alerts, _ = await _cry(people, words)   # the first was "没太明白"
    assert alerts and words in alerts[0], alerts
    said = "\n".join(told)
    assert "110" in said and "安全的地方" in said and "需要马上有人来吗" in said, told
    assert not any(w in said for w in FALL), told


@pytest.mark.parametrize("words", ["晚上一个人好害怕", "冻得发抖 浑身冰凉", "我发烧四十度 人糊涂了"])
async def test_a_possible_danger_told_to_the_check_in_is_asked_too(people, app, clock, words):
    from conftest import TUESDAY_9, at, enrolled
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)   # were a "lonely" or a 🤒 request, not asked whether someone should come
    assert "需要马上有人来吗" in "\n".join(zhang.texts()[n:]), zhang.texts()[n:]
    assert any(words in t for t in people("李社工").texts() if "紧急求助 #1" in t), people("李社工").texts()
    assert (await app.svc.checkins.state(rid)).answer == "help"


@pytest.mark.parametrize("words", ["I'm freezing, the heating is broken", "I can't see anything",
                                   "I have a fever of 40 and I'm confused", "someone snatched my bag"])
async def test_a_possible_danger_in_english_is_asked_too(people, app, words):
    wang = await signed_up(Person(app, 5083, "王老伯", language="en"), "13900000002")
    await wang.send(words)
    assert "someone to come right now" in "\n".join(wang.texts()), wang.texts()
    assert any(words in t for t in people("李社工").texts() if "紧急求助 #1" in t), people("李社工").texts()
