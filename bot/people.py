"""Who a person is: who is writing, as far as the committee knows (staff by the config's list, a registered
resident, a family member or doctor who signed up as a contact, or a stranger, and in which language they read);
a resident's age; a phone number as a log line may show it."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from . import roster, staff_langs
from .types import Identity, Inbound

if TYPE_CHECKING:
    from .services import Services


def age_of(person: dict | None, today: date | datetime) -> int | None:
    birth = (person or {}).get("birth_date")
    if not birth:
        return None
    b = date.fromisoformat(birth)
    d = today.date() if isinstance(today, datetime) else today
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def mask_phone(phone: str | None) -> str:
    """For logs: never a whole number."""
    if not phone:
        return ""
    return phone[:3] + "****" + phone[-2:] if len(phone) > 6 else "****"


async def locale_of(svc: Services, ev: Inbound, registered: str | None = None,
                    profile_decides: bool = True) -> tuple[str, str]:
    """The language someone reads, and the other one her Telegram profile alone says, unlike the committee's ("" if
    none: then what matters most is said in that one too, after the committee's: bot/flows/both.py). In order: the
    one she chose (/language, or a [中文] [English] tap); the one the committee wrote down for her (`registered`: the
    register's 语言 column, a staff member's `language` in config); the one her words are written in — Chinese
    characters say Chinese above any profile (Telegram has no official Chinese, so many Chinese profiles say English),
    English words say English unless her profile says Chinese; the committee's. Her profile alone never decides: an
    elderly resident who only taps buttons read one screen in Chinese and the next in English. Her last words'
    language and the outcome are kept in her prefs, so a button she presses next, and what is sent to her unasked
    (check-ins, notices), read the same. A staff member is never `guessed` (`profile_decides` False: nothing comes in
    both for her): she is asked once which she reads (bot/flows/both.py)."""
    store, cat = svc.store, svc.cat
    kept, chosen, said_in, profile_kept, was_guessed = await store.prefs(ev.user_id, "locale", "chosen", "said_in",
                                                                         "profile", "guessed")
    if chosen and kept:
        return kept, ""
    written = cat.written_in(ev.text)
    profile = cat.locale_for(ev.language) if ev.language else profile_kept
    said_before = said_in
    if said_in is None and profile_kept is None and kept == "zh" != profile:
        said_in = kept  # kept before her words' language was: Chinese above her profile's could only be her words
    said_in = written or said_in
    if registered:
        locale = registered
    elif said_in == "zh" or said_in and not profile:
        locale = said_in
    else:
        locale = profile if profile and said_in else cat.default
    guessed = profile if profile_decides and not registered and not said_in and profile and profile != locale else ""
    changed = {k: v for k, v, was in (("locale", locale, kept), ("said_in", said_in, said_before),
                                      ("profile", profile, profile_kept), ("guessed", "01"[bool(guessed)], was_guessed))
               if v and v != was}
    await store.set_prefs(ev.user_id, changed)  # (guessed: what is sent unasked, a check-in, comes in both too)
    return locale, guessed


async def identify(svc: Services, ev: Inbound) -> Identity:
    store, s = svc.store, svc.settings
    st = roster.staff_by_tg(s, ev.user_id)
    if st:
        locale, guessed = await locale_of(svc, ev, st.language, profile_decides=False)
        if svc.reach:  # they wrote to the bot: it can reach them
            await svc.reach.heard(st.id)
        await staff_langs.heard(svc, ev.user_id, locale)  # her alerts in her language from now on
        return Identity(ev.user_id, "staff", locale, guessed, staff_id=st.id, name=st.name)
    person = await store.resident_by_tg(ev.user_id)
    if person:
        locale, guessed = await locale_of(svc, ev, person.get("language"))
        return Identity(ev.user_id, "resident", locale, guessed, resident_id=person["id"], name=person["name"],
                        extra={"person": person})
    locale, guessed = await locale_of(svc, ev)
    acc = await store.contact_account(ev.user_id)
    if acc:
        return Identity(ev.user_id, "contact", locale, guessed, name=acc.get("name", ""), extra=acc)
    return Identity(ev.user_id, "stranger", locale, guessed, name=ev.first_name)
