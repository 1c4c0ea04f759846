"""Redis away and Telegram failing at the same moment (the server's network flapping): 张阿姨, no call open, types
"帮我买点菜". Her request's line to staff got 502 for every try the outbox makes within seconds, and was never sent
again: a cry's alert is alerted again every 30 s until it reaches someone (bot/incidents/outage_orphans.py), but a
request waited for Redis to come back and the replay; if Redis stays away, no staff member ever heard of her. Now
her request's line is sent again the same way, while Redis is still away, once it reaches someone."""
import pytest
from conftest import running_telegram

from bot.redis_server import EmbeddedRedis
from bot.testing.botapi_format import APIError
from test_fallback_media import STAFF
from test_outage_cries_held import a_second_later
from test_outage_journal import replay_tick

WORDS = "帮我买点菜"


@pytest.fixture
async def over_telegram_own_redis(make_app, settings, tmp_path):
    """The bot over a real client library, on a redis-server process of its own that the test stops."""
    server = EmbeddedRedis(tmp_path / "redis").start()
    try:
        async with running_telegram("aiogram", make_app, settings, redis_url=server.url) as tg:
            yield tg, server
    finally:
        server.stop()


def told_nobody(app) -> bool | None:
    """Her request is in the journal with its line sent, reaching nobody (the outbox's tries all spent)."""
    return any(e.get("to") == [] for e in app.svc.outage.journal.peek()) or None


async def signed_up_then_redis_gone(tg, server, clock):
    """张阿姨 signed up, the register's Telegram ids snapshotted (as every minute while Redis answers), then Redis
    stopped."""
    zhang = await tg.signed_up("张阿姨", "13900000001")
    clock.advance(minutes=1)
    await replay_tick(tg.app)
    server.stop()
    return zhang


async def test_a_request_whose_line_telegram_failed_during_an_outage_reaches_staff_30_s_later_redis_still_away(
        over_telegram_own_redis, clock):
    tg, server = over_telegram_own_redis
    api, app = tg.api, tg.app
    zhang = await signed_up_then_redis_gone(tg, server, clock)
    api.failing["sendmessage"] = APIError(502, "Bad Gateway")  # Telegram failing too
    await zhang.send_text(WORDS)
    assert await api.wait_until(lambda: told_nobody(app), 15), "her line to staff was never tried"
    del api.failing["sendmessage"]  # Telegram answers again; Redis is still away
    assert not any(WORDS in m.text for st in STAFF for m in api.sent_to(st))
    for _ in range(2):  # the outage job, every second: 30 s on, and 30 s more
        clock.advance(seconds=31)
        await a_second_later(app)
    for st in STAFF:
        line = await api.wait_for_message(st, WORDS, timeout=5)
        assert "张阿姨" in line.text
        assert sum(WORDS in m.text for m in api.sent_to(st)) == 1  # once
