"""The local Bot API server, driven by the real aiogram and python-telegram-bot clients."""

import asyncio
import contextlib
import time

import aiohttp
import pytest
import telegram
import telegram.error
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (TelegramBadRequest, TelegramConflictError, TelegramForbiddenError,
                                TelegramRetryAfter, TelegramUnauthorizedError)
from aiogram.filters import CommandStart
from aiogram.methods import SendMessage
from aiogram.types import (BufferedInputFile, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup,
                           KeyboardButton, Message, ReplyKeyboardMarkup)
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.testing.botapi_limits import RateLimiter
from bot.testing.botapi_server import BotAPIServer, RateLimits


@contextlib.asynccontextmanager
async def aiogram_bot(api: BotAPIServer, token: str | None = None):
    bot = Bot(token or api.token, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))
    try:
        yield bot
    finally:
        await bot.session.close()


def ptb_bot(api: BotAPIServer, token: str | None = None) -> telegram.Bot:
    return telegram.Bot(token or api.token, base_url=f"{api.base_url}/bot")


def inline(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=t, callback_data=d)] for t, d in pairs])


async def test_aiogram_send_edit_forward_copy_delete():
    async with BotAPIServer() as api, aiogram_bot(api) as bot:
        anna, staff = api.user(1001, "王阿姨"), api.group(-100500, "居委会值班")
        sent = await bot.send_message(anna.id, "<b>明天</b>上午 9 点量血压", parse_mode="HTML",
                                      reply_markup=inline(("好的", "ok")))
        assert sent.text == "明天上午 9 点量血压" and sent.from_user.is_bot
        await bot.edit_message_text("改到 10 点", chat_id=anna.id, message_id=sent.message_id,
                                    reply_markup=inline(("好的", "ok")))
        with pytest.raises(TelegramBadRequest, match="message is not modified"):
            await bot.edit_message_text("改到 10 点", chat_id=anna.id, message_id=sent.message_id,
                                        reply_markup=inline(("好的", "ok")))
        # Like Telegram, an edit without reply_markup drops the inline keyboard.
        await bot.edit_message_text("改到 10 点半", chat_id=anna.id, message_id=sent.message_id)
        [msg] = api.sent_to(anna.id)
        assert (msg.text, msg.edits, msg.reply_markup) == ("改到 10 点半", ["明天上午 9 点量血压", "改到 10 点"], None)

        said = await anna.send_text("我腿疼，走不动")
        fwd = await bot.forward_message(staff.id, anna.id, said)
        assert fwd.forward_origin.sender_user.id == anna.id and fwd.text == "我腿疼，走不动"
        await anna.send_voice(duration=7)
        copy = await bot.copy_message(staff.id, anna.id, said + 1)
        kinds = [(m.kind, m.forwarded_from) for m in api.sent_to(staff.id)]
        assert kinds == [("forward", (anna.id, said)), ("copy", (anna.id, said + 1))]
        assert api.sent_to(staff.id)[1].raw["voice"]["duration"] == 7 and copy.message_id == 2

        assert await bot.delete_message(anna.id, sent.message_id)
        assert api.sent_to(anna.id)[0].deleted
        with pytest.raises(TelegramBadRequest, match="message to forward not found"):
            await bot.forward_message(staff.id, anna.id, 999)


async def test_media_uploads_and_chat_actions():
    async with BotAPIServer() as api, aiogram_bot(api) as bot, ptb_bot(api) as pbot:
        anna = api.user(1001)
        await bot.send_chat_action(anna.id, "record_voice")
        await bot.send_photo(anna.id, BufferedInputFile(b"\x89PNG fake", "clinic.png"), caption="<i>社区医院</i>",
                             parse_mode="HTML")
        await pbot.send_document(anna.id, document=b"%PDF-1.4 fake", filename="补贴申请表.pdf", caption="表格")
        await pbot.send_voice(anna.id, voice=b"OggS fake", duration=4)
        await pbot.send_location(anna.id, latitude=31.23, longitude=121.47)
        got = [(m.kind, m.text) for m in api.sent_to(anna.id)]
        assert got == [("photo", "社区医院"), ("document", "表格"), ("voice", ""), ("location", "")]
        assert api.sent_to(anna.id)[1].raw["document"]["file_name"] == "补贴申请表.pdf"
        assert api.sent_to(anna.id)[2].raw["voice"]["duration"] == 4
        with pytest.raises(telegram.error.BadRequest, match="(?i)wrong parameter action"):
            await pbot.send_chat_action(anna.id, "dancing")
        assert (await api.wait_for_call("sendChatAction")).params == {"chat_id": anna.id, "action": "record_voice"}


