"""An update Telegram delivers twice is handled once (bot/once.py), through the real clients.

Telegram delivers an update again when it was not confirmed: a webhook answer lost on the way (Telegram retries),
a poller that fetched it and stopped before its next getUpdates (the next poller, in another worker, gets it too).
A 🆘 delivered twice must not alert staff twice, nor tell the resident twice.
"""
import asyncio

import pytest
from conftest import LIBRARIES, Telegram, adapter_for

from bot.testing.botapi_server import BotAPIServer
from test_e2e_webhook import post, webhook_bot


def alerts(api, chat_id: int, needle: str = "紧急求助 #1") -> int:
    return sum(needle in m.text for m in api.sent_to(chat_id))


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_sos_whose_webhook_delivery_is_retried_alerts_staff_once(make_app, settings, redis_server, library):
    async with webhook_bot(make_app, settings, redis_server, library, "s3cret-token") as (api, app, url, tg):
        li = api.user(1001, "李社工")
        wang = await tg.signed_up("王老伯", "13900000002")
        await wang.press("🆘 紧急求助")
        sos = api.pushed[-1]
        await api.wait_for_message(li.id, "紧急求助 #1")
        await api.wait_for_message(wang.id, "请确认您现在的地址")
        await asyncio.sleep(0.5)
        told, staff_told = len(api.sent_to(wang.id)), len(api.sent_to(li.id))
        assert await post(url, sos, "s3cret-token") == 200  # Telegram's retry: its first answer was lost
        await asyncio.sleep(1.5)
        assert alerts(api, li.id) == 1 and len(api.sent_to(li.id)) == staff_told  # no "又发来" either
        assert len(api.sent_to(wang.id)) == told
        assert [e["event"] for e in await app.svc.store.timeline(1)].count("created") == 1


async def test_updates_the_last_poller_fetched_but_never_confirmed_are_handled_once_by_the_next(make_app, settings):
    """Two workers on one Redis and token: the first polls, fetches a resident's 🆘 and stops before its next
    getUpdates confirms it; the second takes the lease over and is given the 🆘 again."""
    async with BotAPIServer() as api:
        for st in settings.staff:
            api.user(st.telegram_id, st.name)
        s = settings.model_copy(update={"telegram": settings.telegram.model_copy(
            update={"api_base_url": api.base_url, "library": "aiogram"})})
        first = adapter_for("aiogram")(await make_app(settings_=s), api.token)
        second_app = await make_app(settings_=s)
        second = adapter_for("aiogram")(second_app, api.token)
        await first.start()
        try:
            await second.start()  # waits for the lease
            tg = Telegram(api, first.app, first, "aiogram")
            wang = await tg.signed_up("王老伯", "13900000002")
            li = api.user(1001, "李社工")
            api.hold_next("getUpdates", 30)  # the poll that would confirm the 🆘 never gets through
            await wang.press("🆘 紧急求助")
            await api.wait_for_message(li.id, "紧急求助 #1")
            await api.wait_for_message(wang.id, "请确认您现在的地址")
            told = len(api.sent_to(wang.id))
            await first.stop()  # the lease passes on; the 🆘 is still queued at Telegram
            assert api.updates and "🆘" in api.updates[-1]["message"]["text"]
            await api.wait_until(lambda: not api.updates, 5)  # the second worker fetched it again
            await asyncio.sleep(1.5)
            assert alerts(api, li.id) == 1
            assert len(api.sent_to(wang.id)) == told
        finally:
            await second.stop()
            await first.stop()


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_sos_delivered_twice_at_once_alerts_staff_once(make_app, settings, redis_server, library):
    """A webhook retry that arrives while the first delivery is still storing the 🆘 (whose mark goes with its
    incident): the second finds the mark taken, stores nothing and waits; staff hear of it once."""
    async with webhook_bot(make_app, settings, redis_server, library, "s3cret-token") as (api, app, url, tg):
        li = api.user(1001, "李社工")
        wang = await tg.signed_up("王老伯", "13900000002")
        await wang.send_text("你好")
        await asyncio.sleep(0.5)
        told = len(api.sent_to(wang.id))
        sos = {**api.pushed[-1], "update_id": api.pushed[-1]["update_id"] + 100}
        sos["message"] = {**sos["message"], "text": "🆘 紧急求助", "message_id": sos["message"]["message_id"] + 100}
        assert await asyncio.gather(*(post(url, sos, "s3cret-token") for _ in range(2))) == [200, 200]
        await api.wait_for_message(li.id, "紧急求助 #1")
        await api.wait_for_message(wang.id, "请确认您现在的地址")
        await asyncio.sleep(1.5)
        assert alerts(api, li.id) == 1
        assert sum("已通知" in m.text for m in api.sent_to(wang.id)[told:]) == 1
        assert [e["event"] for e in await app.svc.store.timeline(1)].count("created") == 1


