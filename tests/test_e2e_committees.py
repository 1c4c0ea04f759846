"""Two committees side by side in one process, through the real Telegram clients: each its own bot token (its own
local Bot API server), staff, register, alerts and check-ins. Nothing of one reaches the other."""
from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp

import pytest
from conftest import LIBRARIES, TUESDAY_9, Telegram

from bot.committees import load_committees
from bot.district import District
from bot.handlers import committee_adapter
from bot.redis_server import free_port
from bot.testing.botapi_models import now_ts
from bot.testing.botapi_server import BotAPIServer
from test_committees import BASE, A_HEAD, A_STAFF, B_HEAD, B_STAFF, TOKENS, two_committee_config

@contextlib.asynccontextmanager
async def running(tmp_path, redis_server, clock, nlu_model, knowledge_base, library, env=None, **shared):
    async with BotAPIServer(TOKENS["a"]) as api_a, BotAPIServer(TOKENS["b"]) as api_b:
        apis = {"a": api_a, "b": api_b}
        for uid, name in ((A_STAFF, "甲社工"), (A_HEAD, "甲书记")):
            api_a.user(uid, name)
        for uid, name in ((B_STAFF, "乙社工"), (B_HEAD, "乙书记"), (A_STAFF, "甲社工")):
            api_b.user(uid, name)
        env = {"REDIS_URL": redis_server.url, **{f"TELEGRAM_BOT_TOKEN_{k.upper()}": v for k, v in TOKENS.items()},
               **(env or {})}
        committees = load_committees(two_committee_config(tmp_path, apis=apis, library=library, **shared), env)
        district = await District.open(committees, clock=clock, nlu=nlu_model, kb=knowledge_base)
        adapters = [committee_adapter(app) for app in district.apps.values()]
        try:
            for adapter in adapters:
                await adapter.start()
            yield district, {cid: Telegram(apis[cid], district.apps[cid], ad, library)
                             for cid, ad in zip(("a", "b"), adapters)}
        finally:
            for adapter in adapters:
                await adapter.stop()
            await district.close()


def texts(api, uid) -> list[str]:
    return [m.text for m in api.sent_to(uid)]


@pytest.mark.parametrize("library", LIBRARIES)
async def test_two_committees_in_one_process_keep_their_staff_residents_alerts_and_checkins_apart(
        tmp_path, redis_server, clock, nlu_model, knowledge_base, library):
    async with running(tmp_path, redis_server, clock, nlu_model, knowledge_base, library) as (district, tg):
        api_a, api_b = tg["a"].api, tg["b"].api
        app_a, app_b = district.apps["a"], district.apps["b"]
        wang = await tg["a"].signed_up("王老伯", "13900000002")     # a resident of a
        zhao = await tg["b"].signed_up("赵阿婆", "13900000099")     # a resident of b
        b_staff_before = {uid: len(api_b.sent_to(uid)) for uid in (B_STAFF, B_HEAD, A_STAFF)}

        await wang.press("🆘 紧急求助")                               # on a's bot
        alert = await api_a.wait_for_message(A_STAFF, "紧急求助 #1")
        assert "王老伯" in alert.text
        await api_a.wait_for_message(wang.id, "请确认您现在的地址")
        # b's staff (and 甲社工 in b's chat) heard nothing of it
        assert {uid: len(api_b.sent_to(uid)) for uid in b_staff_before} == b_staff_before

        # b's staff press a forged claim for a's incident number on b's bot: refused, nothing changes in a
        told, a_staff_told = len(api_a.sent_to(wang.id)), len(api_a.sent_to(A_STAFF))
        for uid in (B_STAFF, A_STAFF):
            qid = await api_b.user(uid).click_data(1, "inc:claim:1")
            await api_b.wait_for_call("answerCallbackQuery", lambda c, q=qid: c.params["callback_query_id"] == q)
            await api_b.wait_for_message(uid, lambda m: True, after=b_staff_before[uid])  # b's answer
        assert not (await app_a.svc.store.incident(1)).get("claimed_by")
        assert await app_b.svc.store.open_incident_ids() == []
        assert len(api_a.sent_to(wang.id)) == told and len(api_a.sent_to(A_STAFF)) == a_staff_told
        assert not any("已接单" in t or "接手" in t for t in texts(api_b, A_STAFF) + texts(api_b, B_STAFF))

        # a's resident writing to b's bot is a stranger there: asked to sign up, b's staff asked about the number
        wang_at_b = api_b.user(wang.id, "王老伯")
        await wang_at_b.send_command("/start")
        await api_b.wait_for_message(wang.id, lambda m: m.has_request_contact())
        await wang_at_b.send_contact("13900000002")
        await api_b.wait_for_message(B_STAFF, "登记册里没有这个号码")
        assert await app_b.svc.store.resident_by_tg(wang.id) is None

        # each committee's check-in goes out through its own bot, woken by the one scheduler of the process
        for app, person in ((app_a, wang), (app_b, zhao)):
            await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(person.id))["id"])
        district.start(tick_seconds=0.2)
        clock.set(TUESDAY_9)
        await api_a.wait_for_message(wang.id, "身体好吗")
        await api_b.wait_for_message(zhao.id, "身体好吗")
        assert api_a.sent_to(zhao.id) == [] and not any("身体好吗" in t for t in texts(api_b, wang.id))
        # the escalation of a's call (a day later, to all of a's staff) still reaches none of b's
        await api_a.wait_for_message(A_HEAD, "紧急求助 #1")
        assert not any("紧急求助" in t for uid in (B_STAFF, B_HEAD, A_STAFF) for t in texts(api_b, uid))


