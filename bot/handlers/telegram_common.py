"""What both Telegram adapters share: the command list, error classification, and message translation."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from dataclasses import replace

from ..i18n import Catalogue
from ..lease import PollerLease
from ..once import bot_id
from ..types import Inbound
from .putting import probe, put  # noqa: F401 (the adapters take them from here)

log = logging.getLogger(__name__)

# the updates the bot acts on; Telegram queues nothing else for it
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
SHUTDOWN_GRACE_SECONDS = 10  # at SIGTERM, updates in hand and their alerts get this long to finish


class CannotStart(Exception):
    """Telegram refused the bot's settings at start (a 400): retrying cannot help; the message is one line."""


class TokenRejected(CannotStart):
    """Telegram answered 401: the token is wrong or revoked."""

    def __str__(self) -> str:
        return "token rejected by Telegram: check TELEGRAM_BOT_TOKEN"


RESIDENT_COMMANDS = ("start", "help", "cancel", "lang")
STAFF_COMMANDS = ("open", "incident", "duty", "checkins", "questions", "export", "notice", "visits", "web")

# Telegram answers 400 (Bad Request: message is too long, chat not found, ...) and 403 (blocked, kicked) when the
# request itself can never succeed: sending it again is refused again, so these are permanent. Network errors,
# 5xx and 429 are worth another try.


def leased_polling(app, token: str, start, stop) -> PollerLease:
    """The poller lease of this bot under the committee's prefix: `start`/`stop` the library's polling, which runs
    only while this process holds it (one poller per token, however many workers)."""
    return PollerLease(app.svc.store, bot_id(token), start, stop)


def is_not_modified(description: str) -> bool:
    return "message is not modified" in description.lower()


def command_list(cat: Catalogue, locale: str) -> list[tuple[str, str]]:
    return [(c, cat.t(f"commands.{c}", locale)) for c in RESIDENT_COMMANDS]


def staff_command_list(cat: Catalogue, locale: str) -> list[tuple[str, str]]:
    return command_list(cat, locale) + [(c, cat.t(f"commands.{c}", locale)) for c in STAFF_COMMANDS]


def inbound_from_message(message, *, edited: bool = False) -> Inbound:
    """The core's event for a Telegram message; aiogram's and python-telegram-bot's Message share these fields."""
    user = message.from_user
    kind = "edited" if edited else classify_message({f: getattr(message, f, None) for f in MESSAGE_FIELDS})
    contact, loc, doc = message.contact, message.location, message.document
    file = doc or (message.photo[-1] if message.photo else None)
    return Inbound(
        user_id=user.id if user else message.chat.id, chat_id=message.chat.id, kind=kind,
        text=message.text or message.caption or "", message_id=message.message_id,
        contact_phone=contact.phone_number if contact else None, contact_user_id=contact.user_id if contact else None,
        file_id=file.file_id if file else None, file_name=(doc.file_name or "") if doc else "",
        file_size=(file.file_size or 0) if file else 0,
        latitude=loc.latitude if loc else None, longitude=loc.longitude if loc else None,
        language=user.language_code if user else None, first_name=user.first_name if user else "",
        is_group=message.chat.type != "private")


def edited_inbound(message) -> Inbound | None:
    """An edited message's event. Telegram sends each move of a live location as an edit of the location message,
    nothing the person wrote: "moved", with the new position; None once it has stopped (no live_period left)."""
    if message.location is not None:
        if not is_live(message.location):
            return None
        moved = message.edit_date or message.date  # aiogram: Unix time; python-telegram-bot: a datetime
        return replace(inbound_from_message(message), kind="moved",
                       sent_at=moved if isinstance(moved, (int, float)) else moved.timestamp())
    return inbound_from_message(message, edited=True)


def member_inbound(update) -> Inbound | None:
    """A person blocking the bot's private chat ("blocked") or taking it back ("unblocked"), from Telegram's
    my_chat_member update; None for groups and for any other change."""
    old, new = update.old_chat_member.status, update.new_chat_member.status
    if update.chat.type != "private" or "kicked" not in (old, new) or old == new:
        return None
    return Inbound(user_id=update.from_user.id, chat_id=update.chat.id, kind="blocked" if new == "kicked" else
                   "unblocked", first_name=update.from_user.first_name, language=update.from_user.language_code)


def is_live(location) -> bool:
    """A live location still being shared (python-telegram-bot warns that live_period's type is to change)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bool(location.live_period)


MESSAGE_FIELDS = ("contact", "location", "voice", "audio", "video_note", "photo", "sticker", "document", "video",
                  "animation", "text")


def classify_message(has: dict) -> str:
    """The core's kind for a Telegram message, from its fields set (a video goes to staff as a photo does)."""
    for field, kind in (("contact", "contact"), ("location", "location"), ("voice", "voice"),
                        ("audio", "voice"), ("video_note", "voice"), ("photo", "photo"), ("sticker", "sticker"),
                        ("document", "file"), ("video", "photo"), ("animation", "file")):
        if has.get(field):
            return kind
    text = has.get("text") or ""
    if text.startswith("/"):
        return "command"
    return "text" if text else "unsupported"


class InHand:
    """The updates being handled now: at shutdown they finish (within a bound) before the connection closes,
    because Telegram has already been told they arrived."""

    def __init__(self, grace: float = SHUTDOWN_GRACE_SECONDS) -> None:
        self.tasks: set[asyncio.Task] = set()
        self.grace = grace

    def spawn(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    @contextlib.contextmanager
    def track(self):
        task = asyncio.current_task()
        self.tasks.add(task)
        try:
            yield
        finally:
            self.tasks.discard(task)

    async def finish(self, app, library_stop=None) -> None:
        """Waits for the library's own stop (if it drains updates), the updates in hand, then the alerts they
        started: `grace` seconds in all, whatever is still running then is left behind."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.grace
        if library_stop is not None:
            try:
                await asyncio.wait_for(library_stop, self.grace)
            except asyncio.TimeoutError:
                pass
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=max(0.0, deadline - loop.time()))
        await app.engine.settle(max(0.0, deadline - loop.time()))
        if left := sum(not t.done() for t in self.tasks):
            log.warning("%s updates still being handled at shutdown were cut off", left)


def cry_lanes(app, ev: Inbound | None):
    """The process's lanes when `ev` is a resident's 🆘 (handle_once holds them while its update is marked)."""
    return app.svc.outbox.lanes if ev is not None and app.engine.is_sos(ev) else None


def cry_once(app, ev: Inbound | None) -> dict:
    """handle_once's options for `ev`: a 🆘 holds the process's lanes while its update is marked, and in a private
    chat its mark goes with its incident's round trip (bot/once.py)."""
    lanes = cry_lanes(app, ev)
    return {"urgent": lanes, "fold": lanes is not None and not ev.is_group}
