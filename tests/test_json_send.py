"""The cheap way out for check-ins and notices (bot/handlers/json_send.py), through both Telegram adapters against the
local Bot API server: what residents receive is what the library would have sent, and every failure is read as the
library path reads it (blocked: permanent; 429: its wait; Telegram away or slow: another try), with no token in
any error or log line."""
import logging
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import LIBRARIES

from bot.handlers.json_send import JsonSender
from bot.redis_server import free_port
from bot.testing.botapi_format import APIError
from bot.testing.botapi_server import BotAPIServer
from bot.types import Button, MessageRef, Outbound

SH = ZoneInfo("Asia/Shanghai")
TUESDAY_9 = datetime(2026, 11, 24, 9, 0, tzinfo=SH)
# not token-shaped (bot/logmask.py masks those anyway) and never given to protect_logs: only this code keeps it out
SECRET_TOKEN = "424242:RAW-SEND-SECRET-xyz"


async def run_at(telegram, when):
    telegram.app.svc.clock.set(when)
    await telegram.app.svc.checkins.run_due()


@pytest.fixture
def library_sends(telegram, monkeypatch):
    """The chats the library's own send_message was called for."""
    bot = telegram.app.svc.outbox.messenger.bot
    chats, original = [], type(bot).send_message

    async def send_message(self, chat_id, *args, **kw):
        chats.append(chat_id)
        return await original(self, chat_id, *args, **kw)

    monkeypatch.setattr(type(bot), "send_message", send_message)
    return chats


def sends_to(api, chat_id: int) -> list:
    return [c for c in api.calls if c.method == "sendMessage" and c.params.get("chat_id") == chat_id]


def as_telegram_reads_it(params: dict) -> dict:
    """A request's parameters with a button's `false` flags dropped (aiogram sends them, PTB leaves them out)."""
    markup = dict(params.get("reply_markup") or {})
    for rows in ("inline_keyboard", "keyboard"):
        if rows in markup:
            markup[rows] = [[{k: v for k, v in b.items() if v is not False} for b in row] for row in markup[rows]]
    return {**params, "reply_markup": markup}


async def checked_in(telegram, library_sends: list):
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    await telegram.app.svc.checkins.enrol("r1")
    library_sends.clear()  # the sign-up's replies went through the library
    return zhang


# --- unhappy paths first ------------------------------------------------------------------------------------
async def test_a_resident_who_blocked_the_bot_shows_as_undeliverable(telegram, library_sends):
    zhang = await checked_in(telegram, library_sends)
    telegram.api.block_chat(zhang.id)
    before = len(sends_to(telegram.api, zhang.id))
    await run_at(telegram, TUESDAY_9)
    li = telegram.user("李社工")
    await li.send_command("/checkins")
    await telegram.said(li, "📵 发不出去 1：张阿姨")
    refused = sends_to(telegram.api, zhang.id)[before:]
    assert [c.error_code for c in refused] == [403] and zhang.id not in library_sends  # refused once: not retried


async def test_a_429_is_waited_out_and_the_check_in_arrives(telegram, library_sends):
    zhang = await checked_in(telegram, library_sends)
    telegram.api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    await run_at(telegram, TUESDAY_9)
    await telegram.said(zhang, "身体好吗")
    first, second = sends_to(telegram.api, zhang.id)[-2:]
    assert (first.error_code, second.result_ok) == (429, True)
    assert second.at - first.at >= 0.9  # the Outbox waited what Telegram asked
    assert zhang.id not in library_sends


def messenger_for(library: str, token: str, base_url: str):
    """(a messenger of `library` for this server, how to close it)."""
    if library == "aiogram":
        from bot.handlers.aiogram_adapter import AiogramMessenger, make_bot

        bot = make_bot(token, base_url)
        m = AiogramMessenger(bot)
        return m, lambda: _close(m.close(), bot.session.close())
    from bot.handlers.ptb_adapter import PTBMessenger, make_application

    application = make_application(token, base_url)
    m = PTBMessenger(application.bot)
    return m, lambda: _close(m.close(), application.shutdown())


