"""Webhook mode: Telegram posts updates to the bot, which checks the secret token on every one.

A forged update (no secret, a wrong one) gets 403 and changes nothing, for both libraries; without a configured
secret the bot derives a strong one from its token (the same in every worker) and registers it with setWebhook.
"""
import contextlib

import aiohttp
import pytest
from conftest import LIBRARIES, Telegram

from bot.config import Secrets
from bot.handlers import adapter_class
from bot.handlers.telegram_common import CannotStart
from bot.redis_server import free_port
from bot.testing.botapi_server import BotAPIServer

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def webhook_adapter(api, make_app, settings, redis_server, library, secret, port):
    for st in settings.staff:
        api.user(st.telegram_id, st.name)
    tg = settings.telegram.model_copy(update={
        "api_base_url": api.base_url, "mode": "webhook", "webhook_url": f"http://127.0.0.1:{port}/tg",
        "webhook_listen": "127.0.0.1", "webhook_port": port, "webhook_path": "/tg", "library": library})
    app = await make_app(settings_=settings.model_copy(update={"telegram": tg}))
    app.secrets = Secrets(redis_url=redis_server.url, webhook_secret=secret)
    return app, adapter_class(library)(app, api.token)


@contextlib.asynccontextmanager
async def webhook_bot(make_app, settings, redis_server, library, secret):
    port = free_port()
    async with BotAPIServer() as api:
        app, adapter = await webhook_adapter(api, make_app, settings, redis_server, library, secret, port)
        await adapter.start()
        try:
            yield api, app, f"http://127.0.0.1:{port}/tg", Telegram(api, app, adapter, library)
        finally:
            await adapter.stop()


async def post(url: str, update: dict, secret: str | None) -> int:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    async with aiohttp.ClientSession() as http:
        async with http.post(url, json=update, headers=headers) as resp:
            return resp.status


def forged_press(update_id: int, staff, message, data: str) -> dict:
    return {"update_id": update_id, "callback_query": {
        "id": f"forged{update_id}", "from": staff.obj, "chat_instance": "1", "data": data,
        "message": {"message_id": message.message_id, "date": 0, "chat": staff.chat, "text": "x"}}}


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_forged_claim_and_false_alarm_get_403_and_change_nothing(make_app, settings, redis_server, library):
    async with webhook_bot(make_app, settings, redis_server, library, "s3cret-token") as (api, app, url, tg):
        assert api.webhook["url"] == url and api.webhook["secret_token"] == "s3cret-token"
        li = api.user(1001, "李社工")
        wang = await tg.signed_up("王老伯", "13900000002")
        await wang.press("🆘 紧急求助")
        alert = await api.wait_for_message(li.id, "紧急求助 #1")
        await api.wait_for_message(wang.id, "请确认您现在的地址")
        told = len(api.sent_to(wang.id))
        forged = [forged_press(900, li, alert, alert.button_data("我来处理")),
                  forged_press(901, li, alert, "out:1:false_alarm")]
        for update in forged:
            for secret in (None, "", "wrong", "s3cret-token-but-longer"):
                assert await post(url, update, secret) == 403
        incident = await app.svc.store.incident(1)
        assert await app.svc.store.open_incident_ids() == [1] and not incident.get("claimed_by")
        assert len(api.sent_to(wang.id)) == told  # the resident was told nothing
        assert await post(url, forged[0], "s3cret-token") == 200  # the same update, genuine, does claim
        await api.wait_for_message(li.id, "李社工 已接单")


@pytest.mark.parametrize("library", LIBRARIES)
async def test_without_a_configured_secret_a_strong_one_is_made_and_registered(make_app, settings, redis_server,
                                                                               library):
    async with webhook_bot(make_app, settings, redis_server, library, None) as (api, app, url, _):
        secret = api.webhook["secret_token"]
        assert secret and len(secret) >= 32
        stranger = {"update_id": 77, "message": {"message_id": 1, "date": 0, "chat": {"id": 5009, "type": "private"},
                                                  "from": {"id": 5009, "is_bot": False, "first_name": "x"},
                                                  "text": "救命"}}
        assert await post(url, stranger, None) == 403
        assert await app.svc.store.open_incident_ids() == []
        zhang = api.user(5001, "张阿姨")  # Telegram's own deliveries carry the secret and are handled
        await zhang.send_command("/start")
        await api.wait_for_message(zhang.id, lambda m: m.has_request_contact(), timeout=10)


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_secret_telegram_would_refuse_stops_the_start_in_one_line(make_app, settings, redis_server, library):
    async with BotAPIServer() as api:
        _, adapter = await webhook_adapter(api, make_app, settings, redis_server, library, "my secret!", free_port())
        try:
            with pytest.raises(CannotStart) as refused:
                await adapter.start()
            assert str(refused.value).startswith("TELEGRAM_WEBHOOK_SECRET may use only") and api.webhook is None
        finally:
            await adapter.stop()


@pytest.mark.parametrize("library", LIBRARIES)
async def test_set_webhook_failing_once_is_retried_and_a_refusal_is_one_line(make_app, settings, redis_server,
                                                                             library):
    port = free_port()
    async with BotAPIServer() as api:
        _, adapter = await webhook_adapter(api, make_app, settings, redis_server, library, "s3cret", port)
        try:
            api.fail_next("setWebhook", 502, "Bad Gateway")
            with pytest.raises(Exception) as away:
                await adapter.start()
            assert not isinstance(away.value, CannotStart)  # Telegram away: worth another try
            api.fail_next("setWebhook", 400, "Bad Request: bad webhook: HTTPS url must be provided for webhook")
            with pytest.raises(CannotStart) as refused:
                await adapter.start()
            assert "https url must be provided" in str(refused.value).lower()
            await adapter.start()  # the same listener, registered now
            assert api.webhook["secret_token"] == "s3cret"
            assert await post(f"http://127.0.0.1:{port}/tg", {"update_id": 1}, "wrong") == 403
        finally:
            await adapter.stop()


@pytest.mark.parametrize("library", LIBRARIES)
async def test_without_a_configured_secret_every_worker_of_one_token_registers_the_same_one(make_app, settings,
                                                                                              redis_server, library):
    """Two workers behind one load balancer, no TELEGRAM_WEBHOOK_SECRET: each made its own random secret, the last
    setWebhook won, and the other worker refused (403) every call for help the balancer sent it."""
    async with webhook_bot(make_app, settings, redis_server, library, None) as (api, app, url, _):
        first = api.webhook["secret_token"]
        _, second = await webhook_adapter(api, make_app, settings, redis_server, library, None, free_port())
        await second.start()
        try:
            assert api.webhook["secret_token"] == first
            cry = {"update_id": 78, "message": {"message_id": 1, "date": 0, "chat": {"id": 5009, "type": "private"},
                                                "from": {"id": 5009, "is_bot": False, "first_name": "x"},
                                                "text": "救命"}}
            assert await post(url, cry, api.webhook["secret_token"]) == 200  # the first worker takes it
        finally:
            await second.stop()
