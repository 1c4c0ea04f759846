"""The command menus Telegram shows behind the "/" button, as each user's Telegram app language picks them: the
residents' for everyone, and a staff chat's own (/open, /duty …), in the language her messages are in whatever her app
says — the one she chose with /lang, her config's, her words'; else the committee's (bot/staff_langs.py): it followed
the app alone, an English menu over Chinese alerts. Library-agnostic: each adapter gives `put(commands, chat, language_code)`, one setMyCommands call (chat
None: the default scope) that raises its library's error."""
from __future__ import annotations

import logging
from typing import Awaitable, Callable

from .telegram_common import command_list, staff_command_list

log = logging.getLogger(__name__)
Put = Callable[[list[tuple[str, str]], "int | None", "str | None"], Awaitable[None]]


def codes(app) -> list[tuple[str, str | None]]:
    """Each catalogue language and the app language code its menus are registered under (the committee's: any)."""
    return [(lang, None if lang == app.settings.locale else lang) for lang in ("zh", "en")]


async def register_commands(app, put: Put, refused: type[Exception]) -> None:
    """At start: the residents' menus, and each staff chat's — in the language she reads her messages in."""
    for lang, code in codes(app):
        await put(command_list(app.svc.cat, lang), None, code)
    for st in (st for st in app.settings.staff if st.telegram_id):
        try:
            for _, code in codes(app):
                await put(staff_command_list(app.svc.cat, app.svc.staff_locale(st.telegram_id)), st.telegram_id, code)
        except refused:  # a chat that never started is skipped
            log.info("staff %s has not started the bot yet", st.id)


def chosen_menu(app, put: Put) -> Callable[[int, str], Awaitable[None]]:
    """`Services.chat_commands`: a staff chat's menu in the language she reads now (chosen, or her words changed
    it: bot/staff_langs.py), for every app language."""
    async def set_menu(chat: int, locale: str) -> None:
        try:
            for _, code in codes(app):
                await put(staff_command_list(app.svc.cat, locale), chat, code)
        except Exception:  # noqa: BLE001 — her choice stands and is answered; only the "/" menu stays as it was
            log.warning("a staff chat's command menu could not be set", exc_info=True)
    return set_menu
