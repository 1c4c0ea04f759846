"""A staff member's own cry for help through the real Telegram clients over HTTP: her colleagues and the head get a
call they can claim; one claims it from the alert; she hears who took it."""


async def test_a_colleague_claims_a_staff_members_cry_over_telegram_and_she_hears_who(telegram):
    li, wa, chen = telegram.user("李社工"), telegram.user("王社工"), telegram.user("陈书记")
    await li.send_text("我摔倒了")
    told = await telegram.said(li, "已通知其他同事")
    assert "120" in told.text and "110" in told.text
    alert = await telegram.said(wa, "同事求助 #1")
    assert "李社工" in alert.text and "我摔倒了" in alert.text and "🙋 我来处理" in alert.buttons()
    head = await telegram.said(chen, "同事求助 #1")
    assert "🙋 我来处理" in head.buttons()
    await wa.click(alert, "我来处理")
    who = await telegram.said(li, "接手")
    assert "王社工" in who.text
    await telegram.api.wait_for_message(chen.id, lambda m: m.message_id == head.message_id and "王社工 已接单" in m.text)
    inc = await telegram.app.svc.store.incident(1)
    assert inc["status"] == "claimed" and inc["claimed_by"] == "wang" and not inc.get("resident")
    assert not any("同事求助" in m.text for m in telegram.api.sent_to(li.id))  # never her own alert
