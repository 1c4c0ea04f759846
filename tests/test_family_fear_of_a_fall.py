"""A daughter's fear of a fall to come ("我爸晚上一个人在家 我担心他摔倒") raised a 🆘: staff ran for a fall that had
not happened, and she read "🆘 已通知值班社工… 情况危急请马上拨打120" — as if he lay on the floor. Now it reaches staff
as her worry (a request: someone phones or visits), and she reads that kindly, with what to do should he fall and the
daily check-in that would notice. Words that say he may have fallen NOW ("我担心他摔倒了", "他电话一直没人接…")
still alarm at once."""
import pytest
from test_family_words_s18 import wangli_says

SOS, REQ = "紧急求助 #1", "求助 #1"

FEAR = ["我爸晚上一个人在家 我担心他摔倒", "我爸一个人住 我怕他跌跤", "我爸晚上起夜 我怕他摔倒", "我担心他会摔倒",
        "我怕他晚上摔倒", "我担心我爸摔倒"]
NOW = ["我担心他摔倒了", "他电话一直没人接 我担心他摔倒了", "他电话一直没人接 我担心他摔倒", "我怕他摔倒了",
       "我担心他是不是摔倒了", "我担心他摔倒了起不来", "我爸一个人在家 我怕他摔倒在地上了",
       "我担心我爸摔倒了", "我怕我爸跌跤了", "担心我爸是不是摔倒了"]  # (probe) the last three were calmed: a cry lost


@pytest.mark.parametrize("words", FEAR)
async def test_a_fear_of_a_fall_to_come_reaches_staff_as_her_worry(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words, enrol=False)
    got = [t for t in staff if REQ in t]
    assert got and words in got[0] and "王老伯" in got[0], staff
    assert not any(SOS in t or "🆘🆘" in t for t in staff), staff
    assert "担心" in told and "王老伯" in told and "021-64370000" in told, told
    assert "已通知值班社工" not in told and "120" not in told.split("\n")[0], told
    assert "签到" in told and "摔倒" in told, told  # the daily check-in offered; what to do if he does fall


async def test_one_already_checked_in_daily_is_not_offered_the_check_in_again(people, app, clock):
    told, _ = await wangli_says(people, app, clock, FEAR[0])
    assert "开通" not in told and "摔倒" in told, told


@pytest.mark.parametrize("words", NOW)
async def test_a_fear_that_he_has_fallen_now_still_alerts_at_once(people, app, clock, words):
    told, staff = await wangli_says(people, app, clock, words, enrol=False)
    got = [t for t in staff if SOS in t]
    assert got and words in got[0], staff
    assert "已通知值班社工" in told, told
