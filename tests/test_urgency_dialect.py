"""Harder words from the probes of session 12: Shanghainese for chest and breath, being hit or starved at home, "扶我一把",
and everyday troubles. Each reached nobody ("您好！", "没太明白") before."""
import pytest
from conftest import signed_up


async def _says(people, words: str):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    return wang, people("李社工")


@pytest.mark.parametrize("words", ["侬好 我心口头老难过额", "心口头交关难过", "胸口老难过的", "我气急得很", "气急得说不出话"])
async def test_shanghainese_chest_or_breath_words_reach_staff_at_once(people, app, words):
    """"侬好 我心口头老难过额" (my chest feels very bad) was greeted ("您好！有什么可以帮您？"); "我气急得很" (I'm breathless)
    was read as anger (a figure of speech) and answered "没太明白"."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text


@pytest.mark.parametrize("words", ["我儿子打我", "保姆打我", "老伴又打我了", "护工推我 还骂我", "保姆骂我 不给我饭吃",
                                   "儿媳妇不给我饭吃"])
async def test_being_hit_or_starved_at_home_reaches_staff_at_once(people, app, words):
    """Each was "没太明白": an old person hit or left without food by the people around them needs staff now."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text
    told = wang.last("已通知值班社工").text
    assert "110" in told and "侧身" not in told  # not the fall's advice


@pytest.mark.parametrize("words", ["我儿子打我电话没打通", "女儿打我手机了", "小时候我爸老打我", "孙子打我一下就跑了哈哈",
                                   "今天不想吃饭"])
def test_a_phone_call_or_an_old_memory_is_no_abuse(nlu_model, words):
    assert nlu_model.parse(words, explain=True)["decision"] != "emergency"


@pytest.mark.parametrize("words", ["扶我一把", "快来扶我起来", "拉我起来"])
async def test_asking_to_be_helped_up_reaches_staff_at_once(people, app, words):
    """"扶我一把" was "没太明白": someone asking to be pulled up is on the floor."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text


@pytest.mark.parametrize("words", ["我今朝勿适宜", "人勿适宜", "今朝身体老勿适宜额"])
async def test_shanghainese_unwell_reaches_staff(people, app, words):
    """"我今朝勿适宜" (I don't feel well today) was "没太明白"."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["没钱买药了", "房东要赶我走", "我身份证丢了", "水管爆了 家里全是水"])
async def test_everyday_troubles_reach_staff_as_a_request(people, app, words):
    """Each was "没太明白": no money for medicine, an eviction, a lost identity card, a flooded flat."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["知道了", "我知道了", "晓得了", "好的知道了"])
async def test_got_it_is_no_call_for_help(people, app, words):
    """"知道了" alone was read as an emergency (the model 0.60 sure): staff alerted, the resident told to call 120."""
    wang, li = await _says(people, words)
    assert not any("紧急" in t for t in li.texts())
    assert not any("120" in t for t in wang.texts()[-2:])


async def test_a_tight_chest_told_after_a_pension_question_reaches_staff(people, app):
    """Answered "这个问题我不太确定…要我帮您问问社工吗？" only: two days of a tight chest reached nobody."""
    wang, li = await _says(people, "我想问问养老金什么时候发 另外我这两天胸口一直闷")
    assert "胸口一直闷" in li.last("求助 #1").text


@pytest.mark.parametrize("words", ["喂喂喂 有人吗 有人吗", "有没有人啊", "人呢", "怎么没人理我", "社工什么时候到",
                                   "还要等多久"])
async def test_looking_for_a_person_reaches_staff(people, app, words):
    """Each was greeted, "没太明白" or "不太确定": a resident calling out for a person is asked back by one."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("没太明白" in t or "不太确定" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["我的拐杖找不到了", "降压药吃完了", "腿脚不灵便 下不了楼", "我两天没吃饭了"])
async def test_a_lost_cane_medicine_run_out_or_stairs_too_hard_reach_staff(people, app, words):
    """Each was "没太明白"."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text


@pytest.mark.parametrize("words", ["今天是我生日 没人记得", "我孙子好久没来看我了", "我想我老伴了", "我好想死去的老伴"])
async def test_missing_someone_is_company_not_an_emergency(people, app, words):
    """The first two were "没太明白"; the last two raised an emergency (the last read as wanting to die: "想死")."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text and "想找人说说话" in li.last("求助 #1").text
    assert not any("紧急" in t for t in li.texts())


@pytest.mark.parametrize("words", ["我饿了", "家里没吃的了", "冰箱里没东西了", "我的助听器掉了"])
async def test_hunger_or_a_lost_hearing_aid_is_a_request_not_an_emergency(people, app, words):
    """Each raised an emergency ("🚑 情况危急请马上拨打120"): staff are needed, not an ambulance. ("我渴了" is a drink
    of water now, with no one bothered: tests/test_night_words_s21.py.)"""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("紧急" in t for t in li.texts())


@pytest.mark.parametrize("words", ["🤕", "😷", "🤒", "🤢", "💊", "🏥"])
async def test_an_ill_face_medicine_or_hospital_emoji_reaches_staff(people, app, words):
    """"🤕", "😷", "💊", "🏥" alone were "没太明白": an old person who can only tap an emoji is telling something."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["❤️", "🌹", "💕"])
async def test_a_heart_or_a_flower_is_a_kind_word(people, app, words):
    wang, li = await _says(people, words)
    assert not any("没太明白" in t for t in wang.texts()) and li.texts() == []


@pytest.mark.parametrize("words", ["我躺地上一个小时了", "躺地板上起不来", "我倒在地上好久了", "腿不听使唤了", "脚突然不听使唤"])
async def test_a_long_lie_on_the_floor_or_a_leg_that_will_not_obey_reaches_staff_at_once(people, app, words):
    """"我躺地上一个小时了" (an hour on the floor: the long lie after a fall) and "腿不听使唤了" were "没太明白"."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text


@pytest.mark.parametrize("words", ["耳朵听不见了", "耳朵突然听不到了"])
async def test_hearing_gone_reaches_staff(people, app, words):
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["夏天躺地板上凉快", "每天躺地上做操锻炼"])
def test_lying_on_the_floor_to_cool_off_or_exercise_is_no_fall(nlu_model, words):
    assert nlu_model.parse(words, explain=True)["decision"] != "emergency"


