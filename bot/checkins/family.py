"""What a family contact or family doctor is told when they ask after the resident ("我爸今天签到了吗"): today's
check-in, the week's marks and when the resident was last heard from, read from the check-in state now.

And the resident's check-in paused while they say he is away ("我爸住院了"), or started again ("我爸出院回家了"):
`family_away` (what they are told about it, and the staff, is bot/incidents/family_away.py's).

Who may ask about whom is not decided here: the caller (bot/incidents/family_asks.py, through
`Checkins.family_report`) passes only a resident the register links them to.
"""
from __future__ import annotations

from .rules import today_status
from .typed import away_days
from .words import answer_label, date_label, history_line, last_seen_label, next_label, until_label

AWAY_DAYS = 7  # away for a length they do not say: a week, then the greeting comes again (never silenced for good)

ANSWERS = ("ok", "unwell", "help", "activity")


async def family_report(svc, person: dict, locale: str | None = None) -> str | None:
    """The resident's check-in as a family member reads it; None when the resident is not enrolled."""
    st = await svc.checkins.state(person["id"])
    if not st.enrolled:
        return None
    t = lambda k, **kw: svc.cat.t(k, locale, name=person["name"], **kw)  # noqa: E731
    now, hm = svc.clock.ts(), lambda ts: svc.clock.local(ts).strftime("%H:%M")  # noqa: E731
    status = today_status(st, now)
    if status == "answered":
        answer = answer_label(svc, st.answer if st.answer in ANSWERS else "activity", locale)
        today = t("family.checkin_answered", time=hm(st.answered_at), answer=answer)
    elif status in ("waiting", "reminded"):
        today = t("family.checkin_waiting", time=hm(st.slot), until=hm(st.sent_at + 2 * svc.checkins.window_s))
    elif status == "missed":
        today = t("family.checkin_missed", time=hm(st.slot))
    elif status == "paused":
        today = t("family.checkin_paused", until=until_label(svc, st, locale))
    else:
        today = t("family.checkin_other", status=svc.cat.t(f"checkin.st_{status}", locale),
                  when=next_label(svc, st, locale))
    history = history_line(svc, await svc.store.checkin_log(person["id"], 30))
    return "\n".join((today, t("family.checkin_week", history=history),
                      t("family.checkin_last_seen", last=last_seen_label(svc, st.last_seen, locale))))


async def family_away(svc, person: dict, away: str | None, locale: str | None = None) -> tuple[str, str] | None:
    """`away`: their words that he is away (paused for the days they say, else AWAY_DAYS) → ("paused", until when);
    None: that he is back → ("resumed", when the next greeting comes) if paused. None: not enrolled, or nothing to do."""
    cis = svc.checkins
    st = await cis.state(person["id"])
    if not st.enrolled:
        return None
    if away is not None:
        st = await cis.pause(person["id"], away_days(away) or AWAY_DAYS)
        return "paused", date_label(svc, st.paused_until, locale)
    if st.paused(svc.clock.ts()):
        return "resumed", next_label(svc, await cis.resume(person["id"]), locale)
    return None
