"""Who is on duty now: the weekly roster, unless a staff member has taken the duty over."""
from __future__ import annotations

from datetime import datetime, timedelta

from .clock import in_quiet
from .config import WEEKDAYS, Settings, Staff
from .types import Outbound


def _covers(shift, when: datetime) -> bool:
    t, start, end = when.time(), shift.start(), shift.end()
    today = WEEKDAYS[when.weekday()]
    yesterday = WEEKDAYS[(when - timedelta(days=1)).weekday()]
    if start < end:
        return today in shift.days and start <= t < end
    # runs past midnight (from == to: a full 24 hours): counts for the day it starts
    return (today in shift.days and t >= start) or (yesterday in shift.days and t < end)


def rostered(settings: Settings, when: datetime) -> list[Staff]:
    ids: list[str] = []
    for shift in settings.roster:
        if _covers(shift, when):
            ids += [s for s in shift.staff if s not in ids]
    return [s for s in settings.staff if s.id in ids]


def away(overrides: dict[str, float], ts: float) -> dict[str, str]:
    """Staff relieved of their duty now, by id: "leave" (she asked to be covered: bot/incidents/shift_handoff.py) or
    "off" (a colleague took the duty over from /duty)."""
    return {k.split(":", 1)[1]: k.split(":", 1)[0] for k, until in overrides.items() if ":" in k and until > ts}


def scheduled(settings: Settings, when: datetime, overrides: dict[str, float]) -> list[Staff]:
    """Whoever took the duty over, and the rostered staff nobody took it from (on leave, or relieved from /duty);
    empty when that is nobody."""
    ts, gone = when.timestamp(), away(overrides, when.timestamp())
    rota = {s.id for s in rostered(settings, when)}
    return [s for s in settings.staff if overrides.get(s.id, 0) > ts or (s.id in rota and s.id not in gone)]


def on_duty(settings: Settings, when: datetime, overrides: dict[str, float],
            unreachable: set[str] | frozenset[str] = frozenset()) -> list[Staff]:
    """Rostered staff, but those a colleague took the duty from, with whoever took it (a cover replaces only the one
    who asked: her shift partner stays on duty). Everyone not on leave when nobody is on duty. Staff the bot cannot
    reach (`unreachable` ids) are passed over; if that leaves nobody, the first reachable staff member instead."""
    gone = away(overrides, when.timestamp())
    duty = scheduled(settings, when, overrides) or [s for s in settings.staff if s.id not in gone] or list(settings.staff)
    heard = [s for s in duty if s.id not in unreachable]
    if heard:
        return heard
    return next(([s] for s in settings.staff if s.id not in unreachable and s.id not in gone),
                next(([s] for s in settings.staff if s.id not in unreachable), duty))


async def unreachable(svc) -> set[str]:
    """Staff ids the bot cannot reach, as any process of the committee found (bot/incidents/reach.py)."""
    return await svc.reach.unreachable() if svc.reach else set()


async def reachable_on_duty(svc) -> list[Staff]:
    """Who hears an alert now: the duty, with staff the bot cannot reach passed over (bot/incidents/reach.py)."""
    return on_duty(svc.settings, svc.clock.now(), await svc.store.duty_overrides(), await unreachable(svc))


def staff_by_tg(settings: Settings, tg: int) -> Staff | None:
    return next((s for s in settings.staff if s.telegram_id == tg), None)


def staff_by_id(settings: Settings, sid: str | None) -> Staff | None:
    return next((s for s in settings.staff if s.id == sid), None)


def heads(settings: Settings) -> list[Staff]:
    return [s for s in settings.staff if s.role == "head"]


async def pass_on(svc, chats: list[int], intro, ref, *, tag: str,
                  urgent_intro: bool = False, buttons=(), failed: list[int] | None = None) -> int:
    """`intro` (a text, or a chat's own: Outbox.forward_to) and the forwarded `ref` to `chats`; if none of them can be
    reached (they blocked the bot since the alert), to the reachable staff on duty, else to anyone on the staff the bot
    can reach. How many got it. A chat
    that refused it for good is passed over by the next alert (`Reach.refused`); those of `chats` Telegram failed
    for (5xx, time-outs) are added to `failed`, if given."""
    tried, refused = set(chats), []
    reached = await svc.outbox.forward_to(chats, intro, ref, tag=tag, urgent_intro=urgent_intro, refused=refused,
                                          failed=failed, buttons=buttons)
    for wider in ("on_duty", "staff"):
        if reached:
            break
        if refused and svc.reach:
            await svc.reach.refused(refused)
        cannot = await unreachable(svc)
        staff = (on_duty(svc.settings, svc.clock.now(), await svc.store.duty_overrides(), cannot)
                 if wider == "on_duty" else [st for st in svc.settings.staff if st.id not in cannot])
        more = [st.telegram_id for st in staff if st.telegram_id not in tried]
        tried.update(more)
        reached = await svc.outbox.forward_to(more, intro, ref, tag=tag, urgent_intro=urgent_intro, refused=refused, buttons=buttons)
    if refused and svc.reach:
        await svc.reach.refused(refused)
    return reached


# Lines to staff that are no call for help ("解除了屏蔽", a sign-up to approve): at night they arrive without a sound
# (Telegram's disable_notification), so a phone that rings at 2 a.m. rings for a call. The night is the committee's
# quiet hours (config.yaml `checkin.quiet_hours`). Alerts never come through here: they always ring.
def quiet_now(svc) -> bool:
    s = svc.settings
    return in_quiet(s.checkin.quiet_hours, svc.clock.ts(), s.timezone)


def staff_line(svc, chat: int, text: str, **kw) -> Outbound:
    """A line that is not urgent to a staff chat: silent during the quiet hours."""
    return Outbound(chat, text, silent=quiet_now(svc), **kw)
