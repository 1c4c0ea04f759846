"""The python-telegram-bot adapter on its own: what becomes which event, what leaves how, errors, webhook, run()."""
import asyncio
import contextlib
import signal
import uuid

import aiohttp
import pytest

from bot.handlers import ptb_adapter
from bot.handlers.ptb_adapter import PTBAdapter, PTBMessenger, make_application
from bot.redis_server import free_port
from bot.testing.botapi_models import media_content
from bot.testing.botapi_server import BotAPIServer
from bot.types import Button, MessageRef, Outbound


def telegram_settings(settings, **update):
    return settings.model_copy(update={"telegram": settings.telegram.model_copy(
        update={"library": "python-telegram-bot", **update})})


class Recorded:
    """An adapter whose engine only records what it was given."""

    def __init__(self, api, app, adapter):
        self.api, self.app, self.adapter = api, app, adapter
        self.events: asyncio.Queue = asyncio.Queue()

    async def next(self, timeout: float = 5.0):
        return await asyncio.wait_for(self.events.get(), timeout)


@pytest.fixture
async def recorded(make_app, settings):
    async with BotAPIServer() as api:
        app = await make_app(settings_=telegram_settings(settings, api_base_url=api.base_url))
        adapter = PTBAdapter(app, api.token)
        rec = Recorded(api, app, adapter)

        async def handle(ev):
            rec.events.put_nowait(ev)
            return []

        app.engine.handle = handle
        await adapter.start()
        try:
            yield rec
        finally:
            await adapter.stop()


async def test_messages_become_the_cores_events(recorded):
    api = recorded.api
    anna = api.user(7001, "王阿姨", language_code="zh-hans")
    await anna.send_text("你好")
    ev = await recorded.next()
    assert (ev.kind, ev.text, ev.user_id, ev.chat, ev.first_name, ev.language, ev.is_group) == \
        ("text", "你好", 7001, 7001, "王阿姨", "zh-hans", False)
    await anna.send_command("/start")
    assert (await recorded.next()).kind == "command"
    await anna.send_contact("13900000001")
    own = await recorded.next()
    assert (own.kind, own.contact_phone, own.contact_user_id) == ("contact", "13900000001", 7001)
    await anna.send_contact("13900000002", user_id=None)
    assert (await recorded.next()).contact_user_id is None
    await anna.send_location(31.2, 121.4)
    loc = await recorded.next()
    assert (loc.kind, loc.latitude, loc.longitude) == ("location", 31.2, 121.4)
    await anna.send_photo(caption="我家门口")
    photo = await recorded.next()
    assert (photo.kind, photo.text) == ("photo", "我家门口")
    kinds = []
    for kind in ("voice", "audio", "video_note", "sticker", "document", "video", "animation"):
        api.incoming(anna.chat, anna.obj, media_content(kind, 900))
        kinds.append((await recorded.next()).kind)
    assert kinds == ["voice", "voice", "voice", "sticker", "file", "photo", "file"]  # a video goes as a photo
    msg_id = await anna.send_text("我要去医院")
    assert (await recorded.next()).message_id == msg_id
    await anna.edit_text(msg_id, "我不去医院了")
    edited = await recorded.next()
    assert (edited.kind, edited.text, edited.message_id) == ("edited", "我不去医院了", msg_id)
    await api.group(-100200).send_text(anna, "救命")
    group = await recorded.next()
    assert (group.is_group, group.chat, group.user_id) == (True, -100200, 7001)


