"""Everyday check-in answers the bot misread: "刚起床" (just got up) raised an emergency; "收到" (got it) was
"unwell"; "在外面买菜" and "我去女儿家了这几天不在" were "没太明白"; "我在医院" reached nobody."""
import pytest
from conftest import TUESDAY_9, at, enrolled


async def _answers(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.send(words)
    return zhang, rid, people("李社工")


@pytest.mark.parametrize("words", ["刚起床", "收到", "在外面买菜", "刚吃好早饭"])
async def test_an_everyday_answer_is_fine_and_troubles_nobody(people, app, clock, words):
    zhang, rid, li = await _answers(people, app, clock, words)
    assert (await app.svc.checkins.state(rid)).answer in ("ok", "activity")
    assert not any("没太明白" in t or "需要马上有人来吗" in t or "不舒服" in t for t in zhang.texts())
    assert not any("求助" in t for t in li.texts())


async def test_away_at_a_daughters_for_a_few_days_offers_to_pause_the_check_ins(people, app, clock):
    zhang, rid, li = await _answers(people, app, clock, "我去女儿家了这几天不在")
    assert not any("没太明白" in t for t in zhang.texts())
    assert "您要出门几天" in zhang.last().text


async def test_in_hospital_counts_as_heard_from_and_reaches_staff(people, app, clock):
    zhang, rid, li = await _answers(people, app, clock, "我在医院")
    assert (await app.svc.checkins.state(rid)).answered_at
    assert "我在医院" in li.last("求助 #1").text
    assert not any("没太明白" in t for t in zhang.texts())


@pytest.mark.parametrize("words", ["我要取消签到", "我不想每天签到了", "不要再问我好不好了"])
async def test_asking_to_stop_the_check_ins_reaches_staff_and_stops_nothing_by_itself(people, app, clock, words):
    """Each was "没太明白". A resident living alone who wants no more daily check-ins is something the committee
    talks over with them first: staff hear it, the check-ins go on until then, pausing a few days is offered."""
    zhang, rid = await enrolled(people, app)
    await zhang.send(words)
    assert words in people("李社工").last("求助 #1").text
    assert "社工" in zhang.last().text and "暂停" in zhang.last().text
    assert not any("没太明白" in t for t in zhang.texts())
    st = await app.svc.checkins.state(rid)
    assert st.enrolled and not st.paused_until


async def test_going_into_hospital_for_a_week_offers_to_pause_the_check_ins(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await zhang.send("明天开始我去住院一个礼拜")
    assert "您要出门几天" in zhang.last().text


async def test_asking_to_move_the_check_in_to_the_afternoon_asks_which_time(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await zhang.send("签到能不能改到下午")
    assert "几点" in zhang.last().text
    assert people("李社工").texts() == []
