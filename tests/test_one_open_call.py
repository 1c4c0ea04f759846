"""One open call per resident. "快来" typed while "要不要请社工来看看您？" waited (after "我好难受") opened emergency #2
beside request #1: two packets about one person, two staff who could each claim one. Words that raise urgency now
raise the open call itself (staff told loudly "升级为紧急" on the same incident, a claim kept), and anything else said
while it is open joins it: on its timeline and to the staff who hold it."""
import pytest
from conftest import signed_up, enrolled, at, TUESDAY_9


async def _unwell(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我好难受")
    assert "要不要请社工来看看您" in wang.last().text
    return wang


async def _unwell_claimed(people, then: str):
    """王老伯's request (我好难受) claimed by 李社工; then he says `then`. Him and her."""
    wang = await _unwell(people)
    li = people("李社工")
    await li.click(li.last("求助 #1"), "我来处理")
    await wang.send(then)
    return wang, li


async def _only_one_call(app):
    assert (await app.svc.store.incident(1))["status"] != "resolved"
    assert await app.svc.store.incident(2) is None


async def _raised(app):
    inc = await app.svc.store.incident(1)
    assert inc["kind"] == "emergency"
    return inc


@pytest.mark.parametrize("words", ["快来", "救命", "我摔倒了起不来"])
async def test_urgent_words_during_the_unwell_follow_up_raise_that_call(people, app, words):
    wang = await _unwell(people)
    await wang.send(words)
    await _only_one_call(app)
    await _raised(app)
    li = people("李社工")
    raised = li.last("升级为紧急")
    assert "#1" in raised.text and words in raised.text
    assert "#2" not in "".join(li.texts())
    assert "已通知值班社工" in wang.last("已通知").text
    assert "请确认您现在的地址" in wang.last().text  # where they are, as after any emergency
    assert any(e.get("words") == words for e in await app.svc.store.timeline(1))


async def test_a_raised_call_keeps_its_claim_and_tells_the_claimer_loudly(people, app):
    wang, li = await _unwell_claimed(people, "救命")
    await _only_one_call(app)
    inc = await _raised(app)
    assert inc["status"] == "claimed" and inc["claimed_by"]
    assert "升级为紧急" in li.last().text and "救命" in li.last().text


async def test_an_unclaimed_raised_call_escalates_as_an_emergency(people, app, clock):
    wang = await _unwell(people)
    await wang.send("救命")
    inc = await _raised(app)
    wa, chen = people("王社工"), people("陈书记")
    assert wa.texts() == []  # on duty on Monday morning: 李社工 alone
    clock.advance(minutes=3.1)  # an emergency's next level (a request's would wait 30 minutes)
    await app.engine.tick()
    assert "紧急求助 #1" in wa.last("#1").text and "紧急求助 #1" in chen.last("#1").text
    assert await app.svc.store.incident(2) is None


async def test_sos_pressed_while_a_request_is_open_raises_it(people, app):
    wang = await _unwell(people)
    await wang.send("🆘 紧急求助")
    await _only_one_call(app)
    await _raised(app)
    assert "升级为紧急" in people("李社工").last("升级为紧急").text


async def test_a_checkin_answered_not_well_while_a_request_is_open_joins_it(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await zhang.send("马桶堵了")
    assert "求助 #1" in people("李社工").last("求助 #1").text
    await at(app, clock, TUESDAY_9)
    await zhang.click(zhang.last("身体好吗"), "需要帮助")
    await _only_one_call(app)


async def test_a_new_need_while_a_call_is_open_joins_it_and_reaches_its_holder(people, app):
    wang, li = await _unwell_claimed(people, "马桶也堵了")
    await _only_one_call(app)
    assert (await app.svc.store.incident(1))["kind"] == "help"
    assert "马桶也堵了" in li.last().text and "#1" in li.last().text
    assert "已经转告正在处理您求助的社工" in wang.last().text
    assert any(e.get("words") == "马桶也堵了" for e in await app.svc.store.timeline(1))


async def test_feeling_unwell_during_an_open_emergency_joins_it(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命")
    await wang.click(wang.last("马上有人来吗"), "是")
    await wang.click(wang.last("地址"), "对")
    await wang.send("我好难受")
    await _only_one_call(app)
    assert "#1" in people("李社工").last("我好难受").text
    assert any(e.get("words") == "我好难受" for e in await app.svc.store.timeline(1))


async def test_a_cry_in_a_photos_caption_while_a_request_is_open_raises_it_and_the_photo_follows(people, app):
    wang = await _unwell(people)
    await wang.send_kind("photo", caption="我摔倒了起不来")
    await _only_one_call(app)
    await _raised(app)
    li = people("李社工")
    assert li.inbox[-1].forwarded or any(m.forwarded for m in li.inbox[-3:])


@pytest.mark.parametrize("button", ["不太舒服", "需要帮助"])
async def test_a_checkin_answer_during_an_open_emergency_joins_it(people, app, clock, button):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9.replace(hour=8, minute=50))
    await zhang.send("救命")
    await zhang.click(zhang.last("马上有人来吗"), "是")
    await zhang.click(zhang.last("地址"), "对")
    await at(app, clock, TUESDAY_9)
    await zhang.click(zhang.last("身体好吗"), button)
    await _only_one_call(app)
    assert (await app.svc.store.incident(1))["kind"] == "emergency"


async def test_a_daughters_cry_while_her_fathers_request_is_open_raises_it(people, app):
    wang = await _unwell(people)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸摔倒了起不来")
    await _only_one_call(app)
    await _raised(app)
    assert "升级为紧急" in people("李社工").last("升级为紧急").text
    assert "已通知值班社工" in wangli.last().text
    assert not any("地址" in t for t in wangli.texts())


async def test_a_daughters_request_while_her_fathers_call_is_open_joins_it(people, app):
    wang = await _unwell(people)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("能帮我去看看我爸吗")
    await _only_one_call(app)
    told = people("李社工").last("能帮我去看看我爸吗").text
    assert "#1" in told and "王丽" in told
    assert "已经" in wangli.last().text


async def test_words_joining_a_call_whose_claimer_blocked_the_bot_reach_other_staff(people, app):
    wang, li = await _unwell_claimed(people, "我好难受")  # (the follow-up asked again: a no-op here)
    app.svc.outbox.messenger.blocked.add(li.id)
    await wang.send("马桶也堵了")
    await _only_one_call(app)
    assert "马桶也堵了" in people("王社工").last("马桶也堵了").text
    assert "已经转告" in wang.last().text


async def test_a_raise_that_reaches_nobody_tells_the_resident_the_truth(people, app):
    wang = await _unwell(people)
    app.svc.outbox.messenger.blocked.update((1001, 1002, 1003))  # every staff member blocked the bot since
    await wang.send("救命")
    await _only_one_call(app)
    await _raised(app)
    assert any("暂时没联系上社工" in t for t in wang.texts()[-3:])
    assert not any("已通知值班社工" in t for t in wang.texts()[-3:])