async def test_a_press_is_answered_at_once_and_names_the_pressed_message(recorded):
    api = recorded.api
    anna = api.user(7002, "王阿姨")
    messenger = PTBMessenger(recorded.adapter.application.bot)
    sent = await messenger.deliver(Outbound(anna.id, "今天好吗？", buttons=((Button("我很好", "ok:7"),),)))
    query_id = await anna.click(api.sent_message(anna.id, sent.message_id), "我很好")
    ev = await recorded.next()
    assert (ev.kind, ev.data, ev.message_id, ev.callback_id) == ("button", "ok:7", sent.message_id, query_id)
    assert await api.wait_until(lambda: query_id in api.callback_answers, 2)  # the spinner stopped, alongside
    # a press on a message Telegram no longer shows, whose answer fails, still reaches the core
    api.fail_next("answerCallbackQuery", 400, "Bad Request: query is too old and response timeout expired")
    await anna.click_data(424242, "inc:claim:1")
    stale = await recorded.next()
    assert (stale.kind, stale.data, stale.message_id) == ("button", "inc:claim:1", 424242)


async def test_outbound_keyboards_edits_and_forwards(recorded):
    api = recorded.api
    anna, li = api.user(7003, "王阿姨"), api.user(1001, "李社工")
    m = PTBMessenger(recorded.adapter.application.bot)
    ask = await m.deliver(Outbound(anna.id, "请分享电话", keyboard=(("📱 分享我的电话",), ("取消",)), request="contact"))
    first = api.sent_message(anna.id, ask.message_id)
    assert first.has_request_contact() and first.buttons() == ["📱 分享我的电话", "取消"]
    assert first.reply_markup["one_time_keyboard"] is True
    assert [b.get("request_contact", False) for row in first.reply_markup["keyboard"] for b in row] == [True, False]
    where = await m.deliver(Outbound(anna.id, "您在哪里", keyboard=(("📍 发送位置",),), request="location"))
    assert api.sent_message(anna.id, where.message_id).has_request_location()
    menu = await m.deliver(Outbound(anna.id, "主菜单", keyboard=(("🆘 紧急求助",),)))
    plain = api.sent_message(anna.id, menu.message_id)
    assert not plain.has_request_contact() and plain.reply_markup["is_persistent"] is True
    alert = await m.deliver(Outbound(li.id, "紧急求助 #1", buttons=((Button("🙋 我来处理", "inc:claim:1"),),)))
    edit = await m.deliver(Outbound(li.id, "紧急求助 #1 已接单", edit=MessageRef(li.id, alert.message_id)))
    assert edit.ok and edit.message_id == alert.message_id
    assert api.sent_message(li.id, alert.message_id).text == "紧急求助 #1 已接单"
    voice = await anna.send_voice()
    fwd = await m.deliver(Outbound(li.id, forward=MessageRef(anna.id, voice)))
    assert fwd.ok and api.sent_message(li.id, fwd.message_id).forwarded_from[0] == anna.id


async def test_send_errors_are_classified_like_aiogram(recorded):
    api = recorded.api
    anna, li = api.user(7004, "王阿姨"), api.user(1001, "李社工")
    m = PTBMessenger(recorded.adapter.application.bot)
    api.block_chat(anna.id)
    blocked = await m.deliver(Outbound(anna.id, "您好"))
    assert (blocked.ok, blocked.permanent) == (False, True) and "blocked" in blocked.error
    nowhere = await m.deliver(Outbound(987654, "您好"))
    assert (nowhere.ok, nowhere.permanent) == (False, True) and "chat not found" in nowhere.error.lower()
    sent = await m.deliver(Outbound(li.id, "紧急求助 #1"))
    same = await m.deliver(Outbound(li.id, "紧急求助 #1", edit=MessageRef(li.id, sent.message_id)))
    assert (same.ok, same.message_id) == (True, sent.message_id)  # "message is not modified" is success
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3)
    flood = await m.deliver(Outbound(li.id, "第二条"))
    assert (flood.ok, flood.permanent, flood.retry_after) == (False, False, 3.0)
    api.fail_next("sendMessage", 400, "Bad Request: message is too long")
    odd = await m.deliver(Outbound(li.id, "太长"))
    assert (odd.ok, odd.permanent) == (False, True)  # any 400: the same request is refused again
    dead = make_application(api.token, f"http://127.0.0.1:{free_port()}")
    try:
        down = await PTBMessenger(dead.bot).deliver(Outbound(li.id, "服务器不在"))
    finally:
        await dead.shutdown()
    assert (down.ok, down.permanent, down.retry_after) == (False, False, None)  # transient: the Outbox retries


