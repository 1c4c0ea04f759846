"""Staff join by phone: a staff member listed in config (name, phone, role) shares their own number with one button.

The config is the only source of staff rights. A join is remembered in Redis (staff id -> Telegram id and the
phone it was matched on) and applied to the settings the flows read, `svc.settings`, which lists only the staff
the bot can reach. A staff member taken off the config list (or whose phone changed) is dropped the moment the
list is applied again, at start or by `refresh`, and their join is forgotten.
"""
from __future__ import annotations

import logging

from ..config import Settings
from ..flows.base import Ctx
from ..flows.menu import show_menu
from ..services import Services
from .register import normalise_phone

log = logging.getLogger(__name__)


def reachable_staff(config: Settings, joined: dict[str, dict]) -> tuple[Settings, list[str]]:
    """The settings with each staff member's Telegram id (configured, or from a join that still matches
    their configured phone), listing only those with one; and the joins that no longer match anyone."""
    taken = {st.telegram_id for st in config.staff if st.telegram_id}
    staff, used = [], set()
    for st in config.staff:
        if st.telegram_id is None:
            j = joined.get(st.id)
            if not j or j.get("phone") != normalise_phone(st.phone) or j.get("tg") in taken:
                continue
            st = st.model_copy(update={"telegram_id": int(j["tg"])})
            taken.add(st.telegram_id)
            used.add(st.id)
        staff.append(st)
    return config.model_copy(update={"staff": staff}), sorted(set(joined) - used)


async def refresh(svc: Services, config: Settings | None = None) -> None:
    """Applies the staff list (a new one, after the config changed) with the joins: rights follow at once."""
    if config is not None or svc.staff_config is None:
        svc.staff_config = config or svc.settings
    settings, stale = reachable_staff(svc.staff_config, await svc.store.staff_bindings())
    await svc.store.unbind_staff(*stale)
    svc.settings = settings
    if (limiter := svc.outbox.limiter) is not None and hasattr(limiter, "keep_free"):  # a place left for alerts
        limiter.keep_free = frozenset(st.telegram_id for st in settings.staff if st.telegram_id)
    if not settings.staff:
        log.warning("no staff member can be reached yet: they join by sharing their phone with the bot")


async def join_as_staff(ctx: Ctx, phone: str) -> bool:
    """A shared own number that is a configured staff member's: they are staff from now on, with their menu."""
    config: Settings = ctx.svc.staff_config or ctx.svc.settings
    st = next((s for s in config.staff if normalise_phone(s.phone) == phone), None)
    if st is None or st.telegram_id not in (None, ctx.ev.user_id):
        return False  # not staff, or staff whose configured Telegram account is another one
    if st.telegram_id is None:
        await ctx.svc.store.bind_staff(st.id, {"tg": ctx.ev.user_id, "phone": phone, "at": ctx.svc.clock.ts()})
        await refresh(ctx.svc)
    ctx.me.role, ctx.me.staff_id, ctx.me.name = "staff", st.id, st.name
    log.info("staff member %s joined by phone", st.id)
    show_menu(ctx, "staff_join.welcome", name=st.name)
    return True
