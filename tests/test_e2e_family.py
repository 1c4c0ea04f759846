"""A family member's cry for help end to end: the real Telegram client over HTTP, real Redis."""


async def test_a_daughters_cry_for_help_reaches_staff_as_an_incident_for_her_father(telegram):
    daughter = telegram.user("王丽")
    await daughter.send_command("/start")
    await telegram.api.wait_for_message(daughter.id, lambda m: m.has_request_contact())
    await daughter.send_contact("13911110002")
    await telegram.said(daughter, "紧急联系人")
    await daughter.send_text("我爸爸摔倒了起不来")
    alert = await telegram.said(telegram.user("李社工"), "紧急求助 #1")
    assert "王老伯" in alert.text and "建新路27弄5号302室" in alert.text and "王丽（女儿）" in alert.text
    assert "🙋 我来处理" in alert.buttons()
    assert "王老伯" in (await telegram.said(daughter, "已通知值班社工")).text
    inc = await telegram.app.svc.store.incident(1)
    assert inc["resident"] == await telegram.app.svc.store.resident_id_by_phone("13900000002")
