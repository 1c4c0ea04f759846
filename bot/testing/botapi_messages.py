"""Bot API methods that put, change or remove messages in chats, with Telegram's error texts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .botapi_format import bad_request, render, utf16_len
from .botapi_methods import METHODS, Handler, method
from .botapi_models import CONTENT_FIELDS, SentMessage, media_content, now_ts

if TYPE_CHECKING:
    from .botapi_server import BotAPIServer

CHAT_ACTIONS = frozenset("typing upload_photo record_video upload_video record_voice upload_voice upload_document "
                         "choose_sticker find_location record_video_note upload_video_note".split())
NOT_MODIFIED = ("message is not modified: specified new message content and reply markup are exactly the same "
                "as a current content and reply markup of the message")


def shown_text(text: Any, parse_mode: str | None, *, limit: int = 4096, what: str = "message") -> str:
    shown = render(str(text), parse_mode)
    if utf16_len(shown) > limit:
        raise bad_request(f"{what} is too long")
    return shown


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
        if isinstance(p[kind], dict):  # and its bytes, for getFile and the tests
            api.keep_file(content[kind], getattr(p[kind], "data", b""))
        if p.get("caption"):
            content["caption"] = shown_text(p["caption"], p.get("parse_mode"), limit=1024, what="message caption")
        return dict(api.bot_message(chat["id"], content, p).raw)
    return send_media


for _kind in ("photo", "voice", "document", "sticker", "video", "video_note", "audio", "animation"):
    METHODS["send" + _kind.replace("_", "")] = _media_sender(_kind)


@method("getFile")
async def get_file(api: BotAPIServer, p: dict) -> dict:
    if (found := api.files.get(str(p.get("file_id") or ""))) is None:
        raise bad_request("invalid file_id")
    return {k: v for k, v in found.items() if k != "data"}


@method("sendLocation")
async def send_location(api: BotAPIServer, p: dict) -> dict:
    chat = api.chat(p.get("chat_id"))
    location = {"latitude": float(p["latitude"]), "longitude": float(p["longitude"])}
    return dict(api.bot_message(chat["id"], {"location": location}, p).raw)


@method("sendContact")
async def send_contact(api: BotAPIServer, p: dict) -> dict:
    chat = api.chat(p.get("chat_id"))
    contact = {"phone_number": p["phone_number"], "first_name": p["first_name"],
               **{k: p[k] for k in ("last_name", "vcard") if p.get(k)}}
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


def _own_message(api: BotAPIServer, p: dict) -> SentMessage:
    if p.get("inline_message_id"):
        raise bad_request("inline messages are not supported by the test server")
    chat = api.chat(p.get("chat_id"))
    sent = api.sent_message(chat["id"], p.get("message_id"))
    if sent is None or sent.deleted:
        if api.find_message(chat["id"], p.get("message_id")):
            raise bad_request("message can't be edited")
        raise bad_request("message to edit not found")
    return sent


def _apply_edit(api: BotAPIServer, sent: SentMessage, text: str, markup: dict | None) -> dict:
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
    if utf16_len(str(p.get("text") or "")) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
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
