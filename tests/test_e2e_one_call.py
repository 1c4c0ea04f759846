"""One open call per resident, through the real Telegram clients over HTTP: urgent words on an open request raise that
call (never a second one beside it), and words that answer none of its questions reach the staff who hold it."""
import asyncio


async def resident(telegram):
    return await telegram.signed_up("王老伯", "13900000002")


def numbered(telegram, names, n: int) -> list[str]:
    """What the staff named were sent that mentions call #n (as they read it now)."""
    return [m.text for name in names for m in telegram.api.sent_to(telegram.user(name).id) if f"#{n}" in m.text]


STAFF = ("李社工", "王社工", "陈书记")


async def test_urgent_words_on_an_open_request_raise_that_call_to_an_emergency(telegram):
    wang, li = await resident(telegram), telegram.user("李社工")
    await wang.send_text("我有点不舒服")
    await telegram.said(wang, "要不要请社工来看看您")
    request = await telegram.said(li, "求助 #1")
    n = telegram.count(li)
    await wang.send_text("快来")
    raised = await telegram.said(li, "升级为紧急", after=n)
    assert "#1" in raised.text and "快来" in raised.text and "王老伯" in raised.text
    assert "🙋 我来处理" in raised.buttons()
    await telegram.said(wang, "已通知值班社工")
    await telegram.said(wang, "请确认您现在的地址")
    # the request's own packet says it too: one call, shown alike everywhere
    await telegram.api.wait_for_message(li.id, lambda m: m.message_id == request.message_id and "升级为紧急" in m.text)
    await li.click(raised, "我来处理")  # the raised call's buttons work as any alert's
    assert "李社工" in (await telegram.said(wang, "已经接手")).text
    await asyncio.sleep(0.3)  # anything still on its way
    assert numbered(telegram, STAFF, 2) == []
    store = telegram.app.svc.store
    inc = await store.incident(1)
    assert inc["kind"] == "emergency" and inc["status"] == "claimed" and await store.incident(2) is None
    assert [e["event"] for e in await store.timeline(1)].count("raised") == 1


async def test_a_claimed_request_raised_keeps_its_claimer_who_is_told_loudly(telegram):
    wang, li = await resident(telegram), telegram.user("李社工")
    await wang.send_text("我有点不舒服")
    await li.click(await telegram.said(li, "求助 #1"), "我来处理")
    await telegram.said(wang, "已经接手")
    n = telegram.count(li)
    await wang.send_text("快来")
    raised = await telegram.said(li, "升级为紧急", after=n)
    assert "#1" in raised.text and "快来" in raised.text and "🙋 我来处理" in raised.buttons()
    await telegram.said(wang, "请确认您现在的地址")
    inc = await telegram.app.svc.store.incident(1)
    assert inc["kind"] == "emergency" and inc["claimed_by"] == "li" and await telegram.app.svc.store.incident(2) is None


async def test_words_that_answer_no_question_reach_the_staff_and_the_question_is_asked_again(telegram):
    wang, li = await resident(telegram), telegram.user("李社工")
    await wang.send_text("我摔倒了")
    await telegram.said(li, "紧急求助 #1")
    await telegram.said(wang, "您需要马上有人来吗")
    n, told = telegram.count(li), telegram.count(wang)
    await wang.send_text("钥匙在门口地垫下面")
    passed = await telegram.said(li, "钥匙在门口地垫下面", after=n)
    assert "#1" in passed.text and "王老伯" in passed.text
    await telegram.said(wang, "已经转告", after=told)
    again = await telegram.said(wang, "您需要马上有人来吗", after=told)
    assert again.buttons() == ["🆘 是，马上来", "🙂 不用，我没事"]
    assert not any("没太明白" in m.text for m in telegram.api.sent_to(wang.id)[told:])
    await wang.click(again, "是")  # the question asked again is answered as the first would be
    await telegram.said(wang, "请确认您现在的地址", after=told)
    assert numbered(telegram, STAFF, 2) == [] and await telegram.app.svc.store.incident(2) is None
    assert any(e.get("words") == "钥匙在门口地垫下面" for e in await telegram.app.svc.store.timeline(1))


async def test_the_earlier_questions_button_pressed_after_the_raise_keeps_the_address_question(telegram):
    """He taps "🙋 要，请人来看看" under the question asked before his "快来": the address question that followed the
    raise was dropped, and his typed "对" to it reached staff as one more thing he said, the address left unconfirmed."""
    wang, li = await resident(telegram), telegram.user("李社工")
    await wang.send_text("我有点不舒服")
    ask = await telegram.said(wang, "要不要请社工来看看您")
    await wang.send_text("快来")
    await telegram.said(wang, "请确认您现在的地址")
    told = telegram.count(wang)
    await wang.click(ask, "要，请人来看看")
    await telegram.said(wang, "已请社工来看您", after=told)
    await telegram.said(wang, "请确认您现在的地址", after=told)  # still waiting for his answer, asked again
    n = telegram.count(li)
    await wang.send_text("对")
    await telegram.api.wait_for_message(li.id, lambda m: "居民已确认地址" in m.text)
    assert (await telegram.app.svc.store.incident(1))["address_state"] == "confirmed"
    assert not any("又说" in m.text for m in telegram.api.sent_to(li.id)[n:])
