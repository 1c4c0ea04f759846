"""Personal data (phones, addresses, health notes) never reaches the logs in full; secrets reach no log and no store."""
import asyncio
import logging

import pytest

from conftest import signed_up


async def test_a_whole_help_request_logs_no_phone_address_or_note(people, app, clock, caplog):
    caplog.set_level(logging.DEBUG)
    stranger = people("孙阿婆")
    await stranger.share_contact("13700001234")  # unknown number: pending, logged masked
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我摔倒了起不来 在屋里")  # (an address in the cry would need no read-back)
    await wang.click(wang.last("需要马上有人来吗"), "是")
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await wang.send("建新路27弄7号302室")
    clock.advance(minutes=9)
    await app.engine.tick()
    await app.engine.tick()
    li = people("李社工")
    await li.click(li.last("紧急求助"), "我来处理")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records, "the flow is expected to log something"
    for secret in ("13900000002", "13700001234", "13911110002", "13922220001", "27弄5号", "302室", "耳背"):
        assert secret not in logged


PERSONAL = ("13900000002", "+8613900000002", "13911110002", "13922220001", "27弄5号", "302室", "耳背")


@pytest.fixture
def debug_logs(caplog):
    """Everything every library logs, from before the bot starts (listed before `telegram`)."""
    caplog.set_level(logging.DEBUG)
    return caplog


async def test_a_whole_help_request_through_telegram_logs_no_token_phone_or_address(debug_logs, telegram):
    li = telegram.user("李社工")
    wang = await telegram.signed_up("王老伯", "13900000002")
    await wang.press("🆘 紧急求助")
    await wang.click(await telegram.said(wang, "请确认您现在的地址"), "不对")
    await telegram.said(wang, "请告诉我您现在在哪里")
    await wang.send_text("建新路27弄7号302室")
    await li.click(await telegram.api.wait_for_message(li.id, lambda m: "⚠️⚠️" in m.text and "紧急求助" in m.text),
                   "我来处理")
    await telegram.said(wang, "已经接手")
    await telegram.adapter.stop()  # shutdown lines too
    logged = debug_logs.text + "\n".join(r.getMessage() for r in debug_logs.records)
    assert len(debug_logs.records) > 5, "the libraries log at DEBUG"
    assert telegram.api.token not in logged and telegram.api.token.split(":")[1] not in logged
    for secret in PERSONAL:
        assert secret not in logged, secret


async def everything_stored(redis) -> str:
    """Every key and value in Redis (every test's prefix), as text."""
    read = {b"string": lambda p, k: p.get(k), b"hash": lambda p, k: p.hgetall(k),
            b"list": lambda p, k: p.lrange(k, 0, -1), b"set": lambda p, k: p.smembers(k),
            b"zset": lambda p, k: p.zrange(k, 0, -1, withscores=True), b"stream": lambda p, k: p.xrange(k),
            b"none": lambda p, k: p.exists(k)}  # gone since the scan
    keys = [key async for key in redis.scan_iter(count=1000)]
    async with redis.pipeline(transaction=False) as p:
        for key in keys:
            p.type(key)
        kinds = await p.execute()
    async with redis.pipeline(transaction=False) as p:
        for key, kind in zip(keys, kinds):
            read[kind](p, key)
        values = await p.execute()
    return "\n".join(f"{key!r} {value!r}" for key, value in zip(keys, values))


async def test_a_send_that_fails_on_a_redirect_loop_stores_and_logs_no_token(debug_logs, telegram):
    """A proxy set up wrong between the bot and Telegram redirects each request to itself: aiogram gives up after ten
    and its error quotes the request's URL, token and all. The send log in Redis keeps that the reply failed, what
    went wrong, never the token."""
    api, store = telegram.api, telegram.app.svc.store
    api.redirected.add("sendmessage")
    await telegram.user("王老伯").send_command("/start")
    for _ in range(300):  # four attempts, 3 s of backoff in all
        if failed := [e for e in await store.send_log() if not e["ok"]]:
            break
        await asyncio.sleep(0.05)
    assert failed and failed[0]["error"], "the failed reply is recorded, with what went wrong"
    api.redirected.clear()
    stored = (await everything_stored(store.r)).splitlines()
    logged = (debug_logs.text + "\n".join(r.getMessage() for r in debug_logs.records)).splitlines()
    secret = api.token.split(":")[1]
    assert [line for line in stored if secret in line] == []
    assert [line for line in logged if secret in line] == []


def test_a_real_shaped_token_is_masked_in_any_line_and_any_traceback(caplog):
    """Whatever logger writes it, at whatever level, and inside an exception's text."""
    from bot.logmask import protect_logs

    token = "7512345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
    protect_logs(["s3cret-webhook-value"])
    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpx").info('HTTP Request: POST https://api.telegram.org/bot%s/getMe "200 OK"', token)
    logging.getLogger("some.library").debug("secret_token=%s", "s3cret-webhook-value")
    try:
        raise RuntimeError(f"https://api.telegram.org/bot{token}/getUpdates failed")
    except RuntimeError:
        logging.getLogger("aiogram.dispatcher").exception("polling failed")
    assert token not in caplog.text and "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0" not in caplog.text
    assert "s3cret-webhook-value" not in caplog.text
    assert "getMe" in caplog.text and "getUpdates failed" in caplog.text  # the line itself stays useful
