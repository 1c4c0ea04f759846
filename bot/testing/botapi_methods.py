"""The Bot API methods the fake server answers, with Telegram's error texts."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .botapi_format import APIError, bad_request, render, utf16_len
from .botapi_models import CONTENT_FIELDS, media_content, now_ts

if TYPE_CHECKING:
    from .botapi_server import BotAPIServer

Handler = Callable[["BotAPIServer", dict[str, Any]], Awaitable[Any]]
METHODS: dict[str, Handler] = {}
CHAT_ACTIONS = frozenset("typing upload_photo record_video upload_video record_voice upload_voice upload_document "
                         "choose_sticker find_location record_video_note upload_video_note".split())
NOT_MODIFIED = ("message is not modified: specified new message content and reply markup are exactly the same "
                "as a current content and reply markup of the message")


def method(*names: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        METHODS.update({name.lower(): fn for name in names})
        return fn
    return register


def shown_text(text: Any, parse_mode: str | None, *, limit: int = 4096, what: str = "message") -> str:
    shown = render(str(text), parse_mode)
    if utf16_len(shown) > limit:
        raise bad_request(f"{what} is too long")
    return shown


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
    await api.wait_until(lambda: api.updates, float(p.get("timeout") or 0))
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


@method("sendMessage")
async def send_message(api: BotAPIServer, p: dict) -> dict:
    chat = api.chat(p.get("chat_id"))
    if not str(p.get("text") or "").strip():
        raise bad_request("message text is empty")
    text = shown_text(p["text"], p.get("parse_mode"))
    return dict(api.bot_message(chat["id"], {"text": text}, p).raw)


def _media_sender(kind: str) -> Handler:
    async def send_media(api: BotAPIServer, p: dict) -> dict:
        chat = api.chat(p.get("chat_id"))
        if not p.get(kind):
            raise bad_request(f"there is no {kind} in the request")
        extra = {k: p[k] for k in ("duration",) if k in p}
        if isinstance(p[kind], dict):  # an upload: Telegram keeps its file name
            extra["file_name"] = p[kind]["file_name"]
        content = media_content(kind, api.next_file_number(), **extra)
        if p.get("caption"):
            content["caption"] = shown_text(p["caption"], p.get("parse_mode"), limit=1024, what="message caption")
        return dict(api.bot_message(chat["id"], content, p).raw)
    return send_media


for _kind in ("photo", "voice", "document", "sticker", "video", "video_note", "audio", "animation"):
    METHODS["send" + _kind.replace("_", "")] = _media_sender(_kind)


@method("sendLocation")
async def send_location(api: BotAPIServer, p: dict) -> dict:
    chat = api.chat(p.get("chat_id"))
    location = {"latitude": float(p["latitude"]), "longitude": float(p["longitude"])}
    return dict(api.bot_message(chat["id"], {"location": location}, p).raw)


@method("sendContact")
async def send_contact(api: BotAPIServer, p: dict) -> dict:
    chat = api.chat(p.get("chat_id"))
    contact = {k: p[k] for k in ("phone_number", "first_name", "last_name", "vcard") if p.get(k)}
    return dict(api.bot_message(chat["id"], {"contact": contact}, p).raw)


def _source(api: BotAPIServer, p: dict, verb: str) -> dict:
    api.chat(p.get("from_chat_id"), sending=False)
    message = api.find_message(p.get("from_chat_id"), p.get("message_id"))
    if message is None:
        raise bad_request(f"message to {verb} not found")
    return message


@method("forwardMessage")
async def forward_message(api: BotAPIServer, p: dict) -> dict:
    chat = api.chat(p.get("chat_id"))
    source = _source(api, p, "forward")
    content = {k: source[k] for k in CONTENT_FIELDS if k in source}
    content["forward_origin"] = {"type": "user", "date": source["date"], "sender_user": source["from"]}
    origin = (source["chat"]["id"], source["message_id"])
    return dict(api.bot_message(chat["id"], content, p, kind="forward", forwarded_from=origin).raw)


@method("copyMessage")
async def copy_message(api: BotAPIServer, p: dict) -> dict:
    chat = api.chat(p.get("chat_id"))
    source = _source(api, p, "copy")
    content = {k: source[k] for k in CONTENT_FIELDS if k in source}
    if "caption" in p and "text" not in source:
        content["caption"] = shown_text(p["caption"], p.get("parse_mode"), limit=1024, what="message caption")
    origin = (source["chat"]["id"], source["message_id"])
    return {"message_id": api.bot_message(chat["id"], content, p, kind="copy", forwarded_from=origin).message_id}


def _own_message(api: BotAPIServer, p: dict):
    if p.get("inline_message_id"):
        raise bad_request("inline messages are not supported by the test server")
    chat = api.chat(p.get("chat_id"))
    sent = api.sent_message(chat["id"], p.get("message_id"))
    if sent is None or sent.deleted:
        if api.find_message(chat["id"], p.get("message_id")):
            raise bad_request("message can't be edited")
        raise bad_request("message to edit not found")
    return sent


def _apply_edit(api: BotAPIServer, sent, text: str, markup: dict | None) -> dict:
    if text != sent.text:
        sent.edits.append(sent.text)
    sent.text, sent.reply_markup = text, markup
    sent.raw["edit_date"] = now_ts()
    if "text" in sent.raw:
        sent.raw["text"] = text
    sent.raw.pop("reply_markup", None)
    if markup and "inline_keyboard" in markup:
        sent.raw["reply_markup"] = markup
    api.notify()
    return dict(sent.raw)


@method("editMessageText")
async def edit_message_text(api: BotAPIServer, p: dict) -> dict:
    sent = _own_message(api, p)
    if "text" not in sent.raw:
        raise bad_request("there is no text in the message to edit")
    if not str(p.get("text") or "").strip():
        raise bad_request("message text is empty")
    text = shown_text(p["text"], p.get("parse_mode"))
    markup = p.get("reply_markup") or None  # omitting it removes the inline keyboard, as on Telegram
    if text == sent.text and markup == sent.reply_markup:
        raise bad_request(NOT_MODIFIED)
    sent.parse_mode = p.get("parse_mode")
    return _apply_edit(api, sent, text, markup)


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(api: BotAPIServer, p: dict) -> dict:
    sent = _own_message(api, p)
    markup = p.get("reply_markup") or None
    if markup == sent.reply_markup:
        raise bad_request(NOT_MODIFIED)
    return _apply_edit(api, sent, sent.text, markup)


@method("answerCallbackQuery")
async def answer_callback_query(api: BotAPIServer, p: dict) -> bool:
    query_id = p.get("callback_query_id")
    if query_id not in api.open_callbacks:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    api.open_callbacks.discard(query_id)
    api.callback_answers[query_id] = p
    return True


@method("sendChatAction")
async def send_chat_action(api: BotAPIServer, p: dict) -> bool:
    api.chat(p.get("chat_id"))
    if p.get("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


@method("deleteMessage")
async def delete_message(api: BotAPIServer, p: dict) -> bool:
    chat = api.chat(p.get("chat_id"))
    if not api.forget_message(chat["id"], p.get("message_id")):
        raise bad_request("message to delete not found")
    return True


@method("close", "logOut")
async def close(api: BotAPIServer, p: dict) -> bool:
    return True
