"""Lines to staff that are no call for help ("解除了屏蔽", news of a chat taken back): at night they arrive without
a sound (Telegram's disable_notification), so a phone that rings at 2 a.m. rings for a call. The night is the
committee's quiet hours (config.yaml `checkin.quiet_hours`). Alerts never come through here: they always ring."""
from __future__ import annotations

from .clock import in_quiet
from .types import Outbound


def quiet_now(svc) -> bool:
    s = svc.settings
    return in_quiet(s.checkin.quiet_hours, svc.clock.ts(), s.timezone)


def staff_line(svc, chat: int, text: str, **kw) -> Outbound:
    """A line that is not urgent to a staff chat: silent during the quiet hours."""
    return Outbound(chat, text, silent=quiet_now(svc), **kw)
