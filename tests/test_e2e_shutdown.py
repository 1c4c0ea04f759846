"""SIGTERM while a cry for help is being handled: the bot finishes it before it exits, with both libraries."""
import asyncio
import signal

import pytest
import yaml
from conftest import LIBRARIES, signed_up_over_api
from redis.asyncio import Redis
from test_e2e_restart import start_bot, write_config

from bot.store import Store
from bot.testing.botapi_server import BotAPIServer


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_cry_for_help_in_flight_at_sigterm_is_stored_and_alerted(tmp_path, redis_server, library):
    async with BotAPIServer() as api:
        li = api.user(1001, "李社工")
        config = write_config(tmp_path, api.base_url, library)
        bot = start_bot(config, redis_server.url, api.token)
        try:
            wang = await signed_up_over_api(api, api.user(5001, "王老伯"), "13900000002")
            api.hold_next("sendMessage", 3)  # a slow network: the first message of the handling takes 3 s
            await wang.send_text("救命，我摔倒了起不来")
            assert await api.wait_until(lambda: api.held, 30)
            bot.send_signal(signal.SIGTERM)
            assert await asyncio.to_thread(bot.wait, 30) == 0
        finally:
            if bot.poll() is None:
                bot.kill()
                bot.wait()
            bot.stderr.close()
        assert any("紧急求助 #1" in m.text and "建新路27弄5号302室" in m.text for m in api.sent_to(li.id))
    prefix = yaml.safe_load(config.read_text(encoding="utf-8"))["redis"]["prefix"]
    redis = Redis.from_url(redis_server.url)
    try:
        assert len(await Store(redis, prefix).open_incident_ids()) == 1
    finally:
        await redis.aclose()


async def test_shutdown_waits_for_a_stuck_update_no_longer_than_the_grace_period(telegram, monkeypatch):
    handling = asyncio.Event()

    async def stuck(ev):
        handling.set()
        await asyncio.sleep(3600)

    monkeypatch.setattr(telegram.app.engine, "handle", stuck)
    telegram.adapter.in_hand.grace = 2
    await telegram.user("张阿姨").send_text("你好")
    await asyncio.wait_for(handling.wait(), 10)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await telegram.adapter.stop()
    assert 1.5 <= loop.time() - started <= 6