async def test_in_webhook_mode_one_listener_serves_every_committee_on_its_own_path(
        tmp_path, redis_server, clock, nlu_model, knowledge_base):
    port = free_port()
    shared = {**BASE["telegram"], "mode": "webhook", "webhook_url": f"http://127.0.0.1:{port}/telegram/webhook",
              "webhook_port": port}
    async with running(tmp_path, redis_server, clock, nlu_model, knowledge_base, "aiogram",
                       env={"TELEGRAM_WEBHOOK_SECRET": "s3cret"}, telegram=shared) as (district, tg):
        api_a, api_b = tg["a"].api, tg["b"].api
        assert api_a.webhook["url"] == f"http://127.0.0.1:{port}/telegram/a"
        assert api_b.webhook["url"] == f"http://127.0.0.1:{port}/telegram/b"
        wang = await tg["a"].signed_up("王老伯", "13900000002")  # each bot's updates reach its own committee
        zhao = await tg["b"].signed_up("赵阿婆", "13900000099")
        await zhao.press("🆘 紧急求助")
        await api_b.wait_for_message(B_STAFF, "紧急求助 #1")
        assert "紧急求助" not in " ".join(m.text for m in api_a.sent_to(A_STAFF))
        assert await district.apps["a"].svc.store.resident_by_tg(zhao.id) is None
        assert await district.apps["b"].svc.store.resident_by_tg(wang.id) is None
        async with aiohttp.ClientSession() as http:
            headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
            async with http.post(f"http://127.0.0.1:{port}/telegram/c", json={"update_id": 1}, headers=headers) as r:
                assert r.status == 404  # no such committee


MASTER = "m4ster-webhook-secret-of-the-district"


def forged_cry(user, update_id: int) -> dict:
    """The update a forger would post: this resident typing 救命 in their private chat."""
    return {"update_id": update_id, "message": {"message_id": update_id, "date": now_ts(), "chat": user.chat,
                                                "from": user.obj, "text": "救命"}}


