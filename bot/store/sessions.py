"""What a conversation keeps between messages: its state, the person's preferences, a sign-up waiting for
staff, and a register file a staff member sent that awaits ✅/❌."""
from __future__ import annotations

from .base import StoreBase, dumps, loads


class SessionsStore(StoreBase):
    async def session(self, uid: int) -> dict:
        return loads(await self.r.get(self.keys.session(uid))) or {}

    async def save_session(self, uid: int, state: dict) -> None:
        if state:
            await self.r.set(self.keys.session(uid), dumps(state))
        else:
            await self.r.delete(self.keys.session(uid))

    async def pref(self, uid: int, name: str) -> str | None:
        v = await self.r.hget(self.keys.prefs(uid), name)
        return v.decode() if v else None

    async def staff_langs(self, uids: list[int]) -> tuple[str, list[list[str | None]]]:
        """How often a staff member's language changed, and each of `uids`' language and whether she chose it, in
        one round trip."""
        async with self.r.pipeline(transaction=False) as p:
            p.get(self.keys.staff_langs())
            for uid in uids:
                p.hmget(self.keys.prefs(uid), ("locale", "chosen"))
            version, *got = await p.execute()
        return (version or b"").decode(), [[v.decode() if v else None for v in row] for row in got]

    async def staff_lang_changed(self) -> None:
        await self.r.incr(self.keys.staff_langs())

    async def set_pref(self, uid: int, name: str, value: str) -> None:
        await self.r.hset(self.keys.prefs(uid), name, value)

    async def prefs(self, uid: int, *names: str) -> list[str | None]:
        """Several of one person's preferences, in one round trip."""
        return [v.decode() if v else None for v in await self.r.hmget(self.keys.prefs(uid), names)]

    async def set_prefs(self, uid: int, values: dict[str, str]) -> None:
        if values:
            await self.r.hset(self.keys.prefs(uid), mapping=values)

    # --- sign-ups waiting for staff ---------------------------------------------
    async def add_pending(self, tg: int, info: dict) -> None:
        await self.r.hset(self.keys.pending(), str(tg), dumps(info))

    async def pending(self, tg: int) -> dict | None:
        return loads(await self.r.hget(self.keys.pending(), str(tg)))

    async def take_pending(self, tg: int) -> dict | None:
        """Exactly one staff member gets to decide on a sign-up."""
        async with self.r.pipeline(transaction=True) as p:
            p.hget(self.keys.pending(), str(tg))
            p.hdel(self.keys.pending(), str(tg))
            raw, removed = await p.execute()
        return loads(raw) if removed else None

    # --- a register file sent in the chat, awaiting ✅/❌ --------------------------------
    async def save_register_draft(self, uid: int, draft: dict, ttl_seconds: int) -> None:
        await self.r.set(self.keys.register_draft(uid), dumps(draft), ex=ttl_seconds)

    async def take_register_draft(self, uid: int) -> dict | None:
        """Exactly one ✅ applies a draft; a second press finds nothing."""
        return loads(await self.r.getdel(self.keys.register_draft(uid)))
