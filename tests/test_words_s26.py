"""Harder words read wrong (session 26, words16). "我今年88岁了" was told "再见，保重身体！" ("88" is chat slang for
bye-bye); "我被骗了 转了五万块钱" (the money gone) read "先不要转账"; the family doctor's "张阿姨血压180 要注意" raised a
🆘 and read "情况危急请马上拨打120" back to the doctor; a fire's and an intruder's 🆘 put 120 above 119 and 110; pinyin
typed by a resident who cannot type characters ("wo ba zou diu le") was not understood."""
import pytest
from conftest import enrolled, signed_up

SOS = "紧急求助 #1"


async def _says(people, words, name="王老伯", phone="13900000002"):
    who = await signed_up(people(name), phone)
    n = len(who.texts())
    await who.send(words)
    return who, "\n".join(who.texts()[n:]), people("李社工").texts()


# 1. an age is never a goodbye
@pytest.mark.parametrize("words", ["88岁", "他88岁", "我今年88岁了", "我88岁了", "老头子今年88岁"])
async def test_an_age_of_88_is_no_goodbye(people, app, words):
    _, said, _ = await _says(people, words)
    assert "再见" not in said, said


async def test_a_daughter_telling_her_mother_is_88_and_alone_gets_no_goodbye(people, app):
    _, said, _ = await _says(people, "我妈88岁 一个人住", "王丽", "13911110002")
    assert "再见" not in said, said


@pytest.mark.parametrize("words", ["886", "拜拜", "好的 88"])
async def test_guard_bye_bye_in_chat_slang_is_still_a_goodbye(people, app, words):
    _, said, _ = await _says(people, words)
    assert "再见" in said, said


@pytest.mark.parametrize("words", ["88", "88岁", "我今年88岁了", "他88岁", "我妈88岁 一个人住", "我88了"])
def test_a_bare_88_is_read_as_bye_bye_and_an_age_never(nlu_model, words):
    """(A bare "88" typed to the bot is answered as a number typed by mistake, before its reading counts.)"""
    read = nlu_model.parse(words)["intent"]["name"]
    assert (read == "goodbye") == (words == "88"), read


# 2. a scam whose money is already gone
@pytest.mark.parametrize("words", ["我被骗了 转了五万块钱", "钱已经转给他了 是骗子", "被骗了 刚刚汇了三万过去",
                                   "我被骗走了两万块"])
async def test_money_already_sent_to_a_scammer_gets_110_the_bank_and_keep_the_evidence(people, app, words):
    _, said, staff = await _says(people, words)
    assert "先不要转账" not in said, said
    lines = [line for line in said.splitlines() if line.startswith("·")]
    assert "110" in lines[0] and "银行" in said and ("聊天记录" in said or "电话号码" in said), said
    assert any(SOS in t and words in t for t in staff), staff


async def test_guard_a_scam_under_way_still_says_do_not_transfer(people, app):
    _, said, staff = await _says(people, "有人让我转账到安全账户")
    assert "先不要转账" in said and "银行" not in said, said
    assert any(SOS in t for t in staff), staff


# 3. the family doctor telling staff a patient's reading
@pytest.mark.parametrize("words", ["张阿姨血压180 要注意", "张阿姨血压有点高 180/100 你们留意一下", "张阿姨血糖12 要注意饮食",
                                   "张阿姨今天血糖7.8 挺好的", "张阿姨体温37.5 多喝水"])
async def test_the_family_doctor_telling_a_patient_s_reading_is_news_for_staff_not_a_sos(people, app, words):
    await enrolled(people, app)
    doc = await signed_up(people("赵医生"), "13922220001")
    n = len(doc.texts())
    await doc.send(words)
    said, staff = "\n".join(doc.texts()[n:]), people("李社工").texts()
    assert "🆘" not in said and "120" not in said, said
    assert "社工" in said, said
    told = [t for t in staff if words in t]
    assert told and not any(SOS in t for t in staff), staff
    assert "赵医生" in told[0] and "家庭医生" in told[0], told[0]


