"""A resident's own chat refusing every message for good while her call is open.

She blocked the assistant or deleted the chat (403 "bot was blocked by the user", 400 "chat not found", an account
deleted): she reads nothing of ours — not "已通知值班社工", not her address read back, not who took the call — and
staff waited for her yes to the read-back. Now the first such refusal on her open call (or Telegram's word that she
blocked it, bot/checkins/blocked.py) tells the staff on the call once, in one line, to phone her, and every packet
of the call says so from then on (staff it reaches later too). Further refusals on the same call say nothing more.
"""
from __future__ import annotations

import logging
import re

from .. import roster
from ..types import Outbound, SendResult
from .packet import tappable
from .raising import open_call

log = logging.getLogger(__name__)
CATEGORY = "unreachable"  # bot/checkins/blocked.py's: a call opened because our messages no longer reach her
# the chat itself is gone for the bot, not one message refused ("message is too long", "can't parse entities")
GONE = re.compile(r"blocked|chat not found|user not found|deactivated|can't initiate|kicked", re.I)


def watcher(svc):
    """For the outbox (`Outbox.watchers`): a private chat that refused a message for good is looked up, after."""
    def seen(msg: Outbound, result: SendResult, final: bool) -> None:
        if (final and not result.ok and result.permanent and msg.chat_id > 0 and not msg.edit
                and GONE.search(result.error or "") and roster.staff_by_tg(svc.settings, msg.chat_id) is None):
            svc.incidents.background(refused(svc, msg.chat_id))
    return seen


async def refused(svc, chat_id: int) -> None:
    """Her chat refused a message: if she has a call open, its staff hear it (once a call)."""
    try:
        person = await svc.store.resident_by_tg(chat_id)
        if person and (inc := await open_call(svc.store, person["id"])):
            await tell(svc, inc, person)
    except Exception as e:  # storage away (the fallback's own sends): nothing to add to
        log.warning("could not look up a chat that refused a message: %s", type(e).__name__)


async def tell(svc, inc: dict, person: dict) -> None:
    """Once a call: on its timeline, on its packets, and one line to the staff alerted about it (sent again soon
    while Telegram fails for all of them: retries.py)."""
    n = inc["id"]
    if inc.get("category") == CATEGORY:  # a call about her chat refusing us (a check-in that could not go): it says so
        return
    if not await svc.store.mark_incident(n, "chat_lost", svc.clock.ts()):
        return
    log.info("call %s: the resident's own chat refuses our messages", n)
    await svc.store.add_timeline(n, {"at": svc.clock.ts(), "event": "chat_lost"})
    await svc.incidents.refresh(n)
    await svc.incidents.ask_to_phone(n, "alert.chat_lost", phone=tappable(person.get("phone", "")))
