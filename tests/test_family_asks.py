"""A daughter asking how her father is ("我爸今天签到了吗") became a request to staff: she waited for a phone call to
learn what the bot already knew. Now the bot answers her at once from his check-in — only about the residents the
register links her to. A fall she tells as over ("我妈昨天摔了一跤，现在没事了") is a visit for staff, as the
resident's own telling is."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

WEDNESDAY_9 = TUESDAY_9.replace(day=25)


async def wang_answers_at_five_past_nine(people, app, clock):
    """王老伯 enrolled, answered 我很好 on Tuesday and at 09:05 on Wednesday (the day they ask)."""
    wang, rid = await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    await wang.click(wang.last("身体好吗"), "我很好")
    await at(app, clock, WEDNESDAY_9)
    clock.set(WEDNESDAY_9.replace(minute=5))
    await wang.click(wang.last("身体好吗"), "我很好")
    return wang, rid


@pytest.mark.parametrize("words", ["我爸今天签到了吗", "我爸这两天好不好", "我爸今天报平安了吗"])
async def test_a_daughter_asking_after_her_father_is_told_his_check_in_at_once(people, app, clock, words):
    await wang_answers_at_five_past_nine(people, app, clock)
    wangli = await signed_up(people("王丽"), "13911110002")
    clock.set(WEDNESDAY_9.replace(minute=20))
    await wangli.send(words)
    said = wangli.last("王老伯今天").text
    assert "王老伯今天 09:05 已签到" in said and "我很好" in said
    assert "11-24✅ 11-25✅" in said and "11-25 09:05" in said  # the week's marks, last heard from
    assert people("李社工").texts() == []  # nobody troubled for what the bot knows


async def test_a_daughter_asking_before_he_answers_is_told_when_staff_will_look(people, app, clock):
    await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)
    wangli = await signed_up(people("王丽"), "13911110002")
    clock.set(TUESDAY_9.replace(minute=10))
    await wangli.send("我爸今天签到了吗")
    said = wangli.last("王老伯今天").text
    assert "王老伯今天还没有签到" in said and "09:00" in said and "10:00" in said
    assert people("李社工").texts() == []


async def test_a_mother_not_enrolled_is_said_kindly_and_staff_are_one_tap_away(people, app):
    zhangming = await signed_up(people("张明"), "13911110001")
    await zhangming.send("我妈今天报平安了吗")
    assert "张阿姨没有开通" in zhangming.texts()[-2]
    await zhangming.click(zhangming.last("社工去看看"), "转给社工")
    packet = people("李社工").last("求助 #1").text
    assert "我妈今天报平安了吗" in packet and "张阿姨" in packet and "张明" in packet


async def test_a_doctor_of_two_is_asked_which_and_hears_only_of_the_one_named(people, app, clock):
    await wang_answers_at_five_past_nine(people, app, clock)
    zhao = await signed_up(people("赵医生"), "13922220001")
    await zhao.send("我的病人今天签到了吗")
    ask = zhao.last("哪一位")
    assert sorted(b[0] for b in ask.buttons) == ["张阿姨", "王老伯"]
    await zhao.click(ask, "王老伯")
    assert "王老伯今天 09:05 已签到" in zhao.last("王老伯今天").text
    liu = await app.svc.store.resident_id_by_phone("13900000003")  # a forged button for someone not his
    await app.svc.checkins.enrol(liu)
    before = len(zhao.texts())
    await zhao.press_data(ask.message_id, f"fas:{liu}")
    assert not any("刘奶奶" in t or "签到" in t for t in zhao.texts()[before:])
    assert "过期" in zhao.last().text


async def test_a_worry_that_only_looks_like_a_question_reaches_staff_without_a_tap(people, app, clock):
    """It used to get his check-in and one tap [📨 转给社工]: a worry about his health waited on her tapping (session
    12 decided it reaches staff at once; tests/test_family_worries.py)."""
    await wang_answers_at_five_past_nine(people, app, clock)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸最近怎么样都不肯吃药")
    packet = people("李社工").last("求助 #1").text
    assert "我爸最近怎么样都不肯吃药" in packet and "王老伯" in packet


async def test_a_stranger_or_another_familys_contact_learns_nothing_of_him(people, app, clock):
    await wang_answers_at_five_past_nine(people, app, clock)
    stranger = await signed_up(people("路人甲"), "13811112222")
    liuqiang = await signed_up(people("刘强"), "13911110003")  # 刘奶奶's son
    for asker in (stranger, liuqiang):
        await asker.send("王老伯今天签到了吗")
        assert not any("09:05" in t or "已签到" in t or "11-24" in t for t in asker.texts()), asker.name


async def test_a_cry_in_the_same_words_is_still_an_emergency(people, app, clock):
    await wang_answers_at_five_past_nine(people, app, clock)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸今天签到了吗？他摔倒了起不来")
    assert "王老伯" in people("李社工").last("紧急求助 #1").text
    assert not any("已签到" in t for t in wangli.texts())


@pytest.mark.parametrize("words", ["我妈昨天摔了一跤，现在没事了", "我妈早上跌了一跤，现在好了"])
async def test_a_fall_told_over_by_a_son_is_a_visit_for_staff(people, app, words):
    zhangming = await signed_up(people("张明"), "13911110001")
    await zhangming.send(words)
    li = people("李社工")
    note = li.last("求助 #1").text
    assert words in note and "摔" in note.split("\n")[0] and "张阿姨" in note and "张明" in note
    assert not any("紧急求助" in t for t in li.texts())
    assert "去看看张阿姨" in zhangming.last().text


async def test_a_doctor_who_named_the_one_he_asked_after_is_not_asked_again_when_passing_it_on(people, app):
    zhao = await signed_up(people("赵医生"), "13922220001")
    await zhao.send("我的病人今天签到了吗")
    await zhao.click(zhao.last("哪一位"), "张阿姨")
    assert "张阿姨没有开通" in zhao.texts()[-2]
    await zhao.click(zhao.last("社工去看看"), "转给社工")
    packet = people("李社工").last("求助 #1").text
    assert "张阿姨" in packet and "王老伯" not in packet
    assert sum("哪一位" in t for t in zhao.texts()) == 1
