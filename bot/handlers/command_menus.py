"""The command menus Telegram shows behind the "/" button, as each user's Telegram app language picks them: the
residents' for everyone, and a staff chat's own (/open, /duty …). Once a staff member chose a language with /lang,
her chat's menu is that language's whatever her app says (it followed the app alone: English menus over Chinese
alerts). Library-agnostic: each adapter gives `put(commands, chat, language_code)`, one setMyCommands call (chat
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
    """At start: the residents' menus, and each staff chat's — in the language she chose, else her app's."""
    for lang, code in codes(app):
        await put(command_list(app.svc.cat, lang), None, code)
    for st in (st for st in app.settings.staff if st.telegram_id):
        try:
            chosen = await _chosen(app, st.telegram_id)
            for lang, code in codes(app):
                await put(staff_command_list(app.svc.cat, chosen or lang), st.telegram_id, code)
        except refused:  # a chat that never started is skipped
            log.info("staff %s has not started the bot yet", st.id)


async def _chosen(app, chat: int) -> str | None:
    try:
        locale, chosen = await app.svc.store.prefs(chat, "locale", "chosen")
    except Exception:  # noqa: BLE001 — the start never waits on it: her app's language serves
        log.warning("staff languages could not be read for the command menus", exc_info=True)
        return None
    return locale if chosen else None


def chosen_menu(app, put: Put) -> Callable[[int, str], Awaitable[None]]:
    """`Services.chat_commands`: a staff chat's menu in the language she just chose, for every app language."""
    async def set_menu(chat: int, locale: str) -> None:
        try:
            for _, code in codes(app):
                await put(staff_command_list(app.svc.cat, locale), chat, code)
        except Exception:  # noqa: BLE001 — her choice stands and is answered; only the "/" menu stays as it was
            log.warning("a staff chat's command menu could not be set", exc_info=True)
    return set_menu