async def _close(*closing) -> None:
    for c in closing:
        await c


CHECKIN = Outbound(7001, "早上好，张阿姨！", buttons=((Button("😊 我很好", "ci:ok"),),), tag="checkin:r1")


@pytest.mark.parametrize("library", LIBRARIES)
async def test_telegram_away_or_refusing_the_token_is_worth_another_try(library, caplog):
    caplog.set_level(logging.DEBUG)
    dead, closers = f"http://127.0.0.1:{free_port()}", []
    async with BotAPIServer() as api:
        api.user(7001, "张阿姨")
        away, close = messenger_for(library, api.token, dead)
        closers.append(close)
        wrong, close = messenger_for(library, SECRET_TOKEN, api.base_url)  # a revoked token: 401
        closers.append(close)
        ours, close = messenger_for(library, api.token, api.base_url)
        closers.append(close)
        caplog.clear()  # PTB logs its URLs at DEBUG as it is built; the adapters mask them (protect_logs)
        try:
            down = await away.deliver(CHECKIN)
            unauthorised = await wrong.deliver(CHECKIN)
            api.outage = APIError(502, "Bad Gateway")
            bad_gateway = await ours.deliver(CHECKIN)
        finally:
            for close in closers:
                await close()
    for result in (down, unauthorised, bad_gateway):
        assert (result.ok, result.permanent, result.retry_after) == (False, False, None)
    assert api.calls and all(c.params.get("text") == CHECKIN.text for c in api.calls)  # it did go out
    assert SECRET_TOKEN not in unauthorised.error + caplog.text


@pytest.mark.parametrize("library", LIBRARIES)
async def test_past_telegrams_limit_the_server_s_wait_comes_back(library):
    from bot.testing.botapi_server import RateLimits

    async with BotAPIServer(limits=RateLimits()) as api:  # one message a second in a chat
        api.user(7001, "张阿姨")
        messenger, close = messenger_for(library, api.token, api.base_url)
        try:
            first, second = await messenger.deliver(CHECKIN), await messenger.deliver(CHECKIN)
        finally:
            await close()
    assert first.ok and (second.ok, second.permanent, second.retry_after) == (False, False, 1.0)
    assert [c.error_code for c in api.calls] == [None, 429]


async def test_a_slow_answer_times_out_as_another_try_and_a_bad_url_keeps_the_token_out():
    async with BotAPIServer(token=SECRET_TOKEN) as api:
        api.user(7001, "张阿姨")
        api.hold_next("sendMessage", 1.0)
        sender = JsonSender(f"{api.base_url}/bot{SECRET_TOKEN}/sendMessage", timeout=0.2)
        misconfigured = JsonSender(f"127.0.0.1:{api.port}/bot{SECRET_TOKEN}/sendMessage")  # no http://
        try:
            slow, wrong = await sender.send(CHECKIN), await misconfigured.send(CHECKIN)
            fine = await sender.send(CHECKIN)
        finally:
            await sender.close()
            await misconfigured.close()
    assert (slow.ok, slow.permanent) == (False, False) and "timeout" in slow.error.lower()
    assert (wrong.ok, wrong.permanent) == (False, False) and wrong.error and SECRET_TOKEN not in wrong.error
    assert "/bot***/" in wrong.error
    assert fine.ok and fine.message_id == api.sent_to(7001)[-1].message_id


# --- the same message, cheaper ------------------------------------------------------------------------------
async def test_a_check_in_arrives_as_the_library_sends_it(telegram, library_sends, monkeypatch):
    api, messenger = telegram.api, telegram.app.svc.outbox.messenger
    zhang = await checked_in(telegram, library_sends)
    delivered, deliver = [], messenger.deliver

    async def recording(msg):
        delivered.append(msg)
        return await deliver(msg)

    monkeypatch.setattr(messenger, "deliver", recording)
    await run_at(telegram, TUESDAY_9)
    cheap = await telegram.said(zhang, "身体好吗")
    assert cheap.buttons() == ["😊 我很好", "🤒 不太舒服", "🆘 需要帮助", "⏸ 我要出门几天", "⏰ 改问候时间"]
    assert zhang.id not in library_sends
    checkin = next(m for m in delivered if m.tag.startswith("checkin:"))
    again = await deliver(replace(checkin, tag=""))  # the same message as a reply: through the library
    assert again.ok and library_sends == [zhang.id]
    library = api.sent_message(zhang.id, again.message_id)
    assert (library.text, library.reply_markup) == (cheap.text, cheap.reply_markup)
    one, other = sends_to(api, zhang.id)[-2:]
    assert as_telegram_reads_it(one.params) == as_telegram_reads_it(other.params)