async def test_a_sos_goes_to_redis_once_before_its_alert(telegram):
    """Its update's mark rides in the round trip that stores the incident, not one before it (under a check-in
    storm every round trip is several turns of a busy loop): no separate mark for a 🆘, and the mark is there."""
    api, app = telegram.api, telegram.app
    li = api.user(1001, "李社工")
    wang = await telegram.signed_up("王老伯", "13900000002")
    store, marked = app.svc.store, []
    begin = store.begin_update

    async def counted(bot, update_id, ms):
        marked.append(update_id)
        return await begin(bot, update_id, ms)

    store.begin_update = counted
    await wang.press("🆘 紧急求助")
    sos = api.pushed[-1]["update_id"]
    await api.wait_for_message(li.id, "紧急求助 #1")
    await api.wait_for_message(wang.id, "请确认您现在的地址")
    assert sos not in marked
    bot = api.token.split(":")[0]
    assert await store.r.get(store.keys.update_seen(bot, sos)) in (b"handling", b"done")
    await wang.send_text("谢谢")  # an ordinary message is marked as before
    for _ in range(100):
        if api.pushed[-1]["update_id"] in marked:
            break
        await asyncio.sleep(0.05)
    assert api.pushed[-1]["update_id"] in marked


@pytest.mark.parametrize("library", LIBRARIES)
async def test_an_inline_sos_delivered_twice_at_once_is_answered_and_alerted_once(make_app, settings, redis_server,
                                                                                  library):
    """The inline 🆘 under "已经转给值班社工" (after a voice message) is a callback query, answered at once so its
    spinner stops, alongside the handling: a second delivery of it, while the first is storing the call, must
    neither alert staff again nor tell the resident twice. Its answer carries no text, so no toast either way."""
    async with webhook_bot(make_app, settings, redis_server, library, "s3cret-token") as (api, app, url, tg):
        li = api.user(1001, "李社工")
        wang = await tg.signed_up("王老伯", "13900000002")
        await wang.send_voice()
        offer = await api.wait_for_message(wang.id, "已经转给值班社工")
        await api.wait_for_message(li.id, "#1")
        await asyncio.sleep(0.5)
        told, staff_told = len(api.sent_to(wang.id)), len(api.sent_to(li.id))
        query = f"twice{library[:3]}"
        api.open_callbacks.add(query)
        press = {"update_id": api.pushed[-1]["update_id"] + 100, "callback_query": {
            "id": query, "from": wang.obj, "chat_instance": "1", "data": offer.button_data("紧急帮助"),
            "message": dict(offer.raw)}}
        assert await asyncio.gather(*(post(url, press, "s3cret-token") for _ in range(2))) == [200, 200]
        # the voice's request #1 is raised to an emergency (one call per resident), not a second call #2 beside it
        await api.wait_for_message(li.id, "升级为紧急", after=staff_told)
        await api.wait_for_message(wang.id, "请确认您现在的地址")
        await asyncio.sleep(1.5)
        assert sum("升级为紧急" in m.text for m in api.sent_to(li.id)[staff_told:]) == 1
        assert not any("又发来" in m.text for m in api.sent_to(li.id)[staff_told:])
        new = [m.text for m in api.sent_to(wang.id)[told:]]
        assert sum("已通知" in t for t in new) == 1 and sum("请确认您现在的地址" in t for t in new) == 1
        answers = [c for c in api.calls
                   if c.method == "answerCallbackQuery" and c.params.get("callback_query_id") == query]
        # the spinner stops; no toast at all (the second delivery's answer is refused by Telegram, unseen)
        assert answers[0].result_ok and all(not c.params.get("text") for c in answers)
        assert [e["event"] for e in await app.svc.store.timeline(1)].count("raised") == 1
        assert await app.svc.store.incident(2) is None
