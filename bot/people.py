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


async def locale_of(svc: Services, ev: Inbound) -> str:
    """The language someone reads: the one she chose (/language) or her Telegram profile's, kept; with neither, the
    one her words are written in — of her last words that said, so the button she presses next reads the same.
    Chinese words decide above a profile's language: Telegram has no official Chinese, so many Chinese profiles say
    English ("我摔倒了" from one is answered in Chinese, and so is all she reads after); only /language stands above."""
    store, written = svc.store, svc.cat.written_in(ev.text)
    chinese = written == "zh"
    if locale := await store.pref(ev.user_id, "locale"):
        if chinese and locale != written and not await store.pref(ev.user_id, "chosen"):
            await store.set_pref(ev.user_id, "locale", written)
            return written
        return locale
    if ev.language:
        locale = written if chinese else svc.cat.locale_for(ev.language)
        await store.set_pref(ev.user_id, "locale", locale)
        return locale
    said_in = await store.pref(ev.user_id, "said_in")  # (Catalogue.locale_for reads one message alone)
    if written and written != said_in:
        await store.set_pref(ev.user_id, "said_in", written)
    return written or said_in or svc.cat.default


async def identify(svc: Services, ev: Inbound) -> Identity:
    store, s = svc.store, svc.settings
    locale = await locale_of(svc, ev)
    st = roster.staff_by_tg(s, ev.user_id)
    if st:
        if svc.reach:  # they wrote to the bot: it can reach them
            await svc.reach.heard(st.id)
        await staff_langs.heard(svc, ev.user_id, locale)  # her alerts in her language from now on
        return Identity(ev.user_id, "staff", locale, staff_id=st.id, name=st.name)
    person = await store.resident_by_tg(ev.user_id)
    if person:
        return Identity(ev.user_id, "resident", locale, resident_id=person["id"], name=person["name"],
                        extra={"person": person})
    acc = await store.contact_account(ev.user_id)
    if acc:
        return Identity(ev.user_id, "contact", locale, name=acc.get("name", ""), extra=acc)
    return Identity(ev.user_id, "stranger", locale, name=ev.first_name)
