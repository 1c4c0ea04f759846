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
