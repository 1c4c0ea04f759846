"""The webhook endpoint both Telegram adapters use. Every update must carry the secret token the bot registered
with setWebhook, compared in constant time; anything else gets 403 and is never handled."""
from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import re
from collections.abc import Callable

from aiohttp import web

from ..logmask import protect_logs
from .telegram_common import ALLOWED_UPDATES, CannotStart

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_secret(configured: str | None, token: str) -> str:
    """The configured TELEGRAM_WEBHOOK_SECRET (per committee: bot/committees.py), else one derived from the bot token
    (HMAC-SHA256): the same in every worker of one token and after a restart, so a load balancer may hand an update to
    any of them; unknown to anyone without the token, which would give them the bot anyway."""
    if configured:
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", configured):
            raise CannotStart("TELEGRAM_WEBHOOK_SECRET may use only A-Z a-z 0-9 _ - (1 to 256 characters)")
        return configured
    digest = hmac.new(token.encode(), b"telegram-webhook-secret", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


class WebhookServer:
    """Takes the updates posted to telegram.webhook_path on webhook_listen:webhook_port; `feed` gets each genuine
    one. Several committees' bots in one process share one listener, each on its own path."""

    def __init__(self, tg, secret: str | None, feed: Callable[[dict], None]) -> None:
        self.tg, self.configured, self.feed = tg, secret, feed
        self.secret = ""  # set at start, from the configured one or the bot's token
        self._listener: _Listener | None = None

    async def start(self, bot) -> None:
        """Listens (once), then registers the URL and secret; a failed registration can simply be retried."""
        if not self.secret:
            self.secret = webhook_secret(self.configured, bot.token)
            protect_logs([self.secret])
        if self._listener is None:
            self._listener = await _Listener.join(self.tg.webhook_listen, self.tg.webhook_port,
                                                  self.tg.webhook_path, self._handle)
        # aiogram's and python-telegram-bot's Bot share this method and its keywords
        await bot.set_webhook(self.tg.webhook_url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES)

    async def stop(self) -> None:
        if self._listener:
            await self._listener.leave(self.tg.webhook_path)
            self._listener = None

    async def _handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret.encode()):
            return web.Response(status=403)
        try:
            self.feed(await request.json())
        except (ValueError, KeyError, TypeError):  # not an update
            return web.Response(status=400)
        return web.Response()


class _Listener:
    """One aiohttp site per address; each bot's webhook is a path on it (any other path: 404)."""

    open: dict[tuple[str, int], _Listener] = {}

    def __init__(self, key: tuple[str, int]) -> None:
        self.key, self.paths = key, {}
        self.runner: web.AppRunner | None = None
        self.lock = asyncio.Lock()

    @classmethod
    async def join(cls, host: str, port: int, path: str, handler) -> _Listener:
        listener = cls.open.setdefault((host, port), cls((host, port)))
        async with listener.lock:
            if path in listener.paths:
                raise CannotStart(f"two bots share the webhook path {path}: give each its own telegram.webhook_path")
            if listener.runner is None:
                app = web.Application()
                app.router.add_post("/{path:.*}", listener._dispatch)
                runner = web.AppRunner(app, access_log=None)
                await runner.setup()
                try:
                    await web.TCPSite(runner, host, port).start()
                except BaseException:
                    await runner.cleanup()
                    raise
                listener.runner = runner
            listener.paths[path] = handler
        return listener

    async def leave(self, path: str) -> None:
        async with self.lock:
            self.paths.pop(path, None)
            if not self.paths and self.runner:
                await self.runner.cleanup()
                self.runner = None
                if _Listener.open.get(self.key) is self:
                    del _Listener.open[self.key]

    async def _dispatch(self, request: web.Request) -> web.Response:
        handler = self.paths.get(request.path)
        return await handler(request) if handler else web.Response(status=404)
