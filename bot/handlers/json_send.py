"""A cheap way out for plain messages to many (daily check-ins, notices): `sendMessage` posted as plain JSON.

A library's send_message builds and validates its own objects both ways: aiogram about 4× the CPU of the HTTP post
itself, python-telegram-bot about 14× (bench/bench_send.py); for thousands of check-ins a morning that is much of the
bot's work. This posts the same request Telegram would receive from `put()` in telegram_common.py (text, and the
markup as the adapters render it) through one aiohttp session, and reads the answer as both adapters' `deliver` do:
400/403 permanent, 429 its wait, anything else (401, 5xx, the network, a timeout) worth another try. Alerts and
replies keep the library's path.
"""
from __future__ import annotations

import asyncio

import aiohttp
import orjson
from aiohttp.helpers import get_env_proxy_for_url
from yarl import URL

from ..logmask import mask
from ..types import Button, Outbound, SendResult

TIMEOUT_SECONDS = 60.0  # aiogram's own default for a request (aiogram.client.session.base.DEFAULT_TIMEOUT)
PERMANENT = (400, 403)  # the same request is refused again (see telegram_common.py)


def _to_json(v: dict) -> str:
    return orjson.dumps(v).decode()


def button_action(b: Button, web_app_info) -> dict:
    """What an inline button does, as keyword arguments of either library's button (and of its JSON): open a Mini
    App (`web_app_info` builds the library's WebAppInfo from its url), open a link, or send its data back."""
    if b.web_app:
        return {"web_app": web_app_info(url=b.web_app)}
    return {"url": b.url} if b.url else {"callback_data": b.data}


def button(b: Button) -> dict:
    return {"text": b.label, **button_action(b, lambda url: {"url": url})}


def reply_markup(msg: Outbound) -> dict | None:
    """The markup as aiogram_adapter.markup() renders it, in the JSON Telegram receives."""
    if msg.buttons:
        return {"inline_keyboard": [[button(b) for b in row] for row in msg.buttons]}
    if msg.keyboard:
        rows = [[{"text": label} for label in row] for row in msg.keyboard]
        if msg.request:
            rows[0][0] = {"text": rows[0][0]["text"], "request_contact": msg.request == "contact",
                          "request_location": msg.request == "location"}
        return {"keyboard": rows, "is_persistent": not msg.request, "resize_keyboard": False,
                "one_time_keyboard": bool(msg.request)}
    return None


def payload(msg: Outbound) -> dict:
    body: dict = {"chat_id": msg.chat_id, "text": msg.text}
    if (markup := reply_markup(msg)) is not None:
        body["reply_markup"] = markup
    if msg.silent:
        body["disable_notification"] = True
    return body


def outcome(status: int, answer: dict) -> SendResult:
    """A Bot API answer as the library path reports it."""
    if 200 <= status <= 226 and answer.get("ok"):
        return SendResult(True, (answer.get("result") or {}).get("message_id"))
    description = str(answer.get("description") or f"HTTP {status}")
    if retry_after := (answer.get("parameters") or {}).get("retry_after"):
        return SendResult(False, error="retry after", retry_after=float(retry_after))
    return SendResult(False, permanent=status in PERMANENT, error=description)


def env_proxy(url: str) -> dict:
    """The proxy the environment sets for `url` (HTTP_PROXY, NO_PROXY, ~/.netrc: aiohttp's rules), as post() options."""
    try:
        proxy, auth = get_env_proxy_for_url(URL(url))
    except LookupError:
        return {}
    return {"proxy": proxy, "proxy_auth": auth}


class JsonSender:
    """`sendMessage` at `url` ({api base}/bot{token}/sendMessage) through one session, opened at the first send.
    `trust_env`: whether HTTPS_PROXY & co apply, as they do to the library's own client (httpx: yes; aiogram: no)."""

    def __init__(self, url: str, timeout: float = TIMEOUT_SECONDS, *, trust_env: bool = False) -> None:
        self.url = url
        self.proxy = env_proxy(url) if trust_env else {}  # looked up once: per request it costs more than the post
        self._token = url.rsplit("/", 2)[-2].removeprefix("bot")  # kept out of every error it reports
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def send(self, msg: Outbound) -> SendResult:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self.timeout, json_serialize=_to_json)
        try:
            async with self._session.post(self.url, json=payload(msg), **self.proxy) as resp:
                status, raw = resp.status, await resp.read()
        except asyncio.TimeoutError:
            return SendResult(False, error="Request timeout error")
        except aiohttp.ClientError as e:  # as aiogram reports it, without the token its URL holds
            return SendResult(False, error=mask(f"{type(e).__name__}: {e}".replace(self._token, "***")))
        try:
            answer = orjson.loads(raw)
        except ValueError:  # not the Bot API answering (a proxy's error page): worth another try
            return SendResult(False, error=f"HTTP {status}: not a Bot API answer")
        return outcome(status, answer if isinstance(answer, dict) else {})

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
