"""Requests that are no emergency but leave an old person stuck, at night: shut out of her home ("我进不去家门了
钥匙丢了") in the cold and the dark. By day such a request keeps the help pace (the on-duty phone, then everyone after
half an hour); at night (the committee's night, `checkin.quiet_hours`; none configured: 21:00–07:00) a sleeping
duty phone must not leave her outside that long: it is opened as "locked_out_night", whose packet says she is outside
at night, and which escalates at `escalation.stuck`'s pace — every colleague and the head within minutes, then her
family, who may have a key. A power cut, or no light, told at night ("停电了 家里黑乎乎的") is the same: alone in
the dark she gets up to find a torch and falls; "dark_night" goes at that pace, its packet saying to phone her to sit
still.
Ordinary requests (a sign-up, a blocked toilet, a question) keep their pace at any hour."""
from __future__ import annotations

from ..clock import in_quiet
from ..config import Level, Policy, QuietHours
from .advice import DARK

AT_NIGHT = {"locked_out": "locked_out_night"}  # the request, and what it is when told at night
IN_THE_DARK = "dark_night"  # a plain request whose words say she has no light, told at night
DARK_FROM = frozenset({None, "other", "repair", "callback", "worry", "lonely", "fall_feared", "carer_away", "visiting"})  # (never
# a death told, a stay in hospital …: their own headers matter more to staff)
STUCK = frozenset({*AT_NIGHT.values(), IN_THE_DARK})
NIGHT = QuietHours.model_validate({"from": "21:00", "to": "07:00"})  # when the committee has no quiet hours


def night_category(svc, category: str | None, words: str = "") -> str | None:
    """The category a request (`words`: what was said) is opened with: its night form at night, else itself."""
    night = svc.settings.checkin.quiet_hours or NIGHT
    if category in STUCK or not in_quiet(night, svc.clock.ts(), svc.settings.timezone):
        return category
    dark = category in DARK_FROM and DARK.search(words or "")
    return AT_NIGHT.get(category) or (IN_THE_DARK if dark else category)


def at_night(svc, kind: str, category: str | None, noted: str | None, words: str = "") -> tuple[str | None,
                                                                                                 str | None]:
    """`night_category` of a request, and what she reads (help.<category>_noted) when it changed."""
    told = night_category(svc, category, words) if kind == "help" else category
    if told == category:
        return category, noted
    return told, f"help.{told}_noted" if noted or told == IN_THE_DARK else None


def stuck(inc: dict) -> bool:
    """A request (not raised to an emergency) about someone stuck at night: escalated at the stuck pace."""
    return inc.get("kind") == "help" and inc.get("category") in STUCK


def stuck_policy(settings) -> Policy:
    """`escalation.stuck`, or when config.yaml leaves it out: the on-duty phone, every colleague and the head after
    5 minutes, her family too after 15, again every 10 minutes while nobody has it."""
    return settings.escalation.stuck or Policy(
        levels=[Level(after_minutes=0, to=["on_duty"]), Level(after_minutes=5, to=["all_staff", "head"]),
                Level(after_minutes=15, to=["all_staff", "head", "family"], remind_staff_to_call=True)],
        repeat_every_minutes=10, arrival_timeout_minutes=30)
