"""Who the staff are on Telegram and who is on duty beyond the roster: the phone a staff member joined with,
and a duty taken over until a given time."""
from __future__ import annotations

from .base import StoreBase, dumps, loads


class StaffStore(StoreBase):
    async def staff_bindings(self) -> dict[str, dict]:
        return {k.decode(): loads(v) for k, v in (await self.r.hgetall(self.keys.staff_bindings())).items()}

    async def bind_staff(self, staff_id: str, binding: dict) -> None:
        await self.r.hset(self.keys.staff_bindings(), staff_id, dumps(binding))

    async def unbind_staff(self, *staff_ids: str) -> None:
        if staff_ids:
            await self.r.hdel(self.keys.staff_bindings(), *staff_ids)

    async def duty_overrides(self) -> dict[str, float]:
        raw = await self.r.hgetall(self.keys.duty_overrides())
        return {k.decode(): float(v) for k, v in raw.items()}

    async def set_duty_override(self, staff_id: str, until: float | None) -> None:
        if until is None:
            await self.r.hdel(self.keys.duty_overrides(), staff_id)
        else:
            await self.r.hset(self.keys.duty_overrides(), staff_id, until)
