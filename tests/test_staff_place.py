"""A resident's 🆘 does not wait for a staff chat's pace spent on messages that are not urgent (issue 16: own alert
p99 < 50 ms).

Telegram takes a short burst into one chat, then about one message a second; the bot keeps to it (config.yaml
`telegram.chat_burst: 3`, bot/ratelimit.py). Staff chats also get messages nobody is waiting for to the second:
missed check-ins (each an alert that is not urgent), news of an incident, replies. If these use the whole burst, a
call for help raised just after them waits for the chat's next second. Here the real bot (build_app, the limiter it
installs, the real aiogram client) sends to a Bot API test server that enforces the burst strictly: 3 messages in
any second into a chat, 429 beyond.
"""
import asyncio
import time
import uuid

from bot.app import build_app
from bot.config import Secrets
from bot.handlers import adapter_class
from bot.testing.botapi_server import BotAPIServer, RateLimits
from conftest import Telegram

LI = 1001  # 李社工, on duty on a Monday at 10:00 (the tests' clock)
FAST = 0.4  # press → alert at the server on a busy 2-core machine; the chat's next second would be ~1 s


async def test_a_sos_right_after_missed_check_in_alerts_does_not_wait_for_the_staff_chats_second(
        redis_server, settings, clock, nlu_model, knowledge_base):
    async with BotAPIServer(limits=RateLimits(per_chat_per_s=settings.telegram.chat_burst)) as api:
        for st in settings.staff:
            api.user(st.telegram_id, st.name)
        s = settings.model_copy(update={
            "telegram": settings.telegram.model_copy(update={"api_base_url": api.base_url}),
            "redis": settings.redis.model_copy(update={"prefix": f"nc:{{s{uuid.uuid4().hex[:6]}}}:"})})
        app = await build_app(s, Secrets(redis_url=redis_server.url), clock=clock, nlu=nlu_model, kb=knowledge_base)
        adapter = adapter_class("aiogram")(app, api.token)
        await adapter.start()
        try:
            tg = Telegram(api, app, adapter, "aiogram")
            wang = await tg.signed_up("王老伯", "13900000002")
            store, incidents = app.svc.store, app.svc.incidents
            rid = (await store.next_resident_ids(1))[0]
            await store.save_resident({"id": rid, "name": "赵阿婆", "phone": "13900000009", "road": "建新路",
                                       "lane": "27", "building": "1", "room": "101", "lives_alone": True})
            missed = [await store.resident(await store.resident_id_by_phone(p))
                      for p in ("13900000001", "13900000003", "13900000009")]
            await asyncio.sleep(1.2)  # the staff chat's pace is clear
            before = len(api.sent_to(LI))
            # 09:30-like: three residents missed their check-in; on-duty staff get one alert each, not urgent
            ns = [await incidents.open("checkin", p, source="checkin", ask_address=False) for p in missed]
            alerts = asyncio.gather(*(incidents.alert_first(n) for n in ns))
            await api.wait_until(lambda: len(api.sent_to(LI)) >= before + 2, 5)
            pressed = time.monotonic()
            await wang.press("🆘 紧急求助")
            sos = await api.wait_for_message(LI, lambda m: "紧急求助" in m.text and "王老伯" in m.text,
                                             after=before)
            assert sos.at - pressed < FAST, sos.at - pressed  # not behind the missed check-ins' use of the burst
            assert await alerts == [1, 1, 1]  # and every missed check-in still reached her
            assert len(api.sent_to(LI)) == before + 4
            assert api.stats.throttled == 0  # within the chat's burst and pace, as Telegram enforces them
        finally:
            await adapter.stop()
            await app.close()
