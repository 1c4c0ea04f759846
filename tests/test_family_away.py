"""A daughter tells the bot her father is in hospital, or staying with her ("我爸住院了，这几天不用签到", "我爸去我家住
几天"): she was shown his check-in ("到 10:00 还没有回复，社工会去看看") and nothing else happened — at 10:00 his missed
check-in sent a social worker to an empty flat and alerted her as if he might have fallen (probe, session 16). Now his
daily check-in pauses (the days she says, else until he is back), the staff hear it as news about him, and she reads
both; "我爸出院回家了" starts it again."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up

WED_9 = TUESDAY_9.replace(day=25)


async def _away(people, app, clock, words):
    wang, rid = await enrolled(people, app, "王老伯", "13900000002")
    await at(app, clock, TUESDAY_9)  # the greeting went out at 09:00
    clock.set(TUESDAY_9.replace(minute=10))
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    return wang, wangli


@pytest.mark.parametrize("words", ["我爸住院了，这几天不用签到", "我爸来我家住几天", "我爸这几天住在我家，不在家", "我爸住院了，要住一个礼拜", "我爸住院了，出院以后再签到"])
async def test_a_daughter_saying_he_is_away_pauses_his_check_in_and_staff_hear_it(people, app, clock, words):
    wang, wangli = await _away(people, app, clock, words)
    said = wangli.last("暂停").text
    assert "王老伯" in said
    li = people("李社工")
    assert any(words in t and "王老伯" in t for t in li.texts())
    for hour, minute in ((9, 30), (10, 0), (11, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
    assert not any("签到无回复" in t for t in li.texts())
    assert not any("还没收到您今天的回复" in t for t in wang.texts())
    await at(app, clock, WED_9)
    assert len([t for t in wang.texts() if "身体好吗" in t]) == 1  # Tuesday's only: none while he is away


async def test_home_again_starts_the_check_in_again(people, app, clock):
    wang, wangli = await _away(people, app, clock, "我爸住院了，这几天不用签到")
    clock.set(TUESDAY_9.replace(hour=15))
    await wangli.send("我爸出院回家了")
    assert "明天09:00继续问候王老伯" in wangli.inbox[-1].text
    await at(app, clock, WED_9)
    assert len([t for t in wang.texts() if "身体好吗" in t]) == 2  # Tuesday's, and Wednesday's again


async def test_not_at_home_when_she_went_to_see_him_is_a_worry_not_a_pause(people, app, clock):
    wang, wangli = await _away(people, app, clock, "我去我爸家敲门，他不在家")
    assert not any("暂停" in t for t in wangli.texts())
    await at(app, clock, TUESDAY_9.replace(hour=10))
    assert any("签到无回复" in t or "求助" in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["我爸明天来我家吃饭", "我爸下个月要住院", "我爸准备去我家住几天",
                                   "我爸不肯来我家住"])
async def test_a_visit_or_a_stay_to_come_pauses_nothing(people, app, clock, words):
    """Paused by mistake, a missed check-in would alarm nobody: only a stay that has begun pauses."""
    wang, wangli = await _away(people, app, clock, words)
    assert not any("暂停" in t for t in wangli.texts())
    await at(app, clock, TUESDAY_9.replace(minute=30))
    assert "还没收到您今天的回复" in wang.last().text


async def test_a_stay_of_unsaid_length_pauses_a_week_not_for_good(people, app, clock):
    wang, wangli = await _away(people, app, clock, "我爸住院了")
    assert "12月1日" in wangli.last("暂停").text  # Tuesday 11-24 + 7 days
    await at(app, clock, TUESDAY_9.replace(day=30))
    assert len([t for t in wang.texts() if "身体好吗" in t]) == 1
    await at(app, clock, TUESDAY_9.replace(month=12, day=1))
    assert len([t for t in wang.texts() if "身体好吗" in t]) == 2


async def test_asking_after_him_is_still_answered_from_the_check_in(people, app, clock):
    wang, wangli = await _away(people, app, clock, "我爸今天签到了吗")
    assert "王老伯今天还没有签到" in wangli.last("王老伯今天").text
    assert not any("暂停" in t for t in wangli.texts())


@pytest.mark.parametrize("words", ["我爸出院了，先住我家几天", "我爸出院了 这几天住我这里", "我爸今天出院，先来我家住一阵"])
async def test_home_from_hospital_but_staying_with_her_pauses_his_check_in(people, app, clock, words):
    """"我爸出院了，先住我家几天" named both (出院 and 住我家) and went the old way: a request to staff, his check-in
    still running, so his empty flat would have been a missed check-in the next morning."""
    wang, wangli = await _away(people, app, clock, words)
    assert "王老伯" in wangli.last("暂停").text
    assert any(words in t and "王老伯" in t for t in people("李社工").texts())
    await at(app, clock, TUESDAY_9.replace(hour=11))
    assert not any("签到无回复" in t for t in people("李社工").texts())


async def test_home_from_hospital_to_her_house_after_a_pause_stays_paused_then_home_resumes(people, app, clock):
    wang, wangli = await _away(people, app, clock, "我爸住院了")
    clock.set(TUESDAY_9.replace(hour=15))
    await wangli.send("我爸出院了，先住我家几天")
    assert "暂停" in wangli.inbox[-1].text and "继续问候" not in wangli.inbox[-1].text
    await wangli.send("我爸出院回家了")
    assert "明天09:00继续问候王老伯" in wangli.inbox[-1].text
