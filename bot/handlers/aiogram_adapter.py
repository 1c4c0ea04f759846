"""aiogram 3 adapter: Telegram updates → Inbound, Outbound → Bot API calls. No conversation logic here."""
from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ChatType
from aiogram.methods.base import Response
from aiogram.exceptions import (TelegramAPIError, TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter,
                                TelegramUnauthorizedError)
from aiogram.types import (BotCommand, BotCommandScopeChat, BotCommandScopeDefault, BufferedInputFile,
                           CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, Message,
                           ReplyKeyboardMarkup, Update, WebAppInfo)

from ..logmask import protect_logs
from ..once import bot_id, handle_once
from ..types import Inbound, Outbound, SendResult
from .command_menus import chosen_menu, register_commands
from .telegram_common import (CannotStart, InHand, TokenRejected, cry_once, edited_inbound, inbound_from_message,
                              is_not_modified, leased_polling, member_inbound, probe, put)
from .json_send import JsonSender, button_action
from .webhook import WebhookServer

log = logging.getLogger(__name__)
# aiogram builds `Response[<result type>]` for every API answer, and pydantic keeps such classes only weakly:
# after a garbage collection the next answer rebuilds one (~10 ms). Holding the ones the bot uses keeps that
# pause off the path of a staff alert.
_RESPONSE_TYPES = [Response[t] for t in (Message, bool, Message | bool, list[Update])]


def markup(msg: Outbound):
    if msg.buttons:
        return InlineKeyboardMarkup(inline_keyboard=[[
            InlineKeyboardButton(text=b.label, **button_action(b, WebAppInfo)) for b in row] for row in msg.buttons])
    if msg.keyboard:
        rows = [[KeyboardButton(text=label) for label in row] for row in msg.keyboard]
        if msg.request:
            rows[0][0] = KeyboardButton(text=rows[0][0].text, request_contact=msg.request == "contact",
                                        request_location=msg.request == "location")
        return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=False, is_persistent=not msg.request,
                                   one_time_keyboard=bool(msg.request))
    return None


class AiogramMessenger:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.plain = JsonSender(bot.session.api.api_url(bot.token, "sendMessage"))  # check-ins, notices

    async def deliver(self, msg: Outbound) -> SendResult:
        if msg.plain_bulk:
            return await self.plain.send(msg)
        try:
            return SendResult(True, await put(self.bot, msg, markup(msg), upload))
        except TelegramRetryAfter as e:
            return SendResult(False, error="retry after", retry_after=float(e.retry_after))
        except (TelegramForbiddenError, TelegramBadRequest) as e:
            if is_not_modified(e.message):
                return SendResult(True, msg.edit.message_id if msg.edit else None)
            return SendResult(False, permanent=True, error=e.message)  # 400/403: the same request fails again
        except TelegramAPIError as e:
            return SendResult(False, error=e.message)

    async def probe(self, chat_id: int) -> SendResult:
        return await probe(self.bot, chat_id, (TelegramForbiddenError, TelegramBadRequest), TelegramAPIError)
    async def fetch_file(self, file_id: str) -> bytes:
        return (await self.bot.download(file_id)).getvalue()

    async def close(self) -> None:
        await self.plain.close()


def upload(name: str, data: bytes) -> BufferedInputFile:
    return BufferedInputFile(data, filename=name)


def make_router(app) -> Router:
    router = Router(name="neighbour-care")

    @router.message()
    async def on_message(message: Message) -> None:
        await app.engine.handle(inbound_from_message(message))

    @router.edited_message()
    async def on_edit(message: Message) -> None:
        if (ev := edited_inbound(message)) is not None:  # None: a stopped live location
            await app.engine.handle(ev)

    @router.my_chat_member()
    async def on_member(update) -> None:  # a private chat blocked or taken back (None: any other change)
        if (ev := member_inbound(update)) is not None:
            await app.engine.handle(ev)

    @router.callback_query(F.message)
    async def on_button(query: CallbackQuery) -> None:
        # stop the spinner at once, alongside the handling (a 🆘 does not wait for it); the reply follows
        answered = asyncio.ensure_future(query.answer())
        msg = query.message
        await app.engine.handle(Inbound(
            user_id=query.from_user.id, chat_id=msg.chat.id, kind="button", data=query.data or "",
            message_id=msg.message_id, callback_id=query.id, language=query.from_user.language_code,
            first_name=query.from_user.first_name, is_group=msg.chat.type != ChatType.PRIVATE))
        try:
            await answered
        except TelegramAPIError as e:  # a stale query cannot be answered, but the press still counts
            log.info("callback answer failed: %s", e.message)

    return router


