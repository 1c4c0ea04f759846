"""Issue 17 (3) end to end, through both Telegram libraries: a notice to "aged 80+", and an alert raised while a
notice to 1,000 residents is going out at Telegram's pace."""
import time

import pytest
from conftest import LIBRARIES, Telegram, adapter_for


async def notice_to(telegram, li, who: str, text: str):
    await li.send_command("/notice")
    await li.click(await telegram.said(li, "发通知给谁"), who)
    await telegram.said(li, "请输入通知内容")
    await li.send_text(text)
    return await telegram.said(li, "预览")


async def test_e2e_aged_80_plus_ack_and_follow_up(telegram):
    api, app = telegram.api, telegram.app
    zhang = await telegram.signed_up("张阿姨", "13900000001")   # 82
    wang = await telegram.signed_up("王老伯", "13900000002")    # 89, blocks the bot
    liu = await telegram.signed_up("刘奶奶", "13900000003")     # 75
    api.block_chat(wang.id)
    li = telegram.user("李社工")
    preview = await notice_to(telegram, li, "80岁以上", "周六上午有免费上门义剪，需要的请按👌。")
    assert "共 2 人" in preview.text
    await li.click(preview, "24小时")
    notice = await telegram.said(zhang, "居委会通知")
    assert notice.buttons() == ["👌 收到了"] and "上门义剪" in notice.text
    await zhang.click(notice, "收到了")
    await telegram.said(zhang, "谢谢")
    await telegram.said(li, "发完了")
    assert not any("居委会通知" in m.text for m in api.sent_to(liu.id))
    assert (await app.svc.store.notice_states(1)) == {(await app.svc.store.resident_by_tg(zhang.id))["id"]: "ack",
                                                      (await app.svc.store.resident_id_by_phone("13900000002")):
                                                      "blocked"}
    app.svc.clock.advance(hours=24.1)
    await app.engine.tick()
    follow = await telegram.said(li, "📋 通知 #1")
    assert "👌 已收到 1 人" in follow.text and "王老伯 13900000002" in follow.text and "拉黑了助手" in follow.text
    assert "张阿姨" not in follow.text


async def test_e2e_a_notice_with_a_photo(telegram):
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    li = telegram.user("李社工")
    await li.send_command("/notice")
    await li.click(await telegram.said(li, "发通知给谁"), "独居老人")
    await telegram.said(li, "请输入通知内容")
    await li.send_photo(caption="插线板以旧换新：周六上午在居委会门口。")
    await li.click(await telegram.said(li, "附一张照片"), "24小时")
    notice = await telegram.api.wait_for_message(zhang.id, lambda m: m.kind == "photo")
    assert "插线板以旧换新" in notice.text and notice.buttons() == ["👌 收到了"]
    await zhang.click(notice, "收到了")
    await telegram.said(zhang, "谢谢")


@pytest.fixture(params=LIBRARIES)
async def paced(request, make_app, settings):
    """The bot behind a Bot API server that enforces Telegram's flood limits (strictly: one message a second in a
    chat, no burst), with the bot's own limiter set to match."""
    from bot.ratelimit import Limits, TelegramLimiter
    from bot.testing.botapi_server import BotAPIServer, RateLimits

    async with BotAPIServer(limits=RateLimits()) as api:
        for st in settings.staff:
            api.user(st.telegram_id, st.name)
        s = settings.model_copy(update={"telegram": settings.telegram.model_copy(
            update={"api_base_url": api.base_url, "library": request.param})})
        app = await make_app(settings_=s, limiter=TelegramLimiter(Limits(chat_burst=1, per_chat_per_second=0.9)))
        adapter = adapter_for(request.param)(app, api.token)
        await adapter.start()
        try:
            yield Telegram(api, app, adapter, request.param)
        finally:
            await adapter.stop()


async def test_e2e_an_alert_during_a_notice_to_1000_reaches_staff_first(paced):
    api, app = paced.api, paced.app
    crowd = [{"id": f"r{900 + i}", "name": f"居民{i}", "phone": f"1370000{i:04d}", "road": "建新路", "lane": "27",
              "building": str(i % 50), "room": "101", "lives_alone": True, "birth_date": "1940-01-01",
              "contacts": [], "doctor": None, "notes": "", "tg_id": 300000 + i} for i in range(1000)]
    await app.svc.store.replace_residents(crowd, {})
    for p in crowd:
        api.user(p["tg_id"], p["name"])
    wang = await paced.signed_up("王老伯", "13900000002")
    li = paced.user("李社工")
    preview = await notice_to(paced, li, "所有居民", "明天上午停水，请提前储水。")
    assert "共 1003 人" in preview.text
    await li.click(preview, "24小时")

    def notices_out() -> list:
        return [m for cid in range(300000, 301000) for m in api.sent_to(cid)]

    await api.wait_until(lambda: len(notices_out()) >= 60, 10)  # two seconds into the notice
    pressed = time.monotonic()
    await wang.press("🆘 紧急求助")
    alert = await paced.said(li, "紧急求助 #1", timeout=5)
    between = [m for m in notices_out() if pressed < m.at < alert.at]
    assert alert.at - pressed < 2.0
    assert len(between) <= 10  # the alert waited for a slot or two, not for the notice's queue
    assert [(c.method, c.params.get("chat_id"), round(c.at - pressed, 3)) for c in api.calls if c.error_code == 429] == []
    still = len(notices_out())
    assert still < 1000  # the notice was still going out