@pytest.mark.parametrize("library", LIBRARIES)
async def test_in_webhook_mode_one_committees_secret_opens_no_other_committees_path(
        tmp_path, redis_server, clock, nlu_model, knowledge_base, library, caplog):
    caplog.set_level(logging.DEBUG)
    port = free_port()
    shared = {**BASE["telegram"], "mode": "webhook", "webhook_url": f"http://127.0.0.1:{port}/telegram/webhook",
              "webhook_port": port}
    async with running(tmp_path, redis_server, clock, nlu_model, knowledge_base, library,
                       env={"TELEGRAM_WEBHOOK_SECRET": MASTER}, telegram=shared) as (district, tg):
        api_a, api_b = tg["a"].api, tg["b"].api
        secret_a, secret_b = api_a.webhook["secret_token"], api_b.webhook["secret_token"]  # what setWebhook carried
        assert len({secret_a, secret_b, MASTER}) == 3  # each committee registered its own, neither the master
        zhao = await tg["b"].signed_up("赵阿婆", "13900000099")  # delivered with b's own secret: works
        told = {uid: len(api_b.sent_to(uid)) for uid in (B_STAFF, zhao.id)}
        async with aiohttp.ClientSession() as http:
            async def post(path: str, secret: str, update: dict) -> int:
                async with http.post(f"http://127.0.0.1:{port}{path}", json=update,
                                     headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as r:
                    return r.status

            # whoever read a's secret (a's setWebhook) forges 赵阿婆's 救命 on b's path: refused, nothing happens
            for secret in (secret_a, MASTER[:-1], ""):
                assert await post("/telegram/b", secret, forged_cry(zhao, 900001)) in (401, 403)
            await asyncio.sleep(0.5)
            assert await district.apps["b"].svc.store.open_incident_ids() == []
            assert {uid: len(api_b.sent_to(uid)) for uid in told} == told  # no alert, no answer
            assert await post("/telegram/a", secret_b, forged_cry(zhao, 900002)) in (401, 403)
            # b's own secret is taken on b's path: the same update is a real call
            assert await post("/telegram/b", secret_b, forged_cry(zhao, 900003)) == 200
            await api_b.wait_for_message(B_STAFF, "紧急求助 #1")
        logging.getLogger("aiohttp.access").warning("headers %s %s", secret_a, secret_b)  # whatever logs them
    logged = caplog.text
    assert all(s not in logged for s in (MASTER, secret_a, secret_b))


async def test_the_bot_runs_every_committee_on_its_own_token_and_stops_them_all_on_sigterm(
        tmp_path, redis_server, nlu_model, knowledge_base, monkeypatch):
    import asyncio
    import signal

    from bot import district as district_module
    from bot.handlers import run_telegram

    monkeypatch.setattr(district_module, "load_nlu", lambda *a: nlu_model)  # the session's, not loaded again
    monkeypatch.setattr(district_module, "load_kb", lambda: knowledge_base)
    async with BotAPIServer(TOKENS["a"]) as api_a, BotAPIServer(TOKENS["b"]) as api_b:
        env = {"REDIS_URL": redis_server.url, **{f"TELEGRAM_BOT_TOKEN_{k.upper()}": v for k, v in TOKENS.items()}}
        committees = load_committees(two_committee_config(tmp_path, apis={"a": api_a, "b": api_b}), env)
        task = asyncio.create_task(run_telegram(committees))
        try:
            for api in (api_a, api_b):
                await api.wait_for_call("getMe", timeout=30)
                visitor = api.user(7007, "王老伯")
                await visitor.send_command("/start")
                await api.wait_for_message(visitor.id, lambda m: m.has_request_contact())
            signal.raise_signal(signal.SIGTERM)  # caught by the bot's own handler, as under systemd
            assert await asyncio.wait_for(task, 15) == 0
        finally:
            if not task.done():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)


async def test_a_committee_whose_token_telegram_rejects_stops_the_start_in_one_line_naming_it(
        tmp_path, redis_server, nlu_model, knowledge_base, monkeypatch):
    import asyncio

    from bot import district as district_module
    from bot.handlers import run_telegram
    from bot.handlers.telegram_common import CannotStart

    monkeypatch.setattr(district_module, "load_nlu", lambda *a: nlu_model)
    monkeypatch.setattr(district_module, "load_kb", lambda: knowledge_base)
    async with BotAPIServer(TOKENS["a"]) as api_a, BotAPIServer("333:OTHER") as api_b:
        env = {"REDIS_URL": redis_server.url, **{f"TELEGRAM_BOT_TOKEN_{k.upper()}": v for k, v in TOKENS.items()}}
        committees = load_committees(two_committee_config(tmp_path, apis={"a": api_a, "b": api_b}), env)
        with pytest.raises(CannotStart) as err:
            await asyncio.wait_for(run_telegram(committees), 30)
        assert str(err.value) == "committee b: token rejected by Telegram: check TELEGRAM_BOT_TOKEN_B"