def make_bot(token: str, api_base_url: str | None) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_base_url)) if api_base_url else AiohttpSession()
    return Bot(token, session=session)


def command_put(bot: Bot):
    async def put(commands: list[tuple[str, str]], chat: int | None, code: str | None) -> None:
        scope = BotCommandScopeChat(chat_id=chat) if chat else BotCommandScopeDefault()
        await bot.set_my_commands([BotCommand(command=c, description=d) for c, d in commands], scope=scope,
                                  language_code=code)
    return put


class AiogramAdapter:
    """Runs the bot over aiogram: long polling by default, webhook as an option."""

    def __init__(self, app, token: str) -> None:
        self.app = app
        protect_logs([token])
        self.bot = make_bot(token, app.settings.telegram.api_base_url)
        self.dp = Dispatcher()
        self.dp.include_router(make_router(app))
        self.in_hand = InHand()
        self.dp.update.outer_middleware(self._track)
        self.messenger = AiogramMessenger(self.bot)
        app.attach(self.messenger)
        app.svc.chat_commands = chosen_menu(app, command_put(self.bot))  # a staff member's /lang: her "/" menu
        self._task: asyncio.Task | None = None
        self._webhook: WebhookServer | None = None
        self._poller = leased_polling(app, token, self._poll, self._unpoll)

    async def _track(self, handler, update, data):
        q, m = update.callback_query, update.message  # a 🆘 (cry_lanes) holds the process's other work from here
        ev = inbound_from_message(m) if m else q and Inbound(q.from_user.id, "button", data=q.data or "")
        with self.in_hand.track():  # a redelivered update (a poller died, a webhook retried) is handled once
            return await handle_once(self.app.svc.store, bot_id(self.bot.token), update.update_id,
                                     lambda: handler(update, data), **cry_once(self.app, ev))

    async def start(self) -> None:
        try:
            await self._start()
        except TelegramUnauthorizedError:
            raise TokenRejected from None
        except TelegramBadRequest as e:
            raise CannotStart(f"Telegram refused the bot's settings: {e.message}") from None

    async def _start(self) -> None:
        await register_commands(self.app, command_put(self.bot), TelegramAPIError)
        tg = self.app.settings.telegram
        if tg.mode == "webhook":
            self._webhook = self._webhook or WebhookServer(tg, self.app.secrets.webhook_secret, self._feed)
            await self._webhook.start(self.bot)
        else:
            await self.bot.delete_webhook()
            await self.bot.me()  # polling needs it; fetched here so a failure is retried like the others
            self._poller.begin()  # polls while this process holds the bot's poller lease (bot/lease.py)

    async def _poll(self) -> None:
        self._task = asyncio.create_task(self.dp.start_polling(self.bot, handle_signals=False, polling_timeout=10,
                                                               close_bot_session=False))

    async def _unpoll(self) -> None:
        if self._task:
            try:
                await self.dp.stop_polling()
            except RuntimeError:  # polling had not started yet
                self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    def _feed(self, data: dict) -> None:
        self.in_hand.spawn(self.dp.feed_raw_update(self.bot, data))

    async def stop(self) -> None:
        """No new updates; those in hand and their alerts finish (bounded); then the connection closes."""
        if self._webhook:
            await self._webhook.stop()
        await self._poller.end()  # polling stops, and the lease passes to another worker at once
        await self.in_hand.finish(self.app)
        await self.messenger.close()
        await self.bot.session.close()