async def test_guard_the_doctor_telling_a_patient_has_collapsed_is_still_a_sos(people, app):
    await enrolled(people, app)
    doc = await signed_up(people("赵医生"), "13922220001")
    await doc.send("张阿姨晕倒了 叫不醒")
    assert any(SOS in t for t in people("李社工").texts())


async def test_guard_a_resident_s_own_pressure_of_180_and_dizzy_is_still_a_sos(people, app):
    _, said, staff = await _says(people, "我血压180 头好晕")
    assert any(SOS in t for t in staff), staff
    assert "120" in said, said


# 4. the right number first
def _numbers(said: str) -> list[str]:
    import re
    return re.findall(r"(?<!\d)(?:110|119|120)(?!\d)", said)


@pytest.mark.parametrize("words, first", [("着火了", "119"), ("厨房着火了，好多烟", "119"), ("有煤气味", "119"),
                                          ("有人在撬门", "110"), ("家里进小偷了", "110"),
                                          ("我被骗了 转了五万块钱", "110")])
async def test_a_fire_or_an_intruder_reads_its_own_number_first(people, app, words, first):
    _, said, _ = await _says(people, words)
    assert _numbers(said)[0] == first, said
    assert "120" not in said, said


@pytest.mark.parametrize("words", ["我摔倒了起不来", "胸口好痛", "救命"])
async def test_guard_an_injury_keeps_120_first(people, app, words):
    _, said, _ = await _says(people, words)
    assert _numbers(said)[0] == "120", said


