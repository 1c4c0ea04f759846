"""What an exported register says beside a resident: 🕯 and the day staff confirmed the death (the register's mark,
bot/checkins/life.py), so a list printed for home visits sends nobody to his door."""
from __future__ import annotations


async def deceased_marks(svc) -> dict[str, str]:
    """Resident id -> the export's MARK cell, for everyone whose death staff confirmed."""
    return {rid: svc.cat.t("register.deceased_cell", date=svc.clock.local(mark["at"]).strftime("%Y-%m-%d"))
            for rid, mark in (await svc.store.deceased()).items()}