@pytest.mark.parametrize("words", ["喂你好是居委会吗我是五号楼的王老伯我现在心里很难受", "我刚刚吃了药以后觉得头晕恶心",
                                   "谢谢你们 我今天肚子疼"])
async def test_being_ill_told_after_a_greeting_or_thanks_reaches_staff(people, app, words):
    """The first was only greeted ("您好！有什么可以帮您？"), the second answered "听到您很好，真高兴！"."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("真高兴" in t or "有什么可以帮您" in t for t in wang.texts()[-2:])


@pytest.mark.parametrize("words", ["谢谢你们 我现在不疼了", "血压量过了 正常", "你好 我好多了 不晕了"])
async def test_feeling_better_after_thanks_troubles_nobody(people, app, words):
    wang, li = await _says(people, words)
    assert li.texts() == []


@pytest.mark.parametrize("words", ["我量了血压一百八", "血压一百九十多", "血糖二十几"])
async def test_a_high_reading_reaches_staff(people, app, words):
    """Each was "没太明白": a blood pressure of 180 or a sugar over 20 in an old person living alone is for staff."""
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text


async def test_a_question_with_fillers_is_answered(people, app):
    """Voice input writes "嗯嗯啊那个…": the question in it was "没太明白"."""
    wang, li = await _says(people, "嗯嗯啊那个我想问一下那个老年卡的钱什么时候打")
    assert any("1月、4月、7月、10月" in t for t in wang.texts())


async def test_just_moved_in_is_a_move_not_an_emergency(people, app):
    """"我刚搬过来" raised an emergency ("🚑 情况危急请马上拨打120")."""
    wang, li = await _says(people, "我刚搬过来")
    assert "我刚搬过来" in li.last("求助 #1").text
    assert not any("紧急求助" in t for t in li.texts())


@pytest.mark.parametrize("words", ["儿子来看我了", "女儿回来看我了", "我吃过饭了", "我刚回来"])
async def test_good_news_or_everyday_words_are_not_illness_nor_a_puzzle(people, app, words):
    """"儿子来看我了" was answered "听到您不舒服…已经告诉社工了"; the others "没太明白"."""
    wang, li = await _says(people, words)
    assert li.texts() == []
    assert not any("没太明白" in t or "不舒服" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["老年人坐公交免费吗", "看病能报销多少"])
async def test_a_question_the_bot_cannot_answer_is_offered_to_staff_not_misunderstood(people, app, words):
    """Both were "没太明白": a question is one the bot says it is not sure of and offers to ask staff."""
    wang, li = await _says(people, words)
    assert any("不太确定" in t for t in wang.texts())
    assert not any("没太明白" in t for t in wang.texts())


async def test_asking_about_the_funeral_grant_is_answered(people, app):
    """"丧葬费有多少" was "没太明白"."""
    wang, li = await _says(people, "丧葬费有多少")
    assert any("丧葬补助金" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["我摔倒过，去年的事了", "我摔倒过 好几年前的事了"])
def test_a_fall_said_after_to_be_long_past_is_no_emergency(nlu_model, words):
    """"我摔倒过 去年的事了" raised an emergency: "去年" put it in the past only when it came first in the clause."""
    assert nlu_model.parse(words, explain=True)["decision"] != "emergency"


@pytest.mark.parametrize("words", ["我摔倒了，不是去年的事，是现在", "去年摔过，今天又摔倒了起不来"])
def test_a_fall_now_beside_an_old_one_still_counts(nlu_model, words):
    assert nlu_model.parse(words, explain=True)["decision"] == "emergency"


@pytest.mark.parametrize("words", ["这个怎么用", "你们能干什么", "这个有什么用"])
async def test_asking_what_the_bot_does_is_told_in_short_lines(people, app, words):
    """Each was "没太明白"."""
    wang, li = await _says(people, words)
    said = wang.last().text
    assert "🆘" in said and "养老金" in said and "没太明白" not in said


@pytest.mark.parametrize("words", ["我起夜的时候摔了", "我在厨房摔了", "老伴在卫生间摔了"])
async def test_a_fall_told_with_a_plain_shuai_le_reaches_staff_at_once(people, app, words):
    """"我起夜的时候摔了" (a fall getting up at night) reached staff only while the model happened to lean to
    emergency; more training data tipped it to out_of_scope ("没太明白"). A plain "摔了" ending the clause is a fall."""
    wang, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text


@pytest.mark.parametrize("words", ["手机摔了", "碗摔了一个", "杯子摔了"])
def test_a_dropped_phone_or_bowl_is_no_fall(nlu_model, words):
    assert nlu_model.parse(words, explain=True)["decision"] != "emergency"


@pytest.mark.parametrize("words", ["我尿床了", "我拉裤子了", "我吃不下东西吐了", "我在超市摔了 现在在医院"])
async def test_incontinence_vomiting_or_a_fall_now_in_hospital_reach_staff(people, app, words):
    wang, li = await _says(people, words)
    assert words in li.last("求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())
