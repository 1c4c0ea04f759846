"""The method registry, and the Bot API methods about the bot itself, updates and webhooks."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .botapi_format import APIError, bad_request

if TYPE_CHECKING:
    from .botapi_server import BotAPIServer

Handler = Callable[["BotAPIServer", dict[str, Any]], Awaitable[Any]]
# what Telegram answers a long poll that a newer getUpdates on the same token has replaced
TERMINATED = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
METHODS: dict[str, Handler] = {}


def method(*names: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        METHODS.update({name.lower(): fn for name in names})
        return fn
    return register


@method("getMe")
async def get_me(api: BotAPIServer, p: dict) -> dict:
    return {**api.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False, "can_connect_to_business": False, "has_main_web_app": False}


@method("getUpdates")
async def get_updates(api: BotAPIServer, p: dict) -> list[dict]:
    if api.webhook:
        raise APIError(409, "Conflict: can't use getUpdates method while webhook is active; "
                            "use deleteWebhook to delete the webhook first")
    api.set_allowed_updates(p.get("allowed_updates"))
    api.confirm_updates(int(p.get("offset") or 0))
    limit = min(max(int(p.get("limit") or 100), 1), 100)
    if api.long_poll is not None and not api.long_poll.done():  # one waits already: Telegram ends that one
        api.long_poll.set_result(None)
        api.notify()
    api.long_poll = replaced = asyncio.get_running_loop().create_future()
    api.notify()
    try:
        await api.wait_until(lambda: api.updates or replaced.done(), float(p.get("timeout") or 0))
    finally:
        if api.long_poll is replaced:
            api.long_poll = None
    if replaced.done():
        raise APIError(409, TERMINATED)
    return api.updates[:limit]


@method("setWebhook")
async def set_webhook(api: BotAPIServer, p: dict) -> bool:
    if not p.get("url"):
        return await delete_webhook(api, p)
    api.set_allowed_updates(p.get("allowed_updates"))
    if p.get("drop_pending_updates"):
        api.updates.clear()
    api.webhook = dict(p)
    api.notify()
    return True


@method("deleteWebhook")
async def delete_webhook(api: BotAPIServer, p: dict) -> bool:
    api.webhook = None
    if p.get("drop_pending_updates"):
        api.updates.clear()
    return True


@method("getWebhookInfo")
async def get_webhook_info(api: BotAPIServer, p: dict) -> dict:
    info = {"url": (api.webhook or {}).get("url", ""), "has_custom_certificate": False,
            "pending_update_count": len(api.updates)}
    if api.webhook and (error := api.webhook_pump.last_error):
        info.update(last_error_date=error[0], last_error_message=error[1])
    return info


def _scope_key(p: dict) -> tuple[str, str]:
    scope = p.get("scope") or {"type": "default"}
    parts = [scope["type"]] + [str(scope[k]) for k in ("chat_id", "user_id") if k in scope]
    return ":".join(parts), p.get("language_code") or ""


@method("setMyCommands")
async def set_my_commands(api: BotAPIServer, p: dict) -> bool:
    commands = p.get("commands") or []
    for command in commands:
        if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(command.get("description", "")) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    api.my_commands[_scope_key(p)] = commands
    return True


@method("getMyCommands")
async def get_my_commands(api: BotAPIServer, p: dict) -> list[dict]:
    return api.my_commands.get(_scope_key(p), [])


@method("deleteMyCommands")
async def delete_my_commands(api: BotAPIServer, p: dict) -> bool:
    api.my_commands.pop(_scope_key(p), None)
    return True


def _setting(name: str) -> Handler:
    async def store_setting(api: BotAPIServer, p: dict) -> bool:
        api.settings[name] = p
        return True
    return store_setting


for _name in ("setMyDescription", "setMyShortDescription", "setMyName", "setChatMenuButton"):
    METHODS[_name.lower()] = _setting(_name)


@method("close", "logOut")
async def close(api: BotAPIServer, p: dict) -> bool:
    return True