async def test_a_fire_told_after_the_sos_button_reads_119_first(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    n = len(wang.texts())
    await wang.send("厨房着火了")
    said = "\n".join(wang.texts()[n:])
    assert _numbers(said)[0] == "119", said


async def test_an_english_speaker_with_a_burglar_reads_110_first(app):
    from bot.testing.tools import Person

    wang = await signed_up(Person(app, 5078, "王老伯", language="en"), "13900000002")
    await wang.send("someone is breaking in, help")
    said = wang.last("110").text
    assert _numbers(said)[0] == "110", said


# 5. pinyin typed for want of characters
@pytest.mark.parametrize("words, must", [("wo ba zou diu le", "110"), ("wobazoudiule", "110"),
                                         ("wo lao ban zou diu le", "110"), ("wo shuai dao le", "不要勉强起来"),
                                         ("woshuaidaole", "不要勉强起来"), ("zhao huo le", "119"),
                                         ("我爸走丢了", "110")])
async def test_pinyin_typed_for_a_cry_reads_as_the_characters_it_spells(people, app, words, must):
    from nlu.pinyin_typed import characters

    _, said, staff = await _says(people, words)
    read = characters(words) or words
    assert any(SOS in t and read in t and words in t for t in staff), staff  # read, and as typed, should it be misread
    assert must in said, said


async def test_pinyin_for_a_plain_cry_still_alerts(people, app):
    _, said, staff = await _says(people, "jiu ming")
    assert any(SOS in t for t in staff) and "120" in said, said


@pytest.mark.parametrize("words, must", [("wo de yang lao jin shen me shi hou fa", "养老金"),
                                         ("xie xie", "不客气")])
async def test_pinyin_for_everyday_words_is_understood_too(people, app, words, must):
    _, said, staff = await _says(people, words)
    assert not any("🆘" in t for t in staff), staff
    assert "没太明白" not in said, said


@pytest.mark.parametrize("words", ["help me", "I fell down", "hello", "thank you", "china", "age", "name", "medicine",
                                   "my medicine", "what is my age", "language"])
def test_english_is_never_read_as_pinyin(words):
    from nlu.pinyin_typed import characters

    assert characters(words) is None


# 6. words probed (session 26): a resident who cannot walk on while out, a thief in the flat, breath, homophones
@pytest.mark.parametrize("words", ["我在公园 走不动了", "我在菜场 走不动了", "在马路上走不动了", "我腿软 走不动了"])
async def test_a_resident_who_cannot_walk_on_reaches_staff_never_glad_you_are_fine(people, app, words):
    _, said, staff = await _says(people, words)
    assert "听到您很好" not in said, said
    assert any(SOS in t and words in t for t in staff), staff
    assert "需要马上有人来吗" in said, said  # asked, as for any weak sign


async def test_out_and_unable_to_walk_on_she_is_told_to_sit_and_ask_someone_near(people, app):
    _, said, _ = await _says(people, "我在公园 走不动了")
    assert "坐下" in said and "身边的人" in said and "侧身" not in said, said


@pytest.mark.parametrize("words", ["我还走得动", "以前走不动 现在好多了"])
async def test_guard_walking_well_or_once_is_no_alarm(people, app, words):
    _, said, staff = await _says(people, words)
    assert not any("🆘" in t for t in staff), staff


@pytest.mark.parametrize("words, must", [("我屋里进贼了", "110"), ("房间里进了小偷", "110"), ("有陌生人一直跟着我", "110"),
                                         ("我呼吸不过来", "坐起来"), ("我喘不过来", "坐起来"), ("我拌倒了", "侧身")])
async def test_words_the_flags_missed_get_their_own_advice(people, app, words, must):
    _, said, staff = await _says(people, words)
    assert any(SOS in t for t in staff), staff
    assert must in said, said


@pytest.mark.parametrize("words", ["我扭到腰了", "我看不清楚了", "腰闪了一下 好痛"])
async def test_an_ache_in_plain_words_reaches_staff_not_not_understood(people, app, words):
    _, said, staff = await _says(people, words)
    assert "没太明白" not in said, said
    assert any(words in t for t in staff), staff


@pytest.mark.parametrize("words", ["阿拉跌了一跤 伐要紧", "跌了一跤 弗要紧"])
async def test_a_fall_played_down_in_shanghainese_is_a_visit_not_a_sos(people, app, words):
    _, said, staff = await _says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert any(words in t for t in staff) and "120" in said, (said, staff)  # a visit; 120 if it gets worse


@pytest.mark.parametrize("words, must", [("shi de", "是的"), ("hao de", "好的")])
async def test_a_short_answer_in_pinyin_reads_as_its_characters(people, app, words, must):
    _, said, _ = await _says(people, words)
    assert "没太明白" not in said, said


async def test_a_daughter_whose_father_has_already_sent_the_money_is_not_told_to_stop_him(people, app):
    await signed_up(people("王老伯"), "13900000002")
    _, said, staff = await _says(people, "我爸被骗了 转了两万", "王丽", "13911110002")
    assert "先别转钱" not in said and "110" in said and "银行" in said, said
    assert any(SOS in t for t in staff), staff


async def test_pinyin_read_two_ways_is_read_the_more_urgent_way(people, app):
    """"wo bu xiang huo le" was read 我不想火了 (火了 is the commoner sound in everyday words): never calmer than said."""
    _, said, staff = await _says(people, "wo bu xiang huo le")
    assert any(SOS in t and "不想活" in t for t in staff), staff
    assert "不是一个人" in said, said


@pytest.mark.parametrize("words", ["🏠🔥", "🔥🔥 家里"])
async def test_a_house_on_fire_in_emoji_reads_119_and_the_fire_s_lines(people, app, words):
    _, said, staff = await _says(people, words)
    assert any(SOS in t for t in staff), staff
    assert _numbers(said)[0] == "119" and "离开" in said, said


async def test_an_english_speaker_whose_money_is_gone_gets_110_and_the_bank(app):
    from bot.testing.tools import Person

    wang = await signed_up(Person(app, 5078, "王老伯", language="en"), "13900000002")
    await wang.send("I was scammed, I already sent 5000 yuan")
    said = wang.last("110").text
    assert _numbers(said)[0] == "110" and "bank" in said and "Do not transfer" not in said, said


async def test_the_doctor_s_urgent_word_is_a_sos_without_120_read_back_to_him(people, app):
    await enrolled(people, app)
    doc = await signed_up(people("赵医生"), "13922220001")
    n = len(doc.texts())
    await doc.send("张阿姨血压200 头晕呕吐 快去看看")
    said = "\n".join(doc.texts()[n:])
    assert any(SOS in t for t in people("李社工").texts())
    assert "🆘" in said and "120" not in said, said


async def test_guard_her_son_s_cry_still_reads_120(people, app):
    await enrolled(people, app)
    son = await signed_up(people("张明"), "13911110001")
    n = len(son.texts())
    await son.send("我妈晕倒了 叫不醒")
    assert "120" in "\n".join(son.texts()[n:])


async def test_followed_by_a_stranger_she_is_told_to_go_where_people_are_not_to_lock_a_room(people, app):
    _, said, _ = await _says(people, "有陌生人一直跟着我")
    assert _numbers(said)[0] == "110" and "人多" in said and "锁门的房间" not in said, said


async def test_guard_followed_to_her_door_she_locks_herself_in(people, app):
    _, said, _ = await _says(people, "有人跟踪我 跟到我家门口了")
    assert _numbers(said)[0] == "110" and "锁" in said, said


@pytest.mark.parametrize("words", ["我女儿说我会摔倒", "医生讲我会跌跤"])
async def test_a_fall_someone_foretold_is_no_sos(people, app, words):
    _, said, staff = await _says(people, words)
    assert not any(SOS in t for t in staff), staff
    assert any(words in t for t in staff) and "没太明白" not in said, (said, staff)  # a worry for staff to visit


async def test_guard_unsteady_now_still_alerts(people, app):
    _, said, staff = await _says(people, "我一站起来就会摔倒")
    assert any(SOS in t for t in staff), staff


@pytest.mark.parametrize("words", ["I am 88", "88 years old", "I'm 88 years old", "my mother is 88"])
def test_an_age_in_english_is_no_goodbye_either(nlu_model, words):
    assert nlu_model.parse(words)["intent"]["name"] != "goodbye"


async def test_an_english_speaker_followed_reads_110_and_go_where_people_are(app):
    from bot.testing.tools import Person

    wang = await signed_up(Person(app, 5078, "王老伯", language="en"), "13900000002")
    await wang.send("someone is following me")
    said = wang.last("110").text
    assert _numbers(said)[0] == "110" and "shop" in said, said


async def _answered(people, answer: str) -> str:
    """What 王老伯 reads after answering "您需要马上有人来吗？" (asked after his "我头好晕") with `answer`."""
    _, said, _ = await _says(people, "我头好晕")
    assert "需要马上有人来吗" in said, said
    wang = people("王老伯")
    n = len(wang.texts())
    await wang.send(answer)
    return "\n".join(wang.texts()[n:])


@pytest.mark.parametrize("answer", ["伐要紧", "没关系", "弗要紧"])
async def test_no_need_in_shanghainese_to_do_you_need_someone_now_is_a_no(people, app, answer):
    """"伐要紧" (Shanghainese 不要紧) to "您需要马上有人来吗？" got the question again; now it is her no, as "不要紧" is
    (staff still phone her)."""
    said = await _answered(people, answer)
    assert "需要马上有人来吗" not in said and "社工还是会联系您" in said, said


@pytest.mark.parametrize("answer", ["没关系 快来吧", "不要紧 你们快点来"])
async def test_guard_no_matter_but_come_quickly_is_a_yes(people, app, answer):
    said = await _answered(people, answer)
    assert "社工还是会联系您" not in said and "需要马上有人来吗" not in said, said