async def test_ptb_inline_keyboard_round_trip():
    async with BotAPIServer() as api, ptb_bot(api) as bot:
        anna = api.user(1001, "王阿姨")
        markup = telegram.InlineKeyboardMarkup([[telegram.InlineKeyboardButton("我很好 👍", callback_data="ok:7")],
                                                [telegram.InlineKeyboardButton("不太好", callback_data="help:7")]])
        await bot.send_message(anna.id, "阿姨，今天身体好吗？", reply_markup=markup)
        msg = await api.wait_for_message(anna.id, "身体好吗")
        assert msg.buttons() == ["我很好 👍", "不太好"]
        query_id = await anna.click(msg, "很好")
        [update] = await bot.get_updates(timeout=2)
        assert (update.callback_query.id, update.callback_query.data) == (query_id, "ok:7")
        assert update.callback_query.message.text == "阿姨，今天身体好吗？"
        with pytest.raises(telegram.error.BadRequest, match="(?i)message_too_long"):  # toasts hold 200 chars
            await bot.answer_callback_query(query_id, text="收" * 201)
        assert await bot.answer_callback_query(query_id, text="收到")
        assert api.callback_answers[query_id]["text"] == "收到"
        with pytest.raises(telegram.error.BadRequest, match="(?i)query is too old"):
            await bot.answer_callback_query(query_id)
        # A forged button press on a message that no longer exists still arrives, as on Telegram.
        await anna.click_data(12345, "help:999")
        [old, forged] = await bot.get_updates(offset=update.update_id, timeout=2)
        assert old.update_id == update.update_id and forged.callback_query.data == "help:999"


async def test_aiogram_polling_with_reply_keyboard_contact():
    """A real Dispatcher long-polls the server; the resident shares her number with the contact button."""
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        button = KeyboardButton(text="📞 发送我的电话", request_contact=True)
        await message.answer("请按下面的按钮", reply_markup=ReplyKeyboardMarkup(keyboard=[[button]]))

    @dp.message(F.contact)
    async def contact(message: Message) -> None:
        own = message.contact.user_id == message.from_user.id
        await message.answer(f"收到尾号 {message.contact.phone_number[-4:]}" + ("" if own else "（他人名片）"))

    async with BotAPIServer() as api, aiogram_bot(api) as bot:
        anna = api.user(1001, "王阿姨")
        polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
        try:
            await anna.send_command("/start")
            ask = await api.wait_for_message(anna.id, "按钮")
            assert ask.has_request_contact() and not ask.has_request_location()
            await anna.send_contact("13800001234")
            await api.wait_for_message(anna.id, lambda m: m.text == "收到尾号 1234")
            await anna.send_contact("13900005678", user_id=None)
            await api.wait_for_message(anna.id, "尾号 5678（他人名片）")
        finally:
            await dp.stop_polling()
            await polling


async def test_ptb_application_polling_with_callback_edit():
    """A PTB Application polls; a button press edits the question in place and is answered."""
    async def ask(update: telegram.Update, context) -> None:
        markup = telegram.InlineKeyboardMarkup([[telegram.InlineKeyboardButton("已吃药", callback_data="pill:taken")]])
        await update.message.reply_text("王阿姨，中午的药吃了吗？", reply_markup=markup)

    async def taken(update: telegram.Update, context) -> None:
        await update.callback_query.answer("好的")
        await update.callback_query.edit_message_text("✅ 已记录：中午的药吃过了")

    async with BotAPIServer() as api:
        app = Application.builder().token(api.token).base_url(f"{api.base_url}/bot").build()
        app.add_handler(CommandHandler("start", ask))
        app.add_handler(CallbackQueryHandler(taken, pattern="^pill:"))
        anna = api.user(1001, "王阿姨")
        async with app:
            await app.updater.start_polling(poll_interval=0, timeout=1)
            await app.start()
            await anna.send_command("/start")
            question = await api.wait_for_message(anna.id, "药吃了吗")
            query_id = await anna.click(question, "已吃药")
            await api.wait_for_message(anna.id, lambda m: m.text.startswith("✅") and not m.buttons())
            assert question.edits == ["王阿姨，中午的药吃了吗？"] and len(api.sent_to(anna.id)) == 1
            assert api.callback_answers[query_id]["text"] == "好的"
            await app.updater.stop()
            await app.stop()


