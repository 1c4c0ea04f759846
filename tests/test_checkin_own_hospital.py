"""A resident who says she is in hospital herself ("我住院了") got "已经告诉居委会社工" (a request, "✏️ 其他") and her daily
greeting went on: the next mornings it asked an empty flat, and her silence became a missed check-in — a social worker
sent to her door, her son alerted as if she had fallen (lead's probe, session 18). A daughter's "我妈住院了" already
paused it (test_family_away.py); her own words did not. "这几天不用签到了" read as "身体不舒服" at the check-in, and
"我去外地旅游一个礼拜 这几天不用问我" as a pension question ("这个我答不上来").

Now her own stay in hospital pauses the greeting (the days she says, else a week: never for good), staff hear it as
news about her (🏥), she reads a kind line, and "我出院了" starts it again. A stay to come or someone else's keeps
the way it went."""
from datetime import timedelta

import pytest
from conftest import TUESDAY_9, at, enrolled

IN_HOSPITAL = ["我住院了", "我在医院住院 过几天出院", "我现在在医院住着", "我住院了 这几天不用问我", "阿拉住院了",
               "我住进医院了", "I'm in hospital"]


async def _said(people, app, clock, words, *, at_checkin=True):
    zhang, rid = await enrolled(people, app)
    if at_checkin:
        await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    return zhang, rid, zhang.texts()[n:]


@pytest.mark.parametrize("at_checkin", [True, False])
@pytest.mark.parametrize("words", IN_HOSPITAL)
async def test_her_own_stay_in_hospital_pauses_her_greeting_and_staff_hear_it(people, app, clock, words, at_checkin):
    zhang, rid, told = await _said(people, app, clock, words, at_checkin=at_checkin)
    said = "\n".join(told)
    assert "早日康复" in said and "不发每日问候" in said, told
    assert "没太明白" not in said and "答不上来" not in said and "不舒服" not in said
    (request,) = [t for t in people("李社工").texts() if "求助 #1" in t]
    assert "🏥" in request and words in request and "紧急" not in request
    # the next mornings: no greeting to her empty flat, no missed check-in, nobody sent
    n = len(zhang.texts())
    for day in (1, 2, 3):
        await at(app, clock, TUESDAY_9 + timedelta(days=day, hours=3))
    assert zhang.texts()[n:] == []
    assert not any("没有回复" in t or "每日问候" in t for t in people("李社工").texts()[1:])


async def test_a_stay_she_names_the_length_of_is_paused_that_long(people, app, clock):
    zhang, rid, told = await _said(people, app, clock, "我住院了 要住十天")
    st = await app.svc.checkins.state(rid)
    assert st.paused_until - clock.ts() > 9 * 86400 and st.paused_until - clock.ts() <= 11 * 86400


@pytest.mark.parametrize("back", ["我出院了", "I'm out of hospital"])
async def test_out_of_hospital_starts_the_greeting_again(people, app, clock, back):
    zhang, rid, _ = await _said(people, app, clock, "我住院了")
    n = len(zhang.texts())
    await zhang.send(back)
    assert any("继续问候您" in t for t in zhang.texts()[n:]), zhang.texts()[n:]
    assert not (await app.svc.checkins.state(rid)).paused(clock.ts())


@pytest.mark.parametrize("at_checkin", [True, False])
@pytest.mark.parametrize("words", ["这几天不用签到了", "这个礼拜不用签到", "我去外地旅游一个礼拜 这几天不用问我"])
async def test_not_asked_for_a_few_days_is_a_pause_not_an_ailment(people, app, clock, words, at_checkin):
    zhang, rid, told = await _said(people, app, clock, words, at_checkin=at_checkin)
    said = "\n".join(told)
    assert "不舒服" not in said and "答不上来" not in said and "没太明白" not in said, told
    assert "几天" in said or "不发每日问候" in said, told
    assert not any("求助" in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["住院要带什么东西", "我上个月住院了 现在好了", "住院费能报销吗"])
async def test_asking_about_hospital_or_a_stay_that_is_over_pauses_nothing(people, app, clock, words):
    zhang, rid, told = await _said(people, app, clock, words, at_checkin=False)
    assert not (await app.svc.checkins.state(rid)).paused(clock.ts())
    assert not any("早日康复" in t for t in told)


@pytest.mark.parametrize("words", ["我住院了 胸口好痛", "我在医院 摔了一跤起不来"])
async def test_in_hospital_and_a_danger_is_still_a_call_for_help(people, app, clock, words):
    zhang, rid, told = await _said(people, app, clock, words, at_checkin=False)
    assert any("紧急求助 #1" in t for t in people("李社工").texts())


async def test_her_husband_in_hospital_is_still_heard_as_her_alone_at_home(people, app, clock):
    zhang, rid, told = await _said(people, app, clock, "老伴住院了", at_checkin=False)
    assert not (await app.svc.checkins.state(rid)).paused(clock.ts())
    assert any("一个人在家" in t for t in told), told
