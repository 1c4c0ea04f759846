"""python-telegram-bot (v22) adapter: Telegram updates → Inbound, Outbound → Bot API calls. No conversation logic here.

It mirrors aiogram_adapter.py; only the library calls differ. PTB's Application is used as a plain update
pump (initialize/start + the Updater), never run_polling(), which would take over the event loop.
"""
from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import warnings

from telegram import (BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Chat, InlineKeyboardButton,
                      InlineKeyboardMarkup, KeyboardButton, Message, ReplyKeyboardMarkup, Update, WebAppInfo)
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler

from ..types import Inbound, Outbound, SendResult
from .telegram_common import (command_list, inbound_from_message, is_not_modified, is_permanent, put,
                              staff_command_list)

log = logging.getLogger(__name__)

# what aiogram's dispatcher asks for from its registered handlers; nothing else is queued for us
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]


def message_inbound(message: Message, *, edited: bool = False) -> Inbound:
    return inbound_from_message(message, edited=edited)


def to_inbound(update: Update) -> Inbound | None:
    """The core's event for an update, or None for updates the bot does not act on."""
    if (query := update.callback_query) is not None:
        msg = query.message  # may be an InaccessibleMessage (too old): chat and id are still there
        if msg is None:
            return None
        return Inbound(
            user_id=query.from_user.id, chat_id=msg.chat.id, kind="button", data=query.data or "",
            message_id=msg.message_id, callback_id=query.id, language=query.from_user.language_code,
            first_name=query.from_user.first_name, is_group=msg.chat.type != Chat.PRIVATE)
    if update.message is not None:
        return message_inbound(update.message)
    if update.edited_message is not None:
        return message_inbound(update.edited_message, edited=True)
    return None


def markup(msg: Outbound):
    if msg.buttons:
        return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, web_app=WebAppInfo(b.web_app)) if b.web_app
                                      else InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
                                     for row in msg.buttons])
    if msg.keyboard:
        rows = [[KeyboardButton(label) for label in row] for row in msg.keyboard]
        if msg.request:
            rows[0][0] = KeyboardButton(rows[0][0].text, request_contact=msg.request == "contact" or None,
                                        request_location=msg.request == "location" or None)
        return ReplyKeyboardMarkup(rows, resize_keyboard=False, is_persistent=not msg.request,
                                   one_time_keyboard=bool(msg.request))
    return None


def retry_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # v22 returns int or timedelta, warning about the coming switch
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


class PTBMessenger:
    def __init__(self, bot) -> None:
        self.bot = bot

    async def deliver(self, msg: Outbound) -> SendResult:
        try:
            return SendResult(True, await put(self.bot, msg, markup(msg)))
        except RetryAfter as e:
            return SendResult(False, error="retry after", retry_after=retry_seconds(e))
        except (Forbidden, BadRequest) as e:  # BadRequest must come before NetworkError, its base class
            if is_not_modified(e.message):
                return SendResult(True, msg.edit.message_id if msg.edit else None)
            return SendResult(False, permanent=isinstance(e, Forbidden) or is_permanent(e.message), error=e.message)
        except TelegramError as e:  # NetworkError, TimedOut, ...: worth another try
            return SendResult(False, error=e.message)


async def register_commands(bot, app) -> None:
    cat = app.svc.cat
    for lang in ("zh", "en"):
        code = None if lang == app.settings.locale else lang
        await bot.set_my_commands([BotCommand(c, d) for c, d in command_list(cat, lang)],
                                  scope=BotCommandScopeDefault(), language_code=code)
    for st in app.settings.staff:  # staff see their own commands; a chat that never started is skipped
        try:
            await bot.set_my_commands([BotCommand(c, d) for c, d in staff_command_list(cat, app.settings.locale)],
                                      scope=BotCommandScopeChat(st.telegram_id))
        except TelegramError:
            log.info("staff %s has not started the bot yet", st.id)


def make_application(token: str, api_base_url: str | None) -> Application:
    # no job queue, no persistence: the engine owns time and state; updates run concurrently as in aiogram
    builder = Application.builder().token(token).job_queue(None).concurrent_updates(True)
    if api_base_url:
        base = api_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    return builder.build()


class PTBAdapter:
    """Runs the bot over python-telegram-bot: long polling by default, webhook as an option."""

    def __init__(self, app, token: str) -> None:
        self.app = app
        self.application = make_application(token, app.settings.telegram.api_base_url)
        self.application.add_handler(TypeHandler(Update, self._on_update))
        app.attach(PTBMessenger(self.application.bot))
        self._started = False

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        ev = to_inbound(update)
        if ev is None:
            return
        # a button's spinner stops at once, alongside the handling (a 🆘 does not wait for it)
        answered = asyncio.ensure_future(update.callback_query.answer()) if ev.kind == "button" else None
        await self.app.engine.handle(ev)
        if answered:
            try:
                await answered
            except TelegramError as e:  # a stale query cannot be answered, but the press still counts
                log.info("callback answer failed: %s", e.message)

    async def start(self) -> None:
        ptb = self.application
        await ptb.initialize()
        await register_commands(ptb.bot, self.app)
        await ptb.start()
        self._started = True
        tg = self.app.settings.telegram
        if tg.mode == "webhook":  # PTB's webhook server needs tornado (python-telegram-bot[webhooks])
            await ptb.updater.start_webhook(
                listen=tg.webhook_listen, port=tg.webhook_port, url_path=tg.webhook_path, webhook_url=tg.webhook_url,
                secret_token=self.app.secrets.webhook_secret, allowed_updates=ALLOWED_UPDATES)
        else:
            await ptb.updater.start_polling(timeout=10, allowed_updates=ALLOWED_UPDATES)

    async def stop(self) -> None:
        ptb = self.application
        if ptb.updater.running:
            await ptb.updater.stop()
        if self._started:
            await ptb.stop()
            self._started = False
        await ptb.shutdown()