async def test_long_poll_waits_then_wakes_on_update():
    async with BotAPIServer() as api, ptb_bot(api) as bot:
        anna = api.user(1001)
        began = time.monotonic()
        assert await bot.get_updates(timeout=0.3) == ()
        assert time.monotonic() - began >= 0.3
        asyncio.get_running_loop().call_later(0.2, lambda: asyncio.ensure_future(anna.send_text("在吗")))
        began = time.monotonic()
        [update] = await bot.get_updates(timeout=5)
        assert update.message.text == "在吗" and time.monotonic() - began < 2
        # allowed_updates is honoured: the callback is never queued, the next message is.
        await bot.get_updates(offset=update.update_id + 1, allowed_updates=["message"])
        await anna.click_data(1, "x")
        await anna.send_text("还在")
        [only] = await bot.get_updates(timeout=1)
        assert only.message.text == "还在"


async def test_a_second_long_poll_on_one_token_ends_the_first_with_409_and_loses_no_update():
    """Two processes polling one bot: Telegram answers the waiting getUpdates 409 Conflict when a newer one comes."""
    async with BotAPIServer() as api, aiogram_bot(api) as first, aiogram_bot(api) as second:
        anna = api.user(1001)
        waiting = asyncio.ensure_future(first.get_updates(timeout=5))
        await api.wait_until(lambda: api.long_poll, 5)
        newer = asyncio.ensure_future(second.get_updates(timeout=5))
        with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
            await waiting
        await anna.send_text("在吗")
        [update] = await newer
        assert update.message.text == "在吗"
        [again] = await first.get_updates(timeout=1)  # not confirmed yet (no offset past it): still there
        assert again.update_id == update.update_id


async def test_blocked_chat_answers_403_until_user_writes_again():
    async with BotAPIServer() as api, aiogram_bot(api) as bot, ptb_bot(api) as pbot:
        anna = api.user(1001)
        api.block_chat(anna.id)
        with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
            await bot.send_message(anna.id, "提醒：明天体检")
        with pytest.raises(telegram.error.Forbidden):
            await pbot.send_message(anna.id, "提醒：明天体检")
        [update] = await bot.get_updates()
        assert update.my_chat_member.new_chat_member.status == "kicked"
        await anna.send_command("/start")
        assert (await bot.send_message(anna.id, "欢迎回来")).text == "欢迎回来"
        assert api.sent_to(anna.id)[-1].text == "欢迎回来" and len(api.sent_to(anna.id)) == 1


