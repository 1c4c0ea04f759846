"""Telling people what they are entitled to: in the month a resident reaches 65, 70, 80, 90 or 100, the new
老年综合津贴 amount, from the knowledge base (nlu/kb, with its source and review date), and how it is paid.

A daily job looks at the register; each resident is told once per band (a marker in Redis, set once the message
went: a worker dying first leaves it to the next day's run, which may send it twice only if it died just after), at
the lowest priority; staff get the month's list once, with who could not be told (never started the bot) to tell in person.
Without a knowledge base (the command line), nothing is said: no amount is stated without its source.
"""
from __future__ import annotations

import logging
from datetime import date

from .. import roster
from ..types import Outbound

log = logging.getLogger(__name__)
BANDS = (65, 70, 80, 90, 100)
TOPIC = "allowance.senior"


def reaching(people: list[dict], today: date) -> list[tuple[dict, int]]:
    """(resident, age) for those who reach a band in today's month (before, on or after their birthday)."""
    out = []
    for p in people:
        birth = p.get("birth_date")
        if not birth:
            continue
        b = date.fromisoformat(birth)
        age = today.year - b.year
        if b.month == today.month and age in BANDS:
            out.append((p, age))
    return out


class AgeBands:
    def __init__(self, svc) -> None:
        self.svc, self.store = svc, svc.store

    def facts(self, age: int, locale: str) -> dict | None:
        """The amounts and where they come from, or None without a knowledge base."""
        kb = self.svc.kb
        entry = kb.entries.get(TOPIC) if kb else None
        if entry is None:
            return None
        from nlu.qa_compute import senior_allowance

        return {"new": senior_allowance(age), "old": senior_allowance(age - 1) or 0, "source": entry.source,
                "reviewed": entry.reviewed.isoformat(), "how": entry.how_to_apply.pick(locale)}

    async def run(self) -> int:
        """The daily job: tells this month's residents (once each) and gives staff the month's list (once)."""
        today = self.svc.clock.now().date()
        dead = await self.store.deceased()  # a death staff confirmed: no greeting to his chat, nobody to tell
        due = [(p, age) for p, age in reaching(await self.store.residents(), today) if p["id"] not in dead]
        if not due or self.facts(65, "zh") is None:
            return 0
        told = 0
        for person, age in due:
            if person.get("tg_id") and await self.tell(person, age, f"{today}"):
                told += 1
        if await self.store.claim_telling(month := f"{today:%Y-%m}", f"{today}", "listed"):  # marked once sent
            await self.list_for_staff(due, today)
            await self.store.mark_told(month, "listed")
        log.info("age-band messages: %s told this run", told)
        return told

    async def tell(self, person: dict, age: int, day: str) -> bool:
        if not await self.store.claim_telling(marker := f"{person['id']}:{age}", day):  # marked once sent
            return False
        loc = await self.store.pref(person["tg_id"], "locale") or self.svc.settings.locale
        f, cat = self.facts(age, loc), self.svc.cat
        lines = [cat.t("ageband.greeting", loc, name=person["name"], age=age),
                 cat.t("ageband.first" if age == 65 else "ageband.raised", loc, **f),
                 cat.t("ageband.paid", loc)]
        if age == 65:
            lines.append(f["how"])
        lines.append(cat.t("ageband.source", loc, **f))
        result = await self.svc.outbox.send(Outbound(person["tg_id"], "\n".join(lines), bulk=True, tag="ageband"))
        await self.store.mark_told(marker)  # (not reached, too: as before, once a band, tried once)
        return result.ok

    async def list_for_staff(self, due: list[tuple[dict, int]], today: date) -> None:
        cat = self.svc.cat

        def text(chat: int) -> str:  # in her language
            loc = self.svc.staff_locale(chat)
            lines = [cat.t("ageband.staff_list", loc, month=today.month, count=len(due))]
            for person, age in due:
                key = "ageband.staff_row" if person.get("tg_id") else "ageband.staff_row_in_person"
                lines.append(cat.t(key, loc, name=person["name"], age=age, phone=person.get("phone", ""),
                                   new=self.facts(age, loc)["new"]))
            return "\n".join(lines + [cat.t("ageband.source", loc, **self.facts(65, loc))])
        await self.svc.outbox.send_all([roster.staff_line(self.svc, st.telegram_id, text(st.telegram_id), tag="ageband")
                                        for st in self.svc.settings.staff])