async def test_webhook_mode_checks_the_secret_header(make_app, settings):
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    async with BotAPIServer() as api:
        s = telegram_settings(settings, api_base_url=api.base_url, mode="webhook", webhook_url=url,
                              webhook_port=port)
        app = await make_app(settings_=s)
        app.secrets = app.secrets.model_copy(update={"webhook_secret": "s3cret"})
        adapter = PTBAdapter(app, api.token)
        await adapter.start()
        try:
            assert (api.webhook["url"], api.webhook["secret_token"]) == (url, "s3cret")
            zhang = api.user(7005, "张阿姨")
            await zhang.send_command("/start")
            await api.wait_for_message(zhang.id, lambda m: m.has_request_contact())
            forged = {"update_id": 99001, "message": {
                "message_id": 1, "date": 0, "chat": {"id": 7006, "type": "private", "first_name": "假"},
                "from": {"id": 7006, "is_bot": False, "first_name": "假"}, "text": "/start"}}
            api.user(7006, "假")
            async with aiohttp.ClientSession() as http:
                for headers in ({"X-Telegram-Bot-Api-Secret-Token": "wrong"}, {}):
                    async with http.post(url, json=forged, headers=headers) as resp:
                        assert resp.status == 403
                await asyncio.sleep(0.3)
                assert api.sent_to(7006) == []
                async with http.post(url, json=forged, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"}) as resp:
                    assert resp.status == 200
            await api.wait_for_message(7006, lambda m: m.has_request_contact())
        finally:
            await adapter.stop()
        with pytest.raises(aiohttp.ClientConnectionError):  # the webhook server is gone
            async with aiohttp.ClientSession() as http, http.post(url, json={}):
                pass


async def test_switching_the_config_key_runs_the_bot_on_ptb(monkeypatch, redis_server, settings, nlu_model,
                                                            knowledge_base):
    """run_telegram with telegram.library: python-telegram-bot: answers a resident, then stops cleanly on SIGTERM."""
    from bot import district
    from bot.config import Secrets
    from bot.handlers import run_telegram

    started, real_start = [], PTBAdapter.start

    async def start(self):
        started.append(self)
        await real_start(self)

    before = signal.getsignal(signal.SIGTERM)
    # the session's trained models instead of loading them again
    monkeypatch.setattr(district, "load_nlu", lambda *a: nlu_model)
    monkeypatch.setattr(district, "load_kb", lambda: knowledge_base)
    monkeypatch.setattr(ptb_adapter.PTBAdapter, "start", start)
    async with BotAPIServer() as api:
        s = telegram_settings(settings, api_base_url=api.base_url)
        s = s.model_copy(update={"redis": s.redis.model_copy(update={"prefix": f"ptb{uuid.uuid4().hex[:8]}:"})})
        task = asyncio.create_task(run_telegram(s, Secrets(telegram_token=api.token, redis_url=redis_server.url)))
        try:
            wang = api.user(7007, "王老伯")
            await wang.send_command("/start")
            await api.wait_for_message(wang.id, lambda m: m.has_request_contact())
            assert len(started) == 1
            for _ in range(100):  # the handler is installed right after the adapter starts
                if signal.getsignal(signal.SIGTERM) is not before:
                    break
                await asyncio.sleep(0.05)
            assert signal.getsignal(signal.SIGTERM) is not before
            signal.raise_signal(signal.SIGTERM)  # caught by the bot's own handler, as under systemd
            assert await asyncio.wait_for(task, 10) == 0
            assert started[0].application.running is False
        finally:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
