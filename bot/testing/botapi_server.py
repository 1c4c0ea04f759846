"""A local Telegram Bot API server for end-to-end tests and benchmarks.

The real aiogram and python-telegram-bot clients talk HTTP to it exactly as they would to a
self-hosted Bot API server; tests play the residents through FakeUser and read what the bot
sent through sent_to()/wait_for_message().  Method handlers live in
botapi_methods.py and botapi_messages.py; chats, messages and updates in botapi_state.py.

    async with BotAPIServer() as api:
        anna = api.user(1001, "王阿姨")
        await anna.send_command("/start")
        reply = await api.wait_for_message(anna.id, "您好")
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from . import botapi_messages  # noqa: F401  (registers the message methods)
from .botapi_fakes import FakeGroup, FakeUser
from .botapi_format import APIError, decode_params, read_multipart
from .botapi_limits import RateLimits, RateStats
from .botapi_methods import METHODS
from .botapi_models import Call, SentMessage, group_chat, user_obj
from .botapi_state import ChatState
from .botapi_webhook import WebhookPump

__all__ = ["BotAPIServer", "Call", "FakeGroup", "FakeUser", "RateLimits", "RateStats", "SentMessage"]


class BotAPIServer(ChatState):
    def __init__(self, token: str = "123456:TEST-TOKEN", host: str = "127.0.0.1", port: int = 0, *,
                 limits: RateLimits | None = None, bot_username: str = "neighbour_care_bot"):
        self.token, self.host, self.port = token, host, port
        super().__init__(user_obj(int(token.split(":")[0]), "Neighbour Care", is_bot=True,
                                  username=bot_username), limits)
        self.calls: list[Call] = []
        self.webhook: dict | None = None
        self.my_commands: dict[tuple[str, str], list[dict]] = {}  # (scope key, language_code) -> commands
        self.callback_answers: dict[str, dict] = {}  # callback query id -> answerCallbackQuery params
        self.settings: dict[str, dict] = {}  # setMyDescription & co: method -> last params
        self._failures: dict[str, list[APIError]] = {}
        self._holds: dict[str, list[float]] = {}
        self.held: list[str] = []  # methods whose answer was held back (hold_next), in order
        self.outage: APIError | None = None  # while set, every method fails with it (Telegram away: 502 & co)
        self.failing: dict[str, APIError] = {}  # method (lower case) -> the error every call of it fails with, while set
        self.failing_chats: dict[int, APIError] = {}  # chat id -> the error every call to it fails with, while set
        self.hanging_chats: dict[int, float] = {}  # chat id -> seconds every call to it goes unanswered (then, if its
        # caller still waits, it is carried out), while set: Telegram hanging on one chat (`answer_hung` ends it)
        self._unhung = asyncio.Event()
        self.late_chats: dict[int, float] = {}  # chat id -> seconds every call to it is answered late (carried out at
        # once: a message sent, its answer lost on the way back), while set
        self.redirected: set[str] = set()  # methods answered with a redirect to themselves (a proxy set up wrong)
        self._runner: web.AppRunner | None = None
        self.webhook_pump = WebhookPump(self)

    # --- lifecycle -----------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(client_max_size=50 * 2**20)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
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

    def block_chat(self, chat_id: int, *, tell_bot: bool = True) -> None:
        """`tell_bot=False`: the bot never hears of it (its my_chat_member update lost) and finds out on a send."""
        self._blocked.add(chat_id)
        if chat_id in self._users and tell_bot:  # Telegram tells the bot, as a my_chat_member update
            self.member_update(chat_id, "member", "kicked")

    def unblock_chat(self, chat_id: int, *, tell_bot: bool = True) -> None:
        """The user takes the block back (Telegram's "Unblock" / "Restart"): sends reach them again (`tell_bot=False`:
        their chat works again without Telegram saying so, e.g. Telegram reinstalled)."""
        self._blocked.discard(chat_id)
        if chat_id in self._users and tell_bot:
            self.member_update(chat_id, "kicked", "member")

    def never_started(self, user_id: int) -> None:
        """A user who has not pressed Start: the bot cannot write to them ("chat not found") until they do."""
        self._chats.pop(user_id, None)

    def fail_next(self, method: str, error_code: int, description: str, retry_after: int | None = None) -> None:
        self._failures.setdefault(method.lower(), []).append(APIError(error_code, description, retry_after))

    def hold_next(self, method: str, seconds: float) -> None:
        """The next call of `method` is answered only after `seconds` (a slow network); if its caller has hung up
        by then, it is not carried out."""
        self._holds.setdefault(method.lower(), []).append(seconds)

    def answer_hung(self) -> None:
        """Telegram answers the chats it hung on again: the calls held meanwhile are carried out now (a test over,
        its bot stops without waiting out the hang)."""
        self.hanging_chats.clear()
        self._unhung.set()
        self._unhung = asyncio.Event()

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

    # --- HTTP ----------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["method"].lower() in self.redirected:
            raise web.HTTPFound(request.path)  # a client that follows redirects gives up after its limit
        if holds := self._holds.get(request.match_info["method"].lower()):
            self.held.append(request.match_info["method"])
            self.notify()
            await asyncio.sleep(holds.pop(0))
            if request.transport is None or request.transport.is_closing():
                return web.Response(status=499)  # nobody is listening for the answer any more
        if request.content_type == "multipart/form-data":
            raw = await read_multipart(await request.multipart())
        elif request.content_type == "application/json":
            raw = await request.json()
        else:
            raw = dict(await request.post())
        params = decode_params({**request.query, **raw})
        if (hang := self.hanging_chats.get(_chat_of(params))) is not None:
            self.held.append(request.match_info["method"])
            self.notify()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._unhung.wait(), hang)
            if request.transport is None or request.transport.is_closing():
                return web.Response(status=499)
        body = await self.execute(request.match_info["method"], params, request.match_info["token"])
        if (late := self.late_chats.get(_chat_of(params))) is not None:
            await asyncio.sleep(late)
        return web.json_response(body, status=200 if body["ok"] else body["error_code"])

    async def _download(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        found = next((f for f in self.files.values() if f["file_path"] == path), None)
        if request.match_info["token"] != self.token or found is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=found["data"], content_type="application/octet-stream")

    async def execute(self, method: str, params: dict[str, Any], token: str) -> dict:
        call = Call(method, params, time.monotonic())
        try:
            if self.outage:
                raise self.outage
            if token != self.token:
                raise APIError(401, "Unauthorized")
            handler = METHODS.get(method.lower())
            if handler is None:
                raise APIError(404, "Not Found")
            if failures := self._failures.get(method.lower()):
                raise failures.pop(0)
            if failing := self.failing.get(method.lower()) or self.failing_chats.get(_chat_of(params)):
                raise failing
            try:
                call.result = await handler(self, params)
            except KeyError as missing:  # a required parameter was not sent
                raise APIError(400, f"Bad Request: {missing.args[0]} is empty") from None
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


def _chat_of(params: dict[str, Any]) -> int | None:
    """The chat a call is addressed to (its `chat_id`, a number or a numeric string), if any."""
    try:
        return int(params["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None
