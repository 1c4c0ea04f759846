"""Forward, edit or send a message through either Telegram library's Bot (their methods share these names and
arguments), or ask whether a chat could be sent one. A message marked `silent` arrives without a sound (Telegram's
disable_notification)."""
from __future__ import annotations

from ..types import Outbound, SendResult


async def put(bot, msg: Outbound, reply_markup, upload=None) -> int | None:
    """`upload(name, data)` wraps a file in the library's own input-file type. The message id, as sent or edited."""
    caption, quiet = msg.text or None, {"disable_notification": True} if msg.silent else {}
    if msg.document:
        sent = await bot.send_document(msg.chat_id, upload(*msg.document), caption=caption, reply_markup=reply_markup,
                                       **quiet)
    elif msg.photo:
        sent = await bot.send_photo(msg.chat_id, msg.photo, caption=caption, reply_markup=reply_markup, **quiet)
    elif msg.forward:
        sent = await bot.forward_message(msg.chat_id, msg.forward.chat_id, msg.forward.message_id, **quiet)
    elif msg.edit:
        await bot.edit_message_text(text=msg.text, chat_id=msg.edit.chat_id, message_id=msg.edit.message_id,
                                    reply_markup=reply_markup)
        return msg.edit.message_id
    else:
        sent = await bot.send_message(msg.chat_id, msg.text, reply_markup=reply_markup, **quiet)
    return sent.message_id


async def probe(bot, chat_id: int, refused: tuple[type[Exception], ...], failed: type[Exception]) -> SendResult:
    """Whether a message could reach the chat: Telegram refuses "typing…" exactly as it would refuse a message
    (`refused`: the library's 400/403 errors, permanent; `failed`: any other, worth another try later)."""
    try:
        return SendResult(await bot.send_chat_action(chat_id=chat_id, action="typing"))
    except refused as e:
        return SendResult(False, permanent=True, error=e.message)
    except failed as e:
        return SendResult(False, error=e.message)
