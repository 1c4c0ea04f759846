"""The webhook endpoint both Telegram adapters use. Every update must carry the secret token the bot registered
with setWebhook, compared in constant time; anything else gets 403 and is never handled."""
from __future__ import annotations

import hmac
import logging
import re
import secrets
from collections.abc import Callable

from aiohttp import web

from .telegram_common import ALLOWED_UPDATES, CannotStart

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_secret(configured: str | None) -> str:
    """The configured TELEGRAM_WEBHOOK_SECRET, or a strong random one for this run (registered with setWebhook)."""
    if configured:
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", configured):
            raise CannotStart("TELEGRAM_WEBHOOK_SECRET may use only A-Z a-z 0-9 _ - (1 to 256 characters)")
        return configured
    log.warning("TELEGRAM_WEBHOOK_SECRET is not set: using a random secret for this run")
    return secrets.token_urlsafe(48)


class WebhookServer:
    """Listens on telegram.webhook_listen:webhook_port at webhook_path; `feed` takes each genuine update."""

    def __init__(self, tg, secret: str | None, feed: Callable[[dict], None]) -> None:
        self.tg, self.secret, self.feed = tg, webhook_secret(secret), feed
        self._runner: web.AppRunner | None = None

    async def start(self, bot) -> None:
        """Listens (once), then registers the URL and secret; a failed registration can simply be retried."""
        if self._runner is None:
            app = web.Application()
            app.router.add_post(self.tg.webhook_path, self._handle)
            self._runner = web.AppRunner(app, access_log=None)
            await self._runner.setup()
            await web.TCPSite(self._runner, self.tg.webhook_listen, self.tg.webhook_port).start()
        # aiogram's and python-telegram-bot's Bot share this method and its keywords
        await bot.set_webhook(self.tg.webhook_url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES)

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret.encode()):
            return web.Response(status=403)
        try:
            self.feed(await request.json())
        except (ValueError, KeyError, TypeError):  # not an update
            return web.Response(status=400)
        return web.Response()
