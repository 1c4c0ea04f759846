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
                      InlineKeyboardMarkup, InputFile, KeyboardButton, Message, ReplyKeyboardMarkup, Update,
                      WebAppInfo)
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler

from ..logmask import protect_logs
from ..once import bot_id, handle_once
from ..types import Inbound, Outbound, SendResult
from .command_menus import chosen_menu, register_commands
from .telegram_common import (ALLOWED_UPDATES, CannotStart, InHand, TokenRejected, cry_once, edited_inbound,
                              inbound_from_message, is_not_modified, leased_polling, member_inbound, probe, put)
from .json_send import JsonSender, button_action
from .webhook import WebhookServer

log = logging.getLogger(__name__)


def message_inbound(message: Message) -> Inbound:
    return inbound_from_message(message)


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
        return edited_inbound(update.edited_message)  # None: a stopped live location
    return member_inbound(update.my_chat_member) if update.my_chat_member is not None else None


def markup(msg: Outbound):
    if msg.buttons:
        return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, **button_action(b, WebAppInfo)) for b in row]
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
        self.plain = JsonSender(f"{bot.base_url}/sendMessage", trust_env=True)  # check-ins, notices; like httpx

    async def deliver(self, msg: Outbound) -> SendResult:
        if msg.plain_bulk:
            return await self.plain.send(msg)
        try:
            return SendResult(True, await put(self.bot, msg, markup(msg), lambda name, data: InputFile(data, name)))
        except RetryAfter as e:
            return SendResult(False, error="retry after", retry_after=retry_seconds(e))
        except (Forbidden, BadRequest) as e:  # BadRequest must come before NetworkError, its base class
            if is_not_modified(e.message):
                return SendResult(True, msg.edit.message_id if msg.edit else None)
            return SendResult(False, permanent=True, error=e.message)  # 400/403: the same request fails again
        except TelegramError as e:  # NetworkError, TimedOut, ...: worth another try
            return SendResult(False, error=e.message)

    async def probe(self, chat_id: int) -> SendResult:
        return await probe(self.bot, chat_id, (Forbidden, BadRequest), TelegramError)
    async def fetch_file(self, file_id: str) -> bytes:
        return bytes(await (await self.bot.get_file(file_id)).download_as_bytearray())

    async def close(self) -> None:
        await self.plain.close()


def command_put(bot):
    async def put(commands: list[tuple[str, str]], chat: int | None, code: str | None) -> None:
        scope = BotCommandScopeChat(chat) if chat else BotCommandScopeDefault()
        await bot.set_my_commands([BotCommand(c, d) for c, d in commands], scope=scope, language_code=code)
    return put


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
        protect_logs([token])
        self.application = make_application(token, app.settings.telegram.api_base_url)
        self.application.add_handler(TypeHandler(Update, self._on_update))
        self.messenger = PTBMessenger(self.application.bot)
        app.attach(self.messenger)
        app.svc.chat_commands = chosen_menu(app, command_put(self.application.bot))  # a staff member's /lang
        self.in_hand = InHand()
        self._started = False
        self._webhook: WebhookServer | None = None
        self._poller = leased_polling(app, token, self._poll, self._unpoll)

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        ev = to_inbound(update)
        if ev is None:
            return
        with self.in_hand.track():  # a redelivered update (a poller died, a webhook retried) is handled once
            await handle_once(self.app.svc.store, bot_id(self.application.bot.token), update.update_id,
                              lambda: self._handle(update, ev), **cry_once(self.app, ev))

    async def _handle(self, update: Update, ev: Inbound) -> None:
        # a button's spinner stops at once, alongside the handling (a 🆘 does not wait for it)
        answered = asyncio.ensure_future(update.callback_query.answer()) if ev.kind == "button" else None
        await self.app.engine.handle(ev)
        if answered:
            try:
                await answered
            except TelegramError as e:  # a stale query cannot be answered, but the press still counts
                log.info("callback answer failed: %s", e.message)

    async def start(self) -> None:
        try:
            await self._start()
        except InvalidToken:
            raise TokenRejected from None
        except BadRequest as e:
            raise CannotStart(f"Telegram refused the bot's settings: {e.message}") from None

    async def _start(self) -> None:
        ptb = self.application
        await ptb.initialize()
        await register_commands(self.app, command_put(ptb.bot), TelegramError)
        if not self._started:
            await ptb.start()
            self._started = True
        tg = self.app.settings.telegram
        if tg.mode == "webhook":
            self._webhook = self._webhook or WebhookServer(tg, self.app.secrets.webhook_secret, self._feed)
            await self._webhook.start(ptb.bot)
        else:
            self._poller.begin()  # polls while this process holds the bot's poller lease (bot/lease.py)

    async def _poll(self) -> None:
        await self.application.updater.start_polling(timeout=10, allowed_updates=ALLOWED_UPDATES)

    async def _unpoll(self) -> None:
        if self.application.updater.running:
            await self.application.updater.stop()  # it confirms what it fetched, so no one gets those again

    def _feed(self, data: dict) -> None:
        self.application.update_queue.put_nowait(Update.de_json(data, self.application.bot))

    async def stop(self) -> None:
        """No new updates; those in hand and their alerts finish (bounded); then the connection closes."""
        ptb = self.application
        if self._webhook:
            await self._webhook.stop()
        await self._poller.end()  # polling stops, and the lease passes to another worker at once
        # PTB's stop() handles every update already fetched, then returns
        await self.in_hand.finish(self.app, ptb.stop() if self._started else None)
        self._started = False
        await self.messenger.close()
        await ptb.shutdown()