async def test_rate_limits_answer_429_with_retry_after(monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # PTB 22 warns about int retry_after otherwise
    limits = RateLimits(global_per_s=3, per_chat_per_s=1, per_group_per_min=20)
    async with BotAPIServer(limits=limits) as api, aiogram_bot(api) as bot, ptb_bot(api) as pbot:
        users = [api.user(1000 + i) for i in range(4)]
        await bot.send_message(users[0].id, "一")
        with pytest.raises(TelegramRetryAfter) as per_chat:
            await bot.send_message(users[0].id, "二")
        assert per_chat.value.retry_after == 1
        await pbot.send_message(users[1].id, "一")
        await pbot.send_message(users[2].id, "一")
        with pytest.raises(telegram.error.RetryAfter) as global_limit:  # fourth send within a second
            await pbot.send_message(users[3].id, "一")
        assert global_limit.value.retry_after.total_seconds() == 1
        assert (api.stats.sent, api.stats.throttled, api.stats.peak_per_second) == (3, 2, 3)
        assert [m.text for m in api.sent_to(users[0].id)] == ["一"] and api.sent_to(users[3].id) == []


def test_group_limit_is_a_sliding_minute():
    limiter = RateLimiter(RateLimits(global_per_s=30, per_chat_per_s=1, per_group_per_min=20))
    assert all(limiter.acquire(-42, t * 1.5) is None for t in range(20))  # 20 sends over 28.5 s
    assert limiter.acquire(-42, 30.0) == 30  # the first one leaves the window at t=60
    assert limiter.acquire(1001, 30.0) is None  # private chats only have the per-second limit
    assert limiter.acquire(-42, 60.01) is None


async def test_bad_requests_like_telegram():
    async with BotAPIServer() as api, aiogram_bot(api) as bot:
        anna = api.user(1001)
        with pytest.raises(TelegramBadRequest, match="chat not found"):
            await bot.send_message(777, "你好")
        with pytest.raises(TelegramBadRequest, match="message is too long"):
            await bot.send_message(anna.id, "长" * 4097)
        await bot.send_message(anna.id, "长" * 4096)
        with pytest.raises(TelegramBadRequest, match="can't parse entities"):
            await bot.send_message(anna.id, "<b>王阿姨 <3 号楼</b>", parse_mode="HTML")
        with pytest.raises(TelegramBadRequest, match="reserved"):
            await bot.send_message(anna.id, "电话 021-123", parse_mode="MarkdownV2")
        with pytest.raises(TelegramBadRequest, match="reserved"):
            await bot.send_message(anna.id, "王阿姨(3号楼)", parse_mode="MarkdownV2")
        ok = await bot.send_message(anna.id, "*提醒*：[地图](https://example.org/a_b) 021\\-123\\.",
                                    parse_mode="MarkdownV2")
        assert ok.text == "提醒：地图 021-123."
        api.fail_next("sendMessage", 502, "Bad Gateway")
        with pytest.raises(Exception, match="Bad Gateway"):
            await bot.send_message(anna.id, "重试")
        await bot.send_message(anna.id, "重试")
        assert [m.text[:2] for m in api.sent_to(anna.id)] == ["长长", "提醒", "重试"]
        async with aiohttp.ClientSession() as http:
            async with http.post(f"{api.base_url}/bot{api.token}/sendCarrierPigeon") as resp:
                assert resp.status == 404
                assert await resp.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_wrong_token_is_unauthorized():
    async with BotAPIServer() as api, aiogram_bot(api, "999:WRONG") as bot:
        with pytest.raises(TelegramUnauthorizedError):
            await bot.get_me()
        with pytest.raises(telegram.error.InvalidToken):
            async with ptb_bot(api, "999:WRONG"):
                pass
        assert [(c.method, c.error_code) for c in api.calls] == [("getMe", 401), ("getMe", 401)]


async def test_commands_are_stored_per_scope_and_language():
    async with BotAPIServer() as api, ptb_bot(api) as bot:
        await bot.set_my_commands([("start", "开始"), ("help", "帮助")], language_code="zh")
        await bot.set_my_commands([("start", "Start")], scope=telegram.BotCommandScopeAllPrivateChats())
        assert [c.command for c in await bot.get_my_commands(language_code="zh")] == ["start", "help"]
        assert await bot.get_my_commands() == ()
        assert api.my_commands[("all_private_chats", "")] == [{"command": "start", "description": "Start"}]
        with pytest.raises(telegram.error.BadRequest, match="(?i)bot_command_invalid"):
            await bot.set_my_commands([("Start-Now", "x")])


async def test_webhook_delivery_with_secret_and_reply_method():
    """aiogram's own webhook handler receives updates; its in-response method call is executed."""
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message):
        return SendMessage(chat_id=message.chat.id, text=f"回声：{message.text}")

    @dp.callback_query()
    async def on_click(query: CallbackQuery) -> None:
        await query.answer("已记录")

    async with BotAPIServer() as api, aiogram_bot(api) as bot:
        anna = api.user(1001)
        app = web.Application()
        SimpleRequestHandler(dp, bot, secret_token="s3cret", handle_in_background=False).register(app, "/hook")
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
        try:
            await bot.set_webhook(url, secret_token="s3cret")
            assert api.webhook["secret_token"] == "s3cret"
            with pytest.raises(TelegramConflictError):
                await bot.get_updates()
            await anna.send_text("你好")
            await api.wait_for_message(anna.id, "回声：你好")
            query_id = await anna.click_data(1, "x")
            await api.wait_for_call("answerCallbackQuery", lambda c: c.params["callback_query_id"] == query_id)

            await bot.set_webhook(url, secret_token="other")  # the bot now rejects our header: 401
            await anna.send_text("丢了吗")
            await api.wait_until(lambda: len(api.webhook_pump.errors) >= 4 and not api.updates, 5)
            assert "401" in (await bot.get_webhook_info()).last_error_message
            assert len(api.sent_to(anna.id)) == 1

            await bot.delete_webhook()
            await anna.send_text("轮询")
            [update] = await bot.get_updates(timeout=1)
            assert update.message.text == "轮询"
        finally:
            await runner.cleanup()


async def test_wait_for_message_lists_chat_on_timeout():
    async with BotAPIServer() as api, aiogram_bot(api) as bot:
        anna = api.user(1001)
        await bot.send_message(anna.id, "第一条")
        sent = await bot.send_message(anna.id, "第二条", reply_markup=inline(("确认", "c")))
        waiter = asyncio.create_task(api.wait_for_message(anna.id, "已确认", timeout=2))
        await asyncio.sleep(0.05)
        await bot.edit_message_text("已确认", chat_id=anna.id, message_id=sent.message_id)
        assert (await waiter).message_id == sent.message_id  # matched on the edit
        with pytest.raises(AssertionError, match=r"(?s)第一条.*已确认"):
            await api.wait_for_message(anna.id, "不存在", timeout=0.1)
