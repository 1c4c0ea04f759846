"""Harder words for danger and need: each of these reached nobody (answered "不客气", "没太明白") before."""
import pytest
from conftest import signed_up


async def _says(people, words: str):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    return wang, people("李社工")


@pytest.mark.parametrize("words", ["咳血", "咳血了", "咳出血来了", "尿血了", "今天拉血了"])
async def test_coughing_or_passing_blood_reaches_staff_at_once(people, app, words):
    """"咳血" was thanked for ("不客气！"): blood coughed up or passed is for staff now."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text
    assert "已通知值班社工" in wang.last("已通知").text


@pytest.mark.parametrize("words", ["我孙子发烧抽筋了", "老伴抽风了", "老头子羊癫疯犯了", "浑身抽筋叫不应"])
async def test_a_fit_reaches_staff_at_once(people, app, words):
    """"我孙子发烧抽筋了" (a febrile fit) was "没太明白"."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text


async def test_a_cramp_in_the_leg_is_no_fit(people, app):
    wang, li = await _says(people, "晚上睡觉腿抽筋")
    assert not any("紧急求助" in t for t in li.texts())


@pytest.mark.parametrize("words", ["有人冒充警察让我转账", "刚才有个电话叫我把钱转到安全账户", "银行卡被骗走了",
                                   "有人打电话说我儿子出事了要我汇钱", "我被骗了"])
async def test_a_scam_under_way_reaches_staff_at_once(people, app, words):
    """A resident on the phone with a fraudster has minutes; each of these was "没太明白" (the last an ask)."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["怎么防诈骗", "反诈骗讲座在哪里", "电视里说骗子冒充警察让人转账"])
async def test_asking_about_scams_is_no_call_for_help(people, app, words):
    wang, li = await _says(people, words)
    assert not any("紧急求助" in t for t in li.texts())


@pytest.mark.parametrize("words", ["发烧三十九度八", "高烧不退", "天旋地转", "眼睛看不清楚了", "难过得要死", "空调坏了热死了"])
async def test_a_fever_dizziness_blurred_sight_or_a_broken_air_conditioner_reaches_staff(people, app, words):
    """Each was "没太明白" and reached nobody; an old person with a high fever, the room spinning, failing sight or no
    cooling in the heat is news for staff (a visit), if not an emergency."""
    wang, li = await _says(people, words)
    assert any(words in t for t in li.texts() if "求助 #1" in t)
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["马桶堵了", "电视机打不开了", "今天的饭还没送来", "送饭的没来",
                                   "我在医院急诊", "医生说我要住院", "我不会用手机"])
async def test_everyday_needs_reach_staff_as_a_request(people, app, words):
    """Each was "没太明白": a blocked toilet, the meal that did not come, a stay in hospital are the committee's
    daily work."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["我刚才晕了一下", "家里的狗咬了我"])
async def test_a_faint_just_now_or_a_dog_bite_told_plainly_reaches_staff(people, app, words):
    """Both were "没太明白" (the faint was read as "I'm fine")."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text


@pytest.mark.parametrize("words, family", [("呼吸好困难", "breathing"), ("我想吃安眠药睡过去不醒了", "self_harm"),
                                           ("我把84消毒液当水喝了", "poisoning"), ("我右手没力气了", "stroke"),
                                           ("心里发慌 出虚汗", "chest_pain")])
def test_danger_in_other_words_is_named_not_only_suspected(nlu_model, words, family):
    """Each only made the bot ask "需要马上有人来吗？"; the family names what staff should bring and say."""
    result = nlu_model.parse(words, explain=True)
    assert result["decision"] == "emergency" and family in {f["concept"] for f in result["flags"] if f["counts"]}


@pytest.mark.parametrize("words", ["狗咬了我的鞋", "右腿发麻好几年了", "左手没力气拧不开瓶盖", "我家狗咬了人怎么办"])
def test_a_chewed_shoe_or_an_old_numbness_is_no_emergency(nlu_model, words):
    assert nlu_model.parse(words, explain=True)["decision"] != "emergency"


async def test_a_resident_on_the_phone_with_a_fraudster_is_told_not_to_pay_not_to_lie_down(people, app):
    wang, li = await _says(people, "刚才有个电话叫我把钱转到安全账户")
    told = wang.last("已通知值班社工").text
    assert "转账" in told and "110" in told and "验证码" in told
    assert "侧身" not in told and "门锁" not in told


@pytest.mark.parametrize("words, heading", [("someone called and asked me to transfer money", "紧急求助 #1"),
                                            ("I am in hospital", "求助 #1")])
async def test_simple_english_a_scam_call_or_a_stay_in_hospital_reaches_staff(people, app, words, heading):
    """The first was "没太明白", the second "听到您很好，真高兴！"."""
    wang, li = await _says(people, words)
    assert words in li.last(heading).text
    assert not any("没太明白" in t or "真高兴" in t for t in wang.texts())


async def test_a_simple_english_allowance_question_is_answered(people, app):
    wang, li = await _says(people, "how much is the senior allowance")
    assert any("180元" in t for t in wang.texts())  # 王老伯 is 89


@pytest.mark.parametrize("words", ["门是开着的", "门开好了"])
def test_telling_the_door_is_open_is_no_suspected_cry(nlu_model, words):
    """"门开着" (for whoever comes) was read as a possible cry once the model learnt more needs ("需要马上有人来吗？")."""
    assert nlu_model.parse(words, explain=True)["decision"] == "not_emergency"


async def test_thanks_for_last_time_and_a_dizzy_spell_today_reaches_staff(people, app):
    """Answered "不客气！" only: the dizziness told after the thanks reached nobody."""
    wang, li = await _says(people, "谢谢你们上次来帮忙，今天我又有点头晕")
    assert "今天我又有点头晕" in li.last("求助 #1").text


async def test_a_broken_bulb_and_a_question_in_one_message_get_both_a_person_and_the_answer(people, app):
    """The bulb reached nobody: only the long-term care question was answered."""
    wang, li = await _says(people, "我家灯泡坏了，还有我想问问长护险怎么申请")
    assert "灯泡坏了" in li.last("求助 #1").text
    assert any("长护险" in t and "评估" in t for t in wang.texts())


async def test_a_question_then_a_request_in_one_message_get_both(people, app):
    """Only the request went to staff; the allowance question was not answered."""
    wang, li = await _says(people, "老年津贴多少？另外我家灯泡坏了能不能来人换一下")
    assert "灯泡坏了" in li.last("求助 #1").text
    assert any("180元" in t for t in wang.texts())  # 王老伯 is 89


async def test_thanks_and_goodbye_in_one_message_trouble_nobody(people, app):
    wang, li = await _says(people, "谢谢你们，再见")
    assert li.texts() == []


@pytest.mark.parametrize("words", ["我搬家了", "下个月我要搬到儿子家住"])
async def test_moving_house_reaches_staff(people, app, words):
    """"我搬家了" was "没太明白": the register's address (read back in every call for help) must change."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text


@pytest.mark.parametrize("words", ["🚑", "🚑🚑🚑", "🚨🚨", "救……命", "救。。命"])
def test_an_ambulance_emoji_or_a_broken_up_jiuming_is_a_cry(nlu_model, words):
    """"🚑" was read as "yes" (affirm) and answered "没太明白"; "救……命" was only suspected."""
    result = nlu_model.parse(words, explain=True)
    assert result["decision"] == "emergency" and "cry_for_help" in {f["concept"] for f in result["flags"] if f["counts"]}
