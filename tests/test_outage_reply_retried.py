"""Redis away, and Telegram failing for one chat (her phone's network flapping, 5xx and time-outs on her messages):
张阿姨 presses 🆘. Staff were alerted, but her own reply — 120 and the committee's phone — failed every try the
outbox makes within seconds and was never sent again: staff lines are sent again every 30 s until they reach someone
(bot/incidents/outage_orphans.py), hers was not. A frightened woman who cried and read nothing may think nobody heard.
Now her reply is sent again the same way while Redis is still away, once it gets through, and once only."""
from test_fallback_media import COMMITTEE, STAFF
from test_outage_cries_held import a_second_later
from test_outage_request_retried import over_telegram_own_redis  # noqa: F401 (the bot on its own redis-server)
from test_outage_request_retried import signed_up_then_redis_gone

from bot.testing.botapi_format import APIError


def tries_spent(api, chat: int, attempts: int) -> bool | None:
    """Every try the outbox makes for a message to `chat` has failed."""
    return sum(c.method.lower() == "sendmessage" and bool(c.error_code) and str(c.params.get("chat_id")) == str(chat)
               for c in api.calls) >= attempts or None


async def test_her_reply_that_telegram_failed_during_an_outage_reaches_her_30_s_later_once(
        over_telegram_own_redis, clock):
    tg, server = over_telegram_own_redis
    api, app = tg.api, tg.app
    zhang = await signed_up_then_redis_gone(tg, server, clock)
    api.failing_chats[zhang.id] = APIError(502, "Bad Gateway")  # her messages fail; staff's go through
    await zhang.send_text("🆘 紧急求助")
    for st in STAFF:
        assert "系统故障" in (await api.wait_for_message(st, "张阿姨", timeout=15)).text  # staff know, as before
    assert await api.wait_until(lambda: tries_spent(api, zhang.id, app.svc.outbox.attempts), 15)
    del api.failing_chats[zhang.id]  # her messages go through again; Redis is still away
    assert not any("120" in m.text for m in api.sent_to(zhang.id))
    for _ in range(2):  # the outage job, every second: 30 s on, and 30 s more
        clock.advance(seconds=31)
        await a_second_later(app)
    reply = await api.wait_for_message(zhang.id, "120", timeout=5)
    assert COMMITTEE in reply.text
    assert sum("120" in m.text for m in api.sent_to(zhang.id)) == 1  # once
