""""我被烫到了" (a scald) and "我的头好痛好痛要裂开了" (a sudden, worst-ever headache: a stroke's warning sign) alerted
staff only because the model leaned that way (0.53 / 0.72): one data change and they would be "unwell". Both are
red flags now, each with its own short advice: a burn is cooled under running water for 15–20 minutes; with such a
headache she sits or lies down and takes no more pills. A warm cup or a slight headache alarms nobody."""
import pytest
from conftest import signed_up


async def _cry(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    li = people("李社工")
    alerts = [t for t in li.texts() if "紧急求助 #1" in t]
    advice = [line for t in wang.texts() if "已通知值班社工" in t for line in t.splitlines() if line.startswith("·")]
    return wang, alerts, "\n".join(advice)


@pytest.mark.parametrize("words", ["我被烫到了", "手被开水烫到了", "刚才烧饭 被油烫着了", "我给热水烫了一下 好痛"])
async def test_a_burn_alerts_staff_and_she_is_told_to_cool_it_under_running_water(people, app, words):
    wang, alerts, advice = await _cry(people, words)
    assert alerts and words in alerts[0], alerts
    assert "冷水" in advice and "15" in advice, advice


@pytest.mark.parametrize("words", ["我的头好痛好痛要裂开了", "头痛得要裂开了", "头突然痛得厉害 从来没这么痛过",
                                   "头痛得要炸了"])
async def test_the_worst_headache_alerts_staff_and_she_sits_down_and_takes_no_more_pills(people, app, words):
    wang, alerts, advice = await _cry(people, words)
    assert alerts and words in alerts[0], alerts
    assert "坐下或躺下" in advice and "不要再吃" in advice, advice
    assert "侧身" not in advice, advice


@pytest.mark.parametrize("words", ["水有点烫", "头有点痛", "这两天头有点疼", "汤太烫了 等一下再喝", "开水烫的茶好喝"])
async def test_a_warm_cup_or_a_slight_headache_alarms_nobody(people, app, words):
    wang, alerts, advice = await _cry(people, words)
    assert not alerts, alerts
    assert not any("已通知值班社工" in t for t in wang.texts())
