"""Delivers queued updates to the bot's webhook, one at a time, as Telegram does."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

import aiohttp

from .botapi_format import decode_params, read_multipart
from .botapi_models import now_ts

if TYPE_CHECKING:
    from .botapi_server import BotAPIServer

log = logging.getLogger(__name__)
ATTEMPTS = 4  # Telegram retries for longer; a test wants a failing webhook to show quickly


class WebhookPump:
    def __init__(self, api: BotAPIServer):
        self.api = api
        self.errors: list[str] = []  # every failed attempt, newest last
        self.last_error: tuple[int, str] | None = None
        self._task: asyncio.Task | None = None
        self._http: aiohttp.ClientSession | None = None

    def start(self) -> None:
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        self._task = asyncio.create_task(self._run(), name="botapi-webhook")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._http:
            await self._http.close()

    async def _run(self) -> None:
        api = self.api
        while not api.closing:
            await api.wait_until(lambda: api.webhook and api.updates, timeout=3600)
            if not (api.webhook and api.updates):
                continue
            update = api.updates[0]
            await self._deliver(api.webhook, update)
            if api.updates and api.updates[0] is update:  # delivered or given up: either way it leaves the queue
                api.updates.pop(0)
                api.notify()

    async def _deliver(self, webhook: dict, update: dict) -> bool:
        secret = webhook.get("secret_token")
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        for attempt in range(ATTEMPTS):
            try:
                async with self._http.post(webhook["url"], json=update, headers=headers) as resp:
                    if resp.status == 200:
                        await self._run_reply(resp)
                        return True
                    error = f"Wrong response from the webhook: {resp.status} {resp.reason}"
            except (aiohttp.ClientError, asyncio.TimeoutError) as e:
                error = f"Connection failed: {type(e).__name__}"
            self.errors.append(error)
            self.last_error = (now_ts(), error)
            await asyncio.sleep(0.05 * 2**attempt)
        log.warning("webhook gave up on update %s: %s", update["update_id"], error)
        return False

    async def _run_reply(self, resp: aiohttp.ClientResponse) -> None:
        """A webhook may answer with a method call (aiogram does); Telegram then executes it."""
        if resp.content_type == "multipart/form-data":
            raw = await read_multipart(aiohttp.MultipartReader.from_response(resp))
        elif resp.content_type == "application/json":
            raw = await resp.json()
        else:
            return
        if isinstance(raw, dict) and raw.get("method"):
            params = decode_params(raw)
            await self.api.execute(params.pop("method"), params, self.api.token)
