"""A staff member types "我来" on her phone instead of pressing: through the real Telegram client, she is offered the
alert's claim button, named, and her tap claims it."""


async def test_typed_i_will_take_it_offers_the_named_claim_button_over_telegram(telegram):
    wang = await telegram.signed_up("王老伯", "13900000002")
    await wang.press("🆘 紧急求助")
    li = telegram.user("李社工")
    await telegram.said(li, "紧急求助 #1")
    n = telegram.count(li)
    await li.send_text("我马上去")
    offer = await telegram.said(li, "王老伯", after=n)
    assert "#1" in offer.text and any("我来处理" in b for b in offer.buttons())
    assert (await telegram.app.svc.store.incident(1))["status"] == "open"
    await li.click(offer, "我来处理")
    await telegram.said(wang, "李社工 已经接手")
    assert (await telegram.app.svc.store.incident(1))["claimed_by"] == "li"
