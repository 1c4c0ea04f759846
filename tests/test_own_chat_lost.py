"""A resident's own chat failing for good while his 🆘 is open, through the real clients and the Bot API test server.

王老伯 presses 🆘 and then his chat refuses every message: he blocked the bot (403, Telegram's my_chat_member lost
or not), or the chat is gone (400 "chat not found"). He reads nothing of ours: not "已通知值班社工", not the address
read back. Staff waited for his yes to the read-back. Now the staff on his call read once, on the call, that the bot
cannot write to him and to phone him, with his phone; staff it reaches later read it in their packet.
"""
from __future__ import annotations

import pytest
from conftest import running_telegram
from test_e2e_chain_faults import at_minute

from bot.testing.botapi_format import APIError

CASES = {
    "aiogram-blocked": ("aiogram", APIError(403, "Forbidden: bot was blocked by the user")),
    "ptb-chat-not-found": ("python-telegram-bot", APIError(400, "Bad Request: chat not found")),
}
LINE = "无法给王老伯发消息"


@pytest.fixture(params=list(CASES))
async def case(request, make_app, settings):
    library, error = CASES[request.param]
    async with running_telegram(library, make_app, settings) as tg:
        yield tg, error


def lines(telegram, user) -> list[str]:
    return [m.text for m in telegram.api.sent_to(user.id) if LINE in m.text]


async def test_staff_on_his_call_read_once_that_he_cannot_read_us_and_to_phone_him(case):
    telegram, error = case
    api, li, head = telegram.api, telegram.user("李社工"), telegram.user("陈书记")
    wang = await telegram.signed_up("王老伯", "13900000002")
    api.failing_chats[wang.id] = error
    await wang.press("🆘 紧急求助")
    await telegram.said(li, "紧急求助 #1")
    told = await api.wait_until(lambda: lines(telegram, li) or None, 10)
    assert told and "13900000002" in told[0] and "打电话" in told[0], api.sent_to(li.id)
    await wang.send_text("救命 我起不来")  # his replies fail again, and so do the escalation's lines to him
    await at_minute(telegram, 3.1)
    packet = await telegram.said(head, "#1", timeout=10)
    assert "无法给居民发消息" in packet.text and "请直接打电话" in packet.text, packet.text
    await api.wait_until(lambda: len(lines(telegram, li)) > 1 or None, 2)
    assert len(lines(telegram, li)) == 1, lines(telegram, li)


async def test_his_block_told_by_telegram_on_his_open_call_is_read_by_staff_on_it(make_app, settings):
    async with running_telegram("aiogram", make_app, settings) as telegram:
        api, li = telegram.api, telegram.user("李社工")
        wang = await telegram.signed_up("王老伯", "13900000002")
        await wang.press("🆘 紧急求助")
        await telegram.said(li, "紧急求助 #1")
        api.block_chat(wang.id)  # Telegram's my_chat_member: "kicked"
        told = await api.wait_until(lambda: lines(telegram, li) or None, 10)
        assert told and "13900000002" in told[0], api.sent_to(li.id)