SHAPES = [
    Outbound(0, "居委会通知：周六义剪", buttons=((Button("👌 收到了", "nt:ack:1"), Button("打开", "", "https://x.test/a")),)),
    Outbound(0, "请选择", keyboard=(("🆘 紧急求助", "📞 联系居委会"), ("❓ 问问题",))),
    Outbound(0, "请分享电话", keyboard=(("📱 分享我的电话",), ("取消",)), request="contact"),
    Outbound(0, "请分享位置", keyboard=(("📍 我的位置",),), request="location"),
    Outbound(0, "今天天气转凉，请注意保暖。"),
]


async def test_every_shape_of_a_notice_reaches_telegram_as_the_library_sends_it(telegram, library_sends):
    api, messenger = telegram.api, telegram.app.svc.outbox.messenger
    wang = telegram.user("王老伯")  # has pressed Start
    for shape in SHAPES:
        msg = replace(shape, chat_id=wang.id)
        cheap = await messenger.deliver(replace(msg, bulk=True))
        library = await messenger.deliver(msg)
        assert cheap.ok and library.ok and cheap.message_id != library.message_id
        seen = [as_telegram_reads_it({"text": api.sent_message(wang.id, r.message_id).text,
                                      "reply_markup": api.sent_message(wang.id, r.message_id).reply_markup})
                for r in (cheap, library)]
        assert seen[0] == seen[1], shape
        one, other = sends_to(api, wang.id)[-2:]
        assert as_telegram_reads_it(one.params) == as_telegram_reads_it(other.params), shape
    assert library_sends.count(wang.id) == len(SHAPES)  # one of each pair


def test_only_plain_messages_to_many_take_the_cheap_path():
    to_many = [Outbound(1, "问候", tag="checkin:r1"), Outbound(1, "再问", tag="checkin-reminder:r1"),
               Outbound(1, "通知", bulk=True, tag="notice:3"), Outbound(1, "80岁以上", bulk=True, tag="ageband")]
    not_to_many = [Outbound(1, "紧急求助 #1", urgent=True, tag="alert:1"), Outbound(1, "您好"),
                   Outbound(1, "已暂停", tag="checkin-control:r1"),
                   Outbound(1, "通知", bulk=True, photo="AgAD", tag="notice:4"),
                   Outbound(1, "通知", bulk=True, document=("a.pdf", b"%PDF"), tag="notice:5"),
                   Outbound(1, "问候", edit=MessageRef(1, 9), tag="checkin:r1"),
                   Outbound(1, forward=MessageRef(2, 3), bulk=True),
                   Outbound(1, "问候", urgent=True, tag="checkin:r1")]
    assert [m.plain_bulk for m in to_many] == [True] * len(to_many)
    assert [m.plain_bulk for m in not_to_many] == [False] * len(not_to_many)


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_proxy_in_the_environment_applies_as_it_does_to_the_library(library, monkeypatch):
    """python-telegram-bot's httpx goes through HTTPS_PROXY & co, aiogram's aiohttp does not: so do its check-ins."""
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{free_port()}")  # a proxy that is down
    async with BotAPIServer() as api:
        api.user(7001, "张阿姨")
        messenger, close = messenger_for(library, api.token, api.base_url)
        try:
            checkin, reply = await messenger.deliver(CHECKIN), await messenger.deliver(replace(CHECKIN, tag=""))
        finally:
            await close()
    assert checkin.ok == reply.ok == (library == "aiogram")
    assert not checkin.permanent
