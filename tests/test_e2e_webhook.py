"""Webhook mode: Telegram posts updates to the bot, which checks the secret token on every one."""
import aiohttp
import pytest
from conftest import LIBRARIES

from bot.config import Secrets
from bot.handlers import adapter_class
from bot.redis_server import free_port
from bot.testing.botapi_server import BotAPIServer


@pytest.mark.parametrize("library", LIBRARIES)
async def test_webhook_mode_with_secret_token(make_app, settings, redis_server, library):
    port = free_port()
    async with BotAPIServer() as api:
        tg = settings.telegram.model_copy(update={
            "api_base_url": api.base_url, "mode": "webhook", "webhook_url": f"http://127.0.0.1:{port}/tg",
            "webhook_listen": "127.0.0.1", "webhook_port": port, "webhook_path": "/tg", "library": library})
        app = await make_app(settings_=settings.model_copy(update={"telegram": tg}))
        app.secrets = Secrets(redis_url=redis_server.url, webhook_secret="s3cret-token")
        adapter = adapter_class(library)(app, api.token)
        await adapter.start()
        try:
            assert api.webhook["url"] == f"http://127.0.0.1:{port}/tg"
            assert api.webhook["secret_token"] == "s3cret-token"
            zhang = api.user(5001, "张阿姨")
            await zhang.send_command("/start")
            await api.wait_for_message(zhang.id, lambda m: m.has_request_contact())
            forged = {"update_id": 999, "message": {"message_id": 1, "date": 0, "chat": {"id": 5001, "type": "private"},
                                                     "from": {"id": 5001, "is_bot": False, "first_name": "x"},
                                                     "text": "救命"}}
            async with aiohttp.ClientSession() as http:
                async with http.post(f"http://127.0.0.1:{port}/tg", json=forged,
                                     headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as resp:
                    assert resp.status in (401, 403)
            assert await app.svc.store.open_incident_ids() == []
        finally:
            await adapter.stop()
