"""The language each staff member reads alerts in: the one she chose with /lang, else the one the config gives her
(`language`), else her words' or her Telegram's (bot/people.py) — the `locale` of her prefs. An alert's messages are
made the moment each chat's turn comes (bot/incidents/rounds.py), with no time for a Redis read, so the staff chats'
languages are kept in `Services.staff_langs`: read at start and before each alert round but the fast lane's first
(`refresh`), and set at once whenever a staff member writes (`heard`). A change is counted in Redis, and every other
worker process of the committee, seeing the count move at its next wake-up (once a second: bot/store/due.py,
scheduler/), reads them again: a 🆘 that lands there reaches her in the language she just chose. Only the catalogue's
words change: what residents said stays as they said it."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


async def refresh(svc) -> None:
    """Every staff chat's language (one round trip): the one she chose with /lang, else the config's for her, else
    as kept in Redis from what she wrote; on failure, the ones known stay."""
    staff = [st for st in svc.settings.staff if st.telegram_id]
    if not staff:
        return
    try:
        seen, got = await svc.store.staff_langs([st.telegram_id for st in staff])
    except Exception:  # noqa: BLE001 — an alert never waits on this: the languages known so far serve
        log.warning("staff languages could not be read; the ones known are kept", exc_info=True)
        return
    svc.staff_langs.update({st.telegram_id: loc for st, (kept, chosen) in zip(staff, got)
                            if (loc := kept if chosen and kept else st.language or kept)})
    svc.staff_langs_seen = seen


async def follow(svc, changes: str) -> None:
    """The wake-up job read how often staff languages changed: read them again if another worker changed one."""
    if changes != svc.staff_langs_seen:
        await refresh(svc)


async def heard(svc, chat: int, locale: str) -> None:
    """A staff member wrote (or chose a language): the language she reads from now on — here at once, and in the
    other workers at their next wake-up; her "/" menu too."""
    if svc.staff_langs.get(chat) != locale and any(st.telegram_id == chat for st in svc.settings.staff):
        menu = svc.staff_locale(chat) != locale  # (before: the committee's, or her config's)
        svc.staff_langs[chat] = locale
        if menu and svc.chat_commands and svc.incidents:  # not waited for: what she wrote (a cry?) goes first
            svc.incidents.background(svc.chat_commands(chat, locale))
        elif menu and svc.chat_commands:
            await svc.chat_commands(chat, locale)
        try:
            await svc.store.staff_lang_changed()
        except Exception:  # noqa: BLE001 — her own message is never lost to it: the others learn at their next round
            log.warning("a staff language change could not be told to the other workers", exc_info=True)


def t(svc, chat: int, key: str, **kw) -> str:
    """`key` as staff chat `chat` reads it: in her language, else the committee's."""
    return svc.cat.t(key, svc.staff_locale(chat), **kw)
