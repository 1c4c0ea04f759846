"""A local Telegram Bot API server for end-to-end tests and benchmarks.

The real aiogram and python-telegram-bot clients talk HTTP to it exactly as they would to a
self-hosted Bot API server; tests play the residents through FakeUser and read what the bot
sent through sent_to()/wait_for_message().  Method handlers live in botapi_methods.py.

    async with BotAPIServer() as api:
        anna = api.user(1001, "王阿姨")
        await anna.send_command("/start")
        reply = await api.wait_for_message(anna.id, "您好")
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from .botapi_fakes import FakeGroup, FakeUser
from .botapi_format import APIError, bad_request, decode_params, read_multipart
from .botapi_limits import RateLimiter, RateLimits, RateStats
from .botapi_models import Call, SentMessage, group_chat, message_kind, now_ts, user_obj
from .botapi_webhook import WebhookPump

__all__ = ["BotAPIServer", "Call", "FakeGroup", "FakeUser", "RateLimits", "RateStats", "SentMessage"]

# Update types Telegram delivers when allowed_updates was never given (or given as []).
DEFAULT_UPDATES = frozenset({"message", "edited_message", "channel_post", "edited_channel_post", "callback_query",
                             "inline_query", "chosen_inline_result", "my_chat_member", "chat_join_request",
                             "shipping_query", "pre_checkout_query", "poll", "poll_answer"})


class BotAPIServer:
    def __init__(self, token: str = "123456:TEST-TOKEN", host: str = "127.0.0.1", port: int = 0, *,
                 limits: RateLimits | None = None, bot_username: str = "neighbour_care_bot"):
        self.token, self.host, self.port = token, host, port
        self.bot_user = user_obj(int(token.split(":")[0]), "Neighbour Care", is_bot=True, username=bot_username)
        self.limits, self._limiter = limits, RateLimiter(limits) if limits else None
        self.stats = RateStats()
        self.calls: list[Call] = []
        self.webhook: dict | None = None
        self.my_commands: dict[tuple[str, str], list[dict]] = {}  # (scope key, language_code) -> commands
        self.callback_answers: dict[str, dict] = {}  # callback query id -> answerCallbackQuery params
        self.settings: dict[str, dict] = {}  # setMyDescription & co: method -> last params
        self._chats: dict[int, dict] = {}
        self._users: dict[int, FakeUser] = {}
        self._blocked: set[int] = set()
        self._messages: dict[tuple[int, int], dict] = {}
        self._sent: dict[int, list[SentMessage]] = {}
        self._sent_by_id: dict[tuple[int, int], SentMessage] = {}
        self._next_message_id: dict[int, int] = {}
        self.open_callbacks: set[str] = set()
        self.updates: list[dict] = []  # queued, not yet confirmed by getUpdates offset / webhook 200
        self._update_id = self._file_number = self._callback_number = 0
        self._allowed_updates = DEFAULT_UPDATES
        self._failures: dict[str, list[APIError]] = {}
        self._changed = asyncio.Event()
        self.closing = False
        self._runner: web.AppRunner | None = None
        self.webhook_pump = WebhookPump(self)
        self._started = time.monotonic()

    # --- lifecycle -----------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(client_max_size=50 * 2**20)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self._started = time.monotonic()
        self.webhook_pump.start()

    async def stop(self) -> None:
        self.closing = True
        self.notify()  # held getUpdates answer now, so shutdown does not wait for them
        await self.webhook_pump.stop()
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotAPIServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # --- test controls -------------------------------------------------------------------
    def user(self, user_id: int, first_name: str = "Test", language_code: str = "zh-hans",
             username: str | None = None) -> FakeUser:
        if user_id not in self._users:
            self._users[user_id] = FakeUser(self, user_id, first_name, language_code, username)
            self._chats[user_id] = self._users[user_id].chat
        return self._users[user_id]

    def group(self, chat_id: int, title: str = "楼组群") -> FakeGroup:
        self._chats[chat_id] = group_chat(chat_id, title)
        return FakeGroup(self, chat_id, title)

    def block_chat(self, chat_id: int) -> None:
        self._blocked.add(chat_id)
        if chat_id in self._users:  # Telegram tells the bot, as a my_chat_member update
            self._member_update(chat_id, "member", "kicked")

    def fail_next(self, method: str, error_code: int, description: str, retry_after: int | None = None) -> None:
        self._failures.setdefault(method.lower(), []).append(APIError(error_code, description, retry_after))

    def sent_to(self, chat_id: int) -> list[SentMessage]:
        return list(self._sent.get(chat_id, ()))

    async def wait_for_message(self, chat_id: int, predicate: Callable[[SentMessage], bool] | str | None = None,
                               timeout: float = 5.0, after: int = 0) -> SentMessage:
        """First message to chat_id (from index `after`) whose current state matches; a str matches text."""
        if isinstance(predicate, str):
            needle = predicate
            predicate = lambda m: needle in m.text  # noqa: E731
        found = await self.wait_until(
            lambda: next((m for m in self.sent_to(chat_id)[after:] if predicate is None or predicate(m)), None),
            timeout)
        if found is None:
            listing = "\n".join(f"  [{i}] {m.describe()}" for i, m in enumerate(self.sent_to(chat_id))) or "  (none)"
            raise AssertionError(f"no matching message to chat {chat_id} (after={after}) within {timeout}s; "
                                 f"chat has:\n{listing}")
        return found

    async def wait_for_call(self, method: str, predicate: Callable[[Call], bool] | None = None,
                            timeout: float = 5.0, after: int = 0) -> Call:
        name = method.lower()
        found = await self.wait_until(lambda: next(
            (c for c in self.calls[after:] if c.method.lower() == name and (predicate is None or predicate(c))),
            None), timeout)
        if found is None:
            seen = [c.method for c in self.calls[after:]][-30:]
            raise AssertionError(f"no matching {method} call within {timeout}s; recent calls: {seen}")
        return found

    async def wait_until(self, check: Callable[[], Any], timeout: float) -> Any:
        """Return check()'s first truthy value, re-checking whenever server state changes."""
        deadline = time.monotonic() + timeout
        while True:
            changed = self._changed
            if (result := check()) or self.closing or (remaining := deadline - time.monotonic()) <= 0:
                return result
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                pass

    def notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # --- HTTP ----------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        if request.content_type == "multipart/form-data":
            raw = await read_multipart(await request.multipart())
        elif request.content_type == "application/json":
            raw = await request.json()
        else:
            raw = dict(await request.post())
        body = await self.execute(request.match_info["method"], decode_params({**request.query, **raw}),
                                  request.match_info["token"])
        return web.json_response(body, status=200 if body["ok"] else body["error_code"])

    async def execute(self, method: str, params: dict[str, Any], token: str) -> dict:
        from .botapi_methods import METHODS  # the handlers import this module's types

        call = Call(method, params, time.monotonic())
        try:
            if token != self.token:
                raise APIError(401, "Unauthorized")
            handler = METHODS.get(method.lower())
            if handler is None:
                raise APIError(404, "Not Found")
            if failures := self._failures.get(method.lower()):
                raise failures.pop(0)
            call.result = await handler(self, params)
            call.result_ok = True
            return {"ok": True, "result": call.result}
        except APIError as e:
            call.error_code = e.code
            self.stats.throttled += e.code == 429
            body = {"ok": False, "error_code": e.code, "description": e.description}
            if e.retry_after is not None:
                body["parameters"] = {"retry_after": e.retry_after}
            return body
        finally:
            self.calls.append(call)
            self.notify()

    # --- chats, messages and updates (used by methods and fakes) -------------------------
    def chat(self, chat_id: Any, *, sending: bool = True) -> dict:
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if chat_id not in self._chats:
            raise bad_request("chat not found")
        if sending and chat_id in self._blocked:
            raise APIError(403, "Forbidden: bot was blocked by the user" if chat_id > 0
                           else "Forbidden: bot was kicked from the group chat")
        return self._chats[chat_id]

    def _new_message(self, chat: dict, sender: dict, content: dict) -> dict:
        message_id = self._next_message_id[chat["id"]] = self._next_message_id.get(chat["id"], 0) + 1
        message = {"message_id": message_id, "date": now_ts(), "chat": chat, "from": sender, **content}
        self._messages[(chat["id"], message_id)] = message
        return message

    def find_message(self, chat_id: int, message_id: Any) -> dict | None:
        return self._messages.get((chat_id, message_id))

    def forget_message(self, chat_id: int, message_id: Any) -> bool:
        if self._messages.pop((chat_id, message_id), None) is None:
            return False
        if sent := self.sent_message(chat_id, message_id):
            sent.deleted = True
            self.notify()
        return True

    def sent_message(self, chat_id: int, message_id: Any) -> SentMessage | None:
        return self._sent_by_id.get((chat_id, message_id))

    def bot_message(self, chat_id: int, content: dict, params: dict, *, kind: str | None = None,
                    forwarded_from: tuple[int, int] | None = None) -> SentMessage:
        """Store a message from the bot, after the flood limits allow it."""
        now = time.monotonic()
        if self._limiter and (retry := self._limiter.acquire(chat_id, now)):
            raise APIError(429, f"Too Many Requests: retry after {retry}", retry)
        markup = params.get("reply_markup") or None
        if markup and "inline_keyboard" in markup:  # only inline keyboards are part of a Message
            content = {**content, "reply_markup": markup}
        raw = self._new_message(self._chats[chat_id], self.bot_user, content)
        sent = SentMessage(raw["message_id"], chat_id, raw.get("text", raw.get("caption", "")), markup,
                           kind or message_kind(raw), params.get("parse_mode"), forwarded_from, at=now, raw=raw)
        self._sent.setdefault(chat_id, []).append(sent)
        self._sent_by_id[(chat_id, sent.message_id)] = sent
        self.stats.sent += 1
        self.stats.per_second[int(now - self._started)] += 1
        return sent

    def incoming(self, chat: dict, sender: dict, content: dict) -> int:
        if chat["id"] in self._blocked and chat["type"] == "private":  # writing again == pressing "Restart bot"
            self._blocked.discard(chat["id"])
            self._member_update(chat["id"], "kicked", "member")
        message = self._new_message(chat, sender, content)
        self.push_update("message", message)
        return message["message_id"]

    def incoming_edit(self, chat_id: int, message_id: int, text: str) -> None:
        message = self.find_message(chat_id, message_id)
        if message is None or message["from"]["is_bot"]:
            raise AssertionError(f"user message {message_id} not found in chat {chat_id}")
        message.update(text=text, edit_date=now_ts())
        self.push_update("edited_message", dict(message))

    def callback(self, sender: dict, chat_id: int, message_id: int, data: str) -> str:
        self._callback_number += 1
        query_id = f"{self.bot_user['id']}{self._callback_number:06d}"
        message = self.find_message(chat_id, message_id) or {  # Telegram's InaccessibleMessage
            "chat": self._chats[chat_id], "message_id": message_id, "date": 0}
        self.open_callbacks.add(query_id)
        self.push_update("callback_query", {"id": query_id, "from": sender, "message": dict(message),
                                            "chat_instance": str(abs(chat_id) * 7919), "data": data})
        return query_id

    def _member_update(self, chat_id: int, old: str, new: str) -> None:
        def member(status: str) -> dict:
            return {"status": status, "user": self.bot_user, **({"until_date": 0} if status == "kicked" else {})}

        self.push_update("my_chat_member", {"chat": self._chats[chat_id], "from": self._users[chat_id].obj,
                                            "date": now_ts(), "old_chat_member": member(old),
                                            "new_chat_member": member(new)})

    def push_update(self, kind: str, obj: dict) -> None:
        if kind in self._allowed_updates:  # Telegram never queues updates the bot did not ask for
            self._update_id += 1
            self.updates.append({"update_id": self._update_id, kind: obj})
            self.notify()

    def set_allowed_updates(self, allowed: list[str] | None) -> None:
        if allowed is not None:
            self._allowed_updates = frozenset(allowed) or DEFAULT_UPDATES

    def confirm_updates(self, offset: int) -> None:
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]

    def next_file_number(self) -> int:
        self._file_number += 1
        return self._file_number
