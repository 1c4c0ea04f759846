"""What the fake Bot API server knows: chats, messages, queued updates, and change notification.

Method handlers and the fake users change this state; tests wait on it through wait_until().
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from .botapi_format import APIError, bad_request
from .botapi_limits import RateLimiter, RateLimits, RateStats
from .botapi_models import SentMessage, message_kind, now_ts

# Update types Telegram delivers when allowed_updates was never given (or given as []).
DEFAULT_UPDATES = frozenset({"message", "edited_message", "channel_post", "edited_channel_post", "callback_query",
                             "inline_query", "chosen_inline_result", "my_chat_member", "chat_join_request",
                             "shipping_query", "pre_checkout_query", "poll", "poll_answer"})


class ChatState:
    def __init__(self, bot_user: dict, limits: RateLimits | None):
        self.bot_user = bot_user
        self.limits, self._limiter = limits, RateLimiter(limits) if limits else None
        self.stats = RateStats()
        self.updates: list[dict] = []  # queued, not yet confirmed by a getUpdates offset or a webhook 200
        self.pushed: list[dict] = []  # every update ever queued (a test replays one as Telegram's retry would)
        self.open_callbacks: set[str] = set()  # callback queries not answered yet
        self.closing = False
        self._chats: dict[int, dict] = {}  # chats the bot may write to
        self._users: dict = {}  # user id -> FakeUser
        self._blocked: set[int] = set()
        self._messages: dict[tuple[int, int], dict] = {}  # every live message, both directions
        self._sent: dict[int, list[SentMessage]] = {}
        self._sent_by_id: dict[tuple[int, int], SentMessage] = {}
        self._next_message_id: dict[int, int] = {}
        self._update_id = self._file_number = self._callback_number = 0
        self.files: dict[str, dict] = {}  # file id -> File object, with its bytes under "data"
        self._allowed_updates = DEFAULT_UPDATES
        self.long_poll: asyncio.Future | None = None  # the getUpdates waiting now: done when a newer one ends it
        self._changed = asyncio.Event()
        self._started = time.monotonic()

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
                           kind or message_kind(raw), params.get("parse_mode"), forwarded_from, at=now, raw=raw,
                           silent=str(params.get("disable_notification", "")).lower() in ("true", "1"))
        self._sent.setdefault(chat_id, []).append(sent)
        self._sent_by_id[(chat_id, sent.message_id)] = sent
        self.stats.sent += 1
        self.stats.per_second[int(now - self._started)] += 1
        return sent

    def incoming(self, chat: dict, sender: dict, content: dict) -> int:
        if chat["id"] in self._blocked and chat["type"] == "private":  # writing again == pressing "Restart bot"
            self._blocked.discard(chat["id"])
            self.member_update(chat["id"], "kicked", "member")
        self._chats.setdefault(chat["id"], chat)  # a first message (/start) opens the chat for the bot
        message = self._new_message(chat, sender, content)
        self.push_update("message", message)
        return message["message_id"]

    def incoming_edit(self, chat_id: int, message_id: int, text: str | None = None, **content) -> None:
        """The user edits their message: its text, or (`location=`) a live location's new position."""
        message = self.find_message(chat_id, message_id)
        if message is None or message["from"]["is_bot"]:
            raise AssertionError(f"user message {message_id} not found in chat {chat_id}")
        message.update({"edit_date": now_ts(), **content, **({"text": text} if text is not None else {})})
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

    def member_update(self, chat_id: int, old: str, new: str) -> None:
        def member(status: str) -> dict:
            return {"status": status, "user": self.bot_user, **({"until_date": 0} if status == "kicked" else {})}

        self.push_update("my_chat_member", {"chat": self._chats[chat_id], "from": self._users[chat_id].obj,
                                            "date": now_ts(), "old_chat_member": member(old),
                                            "new_chat_member": member(new)})

    def push_update(self, kind: str, obj: dict) -> None:
        if kind in self._allowed_updates:  # Telegram never queues updates the bot did not ask for
            self._update_id += 1
            self.updates.append({"update_id": self._update_id, kind: obj})
            self.pushed.append(self.updates[-1])
            self.notify()

    def set_allowed_updates(self, allowed: list[str] | None) -> None:
        if allowed is not None:
            self._allowed_updates = frozenset(allowed) or DEFAULT_UPDATES

    def confirm_updates(self, offset: int) -> None:
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]

    def keep_file(self, obj: dict | list, data: bytes) -> None:
        """Makes a sent or uploaded file downloadable: getFile, then /file/bot<token>/<file_path>."""
        obj = obj[-1] if isinstance(obj, list) else obj
        obj["file_size"] = len(data)
        self.files[obj["file_id"]] = {"file_id": obj["file_id"], "file_unique_id": obj["file_unique_id"],
                                      "file_size": len(data), "file_path": f"files/{obj['file_id']}", "data": data}

    def file_bytes(self, file_id: str) -> bytes:
        return self.files[file_id]["data"]

    def next_file_number(self) -> int:
        self._file_number += 1
        return self._file_number
